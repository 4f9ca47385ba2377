"""The timeline: events on a date axis in lanes (actor, type or topic), eras shaded, landmarks marked."""
from __future__ import annotations

import json
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard.escaping import escape_label, shorten
from dashboard.hovers import group_hover_text, hover_text
from dashboard.reference import Era, Mark, eras, landmarks, topic_label

Lanes = Literal["actor", "type", "topic"]
LANE_CHOICES: tuple[str, ...] = ("actor", "type", "topic")

TYPE_COLOURS = {
    "meeting": "#1F77B4",
    "call": "#17BECF",
    "agreement": "#2CA02C",
    "statement": "#FF7F0E",
    "aid": "#9467BD",
    "military": "#D62728",
    "other": "#7F7F7F",
}
PRECISION_SYMBOLS = {"day": "circle", "month": "diamond", "year": "square"}
ERA_COLOURS = {"assad": "rgba(120, 120, 120, 0.10)", "transition": "rgba(44, 160, 44, 0.10)"}
WEBGL_THRESHOLD = 1000  # above this many points, SVG markers get slow; Scattergl draws to a canvas
POINT_LIMIT = 3000      # above this many markers, events of one lane, type and period share one marker
GROUP_PERIODS = ("M", "Q", "Y")  # tried in turn until the groups fit under POINT_LIMIT
GROUP_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}
ACTOR_LANES = 30        # the most frequent actors get a lane each; the rest share one
LANE_LIMIT = 40         # characters of a lane name on the y axis
OTHER_ACTORS = "(other actors)"
GROUP_KEY = "group"
MIXED = "several types"
LANDMARK_LABEL = 44       # characters of a landmark label above the chart (the full text is on hover)
LANDMARK_ROWS = 3
LANDMARK_ROW_PIXELS = 14
LABEL_CHAR_WIDTH = 0.0065    # rough width of one label character, as a fraction of the axis

_PERIOD_NAMES = {"M": "%b %Y", "Y": "%Y"}
_HOVER_FIELDS = ("event_id", "date_label", "date_precision", "date_basis", "title", "event_type", "modality",
                 "actors", "topics", "excerpt", "outlet", "source_count")


def lane_label(text: str) -> str:
    """An axis or legend label from data: shortened and escaped (Plotly renders tags in tick labels too)."""
    return escape_label(shorten(text, LANE_LIMIT))


def _labels(values: pd.Series) -> pd.Series:
    """`lane_label` of each value, computed once per distinct value."""
    labels = {v: lane_label(v) for v in values.unique()}
    return values.map(labels)


def type_order(types: set[str]) -> list[str]:
    """Event types in legend order: the known ones first, then any others by name."""
    return [t for t in TYPE_COLOURS if t in types] + sorted(types - set(TYPE_COLOURS))


