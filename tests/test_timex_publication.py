"""Publication dates: a site's date bar is not one; an inferred anchor is coarse and says where it came from."""
from __future__ import annotations

from datetime import date

import pytest

from events.gazetteer import load_gazetteer
from events.model import DateBasis, Precision
from events.published import publication_anchor
from loaders.datelines import is_date_bar
from loaders.readers import parse_plain_text


@pytest.mark.parametrize("line,expected", [
    ("Monday, 16 September 2024", True),
    ("Tuesday, February 7, 2012", True),
    ("Tue 26 Sep 2023 | 10:56 PM", False),       # a time of day: a publication stamp
    ("29 Jan, 2025 00:38", False),
    ("16 September 2024", False),                # no weekday
    ("The talks of Monday, 16 September 2024 ended late", False),
])
def test_is_date_bar(line: str, expected: bool) -> None:
    assert is_date_bar(line) is expected


def test_date_bar_above_headline_is_not_the_publication_date() -> None:
    text = ("Dark Mode\nMonday, 16 September 2024\nEnvoys meet in Damascus to discuss the port\n\n"
            "The two delegations met on Tuesday to talk about the port lease, the ministry said.\n")
    article = parse_plain_text(text, "bar.txt")
    assert article.published is None


def test_dated_line_under_headline_stays_the_publication_date() -> None:
    text = ("Envoys meet in Damascus to discuss the port\nTuesday, February 7, 2012\n\n"
            "The two delegations met on Monday to talk about the port lease, the ministry said.\n")
    assert parse_plain_text(text, "dated.txt").published == date(2012, 2, 7)


def test_undated_article_gets_a_year_from_its_latest_landmark_with_basis_and_note() -> None:
    text = ("Envoys meet in Damascus\n\nSince Ahmed al-Sharaa became president, Syrian President Ahmed al-Sharaa "
            "has received several envoys; the latest arrived on Tuesday.\n")
    article = parse_plain_text(text, "undated.txt")
    anchor, note = publication_anchor(article, load_gazetteer())
    assert anchor is not None and (anchor.precision, anchor.basis) == (Precision.YEAR, DateBasis.INFERRED)
    assert str(anchor) == "2025" and "sharaa-presidency" in note


def test_landmark_at_the_end_of_a_year_leaves_the_year_open() -> None:
    text = ("Envoys meet in Damascus\n\nSince the fall of the Assad government, the two sides have met "
            "several times; the envoy arrived on Tuesday.\n")
    anchor, note = publication_anchor(parse_plain_text(text, "undated.txt"), load_gazetteer())
    assert anchor is None and "fall-of-assad" in note and "ends a year" in note


@pytest.mark.parametrize("words,year", [
    ("Two years after the Putin-Biden summit", "2023"),
    ("Six months after the fall of the Assad government", "2025"),
    ("On the first anniversary of the Putin-Biden summit", "2022"),
])
def test_time_said_to_have_passed_since_a_landmark_moves_the_year(words: str, year: str) -> None:
    text = f"Envoys meet in Damascus\n\n{words}, the envoy arrived on Tuesday for talks.\n"
    anchor, note = publication_anchor(parse_plain_text(text, "undated.txt"), load_gazetteer())
    assert anchor is not None and str(anchor) == year and "landmark" in note


def test_hedged_time_since_a_landmark_moves_nothing() -> None:
    text = ("Envoys meet in Damascus\n\nNearly a year after the fall of the Assad government, the envoy "
            "arrived on Tuesday for talks.\n")
    anchor, _ = publication_anchor(parse_plain_text(text, "undated.txt"), load_gazetteer())
    assert anchor is None  # still 8 December 2024: the year stays open


def test_undated_article_without_evidence_gets_no_anchor() -> None:
    article = parse_plain_text("Envoys meet\n\nThe envoy arrived on Tuesday for talks.\n", "none.txt")
    anchor, note = publication_anchor(article, load_gazetteer())
    assert anchor is None and "nothing in the text" in note
