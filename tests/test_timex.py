"""The TIMEX3 resolver: spans, types and values of our own sentences, false hits, the CLI, and the TimeBank floor."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from events.dates import find_dates
from events.model import DateBasis, EventDate, Precision
from events.timex import find_timexes
from events.timex_io import to_record
from tests.conftest import ROOT, SHARED

WED = date(2025, 1, 29)
NOV = date(2025, 11, 12)
TIMEBANK = SHARED / "corpus" / "timebank" / "tbaq.jsonl"
TIMEX_SCORER = SHARED / "tools" / "score_timex.py"


def found(text: str, dct: date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, dct)]


@pytest.mark.parametrize("text,dct,expected", [
    ("The ministers met on Tuesday.", WED, [("Tuesday", "DATE", "2025-01-28")]),
    ("The envoy said Wednesday that talks went well.", WED, [("Wednesday", "DATE", "2025-01-29")]),
    ("He will travel to Moscow on Monday.", WED, [("Monday", "DATE", "2025-02-03")]),
    # a day right after a verb of saying is when it was said, though the words said look ahead
    ("The Kremlin said Monday it plans to send more wheat.", WED, [("Monday", "DATE", "2025-01-27")]),
    ("The minister told reporters on Monday that a delegation will go.", WED, [("Monday", "DATE", "2025-01-27")]),
    # a scheduling present in a clause with no past verb looks ahead
    ("The two delegations meet again Friday in Geneva.", WED, [("Friday", "DATE", "2025-01-31")]),
    ("The new tariff takes effect on Saturday.", WED, [("Saturday", "DATE", "2025-02-01")]),
    ("The delegations met again Monday in Geneva.", WED, [("Monday", "DATE", "2025-01-27")]),
    # the day something is planned for lies ahead, though "planned" is a past form; not when told as past
    ("She hoped he would come to the forum, planned for 15 October.", date(2025, 7, 31),
     [("15 October", "DATE", "2025-10-15")]),
    ("The talks were scheduled for 15 October.", NOV, [("15 October", "DATE", "2025-10-15")]),
    # a place between the verb and "for" is a name ("planned in Damascus for", "at The Hague"); lower-case words
    # there are no place: "set at the summit for 3 March" is not a plan ahead, so March is the one just past
    ("Talks planned in Damascus for 3 March may slip.", NOV, [("3 March", "DATE", "2026-03-03")]),
    ("A forum planned at The Hague for 3 March may slip.", NOV, [("3 March", "DATE", "2026-03-03")]),
    ("Quotas set at the summit for 3 March look out of reach.", NOV, [("3 March", "DATE", "2025-03-03")]),
    ("A budget agreed and set at the meeting for 3 March has run out.", NOV, [("3 March", "DATE", "2025-03-03")]),
    ("The index is near the record high set on 6 August.", date(2025, 2, 6), [("6 August", "DATE", "2024-08-06")]),
    ("Talks were held last week.", WED, [("last week", "DATE", "2025-W04")]),
    ("The deal was signed 10 months ago.", WED, [("10 months ago", "DATE", "2024-03")]),
    ("The embassy reopened in October.", WED, [("October", "DATE", "2024-10")]),
    ("Prices have risen for the past three years.", WED, [("the past three years", "DURATION", "P3Y")]),
    ("The summit lasted two hours.", WED, [("two hours", "DURATION", "PT2H")]),
    ("Reforms began in the 1990s.", WED, [("the 1990s", "DATE", "199")]),
    ("Inflation is now falling.", WED, [("now", "DATE", "PRESENT_REF")]),
    ("The two leaders recently spoke.", WED, [("recently", "DATE", "PAST_REF")]),
    ("Officials from both sides meet daily.", WED, [("daily", "SET", "P1D")]),
    ("The vote took place at 10 a.m. yesterday.", WED, [("10 a.m. yesterday", "TIME", "2025-01-28T10:00")]),
    ("12:05 GMT - The delegation arrived. The score was 12.30 at the break.", WED,
     [("12:05 GMT", "TIME", "2025-01-29T12:05")]),
    ("Exports recovered in 2019. Two days later, the minister resigned.", WED,
     [("2019", "DATE", "2019"), ("Two days later", "DURATION", "P2D")]),
    ("He was born on 4 July 1950. At 10:30 a.m. local time on Monday, the plane landed.", WED,
     [("4 July 1950", "DATE", "1950-07-04"), ("10:30 a.m.", "TIME", "2025-01-27T10:30"),
      ("Monday", "DATE", "2025-01-27")]),
    ("This morning the convoy left.", WED, [("This morning", "TIME", "2025-01-29TMO")]),
    ("Harvests were poor last summer.", WED, [("last summer", "DATE", "2024-SU")]),
    ("They rested over the weekend.", WED, [("the weekend", "DATE", "2025-W04-WE")]),
    ("The law came into force in December 2024.", WED, [("December 2024", "DATE", "2024-12")]),
    ("Earlier this year, the two sides met.", WED, [("Earlier this year", "DATE", "2025")]),
    ("Revenue for fiscal 2024 grew.", WED, [("fiscal 2024", "DATE", "2024")]),
    ("The port was leased for 49 years.", WED, [("49 years", "DURATION", "P49Y")]),
    ("It was agreed on 3 May 2019. Talks resumed the following day.", WED,
     [("3 May 2019", "DATE", "2019-05-03"), ("the following day", "DATE", "2019-05-04")]),
    ("Sales rose in the fourth quarter of 2023.", WED, [("the fourth quarter of 2023", "DATE", "2023-Q4")]),
    ("Profit rose in the third quarter. A year earlier, it had lost money.", NOV,
     [("the third quarter", "DATE", "2025-Q3"), ("A year earlier", "DATE", "2024-Q3")]),
    ("The decree of Tuesday, February 7, 2012 was published.", WED,
     [("Tuesday, February 7, 2012", "DATE", "2012-02-07")]),
    ("The offer stands until Dec. 15.", NOV, [("Dec. 15", "DATE", "2025-12-15")]),
    ("On Dec. 15, the fleet sailed.", NOV, [("Dec. 15", "DATE", "2024-12-15")]),
    ("Officials said the talks would be held in June.", NOV, [("June", "DATE", "2026-06")]),
    ("The envoy suggested in June that Moscow would abstain.", NOV, [("June", "DATE", "2025-06")]),
    ("The visit fell on Orthodox Christmas.", date(2020, 1, 8), [("Orthodox Christmas", "DATE", "2020-01-07")]),
    ("The port closed the previous Friday.", WED, [("the previous Friday", "DATE", "2025-01-24")]),
    ("Prices have fallen since August, when the deal will be reviewed.", NOV, [("August", "DATE", "2025-08")]),
    ("It will act on the plan that the envoys, who met in March, drafted.", NOV, [("March", "DATE", "2025-03")]),
    ("Until Thursday, the envoys had not replied.", WED, [("Thursday", "DATE", "2025-01-23")]),
    ("The offer had been due to expire Friday evening.", WED, [("Friday evening", "DATE", "2025-01-24TEV")]),
    ("They vowed to fight Wednesday's ruling.", date(2025, 1, 28), [("Wednesday", "DATE", "2025-01-22")]),
    ("The envoys issued a statement Friday saying talks will resume.", WED, [("Friday", "DATE", "2025-01-24")]),
    ("In January nineteen ninety-seven the line opened.", WED, [("January nineteen ninety-seven", "DATE", "1997-01")]),
    # spans leave out a possessive, an article of an adjective, "its", "in", "about" (TimeBank convention)
    ("A 16-hour flight and a six year term began.", WED,
     [("16-hour", "DURATION", "PT16H"), ("six year", "DURATION", "P6Y")]),
    ("Its third-quarter loss widened; its fourth quarter looks better.", NOV,
     [("third-quarter", "DATE", "2025-Q3"), ("fourth quarter", "DATE", "2025-Q4")]),
    ("In the past, talks took about three years.", WED,
     [("the past", "DATE", "PAST_REF"), ("three years", "DURATION", "P3Y")]),
    # weekday with morning or night is the plain day; with evening it keeps the part (TimeBank majority)
    ("The convoy left Monday night and returned Tuesday evening.", WED,
     [("Monday night", "DATE", "2025-01-27"), ("Tuesday evening", "DATE", "2025-01-28TEV")]),
    ("Revenue for the year ended Sept. 30 rose.", NOV,
     [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "2025-09-30")]),
    ("Talks may resume in the coming weeks, for two more weeks.", WED,
     [("coming weeks", "DURATION", "PXW"), ("two more weeks", "DURATION", "P2W")]),
    ("Refugees stayed 2 1/2 years.", WED, [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("A cutback in March is on the table.", WED, [("March", "DATE", "2025-03")]),
    ("Shares fell on lower-than-expected sales Monday.", WED, [("Monday", "DATE", "2025-01-27")]),
    ("The minister told ABC's \"This Week\" programme nothing new.", WED, []),
    ("Third-quarter profit rose. A year ago it fell. It expects a fourth-quarter charge. "
     "Sales in the quarter grew.", NOV,
     [("Third-quarter", "DATE", "2025-Q3"), ("A year ago", "DATE", "2024-Q3"),
      ("fourth-quarter", "DATE", "2025-Q4"), ("the quarter", "DATE", "2025-Q3")]),
    ("The lease runs to the end of 2030 under the current terms.", WED,
     [("the end of 2030", "DATE", "2030"), ("current", "DATE", "PRESENT_REF")]),
    ("Unemployment was to halve by the year two thousand.", date(1998, 2, 5),
     [("the year two thousand", "DATE", "2000")]),
    ("The sale, which had been expected, helps repay the loan by February.", NOV, [("February", "DATE", "2026-02")]),
    ("In September, it announced plans to expand.", NOV, [("September", "DATE", "2025-09")]),
    # a day or month just ahead stays ahead in a past clause, unless a past verb tells it as done
    ("The court set the hearing for Dec. 7.", date(2025, 11, 28), [("Dec. 7", "DATE", "2025-12-07")]),
    ("The board gave no reason for the Jan. 14 deadline.", date(2025, 12, 29), [("Jan. 14", "DATE", "2026-01-14")]),
    ("The treaty was signed on Dec. 7.", date(2025, 11, 28), [("Dec. 7", "DATE", "2024-12-07")]),
    ("The pact, which was signed on January 18, took effect.", date(2025, 12, 29),
     [("January 18", "DATE", "2025-01-18")]),
    ("The accession was planned for early March.", date(2025, 2, 10), [("early March", "DATE", "2025-03")]),
    ("The talks began in March.", date(2025, 2, 10), [("March", "DATE", "2024-03")]),
    ("But on April 8, officials wondered whether they would find it.", date(2025, 5, 5),
     [("April 8", "DATE", "2025-04-08")]),
    # beside a span from the start of the year, "a year earlier" and "the 2024 period" are the year before
    ("Profit rose in the third quarter. For the nine months, net rose from a year earlier.", NOV,
     [("the third quarter", "DATE", "2025-Q3"), ("the nine months", "DURATION", "P9M"),
      ("a year earlier", "DATE", "2024")]),
    ("In the first nine months, net fell from the 2024 period. Year-ago results were restated.", NOV,
     [("the first nine months", "DURATION", "P9M"), ("the 2024 period", "DATE", "2024"),
      ("Year-ago", "DATE", "2024")]),
    ("Net rose in the third quarter. For the quarter a year ago, it lost money; the corresponding period last "
     "year was weak.", NOV,
     [("the third quarter", "DATE", "2025-Q3"), ("the quarter a year ago", "DATE", "2024-Q3"),
      ("the corresponding period last year", "DATE", "2024-Q3")]),
    ("The sale should close by year-end; shares rose 4% since year end.", NOV,
     [("year-end", "DATE", "2025"), ("year end", "DATE", "2024")]),
    ("Average hourly earnings rose. A week or so ago, talks stalled.", WED,
     [("hourly", "SET", "PT1H"), ("A week or so ago", "DATE", "2025-W04")]),
    ("For the six months ended Aug. 12, net rose from a year earlier.", NOV,
     [("the six months", "DURATION", "P6M"), ("Aug. 12", "DATE", "2025-08-12"),
      ("a year earlier", "DATE", "2024-08-12")]),
    # a sentence opened by "Now" without a comma dates its clause; "Now, ..." only turns the argument
    ("Now officials are reviewing the plan.", WED, [("Now", "DATE", "PRESENT_REF")]),
    ("Now, the envoy said, the plan is dead.", WED, []),
    ("Currently, the crossing is shut; it currently opens twice a week.", WED, [("currently", "DATE", "PRESENT_REF")]),
    ("The envoy was posted there from 2011 to 2014.", WED, [("2011", "DATE", "2011"), ("2014", "DATE", "2014")]),
    ("Pilgrims gather each August at the shrine.", WED, [("each August", "SET", "XXXX-08")]),
    ("Reinforcements could arrive within weeks.", WED, [("weeks", "DURATION", "PXW")]),
    # "one day" is a span unless an idiom: "will one day" looks ahead, "he one day", "One day, ..." tell a story
    ("The envoy had been in the post one day; the region may one day be calm.", WED,
     [("one day", "DURATION", "P1D"), ("one day", "DATE", "FUTURE_REF")]),
    ("After a day-long meeting the decades-long feud ended.", WED,
     [("day-long", "DURATION", "P1D"), ("decades-long", "DURATION", "PXY")]),
    ("The mediator gave them a week to answer, as long as a month in all.", WED,
     [("a week", "DURATION", "P1W"), ("a month", "DURATION", "P1M")]),
    ("By mid-afternoon the square was empty; at mid-morning yesterday it was full.", WED,
     [("mid-afternoon", "TIME", "2025-01-29TAF"), ("mid-morning yesterday", "TIME", "2025-01-28TMO")]),
    ("The ferry sails at 6 in the morning and returns at 9 at night.", WED,
     [("6 in the morning", "TIME", "2025-01-29T06:00"), ("9 at night", "TIME", "2025-01-29T21:00")]),
    # "soon" looking ahead is a time ahead; a conjunction, a speed or a "soon" told in the past is not
    ("The envoy will soon return, and the border may reopen soon.", WED,
     [("soon", "DATE", "FUTURE_REF"), ("soon", "DATE", "FUTURE_REF")]),
    ("The guard was soon relieved; talks resume as soon as the envoy lands, soon after the vote.", WED, []),
    # a span of days or hours told from an event is a duration ("later" is a signal); "a year earlier" stays a date
    ("The envoy left on Monday. Three days later the talks resumed; a few days later they broke down.", WED,
     [("Monday", "DATE", "2025-01-27"), ("Three days later", "DURATION", "P3D"),
      ("a few days later", "DURATION", "PXD")]),
    ("Exports rose in the third quarter from a year earlier; an hour earlier, shares fell.", NOV,
     [("the third quarter", "DATE", "2025-Q3"), ("a year earlier", "DATE", "2024-Q3"),
      ("an hour earlier", "DURATION", "PT1H")]),
    # a bare plural after "in" or "over the" is a span of unknown length, but not "in days of old"
    ("Exports hit their highest level in years, and over the decades the port grew.", WED,
     [("years", "DURATION", "PXY"), ("the decades", "DURATION", "PXY")]),
    ("Pilgrims came in days of old.", WED, []),
    # a season keeps its modifier after "the", and takes a year said aloud
    ("Orders recovered from the low levels of the early summer.", NOV, [("the early summer", "DATE", "2025-SU")]),
    ("Prices last fell this low in the winter of nineteen ninety-four.", date(1998, 2, 23),
     [("the winter of nineteen ninety-four", "DATE", "1994-WI")]),
    # the second day of a pair after a month is a day of that month: "April 24 and 25", "March 3-4"
    ("The summit sits on April 24 and 25; the envoys met March 3-4.", date(2025, 3, 20),
     [("April 24", "DATE", "2025-04-24"), ("25", "DATE", "2025-04-25"), ("March 3", "DATE", "2025-03-03"),
      ("4", "DATE", "2025-03-04")]),
    ("Yields rose May 5 to 10 percent; polls close Nov. 6 at 8 and 9 p.m.", NOV,
     [("May 5", "DATE", "2025-05-05"), ("Nov. 6", "DATE", "2025-11-06"), ("9 p.m.", "TIME", "2025-11-06T21:00")]),
    # "the future of ..." is a fate, not a time
    ("The talks will shape the future of the region; in the future, both sides may meet.", WED,
     [("the future", "DATE", "FUTURE_REF")]),
    # a year with "pre-" or "post-" is still that year, the prefix in its span (TIMEX3 puts it in a modifier)
    ("The post-2011 sanctions outlasted the pre-1990 treaties.", WED,
     [("post-2011", "DATE", "2011"), ("pre-1990", "DATE", "1990")]),
    # an ordinal quarter not begun by the document date, told in the past, is last year's
    ("The carrier reported a loss for the fourth quarter; it expects a better second quarter.", date(2025, 1, 20),
     [("the fourth quarter", "DATE", "2024-Q4"), ("second quarter", "DATE", "2025-Q2")]),
    # "the week of" a day is the calendar week holding it
    ("A hearing is planned for the week of March 9; talks ran the week of Jan. 5, 2015.", date(2026, 2, 20),
     [("the week of March 9", "DATE", "2026-W11"), ("the week of Jan. 5, 2015", "DATE", "2015-W02")]),
    # half a unit after the unit: "a minute and a half" (TIMEX3 in whole smaller units); "later" is a signal
    ("The shelling stopped; a minute and a half later it resumed, and lasted an hour and a half.", WED,
     [("a minute and a half", "DURATION", "PT1M30S"), ("an hour and a half", "DURATION", "PT1H30M")]),
    ("The consulate closed a year and a half ago; the mission, two and a half years ago.", WED,
     [("a year and a half ago", "DATE", "2023-07"), ("two and a half years ago", "DATE", "2022-07")]),
    # "the quarter ended July 31" is the three months up to that day, named by the calendar quarter holding most
    ("Net rose in the quarter ended July 31; in the quarter ended Dec. 31, 2023, it fell.", NOV,
     [("the quarter", "DATE", "2025-Q2"), ("July 31", "DATE", "2025-07-31"), ("the quarter", "DATE", "2023-Q4"),
      ("Dec. 31, 2023", "DATE", "2023-12-31")]),
    # moveable feasts count from Easter Sunday, Gregorian or Julian (Orthodox); "Easter week" is the week holding it
    ("Pilgrims left on Easter Monday; the truce held over Orthodox Easter.", date(2023, 4, 20),
     [("Easter Monday", "DATE", "2023-04-10"), ("Orthodox Easter", "DATE", "2023-04-16")]),
    ("Crowds gathered as Easter week began; the envoy will come back at Easter.", date(2024, 3, 25),
     [("Easter week", "DATE", "2024-W13"), ("Easter", "DATE", "2024-03-31")]),
    # a span of months a year back is still a span: "the year-earlier nine months"
    ("Profit in the nine months rose; the year-earlier six months included a gain.", NOV,
     [("the nine months", "DURATION", "P9M"), ("the year-earlier six months", "DURATION", "P6M")]),
    # "in the morning" is that part of the day the story is at; not "the morning of" a named day
    ("Talks resumed on Monday. The envoys met in the morning; they left on the morning of Feb. 2.", WED,
     [("Monday", "DATE", "2025-01-27"), ("the morning", "TIME", "2025-01-27TMO"), ("Feb. 2", "DATE", "2025-02-02")]),
    # "for a while" is a span of unknown length; "a while ago", "once in a while" are not
    ("The crossing stayed shut for a while; it had reopened a while ago, and once in a while it closes.", WED,
     [("a while", "DURATION", "PXX")]),
    # an age, not a day: "the leaders of tomorrow", "today's modern economy"; "high noon" is an idiom
    ("The leaders of tomorrow read today's modern economy; for the envoy, high noon came at noon today.", WED,
     [("noon today", "TIME", "2025-01-29T12:00")]),
    # a capitalised "March" or "May" between "the" and a noun is the month; not "the March on Washington"
    ("The March accession is set; the May vote was delayed; they joined the March on Washington.", date(2025, 2, 10),
     [("March", "DATE", "2025-03"), ("May", "DATE", "2024-05")]),
    # "it's the second day of ..." is the day of writing; "on the first day" of something else is not
    ("It's the third day of the strike; today is the 10th straight day of rain. On the first day, all was calm.", WED,
     [("the third day", "DATE", "2025-01-29"), ("today", "DATE", "2025-01-29"),
      ("the 10th straight day", "DATE", "2025-01-29")]),
    # the first (last) two quarters of a year are its first (second) half; without a year they stay a span
    ("Growth should last through the first two quarters of 2026 and fade over the last two quarters.", NOV,
     [("the first two quarters of 2026", "DATE", "2026-H1"), ("the last two quarters", "DURATION", "P2Q")]),
    # "the day after" an event is the day after the latest day told; after a date and a comma it restates that day;
    # with a weekday it counts from the weekday; "in the day before leaving" is no expression
    ("The envoy died on Jan. 10. Aides met the day after his death.", WED,
     [("Jan. 10", "DATE", "2025-01-10"), ("the day after", "DATE", "2025-01-11")]),
    ("Shares fell on Jan. 10, the day before the vote, and again later in the day before closing.", WED,
     [("Jan. 10", "DATE", "2025-01-10"), ("the day before", "DATE", "2025-01-10")]),
    ("The day before last Tuesday's hearing, the lawyers met.", WED,
     [("The day before last Tuesday", "DATE", "2025-01-27")]),
    # "that day" needs a day told just before it; after a month or a year it is the day of some event
    ("Talks began on March 3. That day, the envoys met. Prices fell last month; traders sold that day.", WED,
     [("March 3", "DATE", "2024-03-03"), ("That day", "DATE", "2024-03-03"), ("last month", "DATE", "2024-12")]),
    # a weekday with a plural part of the day, or coordinated with one, is every such day (SET)
    ("Ferries leave on Monday and Tuesday nights and on Sunday mornings; one left Monday and returned Tuesday.", WED,
     [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
      ("Sunday mornings", "SET", "XXXX-WXX-7TMO"), ("Monday", "DATE", "2025-01-27"),
      ("Tuesday", "DATE", "2025-01-28")]),
    # "Now for ..." opening a sentence turns to the next item, like "Now, ..."
    ("Now for the weather. Now the roads are open.", WED, [("Now", "DATE", "PRESENT_REF")]),
    # "this year as last": the noun left out, last year; not "than last reported"
    ("Exports rose this year as fast as last, and more this month than last reported.", NOV,
     [("this year", "DATE", "2025"), ("last", "DATE", "2024"), ("this month", "DATE", "2025-11")]),
    # a bare month in a clause of no clear tense is the same month named before in the story
    ("The three states will join in May. With their seats secure, they can plan the summit in May.", date(2025, 12, 5),
     [("May", "DATE", "2026-05"), ("May", "DATE", "2026-05")]),
    ("Their seats are secure; they can plan the summit in May.", date(2025, 12, 5), [("May", "DATE", "2025-05")]),
    # the stretch of text a rule is tried on never ends inside a word: "Eastern" cut after "Easter" is no feast
    ("Aid came today; the convoy then went to Eastern Ghouta.", WED, [("today", "DATE", "2025-01-29")]),
])
def test_find_timexes_types_values_and_spans(text: str, dct: date, expected: list) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize("text", [
    "We may see more talks.", "the 10th session opened", "up 15% on 2-1", "1,600 people", "1 of 3 options",
    "a 6-year-old boy", "a quarter of the staff left", "after the fall of the government", "the current account",
    "March on the capital began.", "He earns $5 a year.", "Jan Smith spoke.", "He told Russia Today television",
    "by Daily Sabah staff", "four flights a week", "it will be a second round",
    "in today's world", "a lesson for today's youth", "He told CBS's \"60 Minutes\" the truth.",
    "Year-end results were restated.", "Output rose from 1990 to 2,000 tons.", "each may choose a seat",
    "He one day hopes to return.", "One day, a stranger came.",
])
def test_find_timexes_ignores_common_words(text: str) -> None:
    assert found(text) == []


def test_find_timexes_without_document_date_keeps_stated_dates_only() -> None:
    assert found("They met on Tuesday and signed in March 2019.", None) == [("March 2019", "DATE", "2019-03")]


def test_find_dates_carries_timex_type_and_value_with_event_date() -> None:
    anchor = EventDate(WED, Precision.DAY, DateBasis.STATED)
    timex = find_dates("The delegations met last week in Moscow.", anchor)[0]
    assert (timex.type, timex.value, timex.preposition) == ("DATE", "2025-W04", "met")
    assert (str(timex.date), timex.date.precision, timex.date.basis) == ("2025-01", Precision.MONTH, DateBasis.RELATIVE)


def test_cli_timexes_round_trip_skips_bad_lines(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join([
        json.dumps({"doc": "a", "dct": "2025-01-29", "text": "They met on Tuesday."}),
        "not json at all",
        json.dumps({"doc": "b", "dct": "2025-01-29"}),
        json.dumps({"doc": "c", "dct": "2025-01-29T08:00:00", "text": "Nothing dated here."}),
    ]) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "events", "timexes", str(source), "--out", str(target)],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert "in.jsonl:2: skipped" in run.stderr and "in.jsonl:3: skipped" in run.stderr
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"doc": "a", "timexes": [{"start": 12, "end": 19, "text": "Tuesday", "type": "DATE", "value": "2025-01-28"}]},
        {"doc": "c", "timexes": []},
    ]


def test_cli_timexes_missing_input_is_an_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "events", "timexes", str(tmp_path / "none.jsonl"), "--out",
                          str(tmp_path / "out.jsonl")], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2 and "not a file" in run.stderr


def test_timebank_value_f1_floor() -> None:
    """TempEval-3 training documents (TimeBank + AQUAINT), scored with the shared TE3-style scorer."""
    if not TIMEBANK.exists() or not TIMEX_SCORER.exists():
        pytest.skip("TimeBank data or scorer not in ../shared")
    spec = importlib.util.spec_from_file_location("score_timex", TIMEX_SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load_jsonl(str(TIMEBANK))
    pred = {doc: to_record(doc, find_timexes(g["text"], date.fromisoformat(g["dct"][:10]))) for doc, g in gold.items()}
    result = scorer.score(gold, pred)
    assert result["relaxed"]["F1"] >= 0.954
    assert result["strict"]["F1"] >= 0.897
    assert result["value"]["F1"] >= 0.850
    assert scorer.score(gold, pred, "DATE")["value"]["F1"] >= 0.864


def test_sentence_bounds_look_only_so_far_in_a_text_without_sentence_ends() -> None:
    from events.timex_context import SENTENCE_REACH, sentence_bounds

    text = "word " * 50_000
    start, end = sentence_bounds(text, 120_000, 120_010)
    assert 120_000 - start <= SENTENCE_REACH and end - 120_010 <= SENTENCE_REACH
    short = "One. Two on Monday. Three"
    at = short.index("Monday")
    assert sentence_bounds(short, at, at + 6) == (4, short.index(". Three"))


def test_rule_hints_never_cost_a_match() -> None:
    """A rule's hint only skips text where it cannot match: candidates with hints equal those without, on
    TimeBank and the seed and dev articles (a pattern edited without its hint would fail here)."""
    from bench.timex_hints import read_texts, unhinted_candidates
    from events.timex import find_candidates
    texts = [*read_texts(TIMEBANK), *read_texts(SHARED / "corpus" / "seeds"), *read_texts(SHARED / "corpus" / "dev")]
    assert len(texts) > 256
    differing = [text[:60] for text in texts
                 if sorted(c[:3] for c in find_candidates(text).matches) != unhinted_candidates(text)]
    assert differing == []


# Narrative cues: once a story has moved to a past year, "that year", "the next year", "That June", "a fortnight
# later" count from the date it has reached, and a day and month without a year told after them in the sentence
# is read near that point, not near the document date.
@pytest.mark.parametrize("text,expected", [
    ("The treaty was signed on 3 May 2009. Early the next year, on the 9th of March, the envoys flew to Aden.",
     [("3 May 2009", "DATE", "2009-05-03"), ("Early the next year", "DATE", "2010"),
      ("the 9th of March", "DATE", "2010-03-09")]),
    ("The port reopened on 2 June 2016. In August of that year, on the 14th, a tanker docked.",
     [("2 June 2016", "DATE", "2016-06-02"), ("August of that year", "DATE", "2016-08"),
      ("the 14th", "DATE", "2016-08-14")]),
    ("The pact was renewed on 5 March 2014. That October, on the 2nd, the army chief came, and on 9 November the "
     "president followed.",
     [("5 March 2014", "DATE", "2014-03-05"), ("That October", "DATE", "2014-10"), ("the 2nd", "DATE", "2014-10-02"),
      ("9 November", "DATE", "2014-11-09")]),
    ("The envoys met on 20 December 2023. A fortnight later, on 4 January, they met again.",
     [("20 December 2023", "DATE", "2023-12-20"), ("A fortnight later", "DURATION", "P2W"),
      ("4 January", "DATE", "2024-01-04")]),
    ("The rebels took the town on 1 May 2012. Two weeks later, on the night of 12 May, it fell back.",
     [("1 May 2012", "DATE", "2012-05-01"), ("Two weeks later", "DURATION", "P2W"), ("12 May", "DATE", "2012-05-12")]),
    # a bare month after such a cue too
    ("The treaty was signed on 3 May 2009. Early the next year, in March, the envoys flew to Aden.",
     [("3 May 2009", "DATE", "2009-05-03"), ("Early the next year", "DATE", "2010"), ("March", "DATE", "2010-03")]),
    # "this year" after a day and month puts it in the document's year, however the clause is told
    ("On the 3rd of January this year she will have met him twice.",
     [("the 3rd of January this year", "DATE", "2025-01-03")]),
    # the anniversary of the document's day
    ("Five years ago today the first convoy crossed.", [("Five years ago today", "DATE", "2020-11-12")]),
    # a holiday in apposition to a stated day names that day
    ("On 25 December 2019, Christmas, the choir sang. The following week the roads closed.",
     [("25 December 2019", "DATE", "2019-12-25"), ("Christmas", "DATE", "2019-12-25"),
      ("The following week", "DATE", "2020-W01")]),
    # a year qualifying a noun in an aside told in the past perfect is that thing's, not where the story is
    ("The accord was signed on 6 April 2018; an earlier 2016 memo had set the terms. That July the first ships came.",
     [("6 April 2018", "DATE", "2018-04-06"), ("2016", "DATE", "2016"), ("That July", "DATE", "2018-07")]),
    ("The accord was signed on 6 April 2018. His 2016 visit was short. That July he came back.",
     [("6 April 2018", "DATE", "2018-04-06"), ("2016", "DATE", "2016"), ("That July", "DATE", "2016-07")]),
])
def test_narrative_cues_count_from_the_date_the_story_has_reached(text: str, expected: list) -> None:
    assert found(text, NOV) == expected


def _counted(text: str) -> list[tuple[str, str | None]]:
    """The expressions of `text` after its first (a stated date), each with the day it leads to (None: none)."""
    return [(t.text, t.point.value() if t.point else None) for t in find_timexes(text, NOV)[1:]]


# "N units after/before/into X" and "the day after X" count from the date last told only when X refers back to what
# that date told, and that date was told shortly before (STORY_REACH); a happening of its own has a day unknown here.
_CAMPAIGN = "The air campaign opened on 30 September 2015, with jets flying from the coast. "
_FILLER = "The analysts quoted here disagree about what the strikes achieved and about who paid for them. " * 17


@pytest.mark.parametrize("text,expected", [
    # the object refers back to the happening the date told: counted from it
    (_CAMPAIGN + "Three weeks after the first strikes, the envoy flew to Moscow.",
     [("Three weeks", "2015-10-21")]),
    (_CAMPAIGN + "Ten days into the campaign, the envoy flew to Moscow.", [("Ten days", "2015-10-10")]),
    (_CAMPAIGN + "The day after, the envoy flew to Moscow.", [("The day after", "2015-10-01")]),
    ("The old leader fell on 8 December 2024 and left the capital. The day after his fall, the envoys met.",
     [("The day after", "2024-12-09")]),
    ("Rebels attacked the airport on 3 May 2016. Two days after the attack, the envoys met.",
     [("Two days", "2016-05-05")]),
    # a clause, a named happening, something new, a happening the date did not tell: no day
    (_CAMPAIGN + "Three months after Assad fled, the envoy flew to Moscow.", [("Three months", None)]),
    (_CAMPAIGN + "Two weeks before he left office, the envoy flew to Moscow.", [("Two weeks", None)]),
    (_CAMPAIGN + "Three weeks after the two sides signed a truce, the envoy flew to Moscow.", [("Three weeks", None)]),
    (_CAMPAIGN + "Ten days into the new government, the envoy flew to Moscow.", [("Ten days", None)]),
    (_CAMPAIGN + "A month after Assad's ouster, the envoy flew to Moscow.", [("A month", None)]),
    (_CAMPAIGN + "Three weeks after a meeting in Geneva, the envoy flew to Moscow.", [("Three weeks", None)]),
    (_CAMPAIGN + "Six months after the earthquake, the envoy flew to Moscow.", [("Six months", None)]),
    (_CAMPAIGN + "The day after the fall of Assad, the envoy flew to Moscow.", []),
    (_CAMPAIGN + "The day after his death, the envoy flew to Moscow.", []),
    # told far back (more than STORY_REACH characters before): no longer where the story is
    (_CAMPAIGN + _FILLER + "Three weeks after the first strikes, the envoy flew to Moscow.", [("Three weeks", None)]),
    (_CAMPAIGN + _FILLER + "The day after, the envoy flew to Moscow.", []),
])
def test_counted_spans_count_only_from_the_happening_last_dated(text: str, expected: list) -> None:
    assert _counted(text) == expected


@pytest.mark.parametrize("text,expected", [
    # told in the past right after a stated day of an earlier year, a day that would lie ahead of the document date
    # is the first such day after the story's date
    ("On 3 February 2016 the sides signed a protocol. On 20 December the envoy flew to Aden.",
     [("3 February 2016", "DATE", "2016-02-03"), ("20 December", "DATE", "2016-12-20")]),
    # not when the story's date is recent, or was told further back: read against the document date as before
    # (events move such a day told in the past to the year before)
    ("On 3 February 2025 the sides signed a protocol. On 20 December the envoy flew to Aden.",
     [("3 February 2025", "DATE", "2025-02-03"), ("20 December", "DATE", "2025-12-20")]),
    ("On 3 February 2016 the sides signed a protocol. Trade grew. Prices fell. On 20 December the envoy flew to Aden.",
     [("3 February 2016", "DATE", "2016-02-03"), ("20 December", "DATE", "2025-12-20")]),
    # nor a day already past in the document's year
    ("On 3 February 2016 the sides signed a protocol. On 2 October the envoy flew to Aden.",
     [("3 February 2016", "DATE", "2016-02-03"), ("2 October", "DATE", "2025-10-02")]),
])
def test_a_day_told_in_the_past_that_would_lie_ahead_follows_the_story(text: str, expected: list) -> None:
    assert found(text, NOV) == expected


@pytest.mark.parametrize("text,expected", [
    # news: a bare day is the one nearest the document date; "the next year" in a look ahead counts from it
    ("The ministers met on 4 November.", [("4 November", "DATE", "2025-11-04")]),
    ("The talks ended on 1 March 2019. Prices will rise the next year.",
     [("1 March 2019", "DATE", "2019-03-01"), ("the next year", "DATE", "2026")]),
    # no narrative cue: "on the 14th" is no date, and "that" after a verb of saying is a conjunction
    ("The vote took place on the 14th.", []),
    ("The council said that December was the wettest month.", [("December", "DATE", "2024-12")]),
    # "three days after the vote" stays a span (its value has no date)
    ("On 1 March 2019 the polls closed. Three days after the vote, the count began.",
     [("1 March 2019", "DATE", "2019-03-01"), ("Three days", "DURATION", "P3D")]),
    # the day a thing is planned for looks ahead, with its place between ("planned in Damascus for ...")
    ("She said the envoys hoped to attend a forum, planned in the Syrian capital for the 9th of March.",
     [("the 9th of March", "DATE", "2026-03-09")]),
    # a fortnight is a span of two weeks
    ("The fair ran for a fortnight.", [("a fortnight", "DURATION", "P2W")]),
])
def test_narrative_cues_leave_news_dates_alone(text: str, expected: list) -> None:
    assert found(text, NOV) == expected


def test_bench_timex_halves_scores_each_half_and_lists_changes(tmp_path, capsys) -> None:
    """bench.timex_halves splits the gold by wire and date, scores each half, and diffs against a saved run."""
    from bench import timex_halves
    gold = tmp_path / "gold.jsonl"
    docs = [
        {"doc": "APW19990101.0001", "dct": "1999-01-01", "text": "Talks resumed on Monday.",
         "timexes": [{"start": 16, "end": 22, "text": "Monday", "type": "DATE", "value": "1998-12-28"}]},
        {"doc": "wsj_9999", "dct": "1989-11-02", "text": "Profit rose last year.",
         "timexes": [{"start": 12, "end": 21, "text": "last year", "type": "DATE", "value": "1987"}]},
    ]
    gold.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    assert timex_halves.is_aquaint("APW19990101.0001", "1999-01-01")
    assert not timex_halves.is_aquaint("APW19980213.1320", "1998-02-13")  # a TimeBank wire story before August 1998
    saved = tmp_path / "pred.jsonl"
    assert timex_halves.main([str(gold), "--save", str(saved)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("AQUAINT") and "right    1" in lines[0]
    assert lines[1].startswith("TimeBank") and "right    0" in lines[1]
    assert lines[2].startswith("all") and "gold    2" in lines[2]
    saved.write_text(saved.read_text(encoding="utf-8").replace("1988", "1987"), encoding="utf-8")
    assert timex_halves.main([str(gold), "--diff", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "- wsj_9999 'last year' 1987 (right)" in out and "+ wsj_9999 'last year' 1988 (gold 1987)" in out


@pytest.mark.parametrize("before,scheduled", [
    ("the summit, planned in the Syrian capital for ", True),
    ("talks planned in Damascus for ", True),
    ("a forum planned at The Hague for ", True),
    ("a visit scheduled for ", True),
    # inside the case-blind pattern the place must still be capitalised
    ("a target set at the summit for ", False),
    ("an offensive expected in the north for ", False),
    ("aid due in the camps for ", False),
])
def test_a_place_between_a_plan_and_its_day_is_a_name(before: str, scheduled: bool) -> None:
    from events.timex_context import SCHEDULED_FOR
    assert (SCHEDULED_FOR.search(before) is not None) is scheduled
