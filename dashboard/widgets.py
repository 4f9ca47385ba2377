"""Sidebar widgets → `FilterState`, lane choice and uploads; filter values live in the URL as plain parameters."""
from __future__ import annotations

from dataclasses import astuple, dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import dataset, filters, uploads
from dashboard.lanes import LANE_CHOICES, Lanes
from dashboard.reference import SEARCH_LABEL, eras, topic_label

LANE_LABELS = {"actor": "Actor", "type": "Event type", "topic": "Topic"}
SIDE_LABELS = {"both": "Both sides", "SY": "Syrian side", "RU": "Russian side"}
# Widget keys, also the URL parameter names; the value each returns to when filters are reset.
FILTER_DEFAULTS: dict[str, object] = {"actor": [], "side": "both", "era": [], "type": [], "topic": [],
                                      "place": [], "precision": [], "outlet": [], "modality": [], "q": ""}
YEARS_KEY = "years"
UPLOADED = "uploaded_records"    # session state: event id → export record, from every upload so far
UPLOAD_LOG = "upload_report"     # session state: report lines, newest upload last
UPLOAD_DONE = "uploaded_file_ids"
UPLOAD_ROUND = "upload_round"    # bumping it gives a fresh, empty uploader
UPLOAD_VERSION = "upload_version"  # changes whenever the uploaded events change (a cache key)


@dataclass(frozen=True, slots=True)
class Choices:
    """Everything the sidebar asks for."""

    state: filters.FilterState
    lanes: Lanes

    def key(self) -> tuple:
        """Plain values identifying these choices, for caching."""
        return (*astuple(self.state), self.lanes)


def reset_filters() -> None:
    """Return every filter to "no restriction"; the URL follows. Use as an on_click callback."""
    # Only in a callback: assigning a widget's key after it is drawn raises.
    for key, value in FILTER_DEFAULTS.items():
        st.session_state[key] = list(value) if isinstance(value, list) else value
    if "year_bounds" in st.session_state:
        st.session_state[YEARS_KEY] = st.session_state["year_bounds"]


def _follow_year_bounds(bounds: tuple[int, int]) -> None:
    """Keep the year slider valid when the data's years change (an upload, another source)."""
    previous = st.session_state.get("year_bounds")
    current = st.session_state.get(YEARS_KEY)
    st.session_state["year_bounds"] = bounds
    if current is None or previous is None or tuple(previous) == bounds:
        return
    low, high = (int(v) for v in current)
    if (low, high) == tuple(previous):
        st.session_state[YEARS_KEY] = bounds  # the whole range stays the whole range, new years included
    elif not (bounds[0] <= low <= high <= bounds[1]):
        st.session_state[YEARS_KEY] = tuple(min(max(v, bounds[0]), bounds[1]) for v in (low, high))


