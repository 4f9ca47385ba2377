"""The timeline: events on a date axis in lanes (actor, type or topic), eras shaded, landmarks marked."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.escaping import escape_label
from dashboard.groups import GROUP_NAMES, POINT_LIMIT, group_key, group_table, period_label
from dashboard.hovers import group_hover_text, hover_text
from dashboard.lanes import TYPE_COLOURS, Lanes, dodge, lane_label, lane_rows, type_order
from dashboard.reference import Era, Mark, eras, landmarks

PRECISION_SYMBOLS = {"day": "circle", "month": "diamond", "year": "square"}
PRECISION_KEYS = {"day": "exact day", "month": "month only", "year": "year only"}  # legend entries of the shapes
ERA_COLOURS = {"assad": "rgba(120, 120, 120, 0.10)", "transition": "rgba(44, 160, 44, 0.10)"}
WEBGL_THRESHOLD = 1000  # above this many points, SVG markers get slow; Scattergl draws to a canvas
LANDMARK_ROWS = 3
LANDMARK_ROW_PIXELS = 16
LANDMARK_TAG = 0.04      # room a numbered landmark tag needs, as a fraction of the axis (a 400-pixel axis)

_HOVER_FIELDS = ("event_id", "date_label", "date_precision", "date_basis", "title", "event_type", "modality",
                 "actors", "topics", "excerpt", "outlet", "article", "source_title", "published", "source_count")


def _day(values: pd.Series) -> list[str]:
    """Dates as compact ISO day strings: the figure's JSON is a big part of what the browser loads."""
    return values.dt.strftime("%Y-%m-%d").tolist()


def _span_trace(rows: pd.DataFrame, scatter: type) -> go.BaseTraceType | None:
    """Bars over the whole month or year a month- or year-precision date may mean."""
    spans = rows[rows["date_precision"].isin(("month", "year"))]
    if spans.empty:
        return None
    xs: list[str | None] = []
    ys: list[float | None] = []
    for start, end, lane in zip(_day(spans["start"]), _day(spans["end"] - pd.Timedelta(days=1)), spans["y"],
                                strict=True):
        xs += [start, end, None]
        ys += [lane, lane, None]
    return scatter(x=xs, y=ys, mode="lines", name="date span (month/year)", hoverinfo="skip", legendrank=1100,
                   line={"color": "rgba(90, 90, 90, 0.3)", "width": 4}, connectgaps=False)


def _type_trace(scatter: type, event_type: str, when: pd.Series, ys: pd.Series, marker: dict,
                customdata: list[list[str]]) -> go.BaseTraceType:
    """The markers of one event type, coloured by it; the hover label is the second item of each customdata.

    Its legend entry is a separate trace (`_legend_traces`): a legend shows a trace's first marker symbol,
    which here is a date precision, not the type.
    """
    return scatter(
        x=_day(when),
        y=ys.tolist(),
        mode="markers",
        name=lane_label(event_type),
        legendgroup=lane_label(event_type),
        showlegend=False,
        marker={"color": TYPE_COLOURS.get(event_type, "#444444"), "line": {"width": 1, "color": "white"}, **marker},
        customdata=customdata,
        hovertemplate="%{customdata[1]}<extra></extra>",
    )


def _point_traces(rows: pd.DataFrame, df: pd.DataFrame, scatter: type) -> list[go.BaseTraceType]:
    """One trace per event type, one marker per row, each with its own hover label."""
    events = df.drop_duplicates("event_id").set_index("event_id", drop=False)
    needed = events.loc[events.index.isin(set(rows["event_id"])), list(_HOVER_FIELDS)]
    hovers = {r["event_id"]: hover_text(r) for r in needed.to_dict("records")}
    traces = []
    for event_type in type_order(set(rows["event_type"])):
        part = rows[rows["event_type"] == event_type]
        traces.append(_type_trace(scatter, event_type, part["when"], part["y"], {
            "size": 12,
            "symbol": [PRECISION_SYMBOLS.get(p, "circle") for p in part["date_precision"]],
            # A planned (announced, not yet reported) contact is drawn faded.
            "opacity": [0.45 if m == "planned" else 0.95 for m in part["modality"]],
        }, [[eid, hovers[eid]] for eid in part["event_id"]]))
    return traces


def _group_traces(rows: pd.DataFrame, order: list[str], scatter: type) -> tuple[str, list[go.BaseTraceType]]:
    """One trace per event type, one marker per (lane, period) sized by how many events it holds."""
    period, table = group_table(rows)
    table["y"] = _positions(table["lane"], table["middle"], order)
    traces = []
    for event_type in type_order(set(table["event_type"])):
        part = table[table["event_type"] == event_type]
        customdata = [
            [group_key(period, start, event_type, lane),
             group_hover_text(int(count), period_label(period, start), lane, event_type, titles)]
            for start, lane, count, titles in zip(part["period_start"], part["lane"], part["count"], part["titles"],
                                                     strict=True)
        ]
        traces.append(_type_trace(scatter, event_type, part["middle"], part["y"], {
            "opacity": 0.75, "size": [min(30.0, 6.0 + 3.0 * float(c) ** 0.5) for c in part["count"]],
        }, customdata))
    return period, traces


def _positions(lanes: pd.Series, xs: pd.Series, order: list[str]) -> pd.Series:
    """Where each marker sits on the y axis: its lane's number (0 at the top), fanned out where markers meet."""
    number = {lane: i for i, lane in enumerate(order)}
    return (lanes.map(number).astype(float) + dodge(lanes, xs)).round(3)  # 3 decimals: a smaller payload


