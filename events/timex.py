"""Find every temporal expression in a text with its TIMEX3 type and value, resolved against the document date.

Candidates come from the project's own patterns (`events.timex_rules`); where they overlap the longest wins.
Each is then read left to right (`events.timex_resolve`, `events.timex_periods`), so that "the following day"
or "a year earlier" can count from the last date mentioned. Absolute calendar candidates ("Aug. 7, 1998",
"Sept. 30", "July 1997", "1990") are normalised by dateparser (`events.timex_dateparser`); relative ones are
resolved by our own rules, which know the news conventions dateparser does not.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, partial

from events.casefold import lower_text
from events.timex_calendar import Grain, Point, shift
from events.timex_context import clause_tense, sentence_bounds
from events.timex_periods import (
    read_ago,
    read_anaphoric,
    read_day_phrase,
    read_duration,
    read_half,
    read_holiday,
    read_period_ago,
    read_quarter,
    read_relative,
    read_season,
    read_set,
    read_the_period,
    read_year_end,
)
from events.timex_resolve import (
    REPORT_WINDOW,
    Context,
    Reading,
    read_century,
    read_clock,
    read_day_of_month,
    read_decade,
    read_deictic,
    read_full_date,
    read_month,
    read_month_day,
    read_month_year,
    read_reference,
    read_spelled_year,
    read_weekday,
    read_year,
)
from events.timex_rules import compiled_rules, trigger_words
from events.trie import trie_alternation

READERS: dict[str, Callable[[re.Match[str], Context], Reading | None]] = {
    "full_date": read_full_date, "iso_date": read_full_date, "month_day": read_month_day,
    "month_year": read_month_year, "month": read_month, "year": read_year, "spelled_year": read_spelled_year,
    "decade": read_decade, "century": read_century,
    "weekday": read_weekday, "clock": read_clock, "deictic": read_deictic, "reference": read_reference,
    "set": read_set, "relative": read_relative, "ago": read_ago, "duration": read_duration,
    "quarter": read_quarter, "the_period": read_the_period, "half": read_half, "season": read_season,
    "holiday": read_holiday, "anaphoric": read_anaphoric, "year_end": read_year_end,
    "period_ago": read_period_ago, "day_phrase": read_day_phrase,
    "day_of_month": read_day_of_month,
}


@dataclass(frozen=True, slots=True)
class FoundTimex:
    """A temporal expression: its span and words, TIMEX3 type and value, and the calendar point behind it.

    `relative` is True when the value depends on the document date (directly or through an earlier
    expression that did); `point` is None for durations, sets and references to the present, past or future,
    except a span told from an event ("three days later": a DURATION whose point is the day it leads to).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    point: Point | None
    relative: bool
    base: Point | None = None  # for "two months later": the point it counts from


_WORD_CHAR = re.compile(r"\w")
_CLOCK_AFTER = re.compile(r"(?:[:.]\d\d|\s*[ap]\.?m\b)", re.I)
MARGIN = 32  # characters around a trigger word where an expression holding it may start or end


@cache
def _trigger_scan(lowered: bool) -> re.Pattern[str]:
    """A pattern finding the words of `_windows`: a whole run of ASCII letters that is a trigger word (in any
    case, or in lower case for a lower-cased text), or a run of digits. Only those runs can open a window, and
    one pass of the regex engine over the text costs a fraction of reading every word in Python."""
    words = trie_alternation(trigger_words())
    if lowered:
        return re.compile(r"(?<![a-z])(?a:" + words + r")(?![a-z])|\d+")
    return re.compile(r"(?<![A-Za-z])(?ai:" + words + r")(?![A-Za-z])|\d+")


def _windows(text: str, lowered: str | None) -> dict[str, list[tuple[int, int]]]:
    """For each rule group, the stretches of text around words that can belong to its expressions (`lowered`:
    the text lower-cased by `lower_text`, if it could be)."""
    triggers = trigger_words()
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _trigger_scan(lowered is not None).finditer(lowered if lowered is not None else text):
        token = m.group()
        if token[0].isdigit():
            year_like = len(token) == 4 and token[:2] in {"16", "17", "18", "19", "20"}
            if not (year_like or text[m.start() - 1: m.start()] == "'" or _CLOCK_AFTER.match(text, m.end())):
                continue
            groups: frozenset[str] | tuple[str, ...] = ("number",)
        else:
            groups = triggers[token.lower()]
        lo, hi = max(0, m.start() - MARGIN), min(len(text), m.end() + MARGIN)
        for group in groups:
            stretch = spans.setdefault(group, [])
            if stretch and lo <= stretch[-1][1]:
                stretch[-1] = (stretch[-1][0], hi)
            else:
                stretch.append((lo, hi))
    return spans


Candidate = tuple[int, int, int, str, re.Match[str]]  # start, end, rule order, rule name, match


