"""Readers for periods and spans: "last week", "two years ago", "the third quarter", "five hours", "every day"."""
from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from events.timex_calendar import (
    NEAR_DAYS,
    Grain,
    Point,
    day_in_year,
    easter,
    month_shift,
    nth_weekday,
    quarter_start,
    shift,
    weekday_near,
)
from events.timex_context import PAST_VERB, sentence_bounds
from events.timex_resolve import (
    GRAIN_RANK,
    NEXT,
    PREVIOUS,
    REPORT_WINDOW,
    SEASON_MONTHS,
    STORY_REACH,
    UNIT_GRAINS,
    Context,
    Reading,
    _duration,
    _prev_word,
    _unit,
    in_name,
    number,
    spelled_year,
)
from events.timex_rules import ORDINALS, WEEKDAYS, load_vocabulary
from loaders.datelines import MONTHS

# Words after which "a year", "an hour" measure a span ("for a year", "within an hour", "as long as a month",
# "the culmination of a week", "gave him a week").
SPAN_PREPOSITIONS = {"for", "within", "over", "about", "nearly", "almost", "than", "after", "lasting", "lasted",
                     "last", "lasts", "spent", "spend", "took", "take", "takes", "under", "only", "just", "least",
                     "as", "of", "him", "them"}
# "will one day be": a time ahead (FUTURE_REF); "he one day hopes", "One day, ...": a figure of speech.
_MODALS = {"will", "would", "could", "may", "might", "can", "should", "must", "shall"}
_SUBJECTS = {"he", "she", "they", "we", "i", "you", "it", "who"}
# "the nine months", "the first nine months", "the latest nine months": a financial year so far; "a year earlier"
# beside it is the year before (TimeBank: 1988), not the quarter the story reports.
YEAR_TO_DATE_WHICH = {"", "first", "latest"}
_ENDED_AFTER = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|to\s+end)\b", re.I)
_FRACTION_AFTER = re.compile(r"\s+of\s+(?:the|a|an|its|his|her|their|all|them|this|that)\b", re.I)


def read_set(m: re.Match[str], ctx: Context) -> Reading | None:
    """"daily", "every week", "Tuesday nights": repeated times (TIMEX3 SET)."""
    g = m.groupdict()
    if g.get("set") and in_name(ctx, m):
        return None
    if g.get("set"):
        return Reading("SET", load_vocabulary().sets[" ".join(g["set"].lower().split())], None, False)
    if g.get("smonth"):
        if not g["smonth"][0].isupper():
            return None
        return Reading("SET", f"XXXX-{MONTHS[g['smonth'].lower()]:02d}", None, False)
    if not m.group("wd")[0].isupper():
        return None
    part = g.get("parts")
    code = "T" + load_vocabulary().parts_of_day[part.lower()[:-1]] if part else ""
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}{code}", None, False)


def _season_point(dct: date, code: str, offset: int) -> Point:
    """The season `code` of the current season's year moved by `offset` occurrences."""
    year = dct.year
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(dct.month, "FA")
    order = ["WI", "SP", "SU", "FA"]
    if offset < 0 and order.index(code) >= order.index(current):
        year -= 1
    elif offset > 0 and order.index(code) <= order.index(current):
        year += 1
    return Point(date(year, SEASON_MONTHS[code], 1), Grain.SEASON, season=code)


