"""Calendar dates printed with a year: the windowed search finds what a scan of the whole text finds."""
from __future__ import annotations

import random
from datetime import date

import pytest

from loaders.datelines import _FULL_DATE_PATTERNS, MONTHS, ambiguous_order, find_calendar_dates


def _full_scan(text: str) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for pattern in _FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            groups = m.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mnum"])
            if groups.get("sep") and ambiguous_order(int(groups["day"]), month, groups["sep"]):
                continue
            try:
                found.append((m.start(), m.end(), date(int(groups["year"]), month, int(groups["day"]))))
            except ValueError:
                continue
    return sorted(found)


@pytest.mark.parametrize("text", [
    "Wednesday, 31st of October, 2018 and 2019-10-22, then 15.03.2024 and Oct 21, 2015.",
    "2013/09/05 2013/09/06",
    "Tue 26 Sep 2023 | 10:56 PM",
    "In 2015 and 2016 nothing was dated; 30 February 2020 is no day.",
    "Feb. 7, 2012Feb. 8, 2012",
])
def test_calendar_dates_like_a_full_scan(text: str) -> None:
    assert [(c.start, c.end, c.value) for c in find_calendar_dates(text)] == _full_scan(text)


def test_calendar_dates_like_a_full_scan_on_random_text() -> None:
    rng = random.Random(11)
    pieces = ["Monday, ", "3 ", "21st ", "of ", "March ", "Sept. ", "2019", "2020", ", ", "-", "/", ".", "07", "12",
              "the talks ", "Oct ", "1999 ", "words and more words "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 40)))
        assert [(c.start, c.end, c.value) for c in find_calendar_dates(text)] == _full_scan(text), text
