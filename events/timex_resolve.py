"""Read one matched temporal expression into a TIMEX3 type and value, news style.

Each reader gets the match and a `Context` (the document creation time, the tense of the clause, the last
points mentioned) and returns a `Reading`, or None when the words are not a date after all.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from events.timex_calendar import NEAR_DAYS, Grain, Point, day_in_year, month_near, month_shift, weekday_near
from events.timex_context import told_as_past
from events.timex_dateparser import normalise
from events.timex_rules import WEEKDAYS, day_word, load_vocabulary
from loaders.datelines import MONTHS

UNIT_GRAINS = {"day": Grain.DAY, "week": Grain.WEEK, "month": Grain.MONTH, "quarter": Grain.QUARTER,
               "year": Grain.YEAR, "decade": Grain.DECADE, "century": Grain.CENTURY, "weekend": Grain.WEEKEND}
GRAIN_RANK = {g: i for i, g in enumerate(Grain)}
SEASON_MONTHS = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
PREVIOUS = {"last", "the past", "the last", "this past", "the previous", "the latest"}
NEXT = {"next", "the next", "the coming", "this coming", "the following"}
# A bare month name that is also a common word needs a word before it that only a date takes.
MONTH_CUES = {"in", "since", "by", "until", "till", "through", "of", "from", "to", "early", "late", "mid", "last",
              "next", "this", "and", "or", "between", "during", "before", "after", "on", "for"}
AMBIGUOUS_MONTHS = {"may", "march"}
# A bare month named in a clause of no clear tense is the coming one when it is at most this many months ahead.
NEAR_MONTHS = 2
PAST_SLACK = timedelta(days=2)  # how far ahead a day told with a past verb ("signed on Jan. 18") may still be
FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
_PREV_WORD = re.compile(r"([\w$%]+)[^\w$%]*$")
# The day a clock time names just after it: "10:30 a.m. local time on Friday", "midnight on Dec. 31".
_DAY_AFTER_CLOCK = re.compile(
    r"(?:\s+\(?(?:local|[A-Z][a-z]+)\s+time\)?|\s+(?:[ECMP][SD]T|GMT|UTC)\b)?,?\s+(?:on\s+)?" + day_word(), re.I)


@dataclass(frozen=True, slots=True)
class Context:
    """What a reader may use besides the match."""

    text: str
    dct: date | None
    tense_of: Callable[[], str]  # the clause's tense (`tense`), found only for the readers that ask for it
    last: Point | None         # the latest point mentioned before
    last_day: Point | None     # the latest day mentioned before (the document date at first)
    report_quarter: Point | None
    last_relative: bool        # whether `last` depends on the document date
    year_to_date: bool = False  # a span from the start of the year was just named ("the first nine months")
    month_years: Mapping[int, int] = field(default_factory=dict)  # month -> the year of its latest mention
    story: Point | None = None  # where a narrative cue of this sentence led ("the next year", "a fortnight later")
    last_at: int = -1          # where the expression that gave `last` ends in the text

    @property
    def tense(self) -> str:
        """past | future | neutral: the tense of the clause around the expression."""
        return self.tense_of()


@dataclass(frozen=True, slots=True)
class Reading:
    """A TIMEX3 type and value, the calendar point behind it (if any), and whether it needed the anchor."""

    type: str
    value: str
    point: Point | None
    relative: bool
    reference: bool = True     # later expressions may count from this one
    trim: int = 0              # characters the span leaves out at its start ("a" in "a 16-hour flight")
    year_to_date: bool = False  # a span of months from the start of the year ("the first nine months")
    base: Point | None = None  # the point a span told from an event counts from ("two months later": the last date)
    story: bool = False        # counted from the date the story has reached: a year-less day after it in the
    # same sentence ("Early the next year, on the 7th of February") is read near this point, not the document date


def number(word: str) -> float | None:
    """The number a numeral stands for; 0 for vague ones ("several"), None when unknown."""
    word = " ".join(word.lower().split())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return load_vocabulary().numbers.get(word)


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s") if word != "s" else word


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _duration(n: float | None, unit: str, half: bool = False) -> str:
    letter, is_time = load_vocabulary().units[unit]
    if n is None or n == 0:
        return ("PT" if is_time else "P") + "X" + ("Y" if letter in ("DE", "CE") else letter)
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    if half and letter == "H":
        return f"PT{_fmt(n)}H30M"
    if half and letter == "M" and is_time:
        return f"PT{_fmt(n)}M30S"  # "a minute and a half"
    if half and letter == "Y" and n == int(n):
        return f"P{_fmt(n)}Y6M"  # "2 1/2 years"
    if half:
        n += 0.5
    return ("PT" if is_time else "P") + _fmt(n) + letter


def _prev_word(ctx: Context, m: re.Match[str]) -> str:
    found = _PREV_WORD.search(ctx.text[max(0, m.start() - 30): m.start()])
    return found.group(1).lower() if found else ""


def _next_word(ctx: Context, m: re.Match[str]) -> str:
    found = re.match(r"\s*([\w']+)", ctx.text[m.end(): m.end() + 30])
    return found.group(1).lower() if found else ""


def _point(ctx: Context, point: Point, relative: bool, kind: str = "DATE") -> Reading:
    return Reading(kind, point.value(), point, relative)


def _core(*parts: str) -> str:
    """The words dateparser is given: the date itself, without the modifiers our patterns allow around it."""
    return " ".join(" ".join(parts).split())


def read_full_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Aug. 7, 1998", "Tuesday, 3 May 2019", "2013/09/05": a stated day, normalised by dateparser."""
    g = m.groupdict()
    order = "YMD" if m.group()[:4].isdigit() else "DMY"  # the all-number forms: 2013/09/05 and 07.08.1998
    read = normalise(_core(m.group()), order)
    if read is not None and read.grain is Grain.DAY:
        return _point(ctx, Point(read.day, Grain.DAY), False)
    month = MONTHS[g["month"].lower()] if g.get("month") else int(g["mnum"])
    try:  # a form dateparser does not read ("3 of May 2019"): the pattern's own groups
        return _point(ctx, Point(date(int(g["year"]), month, int(g["day"])), Grain.DAY), False)
    except ValueError:
        return None


