"""dashboard.export: CSV and JSON Lines of exactly the rows shown, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dashboard import dataset, export
from dashboard.filters import FilterState, apply_filters
from events.records import CSV_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def sample():
    return dataset.load_events(FIXTURES / "events_sample.jsonl")


@pytest.fixture(scope="module")
def hostile():
    return dataset.load_events(FIXTURES / "events_hostile.jsonl")


def test_export_csv_has_bom_header_and_every_field_quoted(sample):
    data = export.to_csv_bytes(sample)
    rows = _rows(data)
    assert rows[0] == list(CSV_COLUMNS)
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == ",".join(f'"{c}"' for c in CSV_COLUMNS)
    assert lines[1].startswith('"ev-') and lines[1].endswith('"')


@pytest.mark.parametrize("state", [
    FilterState(),
    FilterState(actors=("Vladimir Putin",)),
    FilterState(years=(2017, 2020)),
    FilterState(event_types=("call", "aid")),
])
def test_export_csv_has_exactly_the_filtered_rows(sample, state):
    shown = apply_filters(sample, state)
    rows = _rows(export.to_csv_bytes(shown))
    assert [r[0] for r in rows[1:]] == list(shown["event_id"])
    assert len(rows) - 1 == len(shown) < len(sample) + (state == FilterState())


def test_export_csv_of_no_rows_is_just_the_header(sample):
    rows = _rows(export.to_csv_bytes(sample.iloc[0:0]))
    assert rows == [list(CSV_COLUMNS)]


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(1,2)", "'@SUM(1,2)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("\nx", "'\nx"),
    ("a=b", "a=b"),
    ("Assad", "Assad"),
    ("", ""),
    (None, ""),
    (3, "3"),
])
def test_export_neutralise_cell(value, expected):
    assert export.neutralise_cell(value) == expected


def test_export_csv_neutralises_formula_cells(hostile):
    rows = _rows(export.to_csv_bytes(hostile))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
    header = rows[0]
    by_title = {row[header.index("title")]: row for row in rows[1:]}
    formula = next(row for title, row in by_title.items() if "HYPERLINK" in title)
    assert formula[header.index("title")].startswith("'=HYPERLINK(")
    assert formula[header.index("syrian_actors")] == "'-2+3"
    assert formula[header.index("outlets")] == "'=1+1"
    assert formula[header.index("excerpt")].startswith("'+cmd")
    assert any(title.startswith("'\t") for title in by_title)


def test_export_csv_keeps_non_latin_text(hostile):
    text = export.to_csv_bytes(hostile).decode("utf-8-sig")
    assert "Владимир Путин" in text and "Асад" in text


@pytest.mark.parametrize("name", ["events_sample.jsonl", "events_hostile.jsonl"])
def test_export_jsonl_round_trips(name, tmp_path):
    source = FIXTURES / name
    df = dataset.load_events(source)
    data = export.to_jsonl_bytes(df)
    original = {r["event_id"]: r for r in map(json.loads, source.read_text(encoding="utf-8").splitlines())}
    again = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert {r["event_id"]: r for r in again} == original
    out = tmp_path / "again.jsonl"
    out.write_bytes(data)
    assert dataset.load_events(out)["record"].tolist() == df["record"].tolist()


def test_export_jsonl_has_exactly_the_filtered_rows(sample):
    shown = apply_filters(sample, FilterState(actors=("Ahmed al-Sharaa",)))
    lines = export.to_jsonl_bytes(shown).decode("utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == list(shown["event_id"])
    assert len(lines) == 2


@pytest.mark.parametrize("state", [
    FilterState(side="SY", topics=("diplomacy",)),
    FilterState(eras=("transition",)),
    FilterState(topics=("military",)),
    FilterState(outlets=("Example Daily",)),
    FilterState(query="moscow"),
    FilterState(eras=("assad",), event_types=("meeting",), query="putin"),
])
def test_export_both_formats_match_every_kind_of_filter(sample, state):
    shown = apply_filters(sample, state)
    assert 0 < len(shown) < len(sample)
    rows = _rows(export.to_csv_bytes(shown))
    assert [r[0] for r in rows[1:]] == list(shown["event_id"])
    lines = export.to_jsonl_bytes(shown).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(shown["record"])
