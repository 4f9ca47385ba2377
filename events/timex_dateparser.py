"""dateparser as the normaliser of the calendar expressions the project's own patterns find.

The patterns in `events.timex_rules` decide what is a date ("the 10th", "may", "15%" never get here); dateparser
then reads each absolute candidate ("Aug. 7, 1998", "21 December", "July 1997", "2013/09/05") into a day and
the period it covers. A date without a year is read in a fixed leap year: which year it belongs to is the
resolver's choice (news style, from the document date and the tense), not dateparser's.

dateparser is handed the candidate together with the one strptime format its shape spells ("Aug. 7, 1998" is
`%b. %d, %Y`), so it reads it on its format path (about 25 µs) instead of its language machinery (1–10 ms); a
candidate whose shape has no format here ("Sept. 30", "7th of May") or that the format does not read goes
through dateparser's full parser as before. Results are cached on (text, date order): a news corpus repeats
the same few dozen dates.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from dateparser.date import DateData, DateDataParser

from events.timex_calendar import Grain

LANGUAGES = ["en"]
# A leap year, so that "Feb. 29" reads; only month and day are kept from a date without a year.
YEARLESS_BASE = datetime(2000, 1, 1)
_GRAINS = {"day": Grain.DAY, "month": Grain.MONTH, "year": Grain.YEAR}
CACHE_SIZE = 16384

# The names strptime reads (dateparser's own strptime is English-only, as these lists are).
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAME_DIRECTIVES = {**{w: "%A" for w in _WEEKDAYS}, **{w[:3]: "%a" for w in _WEEKDAYS},
                    **{m: "%B" for m in _MONTHS}, **{m[:3]: "%b" for m in _MONTHS}}
_TOKENS = re.compile(r"[A-Za-z]+|\d+|[^A-Za-z\d]+")
_NUMBER_DIRECTIVES = {"D": "%d", "M": "%m", "Y": "%Y"}


@dataclass(frozen=True, slots=True)
class Normalised:
    """What dateparser read: the first day of the period, and the period (day, month or year)."""

    day: date
    grain: Grain


def date_format(text: str, date_order: str = "MDY") -> str | None:
    """The strptime format `text` is written in ("Aug. 7, 1998": "%b. %d, %Y"), or None when its shape is not a
    plain one: a month name with a day and/or a four-digit year (unless `date_order` puts the year first), three
    numbers in `date_order`, or a year alone, each with an optional weekday name."""
    tokens = _TOKENS.findall(text)
    numbers = [t for t in tokens if t.isdigit()]
    if any(_NAME_DIRECTIVES.get(t.lower()) in ("%B", "%b") for t in tokens):
        if date_order.startswith("Y"):
            return None  # dateparser reads "02 Apr" in year-first order as April 2002
        kinds = iter(["Y" if len(t) == 4 else "D" for t in numbers])
    elif len(numbers) == 3:
        kinds = iter(date_order)
    elif tokens == numbers and len(numbers) == 1:
        kinds = iter("Y")
    else:
        return None
    used: set[str] = set()
    parts = []
    for token in tokens:
        if token[0].isalpha():
            directive = _NAME_DIRECTIVES.get(token.lower())
            kind = directive if directive in ("%A", "%a") else "M"
        elif token.isdigit():
            kind = next(kinds, "")
            directive = _NUMBER_DIRECTIVES.get(kind)
            if not (len(token) == 4 if kind == "Y" else len(token) <= 2):
                return None
        else:
            parts.append(token.replace("%", "%%"))
            continue
        if directive is None or kind in used:
            return None
        used.add(kind)
        parts.append(directive)
    return "".join(parts)


class _Reader:
    """One dateparser parser for one date order, called with the candidate's format when it has one."""

    def __init__(self, date_order: str) -> None:
        self.date_order = date_order
        self.parser = DateDataParser(languages=LANGUAGES, settings={
            "RETURN_TIME_AS_PERIOD": True, "PARSERS": ["absolute-time"], "PREFER_DATES_FROM": "current_period",
            "RELATIVE_BASE": YEARLESS_BASE, "DATE_ORDER": date_order, "TIMEZONE": "UTC",
            # a month or a year alone reads as its first day, on the format path too (not today's day and month)
            "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first"})

    def get_date_data(self, text: str) -> DateData:
        """dateparser's reading of `text`: through the format its shape spells, else its full parser."""
        found = date_format(text, self.date_order)
        return self.parser.get_date_data(text, [found] if found else None)


@cache
def _parser(date_order: str) -> _Reader:
    """One parser per date order: English only (fast, and no "We" read as Wednesday), absolute dates only."""
    return _Reader(date_order)


@lru_cache(maxsize=CACHE_SIZE)
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