def read_month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Sept. 30", "21 December": dateparser reads month and day; the year comes from the document date and
    the tense."""
    if not m.group("month")[0].isupper() or ctx.dct is None:
        return None
    read = normalise(_core(m.group("month"), m.group("day")))
    if read is None or read.grain is not Grain.DAY:
        return None
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    if rel:  # "on the 28th of January this year", "March 3 last year", "on 5 May that year"
        year = story_year(rel, ctx)
        try:
            return _point(ctx, Point(date(year, read.day.month, read.day.day), Grain.DAY), True) if year else None
        except ValueError:
            return None
    if ctx.story is not None:  # "A fortnight later, on 12 February": the one nearest where the story has got to
        value = near_story(ctx.story, read.day.month, read.day.day)
        return _point(ctx, Point(value, Grain.DAY), True) if value else None
    near = PAST_SLACK if ctx.tense == "past" and told_as_past(ctx.text, m.start(), m.end()) else NEAR_DAYS
    value = day_in_year(ctx.dct, read.day.month, read.day.day, ctx.tense, near)
    if value and ctx.tense == "past" and _in_told_past(ctx, m):
        ahead = day_in_year(ctx.dct, read.day.month, read.day.day, "neutral")
        if ahead is not None and ahead > ctx.dct + PAST_SLACK:
            # "On 18 January 2017 the two governments signed ... On 11 December Putin flew to Hmeimim": told in the
            # past, the nearest such day lies ahead of the document date, and the story is in an earlier year: the
            # first such day after the date the story has reached
            value = day_in_year(ctx.last.day, read.day.month, read.day.day, "future", timedelta(0)) or value
    return _point(ctx, Point(value, Grain.DAY), True) if value else None


STORY_REACH = 1500  # characters: a stated date further back than this is no longer where the story is
# A year back from the document date: a quarter reported on begins within it; a date told further back is the past a
# story looks back on ("On 18 January 2017 ...").
REPORT_WINDOW = timedelta(days=366)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+|\n\s*")


def _in_told_past(ctx: Context, m: re.Match[str]) -> bool:
    """True when the date last told is a stated day or month of an earlier year (before the year up to the
    document date), told in this sentence or the one before."""
    last = ctx.last
    if last is None or ctx.last_relative or ctx.dct is None or last.grain not in (Grain.DAY, Grain.MONTH) \
            or ctx.dct - last.day <= REPORT_WINDOW or not 0 <= ctx.last_at <= m.start() \
            or m.start() - ctx.last_at > STORY_REACH:
        return False
    return len(_SENTENCE_BREAK.findall(ctx.text, ctx.last_at, m.start())) <= 1


def near_story(story: Point, month: int, day: int) -> date | None:
    """A month and day without a year told after a narrative cue that led to `story`: in the story's year when
    that is a year ("Early the next year, on 7 February"), else the occurrence nearest to it ("A fortnight later,
    on 12 February"; "That November, on the 20th, ... and on 11 December")."""
    if story.grain in (Grain.YEAR, Grain.DECADE, Grain.CENTURY):
        try:
            return date(story.day.year, month, day)
        except ValueError:
            return None
    anchor = story.day + timedelta(days=14) if story.grain is Grain.MONTH else story.day
    return day_in_year(anchor, month, day, "neutral")


# The year a word before "year" names: "this year" and "last year" count from the document date, "that year"
# and "the same year" are the year the story has reached, "the following year" the one after it.
_STORY_YEARS = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


def story_year(rel: str, ctx: Context) -> int | None:
    """The year of "this/last/next year" (from the document date) or "that/the same/the following year" (from the
    last point told, else the document date)."""
    if rel in {"this", "last", "next"}:
        return ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel] if ctx.dct else None
    base = ctx.story or ctx.last
    if base is None:
        return None
    return base.day.year + _STORY_YEARS[rel]


