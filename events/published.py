"""The anchor every relative date is resolved against: the publication date, or one inferred from the text."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from events.gazetteer import Gazetteer
from events.model import DateBasis, EventDate, Precision
from events.timex_resolve import number
from events.timex_rules import load_vocabulary
from loaders.article import Article
from loaders.datelines import MONTH_RE, MONTHS, ambiguous_order, find_calendar_dates

# A landmark in the last month of its year says nothing of the publication year: articles cite a landmark for
# years, so one written "since the fall of the Assad government" (8 December 2024) is most likely from a later year.
OPEN_YEAR_END = timedelta(days=31)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


# Words that make the time said to have passed a guess: "nearly a year after" moves nothing.
_HEDGE = re.compile(r"\b(?:nearly|almost|about|around|some|roughly|less than|under)\s+$", re.I)
# "half a year after": half the unit, not a whole one
_HALF = re.compile(r"\bhalf[\s-]+$", re.I)
# A landmark pattern may itself open with the word that tells time has passed ("since Russia intervened in
# Syria"): the amount before it ("two years since ...") still counts.
_LEADING_LINK = re.compile(r"(?:after|since)\s+", re.I)


@cache
def _elapsed_before() -> re.Pattern[str]:
    """Time said to have passed since a landmark, just before it: "two years after", "a year since", "the first
    anniversary of"."""
    numbers = "|".join(sorted((re.escape(w) for w in load_vocabulary().numbers), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?P<num>\d+|{numbers})\s+(?P<unit>day|week|month|year)s?\s+(?:after|since)"
        rf"|\b(?P<ord>{'|'.join(_ORDINALS)}|\d+(?:st|nd|rd|th))\s+anniversary\s+of)\s+(?:the\s+)?$", re.I)


def _elapsed_days(before: str) -> int:
    """Days that the words just before a landmark say have passed since it (0 when they say nothing)."""
    m = _elapsed_before().search(before)
    if m is None:
        return 0
    if m.group("ord"):
        word = m.group("ord").lower()
        return 365 * (int(word[:-2]) if word[0].isdigit() else _ORDINALS.index(word) + 1)
    if _HEDGE.search(before, 0, m.start("num")):
        return 0
    days = int(number(m.group("num")) or 0) * _UNIT_DAYS[m.group("unit").lower()]
    return days // 2 if _HALF.search(before, 0, m.start("num")) else days


def _words_before(text: str, m: re.Match[str]) -> str:
    """The words before a landmark's mention, with the 'since' or 'after' that opens the mention itself."""
    link = _LEADING_LINK.match(m.group())
    return text[max(0, m.start() - 60): m.start()] + (link.group() if link else "")


# What the words right after a landmark say of the time of writing: "the fall of the Assad government last month"
# was written in the next month, "... last year" in the next year, "... earlier this month" in its month, and
# "... in December" (its month, named without a year) within the eleven months after it.
_WHEN_AFTER = re.compile(r"\s*,?\s*(?:(?P<last>last)\s+(?P<lunit>month|year)|(?:earlier\s+)?this\s+(?P<tunit>month|year)"
                         r"|in\s+(?P<month>" + "|".join(calendar.month_name[1:]) + r"))\b(?!\s*,?\s*(?:of\s+)?\d)",
                         re.I)


def _month_start(year: int, month: int) -> date:
    """The first day of a month counted on from `year`-01 (`month` may run past 12)."""
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _month_end(year: int, month: int) -> date:
    return _month_start(year, month + 1) - timedelta(days=1)


def _window_after(text: str, end: int, day: date) -> tuple[date, date] | None:
    """The days of writing the words after a landmark's mention at `end` allow (`_WHEN_AFTER`), if they say."""
    m = _WHEN_AFTER.match(text, end, end + 30)
    if m is None:
        return None
    if m.group("lunit"):
        if m.group("lunit").lower() == "month":
            return _month_start(day.year, day.month + 1), _month_end(day.year, day.month + 1)
        return date(day.year + 1, 1, 1), date(day.year + 1, 12, 31)
    if m.group("tunit"):
        return day, (_month_end(day.year, day.month) if m.group("tunit").lower() == "month" else date(day.year, 12, 31))
    if list(calendar.month_name).index(m.group("month").capitalize()) != day.month:
        return None  # another month than the landmark's: not its date
    return _month_start(day.year, day.month + 1), _month_end(day.year, day.month + 11)


def _landmark_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[str, date, bool, tuple[date, date] | None]]:
    """(id, earliest day of writing, whether it leaves the year open, the days of writing the words after it
    allow) for each landmark named."""
    found = []
    lowered = text.lower()
    for lm in gazetteer.landmarks:
        if lm.keywords and not any(k in lowered for k in lm.keywords):
            continue
        matches = [m for p in lm.patterns for m in p.finditer(text)]
        if not matches:
            continue
        moved = max(_elapsed_days(_words_before(text, m)) for m in matches)
        windows = [w for m in matches if (w := _window_after(text, m.end(), lm.day)) is not None] if not moved else []
        found.append((lm.landmark_id, lm.day + timedelta(days=moved), lm.cited_for_years and not moved,
                      windows[0] if len(set(windows)) == 1 else None))
    return found


def _year_end(day: date) -> bool:
    """True for a day in the last month of its year (`OPEN_YEAR_END`)."""
    return date(day.year, 12, 31) - day < OPEN_YEAR_END


# The lead: the opening of the story, where news tells the day it is about. A full date further down is
# background ("under a lease signed on January 18, 2017") and says nothing of when the article was written.
LEAD_CHARS = 300