def lane_rows(df: pd.DataFrame, lanes: Lanes = "actor", side: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """One row per point to draw (with an escaped `lane` label), and the lanes in top-to-bottom order."""
    dated = df.loc[df["when"].notna(), ["event_id", "when", "start", "end", "date_precision", "modality",
                                        "event_type", "title", "actors", "topics"]]
    if lanes == "type":
        rows = dated.assign(lane=_labels(dated["event_type"]))
        return rows, [lane_label(t) for t in type_order(set(dated["event_type"]))]
    if lanes == "topic":
        rows = dated.assign(lane_key=dated["topics"]).explode("lane_key")
        rows["lane"] = _labels(rows["lane_key"].map(lambda t: topic_label(t) if isinstance(t, str)
                                                    else "(no topic)"))
        counts = rows["lane"].value_counts()
        return rows.drop(columns="lane_key"), sorted(counts.index, key=lambda n: (-counts[n], n))
    # Actor lanes: one point per (event, actor), so each lane shows every contact its actor took part in.
    rows = dated.assign(lane_key=dated["actors"]).explode("lane_key")
    name = rows["lane_key"].map(lambda a: str(a.get("name") or "?") if isinstance(a, dict) else "(no actor)")
    country = rows["lane_key"].map(lambda a: str(a.get("country") or "") if isinstance(a, dict) else "")
    rows = rows.drop(columns="lane_key").assign(lane=_labels(name), lane_country=country)
    if side:
        rows = rows[rows["lane_country"] == side]
    if rows.empty:
        return rows, []
    order_of_side = {"SY": 0, "RU": 1}
    counts = rows.groupby("lane")["event_id"].count()
    country_of = rows.groupby("lane")["lane_country"].first()
    order = sorted(counts.index, key=lambda n: (order_of_side.get(country_of[n], 2), -counts[n], n))
    if len(order) > ACTOR_LANES:
        kept = set(order[:ACTOR_LANES])
        rows = rows.assign(lane=rows["lane"].where(rows["lane"].isin(kept), OTHER_ACTORS))
        order = [*order[:ACTOR_LANES], OTHER_ACTORS]
    return rows, order


def _day(values: pd.Series) -> list[str]:
    """Dates as compact ISO day strings: the figure's JSON is a big part of what the browser loads."""
    return values.dt.strftime("%Y-%m-%d").tolist()


def _span_trace(rows: pd.DataFrame, scatter: type) -> go.BaseTraceType | None:
    """Bars over the whole month or year a month- or year-precision date may mean."""
    spans = rows[rows["date_precision"].isin(("month", "year"))]
    if spans.empty:
        return None
    xs: list[str | None] = []
    ys: list[str | None] = []
    for start, end, lane in zip(_day(spans["start"]), _day(spans["end"] - pd.Timedelta(days=1)), spans["lane"],
                                strict=True):
        xs += [start, end, None]
        ys += [lane, lane, None]
    return scatter(x=xs, y=ys, mode="lines", name="date span (month/year)", hoverinfo="skip",
                   line={"color": "rgba(90, 90, 90, 0.35)", "width": 7}, connectgaps=False)


def _point_traces(rows: pd.DataFrame, df: pd.DataFrame, scatter: type) -> list[go.BaseTraceType]:
    """One trace per event type, one marker per row, each with its own hover label."""
    events = df.drop_duplicates("event_id").set_index("event_id", drop=False)
    needed = events.loc[events.index.isin(set(rows["event_id"])), list(_HOVER_FIELDS)]
    hovers = {r["event_id"]: hover_text(r) for r in needed.to_dict("records")}
    traces = []
    for event_type in type_order(set(rows["event_type"])):
        part = rows[rows["event_type"] == event_type]
        traces.append(scatter(
            x=_day(part["when"]),
            y=part["lane"].tolist(),
            mode="markers",
            name=lane_label(event_type),
            legendgroup=lane_label(event_type),
            marker={
                "color": TYPE_COLOURS.get(event_type, "#444444"),
                "size": 12,
                "symbol": [PRECISION_SYMBOLS.get(p, "circle") for p in part["date_precision"]],
                "line": {"width": 1, "color": "white"},
                # A planned (announced, not yet reported) contact is drawn faded.
                "opacity": [0.45 if m == "planned" else 0.95 for m in part["modality"]],
            },
            customdata=[[eid, hovers[eid]] for eid in part["event_id"]],
            hovertemplate="%{customdata[1]}<extra></extra>",
        ))
    return traces


def _groups(rows: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """Rows counted per (lane, type, period), with the shortest period that keeps markers under the limit.

    If even whole years are too many, event types share a marker too (its type becomes MIXED).
    """
    for period, merge_types in [*((p, False) for p in GROUP_PERIODS), (GROUP_PERIODS[-1], True)]:
        keyed = rows.assign(period=rows["when"].dt.to_period(period))
        if merge_types:
            keyed["event_type"] = MIXED
        grouped = keyed.groupby(["lane", "event_type", "period"], sort=True, observed=True)
        if grouped.ngroups <= POINT_LIMIT or merge_types:
            break
    table = grouped.size().rename("count").reset_index()
    examples = grouped.head(3).groupby(["lane", "event_type", "period"], sort=True, observed=True)["title"].agg(list)
    table["titles"] = examples.to_numpy()
    table["period_start"] = table["period"].dt.start_time
    table["middle"] = table["period_start"] + (table["period"].dt.end_time - table["period_start"]) / 2
    return period, table


def group_key(period: str, start: pd.Timestamp, event_type: str, lane: str) -> str:
    """The id an aggregated marker carries in customdata[0]; `group_event_ids` turns it back into events."""
    return json.dumps([GROUP_KEY, period, start.strftime("%Y-%m-%d"), event_type, lane], ensure_ascii=False)


def _period_label(period: str, start: pd.Timestamp) -> str:
    if period == "Q":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return start.strftime(_PERIOD_NAMES[period])


def _group_traces(rows: pd.DataFrame, scatter: type) -> tuple[str, list[go.BaseTraceType]]:
    """One trace per event type, one marker per (lane, period) sized by how many events it holds."""
    period, table = _groups(rows)
    traces = []
    for event_type in type_order(set(table["event_type"])):
        part = table[table["event_type"] == event_type]
        customdata = [
            [group_key(period, start, event_type, lane),
             group_hover_text(int(count), _period_label(period, start), lane, event_type, titles)]
            for start, lane, count, titles in zip(part["period_start"], part["lane"], part["count"], part["titles"],
                                                     strict=True)
        ]
        traces.append(scatter(
            x=_day(part["middle"]),
            y=part["lane"].tolist(),
            mode="markers",
            name=lane_label(event_type),
            legendgroup=lane_label(event_type),
            marker={"color": TYPE_COLOURS.get(event_type, "#444444"), "opacity": 0.75,
                    "size": [min(30.0, 6.0 + 3.0 * float(c) ** 0.5) for c in part["count"]],
                    "line": {"width": 1, "color": "white"}},
            customdata=customdata,
            hovertemplate="%{customdata[1]}<extra></extra>",
        ))
    return period, traces


def _add_eras_and_landmarks(fig: go.Figure, low: pd.Timestamp, high: pd.Timestamp,
                            era_table: tuple[Era, ...], marks: tuple[Mark, ...]) -> None:
    """Shade each era and draw each landmark that falls inside [low, high]."""
    for era in era_table:
        start = max(low, pd.Timestamp(era.start)) if era.start else low
        end = min(high, pd.Timestamp(era.end)) if era.end else high
        if start >= end:
            continue
        # add_vrect's annotation needs Timestamps at both ends on a date axis.
        fig.add_vrect(x0=start, x1=end, fillcolor=ERA_COLOURS.get(era.key, "rgba(0,0,0,0.05)"), line_width=0,
                      layer="below", annotation_text=escape_label(era.label), annotation_position="top left",
                      annotation_font={"size": 11, "color": "#555555"})
    shown = [m for m in marks if low <= pd.Timestamp(m.day) <= high]
    width = (high - low) / pd.Timedelta(days=1)
    row_ends: list[float] = []  # per label row, where (as a fraction of the axis) its last label ends
    for mark in shown:
        day = pd.Timestamp(mark.day)
        iso = day.strftime("%Y-%m-%d")
        fig.add_shape(type="line", x0=iso, x1=iso, xref="x", y0=0, y1=1, yref="paper", layer="below",
                      line={"color": "rgba(80, 80, 80, 0.6)", "width": 1, "dash": "dot"})
        label = f"{day.day} {day:%b %Y}: {mark.label}"
        text = shorten(label, LANDMARK_LABEL)
        at = (day - low) / pd.Timedelta(days=1) / width
        size = len(text) * LABEL_CHAR_WIDTH
        # Centred on its line, unless that would push the label past either end of the axis.
        anchor, begin = ("center", at - size / 2)
        if begin + size > 1.0:
            anchor, begin = "right", at - size
        elif begin < 0.0:
            anchor, begin = "left", at
        row = next((i for i, end in enumerate(row_ends) if begin > end), len(row_ends))
        if row >= LANDMARK_ROWS:  # no room left: a tick with the label on hover
            text, anchor, row = "▾", "center", LANDMARK_ROWS - 1
        else:
            row_ends[row:row + 1] = [begin + size]
        fig.add_annotation(x=iso, xref="x", y=1.0, yref="paper", yshift=2 + LANDMARK_ROW_PIXELS * row,
                           showarrow=False, text=escape_label(text), hovertext=escape_label(label),
                           font={"size": 10, "color": "#444444"}, xanchor=anchor, yanchor="bottom")


def timeline_figure(df: pd.DataFrame, lanes: Lanes = "actor", side: str | None = None,
                    era_table: tuple[Era, ...] | None = None, marks: tuple[Mark, ...] | None = None) -> go.Figure:
    """The timeline of `df`: x = date, y = lane, colour = event type, customdata[0] = event id or group key."""
    rows, order = lane_rows(df, lanes, side)
    grouped = len(rows) > POINT_LIMIT
    scatter = go.Scattergl if len(rows) > WEBGL_THRESHOLD else go.Scatter
    fig = go.Figure()
    if grouped:
        period, traces = _group_traces(rows, scatter)
        fig.add_traces(traces)
        fig.update_layout(meta={"grouped_by": GROUP_NAMES[period], "events": len(rows)})
    else:
        span = _span_trace(rows, scatter)
        if span is not None:
            fig.add_trace(span)
        fig.add_traces(_point_traces(rows, df, scatter))
    height = max(380, 30 * len(order) + 240)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
        legend={"orientation": "h", "y": 0.0, "yanchor": "bottom", "x": 0.0, "xanchor": "left",
                "font": {"size": 11}, "yref": "container"},
        hoverlabel={"align": "left", "font": {"size": 12}},
        clickmode="event+select",
        dragmode="zoom",
    )
    fig.update_xaxes(type="date", title_text=None, showgrid=True, rangeslider={"visible": True, "thickness": 0.06})
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order, autorange="reversed",
                     title_text=None, showgrid=True, fixedrange=True)
    if rows.empty:
        fig.add_annotation(text="No dated events to plot", showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5)
        return fig
    low, high = rows["start"].min(), rows["end"].max()
    pad = max(pd.Timedelta(days=20), (high - low) * 0.02)
    low, high = low - pad, high + pad
    full = [low.strftime("%Y-%m-%d"), high.strftime("%Y-%m-%d")]
    fig.update_xaxes(range=full, rangeslider={"visible": True, "thickness": 0.06, "range": full})
    _add_eras_and_landmarks(fig, low, high, eras() if era_table is None else era_table,
                            landmarks() if marks is None else marks)
    return fig