def read_month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"July 1997", "early December 2024": a stated month, normalised by dateparser."""
    if not m.group("month")[0].isupper():
        return None
    if not m.group("year"):  # "January nineteen ninety-seven"
        year = spelled_year(m.group("cent"), m.group("rest"))
        if year is None or m.group("month").lower() not in FULL_MONTHS:
            return None
        return _point(ctx, Point(date(year, MONTHS[m.group("month").lower()], 1), Grain.MONTH), False)
    read = normalise(_core(m.group("month"), m.group("year")))
    if read is None or read.grain is not Grain.MONTH:
        return None
    return _point(ctx, Point(read.day.replace(day=1), Grain.MONTH), False)


_MONTH_NOUN_AFTER = re.compile(r"\s+(?!(?:of|on|to|for|and|or|in|at|by|from|with|against)\b)[a-z]{3,}\b")


def _month_as_adjective(ctx: Context, m: re.Match[str]) -> bool:
    """True for a capitalised "March" or "May" between "the" and a lower-case noun ("the March accession", "the May
    elections"): the month; not "the March on Washington", "the March of Dimes"."""
    return _prev_word(ctx, m) == "the" and _MONTH_NOUN_AFTER.match(ctx.text, m.end()) is not None


# "That November", "in that September", "by that March": "that" is the month's, not a conjunction after a verb.
_THAT_MONTH_BEFORE = re.compile(r"(?:^|[.!?;:,\n]\s*|\b(?:in|by|of|until|during|from|since|and|but|then)\s+)$", re.I)


def read_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """"in October", "last November", "December of last year": a month near the document date."""
    name = m.group("month")
    g = m.groupdict()
    if not name[0].isupper() or name.lower() not in FULL_MONTHS:
        return None  # "may" the verb, "Jan" the name: a bare month is a full capitalised name
    if name.lower() in AMBIGUOUS_MONTHS and not (g["which"] or g["mod"] or g["rel"]) \
            and _prev_word(ctx, m) not in MONTH_CUES and not _month_as_adjective(ctx, m):
        return None
    if ctx.dct is None:
        return None
    month = MONTHS[name.lower()]
    if g["rel"]:  # "January this year", "December of that year"
        rel = " ".join(g["rel"].lower().split())
        year = story_year(rel, ctx)
        if year is None:
            return None
        point = Point(date(year, month, 1), Grain.MONTH)
        return Reading("DATE", point.value(), point, True, story=rel not in {"this", "last", "next"})
    which = (g["which"] or "").lower()
    trim = 0
    if which == "that" and not g["mod"] and not _THAT_MONTH_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        which, trim = "", m.start("month") - m.start()  # "said that December was wet": a conjunction before a month
    if which == "that":  # "That November, on the 20th": the month of the year the story has reached
        base = ctx.story or ctx.last
        point = Point(date((base.day if base else ctx.dct).year, month, 1), Grain.MONTH)
        return Reading("DATE", point.value(), point, True, story=True)
    if which == "this":
        day = date(ctx.dct.year, month, 1)
    elif which == "next":
        day = month_near(month_shift(ctx.dct, 1), month, future=True)
    elif which == "last":
        day = month_near(month_shift(ctx.dct, -1), month, future=False)
    elif ctx.story is not None and (near := near_story(ctx.story, month, 1)) is not None:
        day = near  # "Early the next year, in February, ...": the one nearest where the story has got to
    elif ctx.tense == "neutral" and abs(ctx.month_years.get(month, -9) - ctx.dct.year) <= 1:
        day = date(ctx.month_years[month], month, 1)  # "join in April ... the summit in April": the April named before
    else:
        day = month_near(ctx.dct, month, future=ctx.tense == "future")
        coming = month_near(ctx.dct, month, future=True)
        ahead = (coming.year - ctx.dct.year) * 12 + coming.month - ctx.dct.month
        next_month_in_past = ctx.tense == "past" and ahead == 1 and not told_as_past(ctx.text, m.start(), m.end())
        if (ctx.tense == "neutral" and 0 < ahead <= NEAR_MONTHS) or next_month_in_past:
            day = coming  # "a cutback in September" written in August; "was planned for March" in February
        elif ctx.tense == "future" and ahead == 11:
            day = month_shift(coming, -12)  # "will report on September" written in October: the one just past
    return Reading("DATE", Point(day, Grain.MONTH).value(), Point(day, Grain.MONTH), True, trim=trim)


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"1990", "fiscal 1989", "mid-1996": a stated year, normalised by dateparser."""
    read = normalise(m.group("year"))
    if read is None or read.grain is not Grain.YEAR or not 1700 <= read.day.year <= 2099:
        return None
    point = Point(date(read.day.year, 1, 1), Grain.YEAR)
    if not m.group("mod") and _QUALIFIER_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()) \
            and _NOUN_AFTER.match(ctx.text, m.end()) and _FLASHBACK_AFTER.match(ctx.text, m.end(), m.end() + 200):
        # "a separate 2015 document had already handed ...": a year qualifying a noun in an aside told in the past
        # perfect is that thing's, not the time the story has reached ("That November" after it counts from the
        # year told before); "His 2005 visit was short. That year ..." goes on in 2005
        return Reading("DATE", point.value(), point, False, reference=False)
    return _point(ctx, point, False)


_FLASHBACK_AFTER = re.compile(r"[^.;!?]*?\bhad\b")
_QUALIFIER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|that)\s+(?:[a-z]+\s+)?$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|for|in|on|at|by|of|with|as|when|after|before|was|were|is|are|had|has|"
                         r"have|the|a|an)\b)[a-z]{3,}\b")


def read_day_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """"That November, on the 20th", "In December of that year, on the 28th": a day of the month a narrative cue
    of the same sentence named; no date anywhere else ("on the 10th" alone is not read)."""
    if ctx.story is None or ctx.story.grain is not Grain.MONTH:
        return None
    try:
        point = Point(ctx.story.day.replace(day=int(m.group("day"))), Grain.DAY)
    except ValueError:
        return None
    return Reading("DATE", point.value(), point, True, trim=m.start("day") - m.start() - 4)


_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def read_spelled_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A year said aloud, as in broadcast transcripts: "nineteen ninety-six", "two thousand and one", "the year
    two thousand"."""
    year = spelled_year(m.group("cent"), m.group("rest"))
    return _point(ctx, Point(date(year, 1, 1), Grain.YEAR), False) if year else None


def spelled_year(cent: str, rest: str) -> int | None:
    """The year of the words of `read_spelled_year` ("nineteen" and "ninety-six"); None for "nineteen five"."""
    words = re.findall(r"[a-z]+", rest.lower()) or ["zero"]  # "the year two thousand"
    n = _TENS.get(words[0], 0) + (_UNITS.get(words[1], 0) if len(words) > 1 else 0) if words[0] in _TENS else \
        _TEENS.get(words[0], _UNITS.get(words[0], 0))
    nineteen = cent.lower() == "nineteen"
    if nineteen and n < 10:
        return None  # "nineteen five" is not how a year is said
    return (1900 if nineteen else 2000) + n


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def read_century(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the 20th century" is 19 in TIMEX3: the first two digits of its years."""
    n = int(m.group("n"))
    if not 1 <= n <= 21:
        return None
    return _point(ctx, Point(date((n - 1) * 100 or 1, 1, 1), Grain.CENTURY), False)


def read_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the 1990s", "the '80s", "the nineties": TIMEX3 decade values such as 199."""
    if m.groupdict().get("word"):  # "the nineties": of the century the document is in, else the 1900s
        century = ctx.dct.year // 100 * 100 if ctx.dct and ctx.dct.year < 2000 else 1900
        start = century + 10 * _DECADE_WORDS[m.group("word").lower()]
        return _point(ctx, Point(date(start, 1, 1), Grain.DECADE), True)
    if m.group("cent"):
        start = int(m.group("cent")) * 100 + int(m.group("dec")) * 10
    elif ctx.dct is not None:
        start = ctx.dct.year // 100 * 100 + int(m.group("dec2")) * 10
    else:
        return None
    return _point(ctx, Point(date(start, 1, 1), Grain.DECADE), m.group("cent") is None)


def _part_code(word: str | None) -> str:
    return "T" + load_vocabulary().parts_of_day[word.lower()] if word else ""


def _weekday_part(word: str | None) -> str:
    """The time code a part of the day adds to a weekday ("Friday evening"); none for the parts that the
    TimeBank convention leaves as the plain day ("Friday night", "Monday morning")."""
    if word and word.lower() in load_vocabulary().weekday_plain_parts:
        return ""
    return _part_code(word)


_SHARED_PLURAL = re.compile(r"\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s(?:\s+(?P<parts>mornings|"
                            r"afternoons|evenings|nights))?|\s+(?P<parts_>mornings|afternoons|evenings|nights))\b")


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Friday", "last Tuesday", "Wednesday night": the latest such day unless the clause looks ahead."""
    if ctx.dct is None or not m.group("wd")[0].isupper():
        return None
    shared = _SHARED_PLURAL.match(ctx.text, m.end()) if not (m.group("which") or m.group("part")) else None
    if shared or m.group("plural"):
        # "Tuesday nights": every such night; "on Monday and Tuesday nights", "Mondays and Thursdays": every such
        # day, as the plural after it
        part = m.group("part") or (shared.group("parts") or shared.group("parts_") if shared else None)
        code = _part_code(part.lower().rstrip("s")) if part else ""
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}{code}", None, False)
    which = " ".join((m.group("which") or "").lower().split())
    if which in {"the previous", "the following", "the next"}:  # counted from the day the story is at
        if ctx.last_day is None:
            return None
        day = weekday_near(ctx.last_day.day, WEEKDAYS[m.group("wd").lower()], "last" if "previous" in which else "next")
        return _point(ctx, Point(day, Grain.DAY, time=_weekday_part(m.group("part"))), ctx.last_relative)
    mode = {"last": "last", "next": "next", "this coming": "future", "this past": "last"}.get(which)
    if mode is None and ctx.text[m.end(): m.end() + 2] in {"'s", "’s"} and not m.group("part"):
        mode = "past"  # "Wednesday's ruling": a thing already done
    if mode is None:
        mode = "future" if ctx.tense == "future" or which == "this" else "past"
    day = weekday_near(ctx.dct, WEEKDAYS[m.group("wd").lower()], mode)
    return _point(ctx, Point(day, Grain.DAY, time=_weekday_part(m.group("part"))), True)


def _dayword(word: str | None, ctx: Context) -> tuple[date | None, bool]:
    """The day a clock time belongs to: its own day word, else the latest day mentioned."""
    if ctx.dct is None:
        base = ctx.last_day.day if ctx.last_day else None
        return base, False
    if not word:
        return (ctx.last_day.day, ctx.last_relative) if ctx.last_day else (ctx.dct, True)
    w = word.lower()
    if w in WEEKDAYS:
        return weekday_near(ctx.dct, WEEKDAYS[w], "future" if ctx.tense == "future" else "past"), True
    return ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0)), True


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """"10:35 a.m.", "5 p.m. EST, Nov. 6", "noon Thursday": a time on the day it names (in its words or just after
    them: "10:30 a.m. local time on Friday") or the story is at."""
    g = m.groupdict()
    if g.get("named") and (in_name(ctx, m) or _prev_word(ctx, m) == "high"):
        return None  # "High Noon", "high noon comes today": the hour of reckoning
    if not (g.get("dayword") or g.get("dmonth")):
        after = _DAY_AFTER_CLOCK.match(ctx.text, m.end())
        g = {**g, **after.groupdict()} if after else g
    day, relative = _dayword(g.get("dayword"), ctx)
    if g.get("dmonth") and ctx.dct is not None:
        day = day_in_year(ctx.dct, MONTHS[g["dmonth"].lower()], int(g["dday"]), ctx.tense)
    if day is None:
        return None
    if g.get("named"):
        time = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["named"].lower()]
    else:
        hour, minute = int(g["h"]), int(g["mi"] or 0)
        if not g.get("ampm"):  # a 24-hour time with its zone: "14:50 GMT"
            return _point(ctx, Point(day, Grain.DAY, time=f"T{hour:02d}:{minute:02d}"), relative, "TIME")
        if hour > 12:
            return None
        ampm = g["ampm"].lower()  # "p.m.", or "in the evening", "at night" (before 5: the small hours)
        late = ampm.startswith("p") or ampm.endswith(("afternoon", "evening")) or (ampm.endswith("night") and hour > 4)
        hour = hour % 12 + (12 if late else 0)
        time = f"T{hour:02d}:{minute:02d}"
    return _point(ctx, Point(day, Grain.DAY, time=time), relative, "TIME")


