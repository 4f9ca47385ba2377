"""dateparser as the normaliser of the calendar expressions the project's own patterns find.

The patterns in `events.timex_rules` decide what is a date ("the 10th", "may", "15%" never get here); dateparser
then reads each absolute candidate ("Aug. 7, 1998", "21 December", "July 1997", "2013/09/05") into a day and
the period it covers. A date without a year is read in a fixed leap year: which year it belongs to is the
resolver's choice (news style, from the document date and the tense), not dateparser's.
Results are cached on (text, date order): a news corpus repeats the same few dozen dates.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from events.timex_calendar import Grain

LANGUAGES = ["en"]
# A leap year, so that "Feb. 29" reads; only month and day are kept from a date without a year.
YEARLESS_BASE = datetime(2000, 1, 1)
_GRAINS = {"day": Grain.DAY, "month": Grain.MONTH, "year": Grain.YEAR}


@dataclass(frozen=True, slots=True)
class Normalised:
    """What dateparser read: the first day of the period, and the period (day, month or year)."""

    day: date
    grain: Grain


@cache
def _parser(date_order: str) -> DateDataParser:
    """One parser per date order: English only (fast, and no "We" read as Wednesday), absolute dates only."""
    return DateDataParser(languages=LANGUAGES, settings={
        "RETURN_TIME_AS_PERIOD": True, "PARSERS": ["absolute-time"], "PREFER_DATES_FROM": "current_period",
        "RELATIVE_BASE": YEARLESS_BASE, "DATE_ORDER": date_order, "TIMEZONE": "UTC"})


@lru_cache(maxsize=8192)
def normalise(text: str, date_order: str = "MDY") -> Normalised | None:
    """dateparser's reading of one candidate expression, or None when it cannot read it as a date.

    `date_order` says how to read all-number dates ("DMY" for 07.08.1998); a time of day is dropped.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # the local-timezone notice; TIMEZONE is set
        data = _parser(date_order).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    grain = _GRAINS.get(data.period or "day", Grain.DAY)
    return Normalised(data.date_obj.date(), grain)


def cache_clear() -> None:
    """Forget every cached reading (benchmarks time cold runs)."""
    normalise.cache_clear()