def grouping_note(figure: dict) -> str | None:
    """A sentence telling the reader that markers stand for groups of events, or None if each is one event."""
    meta = (figure.get("layout") or {}).get("meta") or {}
    if not meta.get("grouped_by"):
        return None
    return (f"{meta['events']:,} points are too many to draw one by one: each marker groups the events of one lane "
            f"and type in a {meta['grouped_by']} (bigger = more). Click one to list its events; narrow the years or "
            "other filters to see single events.")


def point_count(fig: go.Figure) -> int:
    """How many markers the figure draws (span bars are lines, not markers)."""
    return sum(len(trace.x or ()) for trace in fig.data if trace.mode == "markers")


def selected_keys(selection: dict | None) -> list[str]:
    """customdata[0] of the points in a Streamlit Plotly selection state, in order, without repeats."""
    points = (selection or {}).get("points") or []
    keys = []
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            keys.append(str(custom[0]))
    return list(dict.fromkeys(keys))


def group_event_ids(df: pd.DataFrame, key: str, lanes: Lanes = "actor", side: str | None = None) -> list[str]:
    """The events an aggregated marker stands for; an ordinary event id comes back as itself."""
    try:
        tag, period, start, event_type, lane = json.loads(key)
    except (ValueError, TypeError):
        return [key]
    if tag != GROUP_KEY:
        return [key]
    rows, _ = lane_rows(df, lanes, side)
    begin = pd.Timestamp(start)
    inside = rows["when"].dt.to_period(period).dt.start_time == begin
    same_type = rows["event_type"] == event_type if event_type != MIXED else True
    picked = rows[inside & same_type & (rows["lane"] == lane)]
    return list(dict.fromkeys(picked["event_id"]))


def selected_event_ids(selection: dict | None, df: pd.DataFrame | None = None, lanes: Lanes = "actor",
                       side: str | None = None) -> list[str]:
    """Event ids behind the selected points, groups expanded when `df` is given, in order, without repeats."""
    keys = selected_keys(selection)
    if df is None:
        return keys
    return list(dict.fromkeys(eid for key in keys for eid in group_event_ids(df, key, lanes, side)))
