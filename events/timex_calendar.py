"""Calendar arithmetic for temporal expressions, and TIMEX3 values for a date at a given granularity."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

# How far ahead (behind) of the document date a day without a year may be and still be read in a past (future)
# clause as the nearby one rather than the one a year away.
NEAR_DAYS = timedelta(days=45)


class Grain(enum.Enum):
    """How much of the calendar a resolved expression covers."""

    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


@dataclass(frozen=True, slots=True)
class Point:
    """A resolved calendar point: a day standing for the period `grain` that contains it.

    `season` holds the TIMEX3 season code ("SU") when the grain is a season; `time` a TIMEX3 time suffix
    ("T10:35", "TMO") for a day.
    """

    day: date
    grain: Grain
    season: str = ""
    time: str = ""

    def value(self) -> str:
        """The TIMEX3 value: 1998-08-07, 1998-W32, 1998-Q3, 1998-SU, 199, ..."""
        d, g = self.day, self.grain
        if g is Grain.DAY:
            return d.isoformat() + self.time
        if g in (Grain.WEEK, Grain.WEEKEND):
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if g is Grain.WEEKEND else "")
        if g is Grain.MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if g is Grain.QUARTER:
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g is Grain.HALF:
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g is Grain.SEASON:
            return f"{d.year:04d}-{self.season}"
        if g is Grain.DECADE:
            return f"{d.year // 10:03d}"
        if g is Grain.CENTURY:
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"


def month_shift(day: date, months: int) -> date:
    """The first of the month `months` months after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def quarter_start(day: date) -> date:
    """The first day of `day`'s quarter."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def shift(point: Point, count: int, grain: Grain) -> Point:
    """`point` moved by `count` units of `grain`, keeping its own grain."""
    d = point.day
    if grain in (Grain.DAY,):
        d = d + timedelta(days=count)
    elif grain in (Grain.WEEK, Grain.WEEKEND):
        d = d + timedelta(weeks=count)
    elif grain is Grain.MONTH:
        d = month_shift(d, count)
    elif grain is Grain.QUARTER:
        d = month_shift(quarter_start(d), 3 * count)
    elif grain is Grain.HALF:
        d = month_shift(d, 6 * count)
    elif grain is Grain.DECADE:
        d = date(d.year + 10 * count, 1, 1)
    elif grain is Grain.CENTURY:
        d = date(d.year + 100 * count, 1, 1)
    else:
        d = _replace_year(d, d.year + count) or date(d.year + count, d.month, 28)
    return Point(d, point.grain, point.season, point.time)


def weekday_near(anchor: date, weekday: int, mode: str) -> date:
    """The weekday on or before the anchor ('past'), strictly before ('last'), on or after ('future'),
    or strictly after ('next')."""
    if mode in ("future", "next"):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if mode == "next" else 0))
    back = (anchor.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def month_near(anchor: date, month: int, future: bool) -> date:
    """The latest `month` on or before the anchor's month, or the next one from it when `future`."""
    if future:
        return month_shift(date(anchor.year, anchor.month, 1), (month - anchor.month) % 12)
    return month_shift(date(anchor.year, anchor.month, 1), -((anchor.month - month) % 12))


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    """The nth weekday of a month (nth -1: the last)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = month_shift(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def day_in_year(anchor: date, month: int, day: int, tense: str, near: timedelta = NEAR_DAYS) -> date | None:
    """A month and day without a year, news style: the latest such day on or about the anchor, unless the
    sentence speaks of the future (then the next one).

    A day at most `near` ahead stays ahead in a past clause ("the deadline was set for Nov. 6" in a story of
    Nov. 2; "Jan. 14" in one of Dec. 29), and one at most `near` behind stays behind in a future one: a whole
    year away is the less likely reading. A clause of no clear tense takes the occurrence within half a year.
    """
    try:
        value = date(anchor.year, month, day)
    except ValueError:
        return None
    if tense == "neutral":
        if abs((value - anchor).days) > 183:
            return _replace_year(value, anchor.year + (1 if value < anchor else -1))
        return value
    year = timedelta(days=366)
    if tense == "future":
        if value < anchor - near:
            return _replace_year(value, anchor.year + 1)
        return _replace_year(value, anchor.year - 1) if value - year >= anchor - near else value
    if value > anchor + near:
        return _replace_year(value, anchor.year - 1)
    return _replace_year(value, anchor.year + 1) if value + year <= anchor + near else value


def _replace_year(value: date, year: int) -> date | None:
    try:
        return value.replace(year=year)
    except ValueError:
        return None


def easter(year: int, orthodox: bool = False) -> date:
    """Easter Sunday of a year: the Gregorian computus, or the Julian one (Orthodox Easter) given as a Gregorian
    date."""
    if orthodox:  # Meeus's Julian algorithm, then the Julian calendar's lag (13 days from 1900 to 2099)
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        lag = year // 100 - year // 400 - 2
        return date(year, month, day + 1) + timedelta(days=lag)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)
