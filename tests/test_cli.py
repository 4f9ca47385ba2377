"""The command line: build a folder into JSON Lines or CSV, with a report."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from events.__main__ import main
from events.records import CSV_COLUMNS


def test_cli_build_jsonl_matches_scorer_format(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["build", str(seeds_dir), "--out", str(out), "--store", str(tmp_path / "s.sqlite")]) == 0
    printed = capsys.readouterr().out
    assert "articles read: 5" in printed and "events found:" in printed
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows
    for row in rows:
        assert {"event_id", "date", "date_precision", "date_basis", "event_type", "actors", "location", "topics",
                "title", "sources"} <= row.keys()
        assert all({"name", "country", "role"} <= a.keys() for a in row["actors"])


def test_cli_build_csv(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert main(["build", str(seeds_dir), "--out", str(out), "--store", str(tmp_path / "s.sqlite")]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = list(reader)
    assert len(rows) >= 8
    # each row names its sources' headlines and publication days (the seeds' manifest gives every day)
    assert all(row["headlines"] and row["published"] for row in rows)
    assert all(len(day) == 10 and day[4] == "-" for row in rows for day in row["published"].split("; "))


def test_cli_reports_skipped_files(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nSyrian President Bashar al-Assad met Russian President "
                                    "Vladimir Putin in Sochi on 17 May 2018.\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out.jsonl")]) == 0
    printed = capsys.readouterr().out
    assert "skipped empty.txt: empty file" in printed
    assert "articles read: 1" in printed


def test_cli_rejects_unknown_suffix(seeds_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["build", str(seeds_dir), "--out", str(tmp_path / "events.xlsx")])


def test_to_csv_neutralises_formula_cells() -> None:
    from events.records import to_csv
    record = {"event_id": "ev-1", "title": "=HYPERLINK(\"http://x\")", "actors": [{"name": "@evil", "country": "SY"}],
              "sources": [{"article": "a.txt", "excerpt": "-1+2"}]}
    rows = list(csv.DictReader(to_csv([record]).splitlines()))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["syrian_actors"] == "'@evil"
    assert rows[0]["excerpt"] == "'-1+2"
