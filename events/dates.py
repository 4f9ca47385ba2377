"""Find date expressions in text and resolve them against the publication date, news style.

A bare weekday is the latest such day on or before the publication date unless the sentence speaks of
the future; "in October" is the latest October; "last month", "N months ago", "recently" count back from
the publication date. Every result carries its precision and its basis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.model import DateBasis, EventDate, Precision
from loaders.datelines import MONTHS, find_calendar_dates

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"(?P<num>\d{1,2}|" + "|".join(k for k in NUMBERS if NUMBERS[k]) + r")"

FUTURE_MARKERS = re.compile(
    r"\b(will|shall|is to|are to|is due to|are due to|is expected to|are expected to|plans? to|planned to|"
    r"is scheduled to|are scheduled to|is set to|are set to|would|next|upcoming|to visit|to meet|to hold)\b", re.I)


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression found in text: its span, its words, and its resolved date."""

    start: int
    end: int
    text: str
    date: EventDate
    preposition: str  # the word before it ("on", "since", "in"), lower case, or ""


def _month_shift(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


PAST_VERB = re.compile(r"\b(?:\w+ed|said|told|met|held|made|took|gave|went|came|spoke|sent|led|saw|began|wrote|"
                       r"won|left|paid|flew|brought|thought|sought|struck|fought|was|were|had)\b", re.I)
_SEGMENT_EDGE = re.compile(r"[,;:]|\bthat\b|\band\b")


def _is_future(text: str, start: int, end: int) -> bool:
    """True when the clause around text[start:end] speaks of the future: "will visit Moscow on Monday",
    but not "the Kremlin said on Monday that talks would follow"."""
    sentence_start = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, 0)
    m = _SENTENCE_END.search(text, end)
    sentence_end = m.start() if m else len(text)
    edges = [e.end() for e in _SEGMENT_EDGE.finditer(text, sentence_start, start)]
    seg_start = max(edges, default=sentence_start)
    nxt = _SEGMENT_EDGE.search(text, end, sentence_end)
    segment = text[seg_start: nxt.start() if nxt else sentence_end]
    if FUTURE_MARKERS.search(segment):
        return True
    if PAST_VERB.search(segment):
        return False
    return bool(FUTURE_MARKERS.search(text[sentence_start:sentence_end]))


def _at(value: date, precision: Precision, basis: DateBasis) -> EventDate:
    return EventDate(value, precision, basis)


def _relative(anchor: EventDate | None, precision: Precision, shift) -> EventDate | None:
    """Apply `shift(anchor_date)` when the anchor is precise enough, else fall back to the anchor's year."""
    if anchor is None or anchor.value is None:
        return None
    basis = DateBasis.INFERRED if anchor.basis is DateBasis.INFERRED else DateBasis.RELATIVE
    if anchor.precision is Precision.DAY or (anchor.precision is Precision.MONTH and precision is not Precision.DAY):
        return _at(shift(anchor.value), precision, basis)
    return _at(anchor.value, Precision.YEAR, basis)


def _weekday(anchor_day: date, weekday: int, mode: str) -> date:
    """The weekday on or before the anchor ('past'), strictly before ('last'), or after ('future')."""
    if mode == "future":  # on or after the anchor: "are to visit Damascus on Tuesday", written on a Tuesday
        return anchor_day + timedelta(days=(weekday - anchor_day.weekday()) % 7)
    back = (anchor_day.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return anchor_day - timedelta(days=back)


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p, re.I)) for name, p in (
    ("month_day", r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d:%])"),
    ("day_month", r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAMES + r")\b\.?(?!\s*,?\s*(?:19|20)\d\d)"),
    ("month_of_rel_year", r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b"),
    ("month_year", r"\b(?P<month>" + _MONTH_NAMES + r")\.?,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"),
    ("rel_month", r"\b(?P<which>in|last|this|next|early|late|mid-|since|by|until|until late|in early|in late|in mid-)\s*(?P<month>" + _MONTH_NAMES + r")\b(?!\s+[0-3]?\d\b)"),
    ("year", r"(?<![\d,.$£€-])\b(?P<year>(?:19[5-9]|20[0-4])\d)\b(?![\d%]|\s*-\s*\d|-(?:year|month|day))(?!\s*(?:troops|soldiers|people|km|kilomet|tons))"),
    ("days_ago", _NUM.replace("num", "n") + r"\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("weekday", r"\b(?P<which>last|this|next|on|since|by|until|from|)\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("word", r"\b(?P<w>the day before yesterday|yesterday|today|tonight|tomorrow|this morning|this evening|"
             r"last night|earlier today|earlier this week|this week|last week|next week|earlier this month|"
             r"this month|last month|next month|earlier this year|this year|last year|next year|recently|"
             r"the following day|the next day|the day before|the previous day)\b"),
))

# A preposition before a month or weekday is not part of the expression ("in October", "on Tuesday");
# "last", "this" and "next" are ("last Thursday").
_OUTSIDE_WORDS = {"in", "on", "since", "by", "until", "from"}


