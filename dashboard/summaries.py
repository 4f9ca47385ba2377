"""The small charts beside the timeline: events per year by type, and the most frequent actors."""
from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go

from dashboard.lanes import TYPE_COLOURS, lane_label, type_order

SIDE_COLOURS = {"SY": "#2E7D32", "RU": "#C62828"}
TOP_ACTORS = 12


def events_per_year(df: pd.DataFrame) -> pd.DataFrame:
    """A table of counts: one row per year, one column per event type (dated events only)."""
    dated = df[df["year"].notna()]
    if dated.empty:
        return pd.DataFrame()
    table = pd.crosstab(dated["year"].astype(int), dated["event_type"])
    return table[type_order(set(table.columns))]


def top_actors(df: pd.DataFrame, limit: int = TOP_ACTORS) -> list[tuple[str, str, int]]:
    """The actors named in the most events, as (name, country, count), most frequent first."""
    counts: Counter[str] = Counter()
    country: dict[str, str] = {}
    for actors in df["actors"]:
        for name in dict.fromkeys(str(a.get("name") or "") for a in actors):
            if name:
                counts[name] += 1
        for actor in actors:
            country.setdefault(str(actor.get("name") or ""), str(actor.get("country") or "?"))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(name, country[name], count) for name, count in ranked]


def per_year_figure(df: pd.DataFrame) -> go.Figure:
    """A stacked bar chart of events per year, one colour per event type."""
    table = events_per_year(df)
    fig = go.Figure()
    for event_type in table.columns:
        fig.add_trace(go.Bar(x=[int(y) for y in table.index], y=table[event_type].tolist(),
                             name=lane_label(event_type), marker_color=TYPE_COLOURS.get(event_type, "#444444"),
                             hovertemplate="%{x}: %{y} " + lane_label(event_type) + "<extra></extra>"))
    fig.update_layout(barmode="stack", height=300, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      title={"text": "Events per year by type", "font": {"size": 14}}, showlegend=False)
    fig.update_xaxes(dtick=1 if len(table.index) <= 15 else None, title_text=None)
    fig.update_yaxes(title_text=None)
    return fig


def top_actors_figure(df: pd.DataFrame, limit: int = TOP_ACTORS) -> go.Figure:
    """A horizontal bar chart of the most frequent actors, coloured by side."""
    ranked = top_actors(df, limit)
    fig = go.Figure(go.Bar(
        x=[count for _, _, count in ranked],
        y=[lane_label(f"{name} ({country})") for name, country, _ in ranked],
        orientation="h",
        marker_color=[SIDE_COLOURS.get(country, "#777777") for _, country, _ in ranked],
        hovertemplate="%{y}: %{x} events<extra></extra>",
    ))
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      title={"text": "Most frequent actors", "font": {"size": 14}})
    fig.update_yaxes(autorange="reversed", type="category", title_text=None)
    fig.update_xaxes(title_text=None)
    return fig