def read_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    """"last week", "this year", "next month", "the weekend", "last fall"."""
    if ctx.dct is None:
        return None
    if m.group("unit")[0].isupper() and not m.group().isupper():
        return None  # "This Week", "Next Year": the title of a programme or a book, not a time
    which, unit = " ".join(m.group("which").lower().split()), m.group("unit").lower()
    seasons = load_vocabulary().seasons
    if m.group("smod") and unit not in seasons:
        return None  # "the early summer" is a season; "the early year" is no expression
    if which == "the" and unit not in seasons and unit != "weekend":
        return None
    if which == "the" and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "the fall of the government"
    offset = -1 if which in PREVIOUS else 1 if which in NEXT else 0
    if which in STORY_WHICH and unit in {"year", "month", "week"} and ctx.last is not None and not ctx.last_relative \
            and _told_in_past(ctx, m):
        # "On 4 October 2011 ... Early the next year": counted from the date the story has reached
        grain = UNIT_GRAINS[unit]
        point = shift(Point(ctx.last.day, grain), offset, grain)
        return Reading("DATE", point.value(), point, False, story=True)
    if unit in seasons:
        point = _season_point(ctx.dct, seasons[unit], offset) if offset else \
            Point(date(ctx.dct.year, SEASON_MONTHS[seasons[unit]], 1), Grain.SEASON, season=seasons[unit])
        return Reading("DATE", point.value(), point, True)
    grain = UNIT_GRAINS[unit]
    if unit == "weekend":
        mode = "future" if offset > 0 or ctx.tense == "future" else "past"
        saturday = weekday_near(ctx.dct, 5, mode) if ctx.dct.weekday() != 6 else ctx.dct - timedelta(days=1)
        point = Point(saturday, Grain.WEEKEND)
        return Reading("DATE", point.value(), point, True)
    if grain in (Grain.DECADE, Grain.CENTURY) and which in {"the past", "the last"}:
        return Reading("DURATION", _duration(1, unit), None, True)
    point = shift(Point(ctx.dct, grain), offset, grain)
    return Reading("DATE", point.value(), point, True)


# "the next year", "the following month", "the previous week": after a date of the past the story tells, they count
# from it; in a clause that looks ahead, or with no such date, from the document date.
STORY_WHICH = {"the next", "the following", "the previous"}
_MODAL_AHEAD = re.compile(r"\b(?:will|shall|would|'ll|going\s+to|is\s+to|are\s+to|plans?|expects?|hopes?)\b", re.I)


def _told_in_past(ctx: Context, m: re.Match[str]) -> bool:
    """True when the sentence around a match has a past verb and nothing that looks ahead ("next" in the match
    itself is no look ahead: "Early the next year, Lavrov flew to Damascus")."""
    start, end = sentence_bounds(ctx.text, m.start(), m.end())
    rest = ctx.text[start:m.start()] + " " + ctx.text[m.end():end]
    return PAST_VERB.search(rest) is not None and _MODAL_AHEAD.search(rest) is None


# A counted span's object ("three weeks after the first strikes", "the day after the fall of Assad") refers back to
# what the date last told dated when it opens with one of these and names no happening of its own.
_BACK_REFERENCE = {"the", "its", "his", "her", "their", "this", "that", "these", "those", "our"}
_NEW_WORDS = {"new", "newly", "next", "another", "latest", "second", "third"}  # "into the new government"
_SUBJECTS_IN_CLAUSE = {"he", "she", "they", "it", "we", "i", "you"}
_OBJECT_END = re.compile(r"[,;:.!?()\n\"“”]")
_OBJECT_REACH = 80
_TOLD_REACH = 200  # characters before the end of the date last told where the happening it dates is told
_OBJECT_WORD = re.compile(r"[\w'’-]+")