@dataclass(slots=True, eq=False)
class Candidates:
    """The rule matches of one text, longest first, and the clause tense of each span once it has been asked for.

    Neither depends on the document date, so one text read against several dates (`events.dates` reads an
    article of a month- or year-precise date against its first and last day) finds them once.
    """

    text: str
    matches: list[Candidate]
    tenses: dict[tuple[int, int], str] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause around text[start:end] (`clause_tense`), computed once per span."""
        tense = self.tenses.get((start, end))
        if tense is None:
            tense = self.tenses[start, end] = clause_tense(self.text, start, end)
        return tense


def find_candidates(text: str) -> Candidates:
    """All rule matches in `text`, longest first (ties: leftmost, then the earlier rule).

    A rule is only run over the stretches of text near a word of its group: scanning every rule over the whole
    text costs ten times more, and an expression always holds such a word. Nor is it run over a stretch that
    lacks its hint (`Rule.hint`).
    """
    lowered = lower_text(text)
    windows = _windows(text, lowered)
    found = []
    for order, rule in enumerate(compiled_rules()):
        for lo, hi in windows.get(rule.group, ()):
            if lowered is None:
                for m in rule.pattern.finditer(text, lo, hi):
                    if m.end() == hi:
                        m = _uncut(rule.pattern, text, m)
                    if m is not None and m.end() > m.start():
                        found.append((m.start(), m.end(), order, rule.name, m))
            elif rule.hint is None or rule.hint.search(lowered, lo, hi):
                # the same spans, found faster in the lower-cased text; each is matched again in the text for
                # the readers, who need its own case
                for f in rule.folded.finditer(lowered, lo, hi):
                    if f.end() > f.start():
                        m = rule.pattern.match(text, f.start(), hi)
                        if m.end() == hi:
                            m = _uncut(rule.pattern, text, m)
                        if m is not None:
                            found.append((m.start(), m.end(), order, rule.name, m))
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    return Candidates(text, found)


def _uncut(pattern: re.Pattern[str], text: str, m: re.Match[str]) -> re.Match[str] | None:
    """A match that ends where its window does, matched again past it if the window cut a word: its last word
    boundary held only at the cut ("Easter|n Ghouta" is no "Easter"). None when it no longer matches."""
    end = m.end()
    if not (_WORD_CHAR.match(text, end) and _WORD_CHAR.match(text, end - 1)):
        return m
    again = pattern.match(text, m.start(), min(len(text), end + MARGIN))
    return again if again is not None and again.end() > again.start() else None


def _select(candidates: list[Candidate], lo: int, hi: int, skip: set[int]) -> list[tuple[int, int, str, re.Match[str]]]:
    """Longest candidates inside [lo, hi) that do not overlap, left to right."""
    taken = bytearray(hi - lo)
    chosen = []
    for start, end, _order, name, m in candidates:
        if start < lo or end > hi or id(m) in skip or any(taken[start - lo:end - lo]):
            continue
        chosen.append((start, end, name, m))
        taken[start - lo:end - lo] = b"\x01" * (end - start)
    return sorted(chosen, key=lambda c: c[0])


def find_timexes(text: str, dct: date | None) -> tuple[FoundTimex, ...]:
    """Every temporal expression in `text`, left to right, resolved against `dct` (None: stated dates only)."""
    return resolve_candidates(find_candidates(text), dct)


def resolve_candidates(candidates: Candidates, dct: date | None) -> tuple[FoundTimex, ...]:
    """The temporal expressions among a text's candidates, left to right, resolved against `dct`."""
    text = candidates.text
    queue = _select(candidates.matches, 0, len(text), set())
    rejected: set[int] = set()
    out: list[FoundTimex] = []
    state = _State(dct)
    i = 0
    while i < len(queue):
        start, end, name, m = queue[i]
        i += 1
        context = state.context(text, start, end, partial(candidates.tense, start, end))
        reading = READERS[name](m, context)
        if reading is None:
            # a candidate rejected in context (a lower-case "may") leaves its span to shorter ones
            rejected.add(id(m))
            queue[i:i] = _select(candidates.matches, start, queue[i][0] if i < len(queue) else len(text), rejected)
            continue
        start += reading.trim
        out.append(FoundTimex(start, end, text[start:end], reading.type, reading.value, reading.point,
                              reading.relative, reading.base))
        before = state.last
        state.remember(reading, context)
        if state.last is not before:
            state.last_at = end
        if reading.story and reading.point is not None:
            state.story, state.story_until = reading.point, sentence_bounds(text, start, end)[1]
        if name in _DAY_LISTS and reading.point is not None and reading.point.grain is Grain.DAY:
            second = _second_day(text, end, reading.point, queue[i][0] if i < len(queue) else len(text))
            if second is not None:
                out.append(FoundTimex(second[0], second[1], text[second[0]:second[1]], "DATE", second[2].value(),
                                      second[2], reading.relative))
                state.remember(Reading("DATE", second[2].value(), second[2], reading.relative), context)
        if name == "relative" and reading.point is not None and m.group("which").lower() == "this":
            ellipsis = _ELLIPTIC_LAST.match(text, end, queue[i][0] if i < len(queue) else len(text))
            if ellipsis is not None:  # "a dividend this year as high as last": last year
                point = shift(reading.point, -1, reading.point.grain)
                out.append(FoundTimex(ellipsis.start(1), ellipsis.end(1), ellipsis.group(1), "DATE", point.value(),
                                      point, reading.relative))
        if reading.year_to_date:
            state.year_to_date_until = _next_sentence_end(text, end)
        elif reading.point is not None and reading.point.grain is Grain.DAY:
            state.year_to_date_until = -1  # "the six months ended Aug. 12": counted from that day, not the year
    return tuple(out)