def lead(text: str) -> str:
    """The story's first paragraph, and the next ones while the lead is shorter than `LEAD_CHARS`."""
    end = 0
    while end < min(LEAD_CHARS, len(text)):
        nxt = text.find("\n\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    return text[:end]


# A year the text names ("in 2019", "the 2021 election"), not part of a larger number or an amount.
_NAMED_YEAR = re.compile(r"(?<![\d,.$£€/-])\b((?:19|20)\d\d)\b(?![,.]?\d|\s*%)")


# A wire dateline that prints no year: "MOSCOW, Dec 17 (Reuters) -", "DAMASCUS, Feb. 6 —".
_YEARLESS_DATELINE = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,30},\s+(?i:" + MONTH_RE + r")\s+(?P<day>[0-3]?\d)\b"
                                r"(?!\s*,?\s*\d)\s*(?:\([^)]{1,30}\)\s*)?[-–—]")
# A slashed date that reads both ways ("Posted 01/07/2020 11:05 AM ET"); a US time zone after it sets the order,
# month first. Either way its year is certain.
_SLASHED_STAMP = re.compile(r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"
                            r"(?P<us>[^\n]{0,20}?\b[AP]\.?M\.?\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)\b)?")


def yearless_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a dateline opening the text without a year, if there is one."""
    m = _YEARLESS_DATELINE.match(text)
    if m is None:
        return None
    return MONTHS[m.group("month").lower()], int(m.group("day"))


def _slashed_dates(head: str) -> list[tuple[date, bool, str]]:
    """A slashed date in the lead readable both ways: its earlier reading, and whether a US time zone after it
    makes the month-first reading the one."""
    found = []
    for m in _SLASHED_STAMP.finditer(head):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if not ambiguous_order(b, a, "/"):
            continue  # read already by the lead's calendar dates, or no date at all
        try:
            readings = [date(year, a, b), date(year, b, a)]
        except ValueError:
            continue
        us = bool(m.group("us"))
        found.append((readings[0] if us else min(readings), us, m.group(0)[:10]))
    return found


def publication_anchor(article: Article, gazetteer: Gazetteer) -> tuple[EventDate | None, str]:
    """The publication date as an anchor, and a note on where it came from.

    Without a known date, the article was written on or after the latest landmark it mentions or the latest
    full date its lead states; that year is taken as the publication year (precision year, basis inferred).
    What the text says right after a landmark narrows that ("the fall of the Assad government last month": the
    next month, precision month; "... in December": within the eleven months after it, a year when they fall in
    one), and a wire dateline without a year ("MOSCOW, Dec 17 (Reuters)") then gives the day when it falls in
    the days allowed. A slashed date readable both ways gives its year, or its day when a US time zone follows.
    An article gets no anchor, an unknown date beating a wrong one, when it holds no such evidence; when the
    latest evidence leaves the year open (a day in the last month of a year, a landmark cited for years with
    no time said to have passed); when the evidence disagrees (a dateline outside the days allowed); or when
    the text names a later year than the evidence gives.
    """
    if article.published:
        return EventDate(article.published, Precision.DAY, DateBasis.STATED), article.published_source.value
    head = lead(article.text)
    mentions = _landmark_mentions(article.text, gazetteer)
    evidence: list[tuple[date, bool, str]] = [(day, open_, f"landmark {lid}") for lid, day, open_, _ in mentions]
    evidence += [(found.value, False, f"date {found.value.isoformat()} in the lead")
                 for found in find_calendar_dates(head)]
    slashed = _slashed_dates(head)
    for day, us, printed in slashed:
        if us:
            # a stamp earlier than a landmark the text names, or outside the days its words allow, is not the day
            if any(found > day for found, _, _ in evidence) or any(
                    w is not None and not w[0] <= day <= w[1] for *_, w in mentions):
                return None, f"no publication date: the date {printed} and the landmarks named disagree"
            return EventDate(day, Precision.DAY, DateBasis.INFERRED), f"date {printed} read month first (US time)"
        evidence.append((day, False, f"date {printed} in the lead (day and month order unknown)"))
    if not evidence:
        return None, "no publication date and nothing in the text to infer one from"
    latest, open_, why = max(evidence)
    windows = [(w, lid) for lid, _, _, w in mentions if w is not None]
    if windows:
        lo, hi = max([latest] + [w[0] for w, _ in windows]), min(w[1] for w, _ in windows)
        why = "the words after landmark " + ", ".join(lid for _, lid in windows)
        if lo > hi:
            return None, f"no publication date: {why} and the other evidence disagree"
        if lo.year != hi.year:
            return None, f"no publication date: {why} leave the year open ({lo.isoformat()} to {hi.isoformat()})"
    else:
        if _year_end(latest):
            return None, f"no publication date: the latest evidence, {why} ({latest.isoformat()}), ends a year"
        if open_:
            return None, f"no publication date: the latest evidence, {why} ({latest.isoformat()}), is cited for years"
        lo, hi = latest, date(latest.year, 12, 31)
    later = sorted({int(y) for y in _NAMED_YEAR.findall(article.text) if int(y) > hi.year})
    if later:
        return None, f"no publication date: the text names {later[-1]}, later than {why} ({lo.isoformat()})"
    dateline = yearless_dateline(article.text)
    if dateline is not None:
        try:
            day = date(lo.year, *dateline)
        except ValueError:
            day = None
        if day is None or not lo <= day <= hi:
            return None, f"no publication date: the dateline's day is not one {why} allows"
        return EventDate(day, Precision.DAY, DateBasis.INFERRED), f"dateline's day in the year inferred from {why}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return EventDate(date(lo.year, lo.month, 1), Precision.MONTH, DateBasis.INFERRED), f"month inferred from {why}"
    return EventDate(date(lo.year, 1, 1), Precision.YEAR, DateBasis.INFERRED), f"year inferred from {why}"
