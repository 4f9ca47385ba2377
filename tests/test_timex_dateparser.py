"""dateparser normalises the absolute candidates our own patterns find, through a cache; common words never reach it."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from events import timex_dateparser
from events.timex import find_timexes
from events.timex_calendar import Grain

DCT = date(2025, 1, 29)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every text handed to dateparser (still parsed by the real dateparser)."""
    seen: list[str] = []
    real = timex_dateparser._parser

    class Recording:
        def __init__(self, order: str) -> None:
            self.inner = real(order)

        def get_date_data(self, text: str) -> object:
            seen.append(text)
            return self.inner.get_date_data(text)

    timex_dateparser.cache_clear()
    monkeypatch.setattr(timex_dateparser, "_parser", Recording)
    yield seen
    timex_dateparser.cache_clear()


def test_dateparser_reads_each_kind_of_absolute_candidate(spy: list[str]) -> None:
    text = "Signed on Aug. 7, 1998, amended in July 2003, reviewed on Sept. 30 and again in 2011 (07.08.1999)."
    values = [(t.text, t.value) for t in find_timexes(text, DCT)]
    assert values == [("Aug. 7, 1998", "1998-08-07"), ("July 2003", "2003-07"), ("Sept. 30", "2024-09-30"),
                      ("2011", "2011"), ("07.08.1999", "1999-08-07")]
    assert spy == ["Aug. 7, 1998", "July 2003", "Sept 30", "2011", "07.08.1999"]


def test_the_value_is_dateparsers_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Proof that the value comes from dateparser: a parser that reads every date as 2 March 1901 wins."""
    fake = SimpleNamespace(get_date_data=lambda text: SimpleNamespace(date_obj=datetime(1901, 3, 2), period="day"))
    timex_dateparser.cache_clear()
    monkeypatch.setattr(timex_dateparser, "_parser", lambda order: fake)
    try:
        assert [t.value for t in find_timexes("The treaty of 12 June 1950 stands.", DCT)] == ["1901-03-02"]
    finally:
        timex_dateparser.cache_clear()


def test_a_form_dateparser_cannot_read_falls_back_to_the_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    blind = SimpleNamespace(get_date_data=lambda text: SimpleNamespace(date_obj=None, period="day"))
    timex_dateparser.cache_clear()
    monkeypatch.setattr(timex_dateparser, "_parser", lambda order: blind)
    try:
        assert [t.value for t in find_timexes("The treaty of 12 June 1950 stands.", DCT)] == ["1950-06-12"]
        # without a reading, a month and day or a bare year is not a date at all
        assert find_timexes("They met on Sept. 30 in 2011.", DCT) == ()
    finally:
        timex_dateparser.cache_clear()


def test_repeated_candidates_are_read_once(spy: list[str]) -> None:
    text = "On Aug. 7, 1998 the talks began; by Aug. 7, 1998 the text was ready. Aug. 7, 1998 is remembered."
    assert [t.value for t in find_timexes(text, DCT)] == ["1998-08-07"] * 3
    assert spy == ["Aug. 7, 1998"]
    info = timex_dateparser.normalise.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_common_words_never_reach_dateparser(spy: list[str]) -> None:
    text = "We may see the 10th session open; shares rose 15% and the match ended 2-1, 1 of 3 said."
    assert find_timexes(text, DCT) == ()
    assert spy == []


def test_normalise_gives_the_period() -> None:
    timex_dateparser.cache_clear()
    assert timex_dateparser.normalise("December 2024") == timex_dateparser.Normalised(date(2024, 12, 1), Grain.MONTH)
    assert timex_dateparser.normalise("1990").grain is Grain.YEAR
    assert timex_dateparser.normalise("Feb 29").day.month == 2  # a date without a year is read in a leap year
    assert timex_dateparser.normalise("no date here") is None


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("Aug. 7, 1998", "DMY", "%b. %d, %Y"),
    ("Saturday, November 18, 2017", "DMY", "%A, %B %d, %Y"),
    ("Mon 20 Jun 2016", "DMY", "%a %d %b %Y"),
    ("21 December", "MDY", "%d %B"),
    ("July 1997", "MDY", "%B %Y"),
    ("1990", "MDY", "%Y"),
    ("07.08.1999", "DMY", "%d.%m.%Y"),
    ("2013/09/05", "YMD", "%Y/%m/%d"),
    ("Sept 30", "MDY", None),          # not a strptime abbreviation: dateparser's full parser reads it
    ("07.08.98", "DMY", None),         # two-digit years keep dateparser's own century rules
    ("02 Apr", "YMD", None),           # year-first order reads the number as a year
    ("May 5 2019 10:30", "MDY", None),
    ("5 May May", "MDY", None),
])
def test_date_format_spells_the_shape(text: str, order: str, expected: str | None) -> None:
    assert timex_dateparser.date_format(text, order) == expected


@pytest.mark.parametrize("order", ["DMY", "MDY", "YMD"])
@pytest.mark.parametrize("text", [
    "Aug. 7, 1998", "Tuesday, May 18, 2015", "Monday, 3 May 2019", "Sun 2 Feb 2014", "21 December", "Feb 29",
    "Feb 30", "July 1997", "MARCH 5, 2020", "1990", "07.08.1999", "12.31.2020", "31.12.2020", "2013-09-05",
    "2013/13/05", "5/7/2021", "0 May 2019", "32 May 2019", "May 2019", "02 Apr",
])
def test_the_format_path_reads_what_the_full_parser_reads(text: str, order: str) -> None:
    """dateparser given the candidate's format returns what its full parser returns (a weekday that does not
    match the day is ignored by both)."""
    reader = timex_dateparser._parser(order)
    fast, full = reader.get_date_data(text), reader.parser.get_date_data(text)
    assert (fast.date_obj, fast.period) == (full.date_obj, full.period)
