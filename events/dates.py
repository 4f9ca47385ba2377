"""Date expressions as events use them: each TIMEX3 expression with the date, precision and basis it gives an event.

The expressions come from one resolver (`events.timex`), resolved against the publication date the
way news is written: a bare weekday is the latest such day on or before it unless the clause speaks of the
future, and so is "in October"; "last month", "N months ago", "recently" count back from it.
An expression that depends on the publication date is only as precise as that date: with only a publication
year known, "last year" is the year before, while "on Tuesday" or "in June" (of that year or the one before)
give no date at all.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import timedelta

from events.model import DateBasis, EventDate, Precision
from events.timex import FoundTimex, find_candidates, resolve_candidates
from events.timex_calendar import Grain, Point


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression found in text: its span, its words, its date for events, and its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    date: EventDate
    preposition: str  # the word before it ("on", "since", "in"), lower case, or ""
    type: str = "DATE"
    value: str = ""
    # after "by" in a sentence told in the past ("had left by late January"): the time the happening was over by,
    # kept no finer than its month (`events.clauses.by_bound`)
    bound: bool = False
    base: EventDate | None = None  # "two months later": the date it counts from, as events use it


_COARSE = {Grain.QUARTER, Grain.HALF, Grain.SEASON, Grain.YEAR}
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def point_precision(point: Point) -> Precision | None:
    """The event precision a calendar point supports: a week inside one month is that month."""
    if point.grain is Grain.DAY:
        return Precision.DAY
    if point.grain is Grain.MONTH:
        return Precision.MONTH
    if point.grain in (Grain.WEEK, Grain.WEEKEND):
        monday = point.day - timedelta(days=point.day.weekday())
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return Precision.MONTH
        return Precision.YEAR if monday.year == sunday.year else None
    return Precision.YEAR if point.grain in _COARSE else None


def _stated(found: FoundTimex) -> EventDate | None:
    precision = point_precision(found.point) if found.point else None
    if found.point is None or precision is None:
        return None
    day = found.point.day.replace(day=1) if precision is Precision.MONTH else found.point.day
    return EventDate(day, precision, DateBasis.STATED)


def _counted(told: EventDate) -> EventDate:
    """The date a span counted from an event leads to ("three weeks later", "two months later"): writers round such
    spans, so the day it reaches is only as good as its month."""
    if told.precision is Precision.DAY and told.value is not None:
        return EventDate(told.value.replace(day=1), Precision.MONTH, told.basis)
    return told


def _agreed(early: EventDate | None, late: EventDate | None, basis: DateBasis) -> EventDate | None:
    """What two readings of one expression (against the first and the last day the anchor may be) agree on."""
    if early is None or late is None or early.value is None or late.value is None:
        return None
    if early == late:
        return EventDate(early.value, early.precision, basis)
    if early.value.year == late.value.year:
        return EventDate(early.value.replace(month=1, day=1), Precision.YEAR, basis)
    return None


def find_dates(text: str, anchor: EventDate | None) -> tuple[Timex, ...]:
    """Every date expression in `text` that can date an event, left to right, resolved against `anchor`.

    With an anchor known to the day, relative expressions count from that day. With only a month or a year
    known, each expression is read against the first and the last day the anchor may be, and keeps what both
    readings agree on: "December of last year" keeps its month, "on Tuesday" only the year if the readings
    share one, and "last month" in an article of an unknown day of January nothing at all.
    """
    span = anchor.span() if anchor is not None else None
    candidates = find_candidates(text)  # read once, resolved against one or two days
    first = resolve_candidates(candidates, span[0] if span else None)
    if span is not None and anchor is not None and anchor.precision is not Precision.DAY:
        last = {(f.start, f.end): f for f in resolve_candidates(candidates, span[1])}
    else:
        last = {(f.start, f.end): f for f in first}
    basis = DateBasis.INFERRED if anchor is not None and anchor.basis is DateBasis.INFERRED else DateBasis.RELATIVE
    out: list[Timex] = []
    for found in first:
        resolved = _stated(found)
        if resolved is not None and found.type == "DURATION":
            resolved = _counted(resolved)
        if found.relative:
            other = last.get((found.start, found.end))
            resolved = _agreed(resolved, _stated(other) if other else None, basis) if span else None
        if resolved is None or found.text[:4].lower() in ("pre-", "post"):
            continue  # "post-2011 debts": a bound (TIMEX3 mod BEFORE/AFTER), not when something happened
        before = _WORD_BEFORE.search(text[max(0, found.start - 20): found.start])
        base = None
        if found.base is not None and not (found.relative and span is not None
                                           and anchor is not None and anchor.precision is not Precision.DAY):
            base = _stated(dataclasses.replace(found, point=found.base, type="DATE"))
            base = EventDate(base.value, base.precision, basis) if base and found.relative else base
        out.append(Timex(found.start, found.end, found.text, resolved, before.group(1).lower() if before else "",
                         found.type, found.value, base=base))
    return tuple(out)
