"""dashboard.charts: the timeline figure, its hover labels and its selections."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts, dataset, groups, hovers
from dashboard.lanes import ACTOR_LANES, LANE_LIMIT, OTHER_ACTORS, TYPE_COLOURS, dodge, lane_rows
from dashboard.reference import Era, Mark
from tests.synthetic_events import synthesise_records

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


def _markers(fig: go.Figure) -> list:
    """The traces that draw events (span bars are separate line traces, legend entries hold no points)."""
    return [trace for trace in fig.data if trace.mode == "markers" and trace.customdata is not None]


def _lane_of(fig: go.Figure, y: float) -> str:
    """The lane a marker's y position is in (markers meeting at one spot are fanned out around it)."""
    return charts.lane_names(fig)[round(y)]


def _hovers(fig: go.Figure) -> dict[str, str]:
    return {c[0]: c[1] for trace in _markers(fig) for c in trace.customdata}


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
    hover = _markers(fig)[0].customdata[0][1]
    assert all(hostile not in s for s in strings)
    assert all("<img" not in s and "<a " not in s and "<script" not in s and "onmouseover=\"" not in s
               for s in strings)
    assert "&lt;" in hover and "&gt;" in hover
    if field == "actor" and lanes == "actor":
        assert any(_lane_of(fig, y).startswith("&lt;") for y in _markers(fig)[0].y)  # the lane label, escaped
    # The only tags left are the ones we put there ourselves.
    assert set(re.findall(r"</?([a-zA-Z]+)", hover)) <= {"b", "br", "i"}


def test_charts_hover_quotes_use_entities_plotly_decodes():
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", 'He said "yes" & it\'s done')]), lanes="type")
    hover = _markers(fig)[0].customdata[0][1]
    assert "He said &#34;yes&#34; &amp; it&#39;s done" in hover
    assert "&quot;" not in hover  # Plotly would show &quot; literally


def test_charts_hover_template_cannot_be_injected():
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "Injected %{customdata[0]}")]), lanes="type")
    assert _markers(fig)[0].hovertemplate == "%{customdata[1]}<extra></extra>"
    assert "Injected %{customdata[0]}" in _markers(fig)[0].customdata[0][1]  # data, never part of the template


def test_charts_hover_wraps_and_truncates_excerpt():
    excerpt = " ".join(["word"] * 200) + " " + "x" * 150
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "t " * 100, excerpt=excerpt)]), lanes="type")
    hover = _markers(fig)[0].customdata[0][1]
    assert max(len(line) for line in _visible(hover)) <= hovers.WRAP
    italic = re.search(r"<i>(.*)</i>", hover).group(1)
    assert len("".join(italic.split("<br>"))) <= hovers.EXCERPT_LIMIT
    assert italic.endswith("…")


