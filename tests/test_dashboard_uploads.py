"""dashboard.uploads: uploaded files → events, with a report per file; a bad file never costs the others."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import uploads

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = ("upload_article.txt", (FIXTURES / "upload_article.txt").read_bytes())
EMPTY = ("empty.txt", b"  \n\n ")


def test_uploads_good_file_gives_events_and_a_report_line():
    result = uploads.process_uploads([GOOD])
    assert len(result.records) >= 1
    record = result.records[0]
    assert {a["name"] for a in record["actors"]} >= {"Faisal Mekdad", "Mikhail Bogdanov"}
    assert record["date"].startswith("2024-03")
    assert record["sources"][0]["article"] == "upload_article.txt"
    (report,) = result.files
    assert (report.name, report.articles, report.events, report.skipped) == (
        "upload_article.txt", 1, len(result.records), ())
    assert report.summary().startswith("upload_article.txt: 1 article read, ")


def test_uploads_bad_file_is_reported_and_the_good_one_still_counts():
    result = uploads.process_uploads([EMPTY, GOOD])
    by_name = {r.name: r for r in result.files}
    assert by_name["empty.txt"].articles == 0 and by_name["empty.txt"].events == 0
    assert by_name["empty.txt"].skipped and "skipped" in by_name["empty.txt"].summary()
    assert by_name["upload_article.txt"].events == len(result.records) >= 1
    assert any("empty.txt" in line for line in result.report)


@pytest.mark.parametrize(("item", "name", "belongs"), [
    ("a.txt", "a.txt", True),
    ("bundle.zip/inner/b.md", "bundle.zip", True),
    ("bundle.zip2/b.md", "bundle.zip", False),
    ("a.txt.bak", "a.txt", False),
])
def test_uploads_zip_members_count_for_their_archive(item, name, belongs):
    assert uploads._belongs(item, name) is belongs


def test_uploads_failure_inside_the_pipeline_is_a_report_not_a_crash(monkeypatch):
    def broken(files):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(uploads, "load_files", broken)
    result = uploads.process_uploads([GOOD])
    assert result.records == ()
    assert "disk on fire" in result.files[0].summary()
