"""The timeline: a Plotly scatter of events on a date axis, one lane per actor or per event type."""
from __future__ import annotations

from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard.escaping import escape_label, shorten, to_hover_lines

Lanes = Literal["actor", "type"]

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
WEBGL_THRESHOLD = 1000  # above this many points, SVG markers get slow; Scattergl draws to a canvas
EXCERPT_LIMIT = 300
WRAP = 80
LANE_LIMIT = 40  # characters of an actor name on the y axis


def hover_text(row: pd.Series | dict) -> str:
    """The hover label of one event: every piece of article text escaped, lines wrapped with <br>."""
    actors = "; ".join(_actor_label(a) for a in row["actors"]) or "none named"
    when = f"<b>{escape_label(row['date_label'])}</b> ({escape_label(row['date_precision'])} precision"
    if row.get("date_basis"):
        when += f", {escape_label(row['date_basis'])}"
    when += ")"
    lines = [
        when,
        f"<b>{to_hover_lines(row['title'], WRAP)}</b>",
        f"{escape_label(row['event_type'])} · {escape_label(row['modality'])}",
        "Actors: " + to_hover_lines(actors, WRAP),
    ]
    if row.get("excerpt"):
        lines.append("<i>" + to_hover_lines(row["excerpt"], WRAP, limit=EXCERPT_LIMIT) + "</i>")
    if row.get("outlet"):
        sources = int(row.get("source_count") or 1)
        more = f" (+{sources - 1} more)" if sources > 1 else ""
        lines.append("— " + to_hover_lines(row["outlet"], WRAP, limit=120) + more)
    return "<br>".join(lines)


def _actor_label(actor: dict) -> str:
    name = str(actor.get("name") or "?")
    role = actor.get("role")
    country = actor.get("country") or "?"
    return f"{name} ({role}, {country})" if role else f"{name} ({country})"


def lane_label(text: str) -> str:
    """An axis or legend label from data: shortened and escaped (Plotly renders tags in tick labels too)."""
    return escape_label(shorten(text, LANE_LIMIT))


def _lane_rows(df: pd.DataFrame, lanes: Lanes) -> tuple[pd.DataFrame, list[str]]:
    """Rows to plot with a `lane` column (already an escaped label), and the lanes in top-to-bottom order."""
    dated = df[df["when"].notna()]
    if lanes == "type":
        rows = dated.assign(lane=dated["event_type"].map(lane_label))
        order = [t for t in TYPE_COLOURS if t in set(rows["lane"])]
        order += sorted(set(rows["lane"]) - set(order))
        return rows, order
    # One point per (event, actor): each actor's lane shows every contact they took part in.
    records = []
    for _, row in dated.iterrows():
        for actor in row["actors"] or [{"name": "(no actor)", "country": ""}]:
            records.append({**row.to_dict(), "lane": lane_label(str(actor.get("name") or "?")),
                            "lane_country": actor.get("country") or ""})
    rows = pd.DataFrame(records, columns=[*dated.columns, "lane", "lane_country"])
    if rows.empty:
        return rows, []
    side = {"SY": 0, "RU": 1}
    counts = rows.groupby("lane")["event_id"].count()
    country = rows.groupby("lane")["lane_country"].first()
    order = sorted(counts.index, key=lambda n: (side.get(country[n], 2), -counts[n], n))
    return rows, order


def timeline_figure(df: pd.DataFrame, lanes: Lanes = "actor") -> go.Figure:
    """A scatter timeline of `df`: x = `when`, y = lane, colour = event type, customdata[0] = event_id."""
    rows, order = _lane_rows(df, lanes)
    scatter = go.Scattergl if len(rows) > WEBGL_THRESHOLD else go.Scatter
    fig = go.Figure()
    type_order = [t for t in TYPE_COLOURS if t in set(rows.get("event_type", ()))]
    type_order += sorted(set(rows.get("event_type", ())) - set(type_order))
    for event_type in type_order:
        part = rows[rows["event_type"] == event_type]
        hovers = [hover_text(r) for _, r in part.iterrows()]
        fig.add_trace(scatter(
            x=part["when"].tolist(),
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
            customdata=[[eid, hover] for eid, hover in zip(part["event_id"], hovers)],
            hovertemplate="%{customdata[1]}<extra></extra>",
        ))
    height = max(320, 34 * len(order) + 140)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        legend={"title": {"text": "Event type"}, "orientation": "h", "y": -0.12 if height < 500 else -0.06},
        hoverlabel={"align": "left"},
        clickmode="event+select",
        dragmode="zoom",
    )
    fig.update_xaxes(type="date", title_text=None, showgrid=True)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order, autorange="reversed",
                     title_text=None, showgrid=True)
    if rows.empty:
        fig.add_annotation(text="No dated events to plot", showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5)
    return fig


def point_count(fig: go.Figure) -> int:
    """How many markers the figure draws."""
    return sum(len(trace.x or ()) for trace in fig.data)


def selected_event_ids(selection: dict | None) -> list[str]:
    """Event ids of the points in a Streamlit Plotly selection state, in order, without repeats."""
    points = (selection or {}).get("points") or []
    ids = []
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            ids.append(str(custom[0]))
    return list(dict.fromkeys(ids))