def _legend_traces(scatter: type, types: list[str], precisions: set[str]) -> list[go.BaseTraceType]:
    """Legend entries: a circle per event type (clicking one hides that type's markers), then, when not every
    date is an exact day, the shape of each date precision shown. They hold one blank point (a trace without
    points gets no legend entry) and no customdata."""
    traces = [scatter(x=[None], y=[None], mode="markers", name=lane_label(t), legendgroup=lane_label(t),
                         marker={"color": TYPE_COLOURS.get(t, "#444444"), "size": 10, "symbol": "circle"})
              for t in types]
    traces += [scatter(x=[None], y=[None], mode="markers", name=key, legendgroup=f"precision-{p}",
                          marker={"color": "#9E9E9E", "size": 10, "symbol": PRECISION_SYMBOLS[p]})
               for p, key in PRECISION_KEYS.items() if p in precisions and precisions - {"day"}]
    return traces


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
    row_ends: list[float] = []  # per tag row, where (as a fraction of the axis) its last tag ends
    key = []
    for number, mark in enumerate(shown, start=1):
        day = pd.Timestamp(mark.day)
        iso = day.strftime("%Y-%m-%d")
        label = f"{day.day} {day:%b %Y}: {mark.label}"
        key.append(f"({number}) {label}")
        fig.add_shape(type="line", x0=iso, x1=iso, xref="x", y0=0, y1=1, yref="paper", layer="below",
                      line={"color": "rgba(80, 80, 80, 0.6)", "width": 1, "dash": "dot"})
        # A numbered tag fits at any page width (a text label overran its neighbours on a narrow page); the
        # key under the chart and the tag's hover give the text. Tags too close to the last one go a row up.
        at = (day - low) / pd.Timedelta(days=1) / width
        row = next((i for i, end in enumerate(row_ends) if at - LANDMARK_TAG / 2 > end), len(row_ends))
        row = min(row, LANDMARK_ROWS - 1)
        row_ends[row:row + 1] = [at + LANDMARK_TAG / 2]
        fig.add_annotation(x=iso, xref="x", y=1.0, yref="paper", yshift=2 + LANDMARK_ROW_PIXELS * row,
                           showarrow=False, text=f"<b>{number}</b>", hovertext=escape_label(label),
                           font={"size": 10, "color": "#333333"}, bgcolor="white", bordercolor="#888888",
                           borderpad=1, xanchor="center", yanchor="bottom")
    if key:
        fig.update_layout(meta={**(fig.layout.meta or {}), "landmarks": key})


def landmark_key(figure: dict) -> str | None:
    """The landmarks numbered on a timeline figure, as one line of plain text, or None if it shows none."""
    marks = ((figure.get("layout") or {}).get("meta") or {}).get("landmarks")
    return "Landmarks: " + " · ".join(marks) if marks else None


def timeline_figure(df: pd.DataFrame, lanes: Lanes = "actor", side: str | None = None,
                    era_table: tuple[Era, ...] | None = None, marks: tuple[Mark, ...] | None = None) -> go.Figure:
    """The timeline of `df`: x = date, y = lane, colour = event type, customdata[0] = event id or group key."""
    rows, order = lane_rows(df, lanes, side)
    grouped = len(rows) > POINT_LIMIT
    scatter = go.Scattergl if len(rows) > WEBGL_THRESHOLD else go.Scatter
    fig = go.Figure()
    if grouped:
        period, traces = _group_traces(rows, order, scatter)
        fig.add_traces(traces)
        fig.add_traces(_legend_traces(scatter, type_order({t.name for t in traces}), set()))
        fig.update_layout(meta={"grouped_by": GROUP_NAMES[period], "events": len(rows)})
    else:
        rows = rows.assign(y=_positions(rows["lane"], rows["when"], order))
        span = _span_trace(rows, scatter)
        if span is not None:
            fig.add_trace(span)
        fig.add_traces(_point_traces(rows, df, scatter))
        fig.add_traces(_legend_traces(scatter, type_order(set(rows["event_type"])),
                                      set(rows["date_precision"])))
    height = max(380, 30 * len(order) + 240)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
        legend={"orientation": "h", "y": 0.0, "yanchor": "bottom", "x": 0.0, "xanchor": "left",
                "font": {"size": 11}, "yref": "container"},
        hoverlabel={"align": "left", "font": {"size": 12, "color": "#1F1F1F"}, "bgcolor": "white",
                    "bordercolor": "#888888"},
        hovermode="closest",
        clickmode="event+select",
        dragmode="zoom",
    )
    fig.update_xaxes(type="date", title_text=None, showgrid=True, rangeslider={"visible": True, "thickness": 0.06})
    # Lanes are numbers (0 at the top) labelled with their names, so markers meeting at one spot can fan out.
    fig.update_yaxes(type="linear", tickmode="array", tickvals=list(range(len(order))), ticktext=order,
                     range=[len(order) - 0.5, -0.5], autorange=False, zeroline=False, title_text=None,
                     showgrid=True, fixedrange=True)
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


def lane_names(fig: go.Figure | dict) -> list[str]:
    """The lanes of a timeline figure (or its dict), top to bottom."""
    layout = fig["layout"] if isinstance(fig, dict) else fig.layout
    return list(layout["yaxis"]["ticktext"] or ())


def point_count(fig: go.Figure) -> int:
    """How many markers the figure draws (span bars are lines, legend entries draw nothing)."""
    return sum(len(trace.x or ()) for trace in fig.data if trace.mode == "markers" and trace.customdata is not None)


