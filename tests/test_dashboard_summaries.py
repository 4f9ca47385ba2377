"""dashboard.summaries: events per year by type and the most frequent actors."""
from __future__ import annotations

import json
from pathlib import Path

from dashboard import dataset, summaries
from dashboard.filters import FilterState, apply_filters

FIXTURES = Path(__file__).parent / "fixtures"


def test_summaries_events_per_year_counts_each_dated_event_once():
    df = dataset.load_events(FIXTURES / "events_sample.jsonl")
    table = summaries.events_per_year(df)
    assert int(table.to_numpy().sum()) == int(df["when"].notna().sum())
    assert table.loc[2025, "meeting"] == 2 and table.loc[2015, "military"] == 1
    assert list(table.columns[:2]) == ["meeting", "call"]


def test_summaries_top_actors_follow_the_filters():
    df = dataset.load_events(FIXTURES / "events_sample.jsonl")
    assert summaries.top_actors(df, 2) == [("Bashar al-Assad", "SY", 5), ("Vladimir Putin", "RU", 4)]
    shown = apply_filters(df, FilterState(years=(2024, 2025)))
    names = [name for name, _, _ in summaries.top_actors(shown)]
    assert "Ahmed al-Sharaa" in names and "Bashar al-Assad" in names and "Vladimir Putin" in names
    assert all(count >= 1 for *_, count in summaries.top_actors(shown))


def test_summaries_figures_escape_names_and_handle_no_dates():
    df = dataset.load_events(FIXTURES / "events_hostile.jsonl")
    text = json.dumps(json.loads(summaries.top_actors_figure(df).to_json()), ensure_ascii=False)
    assert "<b>bold</b>" not in text and "&lt;b&gt;bold&lt;/b&gt;" in text
    undated = df[df["when"].isna()]
    assert summaries.events_per_year(undated).empty
    assert len(summaries.per_year_figure(undated).data) == 0
