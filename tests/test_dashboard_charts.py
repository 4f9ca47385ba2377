"""dashboard.charts: the timeline figure, its hover labels and its selections."""
from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import charts, dataset

FIXTURES = Path(__file__).parent / "fixtures"

IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="https://example.com">x</a>'


def _record(event_id, title, excerpt="", outlet="Outlet", actors=None, date="2021-06-01", precision="day",
            event_type="meeting"):
    actors = actors or [{"name": "Syria", "country": "SY", "role": None, "id": None},
                        {"name": "Russia", "country": "RU", "role": None, "id": None}]
    return {"event_id": event_id, "date": date, "date_precision": precision, "date_basis": "stated",
            "event_type": event_type, "modality": "reported", "title": title, "actors": actors,
            "location": None, "topics": [],
            "sources": [{"article": "a.txt", "title": title, "outlet": outlet, "url": None, "published": None,
                         "excerpt": excerpt, "start": 0, "end": len(excerpt)}]}


def _strings(fig: go.Figure) -> list[str]:
    """Every string in the figure's JSON, decoded (the JSON text itself escapes '<' as \\u003c)."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(fig.to_json()))
    return found


def _visible(label: str) -> list[str]:
    """The lines a person sees in a Plotly label: split at <br>, our own tags dropped."""
    return [re.sub(r"</?[bi]>", "", line) for line in label.split("<br>")]


@pytest.fixture(scope="module")
def sample():
    return dataset.load_events(FIXTURES / "events_sample.jsonl")


@pytest.mark.parametrize("lanes", ["actor", "type"])
@pytest.mark.parametrize("hostile", [IMG, LINK, '<b onmouseover="x">bold</b>', "<script>alert(1)</script>"])
@pytest.mark.parametrize("field", ["title", "excerpt", "outlet", "actor", "event_type"])
def test_charts_hover_escapes_markup(hostile, field, lanes):
    actors = None
    if field == "actor":
        actors = [{"name": hostile, "country": "SY", "role": hostile, "id": None},
                  {"name": "Russia", "country": "RU", "role": None, "id": None}]
    record = _record("ev-000000000001", hostile if field == "title" else "Plain title",
                     excerpt=hostile if field == "excerpt" else "plain", outlet=hostile if field == "outlet" else "O",
                     actors=actors, event_type=hostile if field == "event_type" else "meeting")
    fig = charts.timeline_figure(dataset.to_frame([record]), lanes=lanes)
    strings = _strings(fig)  # hover text, axis categories, legend names: everything Plotly may render
    hover = fig.data[0].customdata[0][1]
    assert all(hostile not in s for s in strings)
    assert all("<img" not in s and "<a " not in s and "<script" not in s and "onmouseover=\"" not in s
               for s in strings)
    assert "&lt;" in hover and "&gt;" in hover
    if field == "actor" and lanes == "actor":
        assert any(y.startswith("&lt;") for y in fig.data[0].y)  # the lane label, escaped
    # The only tags left are the ones we put there ourselves.
    assert set(re.findall(r"</?([a-zA-Z]+)", hover)) <= {"b", "br", "i"}


def test_charts_hover_quotes_use_entities_plotly_decodes():
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", 'He said "yes" & it\'s done')]), lanes="type")
    hover = fig.data[0].customdata[0][1]
    assert "He said &#34;yes&#34; &amp; it&#39;s done" in hover
    assert "&quot;" not in hover  # Plotly would show &quot; literally


def test_charts_hover_template_cannot_be_injected():
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "Injected %{customdata[0]}")]), lanes="type")
    assert fig.data[0].hovertemplate == "%{customdata[1]}<extra></extra>"
    assert "Injected %{customdata[0]}" in fig.data[0].customdata[0][1]  # data, never part of the template


def test_charts_hover_wraps_and_truncates_excerpt():
    excerpt = " ".join(["word"] * 200) + " " + "x" * 150
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "t " * 100, excerpt=excerpt)]), lanes="type")
    hover = fig.data[0].customdata[0][1]
    assert max(len(line) for line in _visible(hover)) <= 80
    italic = re.search(r"<i>(.*)</i>", hover).group(1)
    assert len("".join(italic.split("<br>"))) <= charts.EXCERPT_LIMIT
    assert italic.endswith("…")


def test_charts_hover_shows_date_precision_title_actors_excerpt_outlet(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    by_id = {c[0]: c[1] for trace in fig.data for c in trace.customdata}
    hover = " ".join(_visible(by_id["ev-08d44f07c049"]))
    for part in ("20 Oct 2015", "day precision", "Bashar al-Assad meets Vladimir Putin in Moscow",
                 "Bashar al-Assad (President of Syria, SY)", "Vladimir Putin (President of Russia, RU)",
                 "Assad flew to Moscow", "Sample Wire", "+1 more"):
        assert part in hover
    month = next(h for h in by_id.values() if "Lavrov and Faisal Mekdad" in h)
    assert "Sep 2023" in month and "month precision" in month
    year = next(h for h in by_id.values() if "Tartus" in h)
    assert "<b>2017</b>" in year and "year precision" in year


def test_charts_timeline_by_type_has_one_point_per_dated_event(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    assert charts.point_count(fig) == len(sample)
    assert {trace.name for trace in fig.data} == set(sample["event_type"])
    assert all(isinstance(trace, go.Scatter) for trace in fig.data)
    assert fig.layout.xaxis.type == "date"
    ids = [c[0] for trace in fig.data for c in trace.customdata]
    assert sorted(ids) == sorted(sample["event_id"])
    for trace in fig.data:
        assert set(trace.y) == {trace.name}


def test_charts_timeline_by_actor_has_one_point_per_event_actor_pair(sample):
    fig = charts.timeline_figure(sample, lanes="actor")
    assert charts.point_count(fig) == sum(len(a) for a in sample["actors"])
    lanes = list(fig.layout.yaxis.categoryarray)
    assert set(lanes) == {n for names in sample["actor_names"] for n in names}  # plain names need no escaping
    assert lanes.index("Bashar al-Assad") < lanes.index("Vladimir Putin")  # Syrian side on top


def test_charts_timeline_x_is_mid_span(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    points = {c[0]: x for trace in fig.data for c, x in zip(trace.customdata, trace.x)}
    row = sample[sample["date"] == "2023-09"].iloc[0]
    assert str(points[row["event_id"]]).startswith("2023-09-15")


def test_charts_timeline_skips_undated_events():
    df = dataset.load_events(FIXTURES / "events_hostile.jsonl")
    fig = charts.timeline_figure(df, lanes="type")
    assert charts.point_count(fig) == int(df["when"].notna().sum()) == len(df) - 1


def test_charts_timeline_of_nothing_says_so():
    fig = charts.timeline_figure(dataset.to_frame([]), lanes="actor")
    assert charts.point_count(fig) == 0
    assert fig.layout.annotations[0].text == "No dated events to plot"


def test_charts_timeline_uses_webgl_for_large_frames():
    records = [_record(f"ev-{i:012x}", f"Event {i}", date=f"{2000 + i % 25}-01-01") for i in range(1200)]
    fig = charts.timeline_figure(dataset.to_frame(records), lanes="type")
    assert all(isinstance(trace, go.Scattergl) for trace in fig.data)
    assert charts.point_count(fig) == 1200


@pytest.mark.parametrize(("selection", "ids"), [
    (None, []),
    ({"points": []}, []),
    ({"points": [{"customdata": ["ev-a", "hover"]}, {"customdata": ["ev-b", "h"]}, {"customdata": ["ev-a", "h"]}]},
     ["ev-a", "ev-b"]),
    ({"points": [{"point_index": 3}]}, []),
])
def test_charts_selected_event_ids(selection, ids):
    assert charts.selected_event_ids(selection) == ids


def test_charts_long_actor_name_is_shortened_on_axis():
    actors = [{"name": "A" * 200, "country": "SY", "role": None, "id": None},
              {"name": "Russia", "country": "RU", "role": None, "id": None}]
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "t", actors=actors)]), lanes="actor")
    assert max(len(y) for y in fig.layout.yaxis.categoryarray) <= charts.LANE_LIMIT