def in_name(ctx: Context, m: re.Match[str]) -> bool:
    """True when a capitalised time word belongs to a name: "Russia Today", "Daily Sabah", "USA Today"."""
    word = m.group()
    if not word[:1].isupper():
        return False
    before = ctx.text[max(0, m.start() - 30): m.start()].rstrip()
    after = re.match(r"\s+([A-Z][a-z]+)", ctx.text[m.end(): m.end() + 30])
    sentence_start = not before or before[-1] in ".!?\n:\"“‘'(-–—"
    return not sentence_start and (bool(re.search(r"\b[A-Z][A-Za-z]+$", before)) or bool(after))


def read_deictic(m: re.Match[str], ctx: Context) -> Reading | None:
    """"today", "yesterday evening", "this morning", "last night"."""
    if ctx.dct is None or in_name(ctx, m):
        return None
    w = " ".join((m.group("w") or "this").lower().split())  # "by mid-afternoon": the document's day
    generic = re.match(r"['’]s\s+(\w+)(?:\s+(\w+))?", ctx.text[m.end(): m.end() + 40])
    if w == "today" and not m.group("part") and generic \
            and {g.lower() for g in generic.groups() if g} & load_vocabulary().generic_today:
        return None  # "today's world", "today's personal computers": the present age, no day
    if w in {"today", "tomorrow"} and not m.group("part") and not generic and _prev_word(ctx, m) == "of":
        return None  # "the people of tomorrow", "the Russia of today": an age, no day
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(w, 0)
    part = m.group("part") or ("night" if w == "last" else None)
    kind = "TIME" if part and (w in {"this", "last"} or m.group().lower().startswith("mid")) else "DATE"
    return _point(ctx, Point(ctx.dct + timedelta(days=offset), Grain.DAY, time=_part_code(part)), True, kind)


