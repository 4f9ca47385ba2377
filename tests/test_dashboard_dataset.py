"""dashboard.dataset: export records → frame, date labels, plotting times, where the source comes from."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard import dataset

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "events_sample.jsonl"


@pytest.mark.parametrize(("date", "precision", "label"), [
    ("2025-01-28", "day", "28 Jan 2025"),
    ("2015-10-05", "day", "5 Oct 2015"),
    ("2023-09", "month", "Sep 2023"),
    ("2011", "year", "2011"),
    (None, "unknown", "undated"),
    ("", "unknown", "undated"),
    ("2023-13", "month", "2023-13"),  # malformed: shown as exported, not crashing
])
def test_dataset_date_label_follows_precision(date, precision, label):
    assert dataset.date_label(date, precision) == label


@pytest.mark.parametrize(("date", "precision", "when"), [
    ("2025-01-28", "day", pd.Timestamp(2025, 1, 28)),
    ("2023-09", "month", pd.Timestamp(2023, 9, 15)),
    ("2011", "year", pd.Timestamp(2011, 7, 1)),
])
def test_dataset_plot_time_is_middle_of_span(date, precision, when):
    assert dataset.plot_time(date, precision) == when


@pytest.mark.parametrize(("date", "precision"), [(None, "unknown"), ("2023-02-30", "day"), ("abcd", "year")])
def test_dataset_plot_time_unknown_is_nat(date, precision):
    assert pd.isna(dataset.plot_time(date, precision))


def test_dataset_load_events_reads_jsonl_fixture():
    df = dataset.load_events(SAMPLE)
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(df) == len(records) == 11
    assert set(dataset.COLUMNS) <= set(df.columns)
    assert df["when"].is_monotonic_increasing
    assert sorted(df["event_id"]) == sorted(r["event_id"] for r in records)
    row = df[df["event_id"] == "ev-08d44f07c049"].iloc[0]
    assert row["date"] == "2015-10-20"
    assert row["syrian_actors"] == ["Bashar al-Assad"]
    assert row["russian_actors"] == ["Vladimir Putin"]
    assert row["actor_names"] == ["Bashar al-Assad", "Vladimir Putin"]
    assert row["source_count"] == 2
    assert row["outlet"] == "Sample Wire" and row["article"] == "f002.txt"
    assert row["excerpt"].startswith("Assad flew to Moscow")
    assert row["year"] == 2015
    assert row["record"] == next(r for r in records if r["event_id"] == row["event_id"])


def test_dataset_to_frame_of_nothing_has_all_columns():
    df = dataset.to_frame([])
    assert df.empty and list(df.columns) == list(dataset.COLUMNS)


def test_dataset_undated_event_sorts_last_without_year():
    df = dataset.load_events(FIXTURES / "events_hostile.jsonl")
    assert pd.isna(df["date"].iloc[-1]) and df["record"].iloc[-1]["date"] is None
    assert pd.isna(df["when"].iloc[-1]) and pd.isna(df["year"].iloc[-1])
    assert df["date_label"].iloc[-1] == "undated"


def test_dataset_load_events_missing_source_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        dataset.load_events(tmp_path / "nowhere.jsonl")


def test_dataset_load_events_bad_line_names_it(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        dataset.load_events(bad)


@pytest.mark.parametrize(("argv", "env", "expected"), [
    ([], {}, "DEFAULT"),
    (["--source", "a.jsonl"], {}, "a.jsonl"),
    (["--source=a.jsonl"], {"TIMELINE_SOURCE": "b"}, "a.jsonl"),
    ([], {"TIMELINE_SOURCE": "corpus/x"}, "corpus/x"),
    ([], {"TIMELINE_SOURCE": ""}, "DEFAULT"),
    (["tests/test_x.py", "-q", "-k", "source"], {}, "DEFAULT"),  # pytest's argv under AppTest
    (["--sou", "a.jsonl"], {}, "DEFAULT"),  # no abbreviations: a prefix is someone else's option
])
def test_dataset_resolve_source_prefers_argument_then_env(argv, env, expected):
    default = Path("/default/sample_corpus")
    got = dataset.resolve_source(argv, env, default)
    assert got == (default if expected == "DEFAULT" else Path(expected))


def test_dataset_default_source_is_bundled_sample_corpus():
    assert Path(__file__).resolve().parent.parent / "sample_corpus" == dataset.DEFAULT_SOURCE


def test_dataset_source_stamp_changes_when_a_file_changes(tmp_path):
    assert dataset.source_stamp(tmp_path / "missing") == 0.0
    (tmp_path / "a.txt").write_text("x")
    before = dataset.source_stamp(tmp_path)
    os.utime(tmp_path / "a.txt", (before + 10, before + 10))
    assert dataset.source_stamp(tmp_path) == before + 10


def test_dataset_load_events_builds_sample_corpus(sample_corpus_dir):
    df = dataset.load_events(sample_corpus_dir)
    assert len(df) > 0
    assert set(dataset.COLUMNS) <= set(df.columns)
    assert df["event_id"].str.match(r"^ev-[0-9a-f]{12}$").all()
    assert df["actors"].map(lambda actors: {a["country"] for a in actors} >= {"SY", "RU"}).all()


def test_dataset_load_events_builds_seeds(seeds_dir):
    df = dataset.load_events(seeds_dir)
    assert len(df) > 0
    assert df["record"].map(lambda r: len(r["sources"]) >= 1).all()


@pytest.mark.parametrize(("date", "precision", "start", "end"), [
    ("2025-01-28", "day", pd.Timestamp(2025, 1, 28), pd.Timestamp(2025, 1, 29)),
    ("2023-09", "month", pd.Timestamp(2023, 9, 1), pd.Timestamp(2023, 10, 1)),
    ("2024-12", "month", pd.Timestamp(2024, 12, 1), pd.Timestamp(2025, 1, 1)),
    ("2011", "year", pd.Timestamp(2011, 1, 1), pd.Timestamp(2012, 1, 1)),
])
def test_dataset_date_span_covers_the_whole_period(date, precision, start, end):
    assert dataset.date_span(date, precision) == (start, end)


def test_dataset_frame_times_match_the_one_date_functions():
    from tests.synthetic_events import synthesise_records

    records = [
        *synthesise_records(500),
        {"event_id": "bad-month", "date": "2023-13", "date_precision": "month"},
        {"event_id": "bad-day", "date": "2023-02-30", "date_precision": "day"},
        {"event_id": "bad-year", "date": "abcd", "date_precision": "year"},
        {"event_id": "mismatch", "date": "2023-05", "date_precision": "day"},
    ]
    frame = dataset.to_frame(records)
    for row in frame.itertuples():
        start, end = dataset.date_span(row.date, row.date_precision)
        expected = (dataset.plot_time(row.date, row.date_precision), start, end)
        for got, want in zip((row.when, row.start, row.end), expected, strict=True):
            assert (pd.isna(got) and pd.isna(want)) or got == want, (row.event_id, got, want)
    assert frame["when"].isna().sum() == sum(r["date_precision"] == "unknown" for r in records[:500]) + 4


def test_dataset_search_text_and_outlets_cover_every_source():
    df = dataset.load_events(SAMPLE)
    row = df[df["event_id"] == "ev-08d44f07c049"].iloc[0]
    assert row["outlets"] == ["Sample Wire", "Example Daily"]
    assert "first foreign visit since 2011" in row["search_text"]  # the second source's excerpt
    assert row["search_text"] == row["search_text"].casefold()


def test_dataset_combine_adds_only_new_events_in_date_order():
    df = dataset.load_events(SAMPLE)
    extra = dataset.to_frame([
        {**df["record"].iloc[0]},  # already there: not added twice
        {"event_id": "ev-new", "date": "2016-03", "date_precision": "month", "title": "New one", "actors": [],
         "sources": []},
    ])
    both = dataset.combine(df, extra)
    assert len(both) == len(df) + 1
    assert both["when"].is_monotonic_increasing
    assert dataset.combine(df, dataset.to_frame([])) is df
    assert dataset.combine(dataset.to_frame([]), extra) is extra


def test_dataset_table_frame_has_one_row_per_event():
    df = dataset.load_events(SAMPLE)
    table = dataset.table_frame(df)
    assert list(table["Event id"]) == list(df["event_id"])
    row = table[table["Event id"] == "ev-08d44f07c049"].iloc[0]
    assert row["Date"] == "20 Oct 2015" and row["Outlets"] == "Sample Wire; Example Daily"
    assert row["Topics"] == "military, diplomacy"


def test_dataset_reads_a_store_and_keeps_one_for_a_folder(sample_corpus_dir, tmp_path) -> None:
    import shutil

    from dashboard.dataset import load_dataset, source_stamp
    from events.__main__ import main

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus_dir, corpus)
    stamp = source_stamp(corpus)
    from_folder = load_dataset(corpus)
    assert (corpus / ".timeline" / "store.sqlite").exists()
    assert source_stamp(corpus) == stamp  # the store does not make the corpus look edited
    assert main(["build", str(corpus), "--store", str(tmp_path / "s.sqlite")]) == 0
    from_store = load_dataset(tmp_path / "s.sqlite")
    assert len(from_store.frame) == len(from_folder.frame) > 0
    assert set(from_store.frame["event_id"]) == set(from_folder.frame["event_id"])