def test_charts_hover_shows_date_precision_title_actors_excerpt_outlet(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    by_id = _hovers(fig)
    hover = " ".join(_visible(by_id["ev-08d44f07c049"]))
    for part in ("20 Oct 2015", "day precision", "Bashar al-Assad meets Vladimir Putin in Moscow",
                 "Bashar al-Assad (President of Syria, SY)", "Vladimir Putin (President of Russia, RU)",
                 "Assad flew to Moscow", "Sample Wire", "+1 more", "Topics: Military, Diplomacy"):
        assert part in hover
    month = next(h for h in by_id.values() if "Lavrov and Faisal Mekdad" in h)
    assert "Sep 2023" in month and "month precision" in month
    year = next(h for h in by_id.values() if "Tartus" in h)
    assert "<b>2017</b>" in year and "year precision" in year


def test_charts_timeline_by_type_has_one_point_per_dated_event(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    assert charts.point_count(fig) == len(sample)
    assert {trace.name for trace in _markers(fig)} == set(sample["event_type"])
    assert all(isinstance(trace, go.Scatter) for trace in fig.data)
    assert fig.layout.xaxis.type == "date"
    ids = [c[0] for trace in _markers(fig) for c in trace.customdata]
    assert sorted(ids) == sorted(sample["event_id"])
    for trace in _markers(fig):
        assert {_lane_of(fig, y) for y in trace.y} == {trace.name}
    # The legend: a circle per type, then the shape of each precision, then the span bars (legendrank 1100).
    legend = sorted((t for t in fig.data if t.showlegend is not False), key=lambda t: t.legendrank or 1000)
    assert [t.name for t in legend] == [*(t for t in TYPE_COLOURS if t in set(sample["event_type"])),
                                        "exact day", "month only", "year only", "date span (month/year)"]
    assert {t.marker.symbol for t in legend[:len(set(sample["event_type"]))]} == {"circle"}


def test_charts_timeline_by_actor_has_one_point_per_event_actor_pair(sample):
    fig = charts.timeline_figure(sample, lanes="actor")
    assert charts.point_count(fig) == sum(len(a) for a in sample["actors"])
    lanes = charts.lane_names(fig)
    assert set(lanes) == {n for names in sample["actor_names"] for n in names}  # plain names need no escaping
    assert lanes.index("Bashar al-Assad") < lanes.index("Vladimir Putin")  # Syrian side on top


def test_charts_timeline_x_is_mid_span(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    points = {c[0]: x for trace in _markers(fig) for c, x in zip(trace.customdata, trace.x, strict=True)}
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
    assert groups.selected_event_ids(selection) == ids


def test_charts_long_actor_name_is_shortened_on_axis():
    actors = [{"name": "A" * 200, "country": "SY", "role": None, "id": None},
              {"name": "Russia", "country": "RU", "role": None, "id": None}]
    fig = charts.timeline_figure(dataset.to_frame([_record("ev-1", "t", actors=actors)]), lanes="actor")
    assert max(len(y) for y in charts.lane_names(fig)) <= LANE_LIMIT


def _spans(fig: go.Figure) -> dict[str, tuple[str, str]]:
    """Span bars by lane and start: {lane|start: (start, last day)}."""
    lines = [trace for trace in fig.data if trace.mode == "lines"]
    found = {}
    for trace in lines:
        xs, ys = list(trace.x), list(trace.y)
        for i in range(0, len(xs), 3):
            found[f"{_lane_of(fig, ys[i])}|{xs[i]}"] = (xs[i], xs[i + 1])
    return found


def test_charts_month_and_year_dates_get_span_bars_day_dates_do_not(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    spans = _spans(fig)
    assert spans["call|2023-09-01"] == ("2023-09-01", "2023-09-30")   # Sep 2023: the whole month
    assert spans["agreement|2017-01-01"] == ("2017-01-01", "2017-12-31")  # 2017: the whole year
    expected = int(sample["date_precision"].isin(["month", "year"]).sum())
    assert len(spans) == expected > 0
    days = sample[sample["date_precision"] == "day"]
    assert not any(key.endswith("|" + d) for key in spans for d in days["date"])


def test_charts_topic_lanes_have_one_point_per_event_topic(sample):
    fig = charts.timeline_figure(sample, lanes="topic")
    assert charts.point_count(fig) == sum(max(1, len(t)) for t in sample["topics"])
    assert "Military" in charts.lane_names(fig)  # readable labels from topics.toml, not keys
    assert "military" not in charts.lane_names(fig)


@pytest.mark.parametrize("side", ["SY", "RU"])
def test_charts_side_keeps_only_that_sides_lanes(sample, side):
    fig = charts.timeline_figure(sample, lanes="actor", side=side)
    column = "syrian_actors" if side == "SY" else "russian_actors"
    assert set(charts.lane_names(fig)) == {n for names in sample[column] for n in names}
    assert charts.point_count(fig) == sum(len(names) for names in sample[column])


def test_charts_eras_shaded_and_landmarks_marked_inside_the_data_range(sample):
    eras = (Era("assad", "Assad era", None, dt.date(2024, 12, 8)), Era("transition", "Transition",
                                                                          dt.date(2024, 12, 8), None))
    marks = (Mark(dt.date(2017, 1, 23), "Inside <b>landmark</b>"), Mark(dt.date(1990, 1, 1), "Long before"))
    fig = charts.timeline_figure(sample, lanes="type", era_table=eras, marks=marks)
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 2
    assert str(rects[0].x1).startswith("2024-12-08") and str(rects[1].x0).startswith("2024-12-08")
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in lines] == ["2017-01-23"]
    texts = [a.text for a in fig.layout.annotations]
    assert "Assad era" in texts and "Transition" in texts
    tags = [a for a in fig.layout.annotations if a.hovertext]
    assert [(t.text, t.hovertext) for t in tags] == [("<b>1</b>", "23 Jan 2017: Inside &lt;b&gt;landmark&lt;/b&gt;")]
    assert charts.landmark_key(fig.to_dict()) == "Landmarks: (1) 23 Jan 2017: Inside <b>landmark</b>"
    assert not any("Long before" in t for t in _strings(fig))


def test_charts_landmark_tags_close_together_go_up_a_row(sample):
    marks = tuple(Mark(dt.date(2024, 12, 8) + dt.timedelta(days=10 * i), f"Mark {i}") for i in range(5))
    fig = charts.timeline_figure(sample, lanes="type", marks=marks)
    tags = [a for a in fig.layout.annotations if a.hovertext]
    assert [t.text for t in tags] == [f"<b>{i}</b>" for i in range(1, 6)]
    assert [t.yshift for t in tags] == [2, 2 + 16, 2 + 32, 2 + 32, 2 + 32]  # three rows at most
    assert charts.landmark_key(charts.timeline_figure(sample.iloc[:0], lanes="type").to_dict()) is None


def test_charts_era_outside_the_data_is_not_shaded(sample):
    early = sample[sample["year"] < 2020]
    fig = charts.timeline_figure(early, lanes="type")
    assert [a.text for a in fig.layout.annotations if a.text in ("Assad era", "Transition")] == ["Assad era"]


def test_charts_zoom_and_pan_on_dates(sample):
    fig = charts.timeline_figure(sample, lanes="type")
    assert fig.layout.xaxis.rangeslider.visible is True
    assert fig.layout.dragmode == "zoom" and fig.layout.yaxis.fixedrange is True
    low, high = fig.layout.xaxis.range
    assert low < "2015-09-01" and high > "2025-10-31"


def test_charts_many_actors_share_an_other_lane():
    records = [_record(f"ev-{i}", f"t{i}", actors=[{"name": f"Person {i}", "country": "SY", "role": None},
                                                    {"name": "Russia", "country": "RU", "role": None}])
               for i in range(ACTOR_LANES + 5)]
    fig = charts.timeline_figure(dataset.to_frame(records), lanes="actor")
    lanes = charts.lane_names(fig)
    assert len(lanes) == ACTOR_LANES + 1 and lanes[-1] == OTHER_ACTORS
    assert charts.point_count(fig) == 2 * len(records)  # nothing dropped, only pooled


@functools.cache
def _synthetic_frame(count: int):
    return dataset.to_frame(synthesise_records(count))


@pytest.mark.parametrize(("count", "lanes"), [(1_000, "actor"), (1_000, "type"), (10_000, "actor"),
                                              (50_000, "actor"), (50_000, "type"), (50_000, "topic")])
def test_charts_payload_stays_bounded_at_scale(count, lanes):
    limit_mb = 2.5  # measured: at most 1.7 MB (see README); 100k unaggregated points would be ~25 MB
    frame = _synthetic_frame(count)
    fig = charts.timeline_figure(frame, lanes=lanes)
    size = len(fig.to_json())
    assert size < limit_mb * 1_000_000, size
    assert charts.point_count(fig) <= groups.POINT_LIMIT
    if count > charts.WEBGL_THRESHOLD:
        assert all(isinstance(t, go.Scattergl) for t in fig.data)
    # Every dated event is on the chart, alone or inside a group marker.
    total = 0
    for trace in _markers(fig):
        for key, hover in trace.customdata:
            total += int(re.match(r"<b>(\d+) events</b>", hover).group(1)) if key.startswith("[") else 1
    rows, _ = lane_rows(frame, lanes)
    assert total == len(rows)
    note = groups.grouping_note(fig.to_dict())
    assert (note is None) == (len(rows) <= groups.POINT_LIMIT)
    if note:
        assert f"{len(rows):,} points" in note


def test_charts_group_marker_resolves_to_its_events():
    frame = _synthetic_frame(10_000)
    fig = charts.timeline_figure(frame, lanes="type")
    trace = _markers(fig)[0]
    key, hover = trace.customdata[0]
    ids = groups.group_event_ids(frame, key, lanes="type")
    assert len(ids) == int(re.match(r"<b>(\d+) events</b>", hover).group(1)) > 1
    picked = frame[frame["event_id"].isin(ids)]
    assert set(picked["event_type"]) == {trace.name}
    _, period, start, _, _ = json.loads(key)
    assert (picked["when"].dt.to_period(period).dt.start_time == start).all()
    selection = {"points": [{"customdata": [key, hover]}, {"customdata": ["ev-000000000003", "h"]}]}
    assert groups.selected_event_ids(selection, frame, "type") == [*ids, "ev-000000000003"]


def test_charts_hover_date_as_written_for_each_precision():
    records = [_record("d", "day", date="2025-01-28"), _record("m", "month", date="2023-09", precision="month"),
               _record("y", "year", date="2019", precision="year")]
    by_id = _hovers(charts.timeline_figure(dataset.to_frame(records), lanes="type"))
    assert by_id["d"].startswith("<b>28 Jan 2025</b> (day precision")
    assert by_id["m"].startswith("<b>Sep 2023</b> (month precision")
    assert by_id["y"].startswith("<b>2019</b> (year precision")


def test_charts_each_side_keeps_lanes_when_one_side_has_many_actors():
    # 40 Syrian officials each in more events than Putin: ranking everyone together left no Russian lane.
    records = [_record(f"ev-{i}-{k}", f"t{i}", actors=[{"name": f"Official {i}", "country": "SY", "role": None},
                                                        {"name": "Russia", "country": "RU", "role": None}])
               for i in range(40) for k in range(3)]
    records += [_record(f"ev-p{k}", "p", actors=[{"name": "Syria", "country": "SY", "role": None},
                                                 {"name": "Vladimir Putin", "country": "RU", "role": None}])
                for k in range(2)]
    rows, lanes = lane_rows(dataset.to_frame(records), "actor")
    assert len(lanes) == ACTOR_LANES + 1 and lanes[-1] == OTHER_ACTORS
    assert lanes.index("Russia") < lanes.index("Vladimir Putin") < lanes.index(OTHER_ACTORS)
    assert sum(lane.startswith("Official") for lane in lanes) == ACTOR_LANES - 2  # the rest go to Syria's side
    assert lanes.index("Official 0") < lanes.index("Russia")  # Syrian side still on top
    assert len(rows) == 2 * len(records)


def test_charts_markers_meeting_at_one_spot_fan_out_within_their_lane():
    # A meeting and a statement of the same day by the same actors: one marker used to hide the other.
    records = [_record("ev-meet", "meeting", event_type="meeting"), _record("ev-said", "statement",
                                                                             event_type="statement"),
               _record("ev-other", "later", date="2021-09-01")]
    records += [_record(f"ev-y{i}", f"year {i}", date="2019", precision="year") for i in range(12)]
    fig = charts.timeline_figure(dataset.to_frame(records), lanes="actor")
    where = {(c[0], _lane_of(fig, y)): (x, y) for t in _markers(fig) for c, x, y in zip(t.customdata, t.x, t.y,
                                                                                        strict=True)}
    syria = charts.lane_names(fig).index("Syria")
    meet, said, later = (where[(eid, "Syria")] for eid in ("ev-meet", "ev-said", "ev-other"))
    assert meet[0] == said[0] and abs(meet[1] - said[1]) >= 0.35  # ~ a marker's height apart
    assert later[1] == syria  # alone at its spot: on the lane's line
    crowded = sorted(where[(f"ev-y{i}", "Syria")][1] for i in range(12))
    assert len(set(crowded)) == 12 and syria - 0.4 < crowded[0] and crowded[-1] < syria + 0.4
    spans = [t for t in fig.data if t.mode == "lines"][0]
    assert set(spans.y) - {None} == {where[(f"ev-y{i}", lane)][1] for i in range(12) for lane in ("Syria", "Russia")}


def test_lanes_dodge_offsets():
    lanes = pd.Series(["a", "a", "b", "a", "a", "a"])
    xs = pd.Series(["d1", "d1", "d1", "d2", "d2", "d2"])
    assert dodge(lanes, xs).tolist() == pytest.approx([-0.2, 0.2, 0.0, -0.38, 0.0, 0.38])


def test_charts_hover_names_the_source_article_outlet_and_day():
    record = _record("ev-1", "Assad meets Putin", excerpt="They met.", outlet="Wire <b>")
    record["sources"][0].update(title="Assad & Putin meet in <Moscow>", published="2015-10-21")
    record["sources"].append(dict(record["sources"][0], article="b.txt"))
    hover = _hovers(charts.timeline_figure(dataset.to_frame([record]), lanes="type"))["ev-1"]
    assert _visible(hover)[-1] == ("— “Assad &amp; Putin meet in &lt;Moscow&gt;” · Wire &lt;b&gt; · 21 Oct 2015"
                                   " (+1 more)")
    record["sources"] = [dict(record["sources"][0], title=None, outlet=None, published=None)]
    hover = _hovers(charts.timeline_figure(dataset.to_frame([record]), lanes="type"))["ev-1"]
    assert _visible(hover)[-1] == "— a.txt"  # no headline: the file it came from
