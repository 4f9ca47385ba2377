"""dashboard.details: the details panel's content for one event, every source included."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import dataset, details

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("url", "link"), [
    ("https://news.example.org/a", "https://news.example.org/a"),
    ("http://news.example.org/a?b=1", "http://news.example.org/a?b=1"),
    ("javascript:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//news.example.org/a", None),
    ("https://", None),
    ("", None),
    (None, None),
])
def test_details_safe_link_only_web_addresses(url, link):
    assert details.safe_link(url) == link


def test_details_list_every_source_with_roles_and_date_basis():
    df = dataset.load_events(FIXTURES / "events_sample.jsonl")
    row = df[df["event_id"] == "ev-08d44f07c049"].iloc[0]
    info = details.event_details(row)
    assert info.title == "Bashar al-Assad meets Vladimir Putin in Moscow"
    assert "20 Oct 2015" in info.when and "day precision" in info.when and "date basis: stated" in info.when
    assert info.actors == ("Bashar al-Assad (President of Syria, SY)", "Vladimir Putin (President of Russia, RU)")
    assert info.topics == "Military, Diplomacy"
    assert [s.outlet for s in info.sources] == ["Sample Wire", "Example Daily"]
    assert [s.published for s in info.sources] == ["2015-10-21", "2015-10-22"]
    assert info.sources[1].link == "https://news.example.org/f003"
    assert info.sources[1].excerpt.startswith("The Syrian president's unannounced trip")


def test_details_of_hostile_event_keep_text_and_refuse_bad_links():
    df = dataset.load_events(FIXTURES / "events_hostile.jsonl")
    row = df[df["event_id"] == "ev-21be4cd6b9ff"].iloc[0]
    info = details.event_details(row)
    assert info.title.startswith("<img src=x onerror=alert(1)>")  # shown as text by st.text
    assert info.sources[0].title == info.title  # the source has no title of its own
    undated = details.event_details(df[df["date"].isna()].iloc[0])
    assert "undated" in undated.when