def sidebar(options: filters.FilterOptions, place: DeltaGenerator | None = None) -> Choices:
    """Draw the filter widgets offering `options` (in the sidebar or `place`) and return what the user picked."""
    side = place or st.sidebar
    side.header("Filters")
    side.button("Reset all filters", on_click=reset_filters, key="reset", type="secondary",
                help="Clear every filter below (and in the page's address).")
    countries = dict(options.countries)
    actors = side.multiselect(
        "Actors", list(options.actors), key="actor", bind="query-params",
        format_func=lambda name: f"{name} ({countries.get(name, '?')})",
        placeholder="All actors (type to search)", help="Keep events that name any of the chosen actors.",
    )
    chosen_side = side.radio(
        "Side", list(SIDE_LABELS), format_func=SIDE_LABELS.__getitem__, horizontal=True, key="side",
        bind="query-params", help="Keep events with an actor on this side; actor lanes show only that side.",
    )
    bounds = options.years
    years = None
    if bounds is not None and bounds[0] < bounds[1]:
        _follow_year_bounds(bounds)
        chosen = side.slider("Years", min_value=bounds[0], max_value=bounds[1], value=bounds,
                             step=1, key=YEARS_KEY, bind="query-params")
        # The full range means "no year filter", so undated events stay listed.
        years = None if tuple(chosen) == bounds else (int(chosen[0]), int(chosen[1]))
    elif bounds is not None:
        side.caption(f"All dated events are from {bounds[0]}.")
    era_labels = {e.key: e.label for e in eras()}
    chosen_eras = side.multiselect(
        "Era", list(era_labels), format_func=era_labels.__getitem__, key="era", bind="query-params",
        placeholder="Both eras", help="The transition starts on the day Assad's government fell; a month- or "
                                      "year-precision date that straddles that day counts in both eras.",
    )
    types = side.multiselect("Event types", list(options.event_types), key="type", bind="query-params",
                             placeholder="All types")
    topics = side.multiselect("Topics", list(options.topics), format_func=topic_label, key="topic",
                              bind="query-params", placeholder="All topics")
    places = side.multiselect("Places", list(options.locations), key="place", bind="query-params",
                              placeholder="Anywhere", help="Where the contact took place, as the articles say; "
                                                          "calls and statements usually have no place.")
    precisions = side.multiselect(
        "Date precision", list(options.precisions), format_func=filters.PRECISION_LABELS.__getitem__,
        key="precision", bind="query-params", placeholder="Any precision",
        help="Exact day, or only the month or year the articles give (drawn mid-period with a bar over it).",
    )
    outlets = side.multiselect("Outlets", list(options.outlets), key="outlet", bind="query-params",
                               placeholder="All outlets", help="Keep events reported by any of these outlets.")
    modalities = side.multiselect("Modality", list(options.modalities), key="modality",
                                  bind="query-params", placeholder="Reported and planned")
    query = side.text_input(SEARCH_LABEL, key="q", bind="query-params",
                            placeholder="e.g. Hmeimim, wheat, Lavrov")
    lanes = side.radio("Timeline lanes", list(LANE_CHOICES), format_func=LANE_LABELS.__getitem__,
                       horizontal=True, key="lanes", bind="query-params")
    state = filters.FilterState(
        actors=tuple(actors), side=chosen_side if chosen_side in filters.SIDES else None, years=years,
        eras=tuple(chosen_eras), event_types=tuple(types), topics=tuple(topics), outlets=tuple(outlets),
        modalities=tuple(modalities), query=query or "", locations=tuple(places), precisions=tuple(precisions),
    )
    return Choices(state=state, lanes=lanes or "actor")


def _forget_uploads() -> None:
    st.session_state[UPLOADED] = {}
    st.session_state[UPLOAD_LOG] = []
    st.session_state[UPLOAD_DONE] = set()
    st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
    st.session_state[UPLOAD_VERSION] = st.session_state.get(UPLOAD_VERSION, 0) + 1


def upload_panel(place: DeltaGenerator | None = None) -> tuple[pd.DataFrame, int]:
    """The "Add articles" box; returns the events of every upload so far and a version that changes with them."""
    for key, empty in ((UPLOADED, {}), (UPLOAD_LOG, []), (UPLOAD_DONE, set())):
        st.session_state.setdefault(key, empty)
    box = (place or st.sidebar).expander("Add articles", expanded=not st.session_state[UPLOADED])
    files = box.file_uploader(
        "Articles (.txt, .md, .html, or a .zip of them)", type=list(uploads.UPLOAD_TYPES),
        accept_multiple_files=True, key=f"upload_{st.session_state.get(UPLOAD_ROUND, 0)}",
        help="Each upload is read and its events are added to the view; a file that cannot be read is "
             "reported and the events already shown stay.",
    ) or []
    new = [f for f in files if f.file_id not in st.session_state[UPLOAD_DONE]]
    if new:
        with box, st.spinner("Reading articles…"):
            result = uploads.process_uploads([(f.name, f.getvalue()) for f in new])
        st.session_state[UPLOAD_DONE] |= {f.file_id for f in new}
        records = st.session_state[UPLOADED]
        added = 0
        for record in result.records:
            if record.get("event_id") and record["event_id"] not in records:
                records[record["event_id"]] = record
                added += 1
        st.session_state[UPLOAD_LOG] += [r.summary() for r in result.files]
        st.session_state[UPLOAD_LOG].append(f"{added} new event(s) added to the view")
        st.session_state[UPLOAD_VERSION] = st.session_state.get(UPLOAD_VERSION, 0) + 1
    if st.session_state[UPLOAD_LOG]:
        box.markdown("**Upload report**")
        box.text("\n".join(st.session_state[UPLOAD_LOG]))
    if st.session_state[UPLOADED]:
        box.button("Remove uploaded events", on_click=_forget_uploads, key="forget_uploads")
    records = list(st.session_state[UPLOADED].values())
    return dataset.to_frame(records), int(st.session_state.get(UPLOAD_VERSION, 0))