def _counts_from_story(ctx: Context, at: int) -> bool:
    """True when a span counted from an event whose object starts at `at` ("after the first strikes", "the day
    after, he ...") may count from the date last told: that date ends at most STORY_REACH characters before, and the
    object is nothing or a definite noun phrase that refers back to it. Not a clause ("after Assad fled", "before he
    left"), an indefinite, bare or named object ("after a meeting", "after talks", "after Assad's fall"), something
    new ("into the new government"), or a happening of its own ("the fall of Assad", "his death"; `own_happenings`)
    unless the words before the date last told tell it ("Assad fell on 8 December 2024 ... the day after his fall")."""
    if not 0 <= ctx.last_at <= at or at - ctx.last_at > STORY_REACH:
        return False
    end = _OBJECT_END.search(ctx.text, at, at + _OBJECT_REACH)
    words = _OBJECT_WORD.findall(ctx.text, at, end.start() if end else at + _OBJECT_REACH)
    if not words:
        return True  # "The day after, he flew home"
    lowered = [w.lower() for w in words]
    if lowered[0] not in _BACK_REFERENCE or _SUBJECTS_IN_CLAUSE & set(lowered) or _NEW_WORDS & set(lowered):
        return False
    for before, word in pairwise(words):
        if word.islower() and PAST_VERB.fullmatch(word) and before.lower() not in _BACK_REFERENCE \
                and before.lower() not in ORDINALS and not before.endswith("ly"):
            return False  # "after the two sides signed the accord": a clause
    own = load_vocabulary().own_happenings
    nouns = [w for w in lowered if w in own or (w.endswith("s") and w[:-1] in own)]
    if not nouns:
        return True
    # what was told up to the date last told, not in the sentence of the span ("Assad, who fled, ... a year after
    # his flight"): an abbreviation ("Jan. 10") makes the date's own sentence start unsure
    told = ctx.text[max(0, ctx.last_at - _TOLD_REACH):max(ctx.last_at, sentence_bounds(ctx.text, at, at)[0])].lower()
    return all(_tells(told, noun if noun in own else noun[:-1], own) for noun in nouns)


def _tells(text: str, noun: str, own: dict[str, tuple[str, ...]]) -> bool:
    """True when lower-case `text` tells the happening `noun` names: a word of its stem ("attacked" for "attack",
    "resigned" for "resignation") or one of its own words ("fell" for "fall")."""
    if any(re.search(r"\b" + re.escape(form) + r"\b", text) for form in own[noun]):
        return True
    if len(noun) <= 5:
        return re.search(r"\b" + re.escape(noun) + r"\w{0,2}\b", text) is not None
    return re.search(r"\b" + re.escape(noun[:max(5, min(len(noun) - 3, 6))]), text) is not None


# Units of a span told from an event rather than a calendar period: "three days later", "an hour earlier" are the
# span (TIMEX3 DURATION), while "a year earlier" is the year-ago period itself.
SPAN_UNITS = {"day", "week", "hour", "minute", "second"}
_UNKNOWN = {Grain.DAY: "XXXX-XX-XX", Grain.WEEK: "XXXX-WXX", Grain.MONTH: "XXXX-XX"}


