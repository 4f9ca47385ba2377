"""The dashboard page under streamlit.testing.v1.AppTest: runs, filters, empty states, downloads."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard" / "app.py")
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "events_sample.jsonl"
HOSTILE = FIXTURES / "events_hostile.jsonl"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _run(monkeypatch, source: Path | str, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("TIMELINE_SOURCE", str(source))
    at = AppTest.from_file(APP, default_timeout=30)
    if query:
        at.query_params.update(query)
    return at.run()


def _figure(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def _points(at: AppTest) -> int:
    return sum(len(trace.get("x") or ()) for trace in _figure(at)["data"])


def _rows(at: AppTest) -> int:
    assert len(at.dataframe) == 1
    return len(at.dataframe[0].value)


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_dashboard_app_runs_on_sample_fixture(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    _assert_clean(at)
    records = _records(SAMPLE)
    assert at.title[0].value == "Syria–Russia contacts timeline"
    assert _rows(at) == len(records)
    assert _points(at) == sum(len(r["actors"]) for r in records)  # default lanes: one point per actor
    assert set(at.dataframe[0].value["Event id"]) == {r["event_id"] for r in records}
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON Lines"]
    assert not at.info


def test_dashboard_app_actor_filter_changes_rows(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.multiselect(key="actor").set_value(["Ahmed al-Sharaa"]).run()
    _assert_clean(at)
    assert _rows(at) == 2
    assert set(at.dataframe[0].value["Syrian side"]) == {"Ahmed al-Sharaa"}
    at.multiselect(key="actor").set_value(["Ahmed al-Sharaa", "Sergey Lavrov"]).run()
    assert _rows(at) == 4
    assert len(at.get("download_button")) == 2


def test_dashboard_app_year_filter_changes_rows_and_points(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    slider = at.slider(key="years")
    assert slider.value == (2015, 2025)
    slider.set_value((2015, 2018)).run()
    _assert_clean(at)
    expected = [r for r in _records(SAMPLE) if 2015 <= int(r["date"][:4]) <= 2018]
    assert _rows(at) == len(expected) == 4
    assert _points(at) == sum(len(r["actors"]) for r in expected)
    at.slider(key="years").set_value((2025, 2025)).run()
    assert _rows(at) == 2


def test_dashboard_app_lanes_by_type(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.radio(key="lanes").set_value("type").run()
    _assert_clean(at)
    figure = _figure(at)
    assert _points(at) == len(_records(SAMPLE))
    assert {y for trace in figure["data"] for y in trace["y"]} == {r["event_type"] for r in _records(SAMPLE)}


def test_dashboard_app_filters_from_url(monkeypatch):
    # Bound widgets keep their shown labels in the URL: a filtered view is a plain link.
    at = _run(monkeypatch, SAMPLE, query={"type": ["call", "aid", "meeting"], "lanes": "Event type",
                                          "actor": "Vladimir Putin (RU)"})
    _assert_clean(at)
    assert _rows(at) == 4
    assert at.radio(key="lanes").value == "type"
    assert at.multiselect(key="actor").value == ["Vladimir Putin"]


def test_dashboard_app_no_match_says_so(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.text_input(key="q").set_value("no such words anywhere").run()
    _assert_clean(at)
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0
    assert any("No events match" in i.value for i in at.info)


def test_dashboard_app_clear_filters(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.multiselect(key="actor").set_value(["Ahmed al-Sharaa"]).run()
    at.slider(key="years").set_value((2024, 2025)).run()
    assert _rows(at) == 2
    at.button[0].click().run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE))
    assert at.multiselect(key="actor").value == []


def test_dashboard_app_source_from_command_line(monkeypatch):
    monkeypatch.delenv("TIMELINE_SOURCE", raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard/app.py", "--source", str(SAMPLE)])
    at = AppTest.from_file(APP, default_timeout=30).run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE))


def test_dashboard_app_missing_source_tells_user_what_to_do(monkeypatch, tmp_path):
    at = _run(monkeypatch, tmp_path / "no-such-corpus")
    assert not at.exception
    assert len(at.info) == 1 and "--source" in at.info[0].value and "TIMELINE" in at.info[0].value
    assert len(at.dataframe) == 0


def test_dashboard_app_empty_source_tells_user_what_to_do(monkeypatch, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    at = _run(monkeypatch, empty)
    _assert_clean(at)
    assert len(at.info) == 1 and "no events" in at.info[0].value
    assert len(at.get("download_button")) == 0


def test_dashboard_app_broken_source_shows_error_not_traceback(monkeypatch, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    at = _run(monkeypatch, broken)
    assert not at.exception
    assert len(at.error) == 1 and "line 1" in at.error[0].value


def test_dashboard_app_hostile_text_stays_escaped(monkeypatch):
    at = _run(monkeypatch, HOSTILE)
    _assert_clean(at)
    assert _rows(at) == 4
    spec = _figure(at)
    strings = json.dumps(spec, ensure_ascii=False)
    assert "<img" not in strings and "<a href" not in strings and "<script" not in strings
    assert any("undated" in c.value for c in at.caption)


def test_dashboard_app_builds_sample_corpus(monkeypatch, sample_corpus_dir):
    at = _run(monkeypatch, sample_corpus_dir)
    _assert_clean(at)
    assert not at.info
    assert _rows(at) > 0 and _points(at) > 0
    assert len(at.get("download_button")) == 2


def test_dashboard_app_default_source_is_sample_corpus(monkeypatch, sample_corpus_dir):
    monkeypatch.delenv("TIMELINE_SOURCE", raising=False)
    at = AppTest.from_file(APP, default_timeout=30).run()
    _assert_clean(at)
    assert at.sidebar.text_input[0].value == str(sample_corpus_dir)
    assert _rows(at) > 0


def test_dashboard_app_builds_seeds(monkeypatch, seeds_dir):
    at = _run(monkeypatch, seeds_dir)
    _assert_clean(at)
    assert _rows(at) > 0 and _points(at) > 0