_SOON_BEFORE = re.compile(r"\b(?:as|how|so|too|very|quite)\s+$", re.I)
_SOON_AFTER = re.compile(r"\s+(?:after|afterwards?|before|thereafter|as|enough|to\s+be)\b", re.I)


def _soon_ahead(ctx: Context, m: re.Match[str]) -> bool:
    """True when "soon" looks ahead from the time of writing ("will soon begin", "may soon seek"): not a
    conjunction or a measure of speed ("as soon as", "how soon", "soon after the attack", "too soon"), nor a
    "soon" told in the past ("was soon released")."""
    if _SOON_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()) or _SOON_AFTER.match(ctx.text, m.end()):
        return False
    return ctx.tense != "past"


def read_reference(m: re.Match[str], ctx: Context) -> Reading | None:
    """"now", "currently", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF."""
    word = " ".join(m.group("ref").lower().split())
    vocab = load_vocabulary()
    if word.split()[-1] in vocab.adjective_references and _next_word(ctx, m) in vocab.reference_blockers:
        return None
    if word in {"now", "currently"} and ctx.text[m.start()].isupper() \
            and re.match(r"\s*[,;:]|\s+for\s+(?:the|a|an|some|our|today['’]s|this)\b", ctx.text[m.end():]):
        # "Now, ..." opening a sentence turns the argument, "Now for the weather" turns to the next item; "Now
        # officials say" dates the clause
        return None
    if word == "soon" and not _soon_ahead(ctx, m):
        return None
    if word in {"the future", "the past"} and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 5]):
        return None  # "the future of the region": its fate, not a time
    if word == "a while" and (_prev_word(ctx, m) not in {"for", "after", "within"}
                              or _next_word(ctx, m) in {"ago", "back"}):
        return None  # "for a while" is a span; "a while ago", "once in a while", "worth a while" are not
    value, grain = vocab.references[word]
    if re.fullmatch(r"P(?:T?[\dX]+[A-Z])+", value):
        return Reading("DURATION", value, None, False)  # "the coming years": a span of unknown length
    if grain and ctx.dct is not None:
        return Reading("DATE", value, Point(ctx.dct, Grain(grain)), True)
    return Reading("DATE", value, None, True)