def read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """"two years ago", "a year earlier", "three days later": counted from the document date or the last date."""
    n, unit, direction = number(m.group("num")), _unit(m.group("unit")), (m.group("dir") or m.group("rel")).lower()
    if n is not None and unit in load_vocabulary().unit_multiples:  # "a fortnight later": two weeks
        unit, n = load_vocabulary().unit_multiples[unit][0], n * load_vocabulary().unit_multiples[unit][1]
    if unit not in UNIT_GRAINS and unit not in {"hour", "minute", "second"}:
        return None
    if direction in {"before", "after", "into"}:
        # "two days after the attack": a span from an event; after a date of the past the story tells ("On 2 May
        # 2016 ... Three weeks after the first raids"), the day it leads to is counted from that date when the
        # words after "after" refer back to what that date told (not "after Assad fled", "into the new government")
        point = None
        if n and ctx.last is not None and unit in UNIT_GRAINS and ctx.dct is not None \
                and (not ctx.last_relative or ctx.dct - ctx.last.day > REPORT_WINDOW) \
                and GRAIN_RANK[ctx.last.grain] <= GRAIN_RANK[UNIT_GRAINS[unit]] \
                and _counts_from_story(ctx, m.end("rel")):
            grain = UNIT_GRAINS[unit]
            point = Point(shift(Point(ctx.last.day, Grain.DAY), int(n) * (-1 if direction == "before" else 1),
                                grain).day, Grain.YEAR if m.group("approx") else Grain.DAY)  # "less than six months"
        return Reading("DURATION", _duration(n, unit), point, False, reference=False)
    span = direction in {"later", "earlier"} and unit in SPAN_UNITS
    if n == 0:
        if span:
            return Reading("DURATION", _duration(0, unit), None, False)  # "a few days later"
        return Reading("DATE", "PAST_REF" if direction in {"ago", "earlier"} else "FUTURE_REF", None, True)
    if n is None or (ctx.dct is None and ctx.last is None):
        return None
    if m.group("half") or m.group("half_after"):
        # "a year and a half ago", "two and a half years ago": months back; "a minute and a half later" is left to
        # the duration rule, which leaves "later" out as a signal
        if unit != "year" or not n:
            return None
        n, unit = int(12 * n + 6), "month"
    grain = UNIT_GRAINS.get(unit, Grain.DAY)
    sign = -1 if direction in {"ago", "earlier"} else 1
    count = int(n) if unit in UNIT_GRAINS else 0
    if direction in {"ago", "from now"}:
        if ctx.dct is None:
            return None
        base, relative = Point(ctx.dct, grain), True
        if grain is Grain.YEAR and ctx.report_quarter is not None and not ctx.year_to_date:
            base = ctx.report_quarter  # "a year ago" beside a quarterly result is that quarter a year before
    else:
        if ctx.last is None:
            return None
        base, relative = ctx.last, ctx.last_relative
        if GRAIN_RANK[base.grain] > GRAIN_RANK[grain] and grain in (Grain.DAY, Grain.WEEK, Grain.MONTH):
            if span:
                return Reading("DURATION", _duration(n, unit), None, False)
            return Reading("DATE", _UNKNOWN[grain], None, relative, reference=False)  # "last year ... two days later"
        if GRAIN_RANK[base.grain] > GRAIN_RANK[grain] or (grain is Grain.YEAR and ctx.year_to_date):
            base = Point(base.day, grain)
    if grain is Grain.DECADE:
        count, grain = count * 10, Grain.YEAR
        base = Point(base.day, Grain.YEAR)
    point = shift(Point(base.day, base.grain, base.season), sign * count, grain)  # a time of day stays behind
    story = direction in {"later", "earlier"}  # "A fortnight later, on 12 February": near the day it leads to
    if span:
        # TIMEX3 marks the span and leaves "later" a signal; the day it leads to is still the point events use
        return Reading("DURATION", _duration(n, unit), point, relative, reference=False, story=story,
                       base=base if story else None)
    if direction == "ago" and m.group("today"):  # "ten years ago today": that very day, where the story now is
        point = Point(shift(Point(ctx.dct, Grain.DAY), sign * count, grain).day, Grain.DAY)
        return Reading("DATE", point.value(), point, relative)
    return Reading("DATE", point.value(), point, relative, reference=False, story=story, base=base if story else None)


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the past three years", "two hours", "16-hour", "several months": TIMEX3 DURATION."""
    g = m.groupdict()
    if g.get("bare"):
        return Reading("DURATION", _duration(0, _unit(g["bare"])), None, False)
    if g.get("long"):  # "a day-long meeting", "a decades-long feud": one unit, or an unknown number of them
        word = g["long"].lower()
        return Reading("DURATION", _duration(0 if word.endswith("s") else 1, _unit(word)), None, False)
    unit = _unit(g["unit"])
    multiple = load_vocabulary().unit_multiples.get(unit)
    if multiple:  # "a fortnight": two weeks
        unit = multiple[0]
    if g["unit"][0].isupper() and not m.group().isupper() and not _sentence_start(ctx, m):
        return None  # "CBS's "60 Minutes"": the title of a programme
    if g.get("vague"):
        vague = " ".join(g["vague"].lower().split())
        if vague in {"recent", "the past few", "the last few"} and unit in {"year", "years"}:
            return Reading("DATE", "PAST_REF", None, True)
        return Reading("DURATION", _duration(0, unit), None, False)
    word = " ".join(g["num"].lower().split())
    n = number(word)
    if n is None or n >= 1000:
        return None
    if multiple:
        n *= multiple[1]
    hyphenated = "-" in ctx.text[m.start("num"): m.start("unit")]  # "a one-day trip" is a span
    half = bool(g.get("half") or g.get("half_after"))  # "two and a half years", "a minute and a half"
    bare_one = not (g["approx"] or g["which"] or g["the"] or hyphenated or half)
    if word == "one" and bare_one and unit == "day":
        prev = _prev_word(ctx, m)
        if prev in _MODALS:
            return Reading("DATE", "FUTURE_REF", None, True)
        if prev in _SUBJECTS or _sentence_start(ctx, m):
            return None
    if word in {"a", "an"} and bare_one and _prev_word(ctx, m) not in SPAN_PREPOSITIONS:
        return None  # "$5 a year", "four flights a week": a rate, not a span
    if word in {"a", "an"} and unit == "second":
        return None  # "a second round"
    if ctx.text[m.end(): m.end() + 4].lower() == " old" \
            or (unit == "quarter" and _FRACTION_AFTER.match(ctx.text, m.end())):
        return None
    trim = 0
    if g["the"] and not g["which"] and not g["approx"] and word not in {"a", "an"} \
            and (hyphenated or not g["unit"].lower().endswith("s")):
        trim = m.start("num") - m.start()  # "a 16-hour flight", "a six year term": the article is the noun's
    if word in {"a", "an"} and m.group().lower().endswith("-long"):
        trim = m.start("unit") - m.start()  # "a day-long meeting": the article is the meeting's
    year_to_date = unit == "month" and 1 < n < 12 and bool(g["the"] or g["which"]) \
        and (g["which"] or "").lower() in YEAR_TO_DATE_WHICH
    return Reading("DURATION", _duration(n, unit, half), None, False, trim=trim,
                   year_to_date=year_to_date)