def _resolve(name: str, m: re.Match[str], text: str, anchor: EventDate | None, last_day: date | None) -> EventDate | None:
    future = _is_future(text, m.start(), m.end())
    g = m.groupdict()
    if name == "month_year":
        return _at(date(int(g["year"]), MONTHS[g["month"].lower()], 1), Precision.MONTH, DateBasis.STATED)
    if name == "month_of_rel_year":
        offset = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        month = MONTHS[g["month"].lower()]
        if anchor is None or anchor.value is None:
            return None
        basis = DateBasis.INFERRED if anchor.basis is DateBasis.INFERRED else DateBasis.RELATIVE
        return _at(date(anchor.value.year + offset, month, 1), Precision.MONTH, basis)
    if name in {"month_day", "day_month"}:
        month, day = MONTHS[g["month"].lower()], int(g["day"])
        if anchor is None or anchor.value is None or not 1 <= day <= 31:
            return None
        year = anchor.value.year
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        if anchor.precision is Precision.DAY:
            if not future and value > anchor.value + timedelta(days=2):
                value = value.replace(year=year - 1)
            elif future and value < anchor.value - timedelta(days=2):
                value = value.replace(year=year + 1)
        basis = DateBasis.STATED if anchor.precision is Precision.DAY else DateBasis.INFERRED
        if anchor.precision is not Precision.DAY:
            return _at(value, Precision.YEAR, DateBasis.INFERRED)
        return _at(value, Precision.DAY, basis)
    if name == "rel_month":
        month = MONTHS[g["month"].lower()]
        which = g["which"].lower().strip()
        if month == 5 and which in {"in", "by", "since", "until"} and not m.group("month")[0].isupper():
            return None  # "may" the verb
        if not m.group("month")[0].isupper():
            return None

        def shift(day: date) -> date:
            if which == "next" or (future and which not in {"last", "since"}):
                back = -((month - day.month) % 12 or 12) if which == "next" else -((month - day.month) % 12)
                return _month_shift(date(day.year, day.month, 1), -back)
            back = (day.month - month) % 12
            if which == "last" and back == 0:
                back = 12
            return _month_shift(date(day.year, day.month, 1), -back)
        return _relative(anchor, Precision.MONTH, shift)
    if name == "year":
        return _at(date(int(g["year"]), 1, 1), Precision.YEAR, DateBasis.STATED)
    if name == "days_ago":
        count = NUMBERS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
        if not count:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return _relative(anchor, Precision.DAY, lambda d: d - timedelta(days=count))
        if unit == "week":
            return _relative(anchor, Precision.MONTH, lambda d: d - timedelta(days=7 * count))
        if unit == "month":
            return _relative(anchor, Precision.MONTH, lambda d: _month_shift(d, -count))
        return _relative(anchor, Precision.YEAR, lambda d: date(d.year - count, 1, 1))
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        which = g["which"].lower()
        mode = "future" if which == "next" or (future and which not in {"last", "since"}) else \
            "last" if which == "last" else "past"
        return _relative(anchor, Precision.DAY, lambda d: _weekday(d, wd, mode))
    w = " ".join(g["w"].lower().split())
    if w in {"the following day", "the next day", "the day before", "the previous day"}:
        if last_day is None:
            return None
        step = 1 if w in {"the following day", "the next day"} else -1
        return _at(last_day + timedelta(days=step), Precision.DAY, DateBasis.RELATIVE)
    days = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
            "this morning": 0, "this evening": 0, "earlier today": 0, "tomorrow": 1}
    if w in days:
        return _relative(anchor, Precision.DAY, lambda d: d + timedelta(days=days[w]))
    if w in {"this week", "earlier this week", "last week", "next week"}:
        offset = {"last week": -7, "next week": 7}.get(w, 0)

        def week(d: date) -> date:
            return d + timedelta(days=offset)
        start = _relative(anchor, Precision.MONTH, week)
        if start and anchor and anchor.precision is Precision.DAY and anchor.value:
            monday = anchor.value - timedelta(days=anchor.value.weekday()) + timedelta(days=offset)
            sunday = monday + timedelta(days=6)
            if (monday.year, monday.month) != (sunday.year, sunday.month):
                return _at(monday, Precision.YEAR, start.basis) if monday.year == sunday.year else None
            return _at(monday, Precision.MONTH, start.basis)
        return start
    if w in {"this month", "earlier this month", "recently"}:
        return _relative(anchor, Precision.MONTH, lambda d: d)
    if w == "last month":
        return _relative(anchor, Precision.MONTH, lambda d: _month_shift(d, -1))
    if w == "next month":
        return _relative(anchor, Precision.MONTH, lambda d: _month_shift(d, 1))
    if w in {"this year", "earlier this year"}:
        return _relative(anchor, Precision.YEAR, lambda d: d)
    if w in {"last year", "next year"}:
        step = -1 if w == "last year" else 1
        return _relative(anchor, Precision.YEAR, lambda d: date(d.year + step, 1, 1))
    return None


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def find_dates(text: str, anchor: EventDate | None) -> tuple[Timex, ...]:
    """Every date expression in `text`, left to right, resolved against `anchor` (the publication date)."""
    spans: list[tuple[int, int, str, re.Match[str] | None, date | None]] = []
    for found in find_calendar_dates(text):
        spans.append((found.start, found.end, "calendar", None, found.value))
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start = m.start()
            if name in {"rel_month", "weekday"} and m.group("which").strip().lower() in {"", *_OUTSIDE_WORDS}:
                start = m.start("month" if name == "rel_month" else "wd")
            if any(s < m.end() and start < e for s, e, *_ in spans):
                continue
            spans.append((start, m.end(), name, m, None))
    spans.sort(key=lambda s: s[0])
    out: list[Timex] = []
    last_day: date | None = anchor.value if anchor and anchor.precision is Precision.DAY else None
    for start, end, name, m, value in spans:
        if name == "calendar":
            resolved = EventDate(value, Precision.DAY, DateBasis.STATED)
        else:
            resolved = _resolve(name, m, text, anchor, last_day)
        if resolved is None:
            continue
        before = _WORD_BEFORE.search(text[max(0, start - 20): start])
        out.append(Timex(start, end, text[start:end], resolved, before.group(1).lower() if before else ""))
        if resolved.precision is Precision.DAY:
            last_day = resolved.value
    return tuple(out)
