"""Sidebar widgets → `FilterState` and the lane choice; values live in the URL as plain query parameters."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import filters
from dashboard.charts import TYPE_COLOURS, Lanes

LANE_LABELS = {"actor": "Actor", "type": "Event type"}
FILTER_KEYS = ("actor", "type", "modality", "q")  # widget keys, also the URL parameter names


@dataclass(frozen=True, slots=True)
class Choices:
    """Everything the sidebar asks for."""

    state: filters.FilterState
    lanes: Lanes


def _reset() -> None:
    # Runs as an on_click callback: assigning a widget's key after it is drawn would raise.
    for key in FILTER_KEYS:
        st.session_state[key] = "" if key == "q" else []
    if "year_bounds" in st.session_state:
        st.session_state["years"] = st.session_state["year_bounds"]


def sidebar(df: pd.DataFrame) -> Choices:
    """Draw the filter widgets for the events in `df` and return what the user picked."""
    side = st.sidebar
    countries = {}
    for actors in df["actors"]:
        for actor in actors:
            countries.setdefault(str(actor.get("name") or ""), actor.get("country") or "?")
    actors = side.multiselect(
        "Actors", filters.actor_options(df), key="actor", bind="query-params",
        format_func=lambda name: f"{name} ({countries.get(name, '?')})",
        placeholder="All actors", help="Keep events that name any of the chosen actors.",
    )
    bounds = filters.year_bounds(df)
    years = None
    if bounds is not None and bounds[0] < bounds[1]:
        st.session_state["year_bounds"] = bounds
        chosen = side.slider("Years", min_value=bounds[0], max_value=bounds[1], value=bounds,
                             step=1, key="years", bind="query-params")
        # The full range means "no year filter", so undated events stay listed.
        years = None if tuple(chosen) == bounds else (int(chosen[0]), int(chosen[1]))
    elif bounds is not None:
        side.caption(f"All dated events are from {bounds[0]}.")
    present = set(df["event_type"])
    types = side.multiselect(
        "Event types", [t for t in TYPE_COLOURS if t in present] + sorted(present - set(TYPE_COLOURS)),
        key="type", bind="query-params", placeholder="All types",
    )
    modalities = side.multiselect(
        "Modality", sorted(set(df["modality"]) - {""}), key="modality", bind="query-params",
        placeholder="Reported and planned",
    )
    query = side.text_input("Search titles, excerpts and names", key="q", bind="query-params")
    lanes = side.radio("Lanes", list(LANE_LABELS), format_func=LANE_LABELS.__getitem__, horizontal=True,
                       key="lanes", bind="query-params")
    side.button("Clear filters", on_click=_reset)
    state = filters.FilterState(actors=tuple(actors), years=years, event_types=tuple(types),
                                modalities=tuple(modalities), query=query or "")
    return Choices(state=state, lanes=lanes or "actor")