def _sentence_start(ctx: Context, m: re.Match[str]) -> bool:
    before = ctx.text[max(0, m.start() - 30): m.start()].rstrip(" \t\"“‘'`(")
    return not before or before[-1] in ".!?\n:"


def _reporting_quarter(ctx: Context) -> tuple[Point | None, bool]:
    """The quarter a financial story reports on: the last one named, else the one before the document date."""
    if ctx.report_quarter is not None:
        return ctx.report_quarter, ctx.last_relative
    if ctx.dct is None:
        return None, True
    return Point(month_shift(quarter_start(ctx.dct), -3), Grain.QUARTER), True


def read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the third quarter", "fiscal 1989 first quarter", "the year-ago period": YYYY-Qn."""
    g = m.groupdict()
    pre = " ".join((g["pre"] or "").lower().split())
    explicit = g["year"] or g["ypost"] or g["fy"]
    if g["q"].lower() == "period":
        if g["ord"] or not (explicit or pre in {"the latest", "the year-ago", "the year-earlier", "the same",
                                                "the comparable year-ago", "the current", "the previous"}):
            return None
    elif not (g["ord"] or pre) or (not explicit and _FRACTION_AFTER.match(ctx.text, m.end())):
        return None
    year_shift = {"last year's": -1, "next year's": 1}.get(pre, 0) + {"last": -1, "next": 1}.get(
        (g["yrel"] or "").lower(), 0)
    if g["ord"]:
        if explicit:
            year, relative = int(explicit), False
        elif ctx.dct is not None:
            year, relative = ctx.dct.year + year_shift, True
            if not year_shift and date(year, 3 * ORDINALS[g["ord"].lower()] - 2, 1) > ctx.dct and ctx.tense == "past":
                year -= 1  # "announced a drop in profits for the fourth quarter" in January: a quarter already over
        else:
            return None
        point = Point(date(year, 3 * ORDINALS[g["ord"].lower()] - 2, 1), Grain.QUARTER)
        if pre in {"the year-ago", "the year-earlier", "the comparable year-ago"}:
            point = shift(point, -1, Grain.YEAR)
            return Reading("DATE", point.value(), point, relative, reference=False)
        adjective = pre == "the" and not explicit and "-" in ctx.text[m.start("ord"): m.start("q")]
        # "the third-quarter loss": the article belongs to the noun after the adjective
        return Reading("DATE", point.value(), point, relative, trim=m.start("ord") - m.start() if adjective else 0)
    if ctx.dct is None and not explicit:
        return None
    current = Point(quarter_start(ctx.dct), Grain.QUARTER) if ctx.dct else None
    ended = _QUARTER_ENDED.match(ctx.text, m.end()) if pre == "the" and g["q"].lower() == "quarter" else None
    if ended and ctx.dct is not None and (last_day := _stated_day(ended, ctx)) is not None:
        # "the quarter ended July 31": the three months up to that day, named by the calendar quarter holding most
        # of them (May to July: the second)
        point = Point(quarter_start(last_day - timedelta(days=45)), Grain.QUARTER)
        return Reading("DATE", point.value(), point, ended.group("year") is None)
    if pre in {"this", "the current"} and current:
        point, relative = current, True
    elif pre in {"last", "the previous", "the past"} and current:
        point, relative = shift(current, -1, Grain.QUARTER), True
    elif pre == "next" and current:
        point, relative = shift(current, 1, Grain.QUARTER), True
    else:
        base, relative = _reporting_quarter(ctx)
        if base is None:
            return None
        if g["q"].lower() == "period" and ctx.year_to_date and ctx.dct is not None:
            # "the 1988 period" beside "the first nine months" is that year
            point = Point(date(int(explicit) if explicit else ctx.dct.year - 1, 1, 1), Grain.YEAR)
            return Reading("DATE", point.value(), point, relative and not explicit, reference=False)
        point = base
        if explicit:
            point = Point(date(int(explicit), base.day.month, 1), Grain.QUARTER)
        if pre in {"the year-ago", "the year-earlier", "the comparable year-ago"} or year_shift:
            point = shift(point, year_shift or -1, Grain.YEAR)
            return Reading("DATE", point.value(), point, relative, reference=False)
    return Reading("DATE", point.value(), point, relative)


