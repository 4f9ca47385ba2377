"""Date expressions resolved against the publication date, news style."""
from __future__ import annotations

from datetime import date

import pytest

from events.dates import find_dates
from events.model import DateBasis, EventDate, Precision

WED_2025_01_29 = EventDate(date(2025, 1, 29), Precision.DAY, DateBasis.STATED)
YEAR_2021 = EventDate(date(2021, 1, 1), Precision.YEAR, DateBasis.INFERRED)


def resolved(text: str, anchor: EventDate | None = WED_2025_01_29) -> list[tuple[str, str, str]]:
    return [(t.text, str(t.date), t.date.precision.value) for t in find_dates(text, anchor)]


@pytest.mark.parametrize("text,expected", [
    ("talks on Tuesday.", [("Tuesday", "2025-01-28", "day")]),
    ("the ministry said Wednesday.", [("Wednesday", "2025-01-29", "day")]),
    ("announced last Wednesday", [("last Wednesday", "2025-01-22", "day")]),
    ("He will visit Moscow on Monday for talks.", [("Monday", "2025-02-03", "day")]),
    ("told the channel last month.", [("last month", "2024-12", "month")]),
    ("In October, he was hosted in Moscow.", [("October", "2024-10", "month")]),
    ("since leaving Syria 10 months ago.", [("10 months ago", "2024-03", "month")]),
    ("leaders recently engaged in talks", [("recently", "2025-01", "month")]),
    ("yesterday evening", [("yesterday evening", "2025-01-28", "day")]),
    ("signed on December 21, after", [("December 21", "2024-12-21", "day")]),
    ("on Jan. 2 held talks", [("Jan. 2", "2025-01-02", "day")]),
    ("in December of last year", [("December of last year", "2024-12", "month")]),
    ("on March 14, 2016 ordered", [("March 14, 2016", "2016-03-14", "day")]),
    ("in December 2024 and in 2015", [("December 2024", "2024-12", "month"), ("2015", "2015", "year")]),
])
def test_find_dates_resolves_against_anchor(text: str, expected: list) -> None:
    assert resolved(text) == expected


@pytest.mark.parametrize("text", ["We may see", "the 10th session", "up 15% on 2-1", "1,600 people", "1 of 3 options"])
def test_find_dates_ignores_common_words(text: str) -> None:
    assert resolved(text) == []


@pytest.mark.parametrize("text,expected", [
    ("On Tuesday, the president received", []),  # late December 2020 or a day of 2021: unknown
    ("in December of last year", [("December of last year", "2020-12", "month")]),
    ("told the channel last month.", []),  # December 2020 or a month of 2021
    ("they met in June.", []),  # June 2020 if written before June 2021
    ("since 2015 and in March 2019", [("2015", "2015", "year"), ("March 2019", "2019-03", "month")]),
])
def test_find_dates_year_anchor_keeps_what_every_day_of_the_year_agrees_on(text: str, expected: list) -> None:
    assert resolved(text, YEAR_2021) == expected


def test_find_dates_without_anchor_keeps_explicit_dates_only() -> None:
    assert resolved("on Tuesday and on 3 May 2019", None) == [("3 May 2019", "2019-05-03", "day")]


def test_find_dates_following_day_counts_from_last_date() -> None:
    found = resolved("They met on 3 May 2019. The talks resumed the following day.")
    assert found[-1] == ("the following day", "2019-05-04", "day")