_DAY_LISTS = {"month_day", "full_date"}
# "this year" compared with the one before, its noun left out: "twice as high a dividend this year as last", "more this
# month than last". Only a "last" that ends the comparison (not "than last year", "as last reported").
_ELLIPTIC_LAST = re.compile(r"[^.;:!?]{0,40}?\b(?:as|than)\s+(last)"
                            r"(?=\s*[.,;:!?)]|\s+(?:and|but|or|when|because|while)\b)", re.I)
# The second day of a pair after a month and day: "on April 24 and 25", "March 3-4" (not "May 5 to 10 p.m.", "Nov. 6-7%").
# Not a count of things ("on March 9 and 12 soldiers were wounded"): no lower-case word may follow the number.
_SECOND_DAY = re.compile(r"\s*(?:-|–|\s(?:and|or|to|through)\s)\s*([0-3]?\d)\b(?![\w%:,.]\d|\s*[ap]\.?m\b|\s*%|\s*percent"
                         r"|\s+(?!(?:in|at|on|and|or|to|of|for|with|when|as|the|a|an|at|after|before)\b)(?-i:[a-z]))",
                         re.I)


def _second_day(text: str, end: int, first: Point, limit: int) -> tuple[int, int, Point] | None:
    """The day number paired with a stated day just before it, as (start, end, point): a later day of the same month
    ("April 24 and 25"), ending before `limit` (the next expression)."""
    m = _SECOND_DAY.match(text, end)
    if m is None or m.end(1) > limit:
        return None
    day = int(m.group(1))
    if day <= first.day.day:
        return None
    try:
        return m.start(1), m.end(1), Point(first.day.replace(day=day), Grain.DAY)
    except ValueError:
        return None


def _next_sentence_end(text: str, end: int) -> int:
    """Where the sentence after the one holding text[end - 1] ends."""
    sentence_end = sentence_bounds(text, end, end)[1]
    return sentence_bounds(text, min(len(text), sentence_end + 1), min(len(text), sentence_end + 1))[1]


class _State:
    """The points mentioned so far, for expressions that count from them."""

    def __init__(self, dct: date | None) -> None:
        self.dct = dct
        self.last: Point | None = Point(dct, Grain.DAY) if dct else None
        self.last_day: Point | None = self.last
        self.report_quarter: Point | None = None
        self.last_relative = True
        self.year_to_date_until = -1  # a span from the start of the year counts until here (one more sentence)
        self.story: Point | None = None  # where a narrative cue ("that year", "a fortnight later") led, and the
        self.story_until = -1  # end of its sentence: a year-less day before there is read near it
        self.last_at = -1  # where the expression that gave `last` ends
        self.month_years: dict[int, int] = {}  # month -> the year of the latest day or month named in it

    def context(self, text: str, start: int, end: int, tense_of: Callable[[], str]) -> Context:
        """The context a reader gets for the expression at text[start:end], whose clause has the tense `tense_of`
        returns."""
        return Context(text, self.dct, tense_of, self.last, self.last_day,
                       self.report_quarter, self.last_relative, start < self.year_to_date_until, self.month_years,
                       self.story if start < self.story_until else None, self.last_at)

    def remember(self, reading: Reading, context: Context) -> None:
        """Keep a reading as the point later expressions count from.

        The quarter a financial story reports on ("the quarter", "a year ago", "the year-earlier period") is the
        first recent one it names outside a look ahead: later ones ("a fourth-quarter charge", "after a flat
        second quarter") are asides, and so is a quarter of long ago ("since the third quarter of 1984").
        """
        point = reading.point
        if point is not None and point.grain in (Grain.DAY, Grain.MONTH):
            self.month_years[point.day.month] = point.day.year
        if point is None or not reading.reference or point.grain in (Grain.DECADE, Grain.CENTURY):
            return
        self.last, self.last_relative = point, reading.relative
        if point.grain is Grain.DAY:
            self.last_day = point
        if point.grain is Grain.QUARTER and self.report_quarter is None and context.tense != "future" \
                and (self.dct is None or timedelta(0) <= self.dct - point.day <= REPORT_WINDOW):
            self.report_quarter = point