_QUARTER_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending)\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>[0-3]?\d)\b"
                            r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")


def _stated_day(m: re.Match[str], ctx: Context) -> date | None:
    """The day of a month and day (and year) matched by `_QUARTER_ENDED`: without a year, the latest one on or
    before about the document date."""
    month = MONTHS.get(m.group("month").lower())
    if month is None or ctx.dct is None:
        return None
    if m.group("year"):
        try:
            return date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            return None
    return day_in_year(ctx.dct, month, int(m.group("day")), "past")


def read_the_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the year", "the fiscal year", "the week"; and "year-earlier"/"year-ago" as adjectives."""
    if ctx.dct is None:
        return None
    if m.group("adj"):
        base = Point(ctx.dct, Grain.YEAR) if ctx.year_to_date else ctx.report_quarter or Point(ctx.dct, Grain.YEAR)
        point = shift(base, -1, Grain.YEAR)
        return Reading("DATE", point.value(), point, True, reference=False)
    which = " ".join((m.group("which") or "").lower().split())
    offset = -1 if which in {"previous", "past", "latest fiscal"} else 0
    if m.group("unit").lower() == "week":
        return Reading("DATE", f"{ctx.dct.year:04d}-WXX", None, True) if not which else None
    if _ENDED_AFTER.match(ctx.text, m.end()):
        return Reading("DURATION", "P1Y", None, False)  # "the year ended Sept. 30": a year-long span
    point = Point(date(ctx.dct.year + offset, 1, 1), Grain.YEAR)
    return Reading("DATE", point.value(), point, True, reference=False)


