"""The dashboard page under streamlit.testing.v1.AppTest: runs, filters, empty states, downloads."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, dataset
from dashboard.filters import FilterState, apply_filters
from tests.synthetic_events import synthesise_records

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
    charts = [c for c in at.get("plotly_chart") if c.key == "timeline"]
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def _points(at: AppTest) -> int:
    return sum(len(trace.get("x") or ()) for trace in _figure(at)["data"]
               if trace.get("mode") == "markers" and trace.get("customdata") is not None)  # legend entries: none


def _rows(at: AppTest) -> int:
    assert len(at.dataframe) == 1
    return len(at.dataframe[0].value)


def _ids(at: AppTest) -> set[str]:
    return set(at.dataframe[0].value["Event id"])


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _expected(state: FilterState, source: Path = SAMPLE) -> set[str]:
    return set(apply_filters(dataset.load_events(source), state)["event_id"])


def test_dashboard_app_runs_on_sample_fixture(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    _assert_clean(at)
    records = _records(SAMPLE)
    assert at.title[0].value == "Syria–Russia contacts timeline"
    assert _rows(at) == len(records)
    assert _points(at) == sum(len(r["actors"]) for r in records)  # default lanes: one point per actor
    assert _ids(at) == {r["event_id"] for r in records}
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download JSON Lines"]
    assert {c.key for c in at.get("plotly_chart")} == {"timeline", "per_year", "top_actors"}
    assert at.button(key="reset").label == "Reset all filters"
    uploader = at.file_uploader[0]
    assert uploader.accept_multiple_files and {".txt", ".md", ".html", ".zip"} <= set(uploader.allowed_type)
    assert not at.info


# Each filter set through its widget keeps exactly the rows apply_filters keeps for the same choice.
WIDGET_CASES = [
    ("multiselect", "actor", ["Ahmed al-Sharaa"], FilterState(actors=("Ahmed al-Sharaa",))),
    ("multiselect", "actor", ["Ahmed al-Sharaa", "Sergey Lavrov"],
     FilterState(actors=("Ahmed al-Sharaa", "Sergey Lavrov"))),
    ("slider", "years", (2015, 2018), FilterState(years=(2015, 2018))),
    ("multiselect", "era", ["transition"], FilterState(eras=("transition",))),
    ("multiselect", "era", ["assad"], FilterState(eras=("assad",))),
    ("multiselect", "type", ["call", "aid"], FilterState(event_types=("call", "aid"))),
    ("multiselect", "topic", ["humanitarian"], FilterState(topics=("humanitarian",))),
    ("multiselect", "outlet", ["Example Daily"], FilterState(outlets=("Example Daily",))),
    ("multiselect", "modality", ["planned"], FilterState(modalities=("planned",))),
    ("multiselect", "place", ["Moscow", "Tartus"], FilterState(locations=("Moscow", "Tartus"))),
    ("multiselect", "precision", ["month", "year"], FilterState(precisions=("month", "year"))),
    ("text_input", "q", "Tartus", FilterState(query="Tartus")),
]


@pytest.mark.parametrize(("kind", "key", "value", "state"), WIDGET_CASES)
def test_dashboard_app_each_filter_widget_keeps_the_filtered_rows(monkeypatch, kind, key, value, state):
    at = _run(monkeypatch, SAMPLE)
    getattr(at, kind)(key=key).set_value(value).run()
    _assert_clean(at)
    expected = _expected(state)
    assert 0 < len(expected) < len(_records(SAMPLE))
    assert _ids(at) == expected
    assert at.caption[0].value.startswith(f"{len(expected)} of {len(_records(SAMPLE))} events")


# The same choices as links: bound widgets keep their shown labels in the URL.
URL_CASES = [
    ({"actor": "Vladimir Putin (RU)"}, "actor", ["Vladimir Putin"], FilterState(actors=("Vladimir Putin",))),
    ({"side": "Russian side"}, "side", "RU", FilterState(side="RU")),
    ({"years": ["2017", "2020"]}, "years", (2017, 2020), FilterState(years=(2017, 2020))),
    ({"era": "Transition"}, "era", ["transition"], FilterState(eras=("transition",))),
    ({"type": ["call", "aid", "meeting"]}, "type", ["call", "aid", "meeting"],
     FilterState(event_types=("call", "aid", "meeting"))),
    ({"topic": "Military"}, "topic", ["military"], FilterState(topics=("military",))),
    ({"outlet": "Example Daily"}, "outlet", ["Example Daily"], FilterState(outlets=("Example Daily",))),
    ({"modality": "planned"}, "modality", ["planned"], FilterState(modalities=("planned",))),
    ({"q": "moscow"}, "q", "moscow", FilterState(query="moscow")),
    ({"place": ["Moscow", "(no place given)"]}, "place", ["Moscow", "(no place given)"],
     FilterState(locations=("Moscow", "(no place given)"))),
    ({"precision": "Month only"}, "precision", ["month"], FilterState(precisions=("month",))),
]


@pytest.mark.parametrize(("query", "key", "value", "state"), URL_CASES)
def test_dashboard_app_each_filter_read_from_the_url(monkeypatch, query, key, value, state):
    at = _run(monkeypatch, SAMPLE, query=query)
    _assert_clean(at)
    widget = at.slider(key=key) if key == "years" else at.text_input(key=key) if key == "q" else (
        at.radio(key=key) if key == "side" else at.multiselect(key=key))
    assert widget.value == value
    assert _ids(at) == _expected(state)


def test_dashboard_app_filters_combine_from_one_url(monkeypatch):
    at = _run(monkeypatch, SAMPLE, query={"type": ["call", "aid", "meeting"], "lanes": "Event type",
                                          "actor": "Vladimir Putin (RU)", "era": "Assad era"})
    _assert_clean(at)
    state = FilterState(event_types=("call", "aid", "meeting"), actors=("Vladimir Putin",), eras=("assad",))
    assert _ids(at) == _expected(state) and len(_expected(state)) == 3
    assert at.radio(key="lanes").value == "type"


@pytest.mark.parametrize(("lanes", "count"), [
    ("type", lambda records: len(records)),
    ("topic", lambda records: sum(max(1, len(r["topics"])) for r in records)),
])
def test_dashboard_app_lanes(monkeypatch, lanes, count):
    at = _run(monkeypatch, SAMPLE)
    at.radio(key="lanes").set_value(lanes).run()
    _assert_clean(at)
    assert _points(at) == count(_records(SAMPLE))


def test_dashboard_app_side_narrows_actor_lanes(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.radio(key="side").set_value("SY").run()
    _assert_clean(at)
    lanes = charts.lane_names(_figure(at))
    assert "Bashar al-Assad" in lanes and "Vladimir Putin" not in lanes
    assert _points(at) == sum(1 for r in _records(SAMPLE) for a in r["actors"] if a["country"] == "SY")


def test_dashboard_app_no_match_says_so_and_offers_reset(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.text_input(key="q").set_value("no such words anywhere").run()
    _assert_clean(at)
    assert len(at.dataframe) == 0 and not [c for c in at.get("plotly_chart") if c.key == "timeline"]
    assert any("No event matches" in i.value and "Reset" in i.value for i in at.info)
    assert len(at.get("download_button")) == 2  # an empty download is still exactly the filtered rows
    at.button(key="reset_empty").click().run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE)) and at.text_input(key="q").value == ""


def test_dashboard_app_reset_clears_every_filter_and_the_url(monkeypatch):
    query = {"actor": "Vladimir Putin (RU)", "side": "Syrian side", "years": ["2015", "2020"], "era": "Assad era",
             "type": "meeting", "topic": "Military", "outlet": "Sample Wire", "modality": "reported", "q": "moscow",
             "place": "Moscow", "precision": "Exact day", "lanes": "Topic"}
    at = _run(monkeypatch, SAMPLE, query=query)
    _assert_clean(at)
    assert _rows(at) == 1
    at.button(key="reset").click().run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE))
    for key in ("actor", "era", "type", "topic", "outlet", "modality", "place", "precision"):
        assert at.multiselect(key=key).value == [], key
    assert at.radio(key="side").value == "both" and at.text_input(key="q").value == ""
    assert at.slider(key="years").value == (2015, 2025)
    assert dict(at.query_params) == {"lanes": "Topic"}  # the lane choice is a view, not a filter


def test_dashboard_app_source_from_command_line(monkeypatch):
    monkeypatch.delenv("TIMELINE_SOURCE", raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard/app.py", "--source", str(SAMPLE)])
    at = AppTest.from_file(APP, default_timeout=30).run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE))


def test_dashboard_app_missing_source_tells_user_what_to_do(monkeypatch, tmp_path):
    at = _run(monkeypatch, tmp_path / "no-such-corpus")
    assert not at.exception
    assert "does not exist" in at.info[0].value
    assert "--source" in at.info[-1].value and "TIMELINE" in at.info[-1].value and "Add articles" in at.info[-1].value
    assert len(at.dataframe) == 0


def test_dashboard_app_empty_source_tells_user_what_to_do(monkeypatch, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    at = _run(monkeypatch, empty)
    _assert_clean(at)
    assert len(at.info) == 1 and "No events to show" in at.info[0].value
    assert len(at.get("download_button")) == 0


def test_dashboard_app_broken_source_shows_error_not_traceback(monkeypatch, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    at = _run(monkeypatch, broken)
    assert not at.exception
    assert len(at.error) == 1 and "line 1" in at.error[0].value
    assert "Add articles" in at.info[0].value  # and what to do instead


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


GOOD_UPLOAD = ("upload_article.txt", (FIXTURES / "upload_article.txt").read_bytes(), "text/plain")
BAD_UPLOAD = ("empty.txt", b"  \n\n", "text/plain")


def _upload_report(at: AppTest) -> str:
    return "\n".join(t.value for t in at.sidebar.text)


def test_dashboard_app_upload_good_file_joins_the_view(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    before = _ids(at)
    at.file_uploader[0].set_value([GOOD_UPLOAD]).run()
    _assert_clean(at)
    after = _ids(at)
    assert before < after
    added = after - before
    assert "upload_article.txt: 1 article read, " in _upload_report(at)
    assert f"{len(added)} new event(s) added to the view" in _upload_report(at)
    assert "(+" in at.caption[0].value
    # Uploaded events are filtered like the rest: Mekdad and Bogdanov met in Damascus in March 2024.
    at.text_input(key="q").set_value("grain").run()
    assert _ids(at) == added


def test_dashboard_app_bad_upload_loses_nothing(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.file_uploader[0].set_value([GOOD_UPLOAD]).run()
    with_good = _ids(at)
    at.file_uploader[0].set_value([BAD_UPLOAD]).run()
    _assert_clean(at)
    assert _ids(at) == with_good  # the bad file adds nothing and takes nothing away
    report = _upload_report(at)
    assert "empty.txt: skipped" in report and "upload_article.txt: 1 article read" in report


def test_dashboard_app_bad_upload_alone_is_reported(monkeypatch):
    at = _run(monkeypatch, SAMPLE)
    at.file_uploader[0].set_value([BAD_UPLOAD]).run()
    _assert_clean(at)
    assert _rows(at) == len(_records(SAMPLE))
    assert "empty.txt: skipped" in _upload_report(at) and "0 new event(s)" in _upload_report(at)


def test_dashboard_app_upload_without_a_source_shows_the_uploaded_events(monkeypatch, tmp_path):
    at = _run(monkeypatch, tmp_path / "nothing-here")
    assert any("No events to show yet" in i.value for i in at.info)
    at.file_uploader[0].set_value([GOOD_UPLOAD]).run()
    _assert_clean(at)
    assert _rows(at) >= 1 and _points(at) >= 2
    at.button(key="forget_uploads").click().run()
    assert len(at.dataframe) == 0 and any("No events to show yet" in i.value for i in at.info)


def test_dashboard_app_large_source_draws_grouped_webgl_markers(monkeypatch, tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps(r) + "\n" for r in synthesise_records(20_000)), encoding="utf-8")
    at = _run(monkeypatch, big)
    _assert_clean(at)
    assert _rows(at) == 5_000  # the table is capped; the caption says so and the downloads hold every row
    assert any("first 5,000 of 20,000 events" in c.value for c in at.caption)
    assert any("each marker groups the events" in c.value for c in at.caption)
    assert at.caption[0].value.startswith("20000 of 20000 events")
    figure = _figure(at)
    assert {t["type"] for t in figure["data"]} == {"scattergl"}
    assert _points(at) <= 3_000
    assert len(at.get("plotly_chart")[0].proto.spec) < 2_500_000