def read_half(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the first half of 1990", "the second half": YYYY-H1, YYYY-H2."""
    g = m.groupdict()
    if not (g["the"] or g["ypost"] or g["yrel"]) or (not g["ypost"] and _FRACTION_AFTER.match(ctx.text, m.end())):
        return None
    if g["quarters"] and not (g["ypost"] or g["yrel"] or g["year"]):
        return None  # "over the first two quarters": a span, unless of a year
    if g["ypost"]:
        year, relative = int(g["ypost"]), False
    elif ctx.dct is not None:
        year, relative = ctx.dct.year + {"last": -1, "next": 1}.get((g["yrel"] or "").lower(), 0), True
    else:
        return None
    point = Point(date(year, 1 if g["ord"].lower() == "first" else 7, 1), Grain.HALF)
    return Reading("DATE", point.value(), point, relative)


def read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    """"summer 1998", "the winter of 1994": YYYY-SU, YYYY-WI."""
    code = load_vocabulary().seasons[m.group("season").lower()]
    year = int(m.group("year")) if m.group("year") else spelled_year(m.group("cent"), m.group("rest"))
    if year is None:
        return None
    point = Point(date(year, SEASON_MONTHS[code], 1), Grain.SEASON, season=code)
    return Reading("DATE", point.value(), point, False)


_AFTER_STATED_DAY = re.compile(r"\b(?:1[6-9]|20)\d\d,\s+(?:the\s+)?$")


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Christmas", "last Thanksgiving": the holiday nearest the document date in the tense of the clause."""
    name = m.group("holiday")
    if not name[0].isupper() or ctx.dct is None:
        return None
    key = " ".join(name.lower().split())
    vocab = load_vocabulary()
    feast = vocab.feasts.get(key)
    rule = vocab.holidays.get(key, ())

    week = bool(feast) and feast[2] == "week"

    def on(year: int) -> date:
        """The holiday's day in `year`; for a week, the Monday of the week holding the feast."""
        if feast:
            day = easter(year, feast[0] == "orthodox") + timedelta(days=feast[1])
            return day - timedelta(days=day.weekday()) if week else day
        return date(year, rule[0], rule[1]) if len(rule) == 2 else nth_weekday(year, *rule)
    which = (m.group("which") or "").lower()
    day = on(ctx.dct.year)
    if not which and ctx.last is not None and ctx.last.grain is Grain.DAY and not ctx.last_relative \
            and _AFTER_STATED_DAY.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "On 7 January 2020, Orthodox Christmas, ...": the holiday names the day just told, in its year
        point = Point(on(ctx.last.day.year), Grain.WEEK if week else Grain.DAY)
        return Reading("DATE", point.value(), point, False)
    if (which == "last" or (not which and ctx.tense != "future")) and day > ctx.dct:
        day = on(ctx.dct.year - 1)
    elif (which == "next" or (not which and ctx.tense == "future")) \
            and day < ctx.dct - timedelta(days=6 if week else 0):
        day = on(ctx.dct.year + 1)
    point = Point(day, Grain.WEEK if week else Grain.DAY)
    return Reading("DATE", point.value(), point, True)


def read_anaphoric(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the following day", "that week", "the previous year": counted from the last date mentioned."""
    w = " ".join(m.group("w").lower().split())
    unit = w.split()[-1]
    if unit in {"day", "morning", "evening", "night"} or w in {"the day before", "the day after"}:
        if ctx.last_day is None:
            return None
        if "that" in w.split() and (ctx.last is None or ctx.last.grain is not Grain.DAY):
            return None  # "you have strong redemptions that day": no day told just before, a day of an event
        step = 1 if any(k in w for k in ("following", "next", "after", "later")) else \
            -1 if any(k in w for k in ("previous", "before", "earlier")) and "that" not in w else 0
        point = Point(ctx.last_day.day + timedelta(days=step), Grain.DAY)
        return Reading("DATE", point.value(), point, ctx.last_relative, story=True)
    if ctx.last is None:
        return None
    grain = UNIT_GRAINS[unit]
    step = 1 if any(k in w for k in ("following", "next")) else -1 if "previous" in w else 0
    point = shift(Point(ctx.last.day, grain), step, grain)
    return Reading("DATE", point.value(), point, ctx.last_relative, story=True)


def read_year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """"by year-end", "since year end", "around year end": the year whose end it is (TIMEX3 puts the end in a
    modifier); only after a preposition, since "year-end net" is an adjective."""
    if ctx.dct is None or not (m.group("prep") or m.group("around")):
        return None
    since = (m.group("prep") or "").split()[0].lower() == "since" if m.group("prep") else False
    point = Point(date(ctx.dct.year - (1 if since else 0), 1, 1), Grain.YEAR)
    return Reading("DATE", point.value(), point, True, reference=False, trim=len(m.group("prep") or ""))


def read_period_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the quarter a year ago", "the corresponding period last year": the reported period, a year back."""
    if ctx.year_to_date and ctx.dct is not None:
        point = Point(date(ctx.dct.year - 1, 1, 1), Grain.YEAR)
        return Reading("DATE", point.value(), point, True, reference=False)
    base, relative = _reporting_quarter(ctx)
    if base is None:
        return None
    point = shift(base, -1, Grain.YEAR)
    return Reading("DATE", point.value(), point, relative, reference=False)


def read_week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the week of March 6": the calendar week holding that day (the day's year from the document date and
    the tense, as for "March 6" alone)."""
    if not m.group("month")[0].isupper():
        return None
    month, day = MONTHS[m.group("month").lower()], int(m.group("day"))
    if m.group("year"):
        try:
            when, relative = date(int(m.group("year")), month, day), False
        except ValueError:
            return None
    elif ctx.dct is not None:
        when, relative = day_in_year(ctx.dct, month, day, ctx.tense, NEAR_DAYS), True
    else:
        return None
    if when is None:
        return None
    point = Point(when, Grain.WEEK)
    return Reading("DATE", point.value(), point, relative)


def read_day_part(m: re.Match[str], ctx: Context) -> Reading | None:
    """"(dealers bought) in the morning": that part of the day the story is at (the latest day mentioned); the
    preposition is left out of the span."""
    if ctx.last_day is None:
        return None
    point = Point(ctx.last_day.day, Grain.DAY, time="T" + load_vocabulary().parts_of_day[m.group("part").lower()])
    return Reading("TIME", point.value(), point, ctx.last_relative, reference=False,
                   trim=m.start("part") - m.start() - 4)


_COPULA_BEFORE = re.compile(r"\b(?:it['’]s|it\s+is|today\s+is|this\s+is)\s+$", re.I)


def read_nth_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"it's the second day of the offensive", "today is the eighth day of ...": the day of writing."""
    if ctx.dct is None or not _COPULA_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    point = Point(ctx.dct, Grain.DAY)
    return Reading("DATE", point.value(), point, True)


_APPOSITION_BEFORE = re.compile(r",\s*$")


def read_day_before(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the day after his death": the day after the latest day told; "on Oct. 12, the day before the plunge": an
    apposition, that day again; "the day before last Tuesday's hearing": counted from the weekday it names."""
    step = -1 if m.group("dir").lower() == "before" else 1
    if _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()) or _GERUND_AFTER.match(ctx.text, m.end()):
        return None  # "later in the day before returning home": "before" joins a clause to "the day"
    if m.group("wd"):
        if ctx.dct is None or not m.group("wd")[0].isupper():
            return None
        which = (m.group("which") or "").lower()
        mode = {"last": "last", "next": "next", "this": "future"}.get(which) or \
            ("future" if ctx.tense == "future" else "past")
        anchor, relative = weekday_near(ctx.dct, WEEKDAYS[m.group("wd").lower()], mode), True
    elif ctx.last_day is None or ctx.last_day.day == ctx.dct:
        return None  # no day told yet: the event it counts from has no date
    else:
        anchor, relative = ctx.last_day.day, ctx.last_relative
        if _APPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()) and \
                _DAY_END_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            step = 0  # "Oct. 12, the day before the plunge": the day just named
        elif ctx.last is None or ctx.last.day != anchor or not _counts_from_story(ctx, m.end()):
            return None  # "the day after the fall of Assad": the day of a happening of its own, not the last day told
    point = Point(anchor + timedelta(days=step), Grain.DAY)
    return Reading("DATE", point.value(), point, relative)


_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
_GERUND_AFTER = re.compile(r"\s+\w+ing\b")
_DAY_END_BEFORE = re.compile(r"(?:\b[0-3]?\d|day|night),\s*$", re.I)


def read_day_phrase(m: re.Match[str], ctx: Context) -> Reading | None:
    """The phrases of the "day_phrase" rule, each to its reader."""
    if m.group("part"):
        return read_day_part(m, ctx)
    if m.group("nth"):
        return read_nth_day(m, ctx)
    if m.group("dir"):
        return read_day_before(m, ctx)
    return read_week_of(m, ctx)
