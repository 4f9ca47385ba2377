"""The dashboard page. Run from the repository root:

    python -m streamlit run dashboard/app.py [-- --source CORPUS_DIR_OR_EVENTS.jsonl]

The source can also come from $TIMELINE_SOURCE; by default it is the bundled sample_corpus/.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# `streamlit run` puts only this file's folder on sys.path; the packages live one level up.
_REPO_ROOT = str(Path(__file__).resolve().parent.parent)
if _REPO_ROOT not in sys.path:
    sys.path.insert(0, _REPO_ROOT)

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import charts, dataset, details, export, filters, groups, summaries, widgets  # noqa: E402
from dashboard.escaping import escape_markdown  # noqa: E402
from dashboard.lanes import TYPE_COLOURS  # noqa: E402

HOW_TO_POINT = (
    "Add articles with **Add articles** in the sidebar (.txt, .md, .html or a .zip of them), or point the "
    "dashboard at a corpus folder (text articles + `manifest.csv`) or an events `.jsonl` file: type its path "
    "in the sidebar, start it with `python -m streamlit run dashboard/app.py -- --source PATH`, or set "
    "`TIMELINE_SOURCE=PATH`."
)
DETAILS_SHOWN = 5
TABLE_LIMIT = 5_000  # rows sent to the browser's table on each rerun


@st.cache_resource(show_spinner="Reading events…", max_entries=4)
def load(source: str, stamp: float) -> dataset.Dataset:
    """The events of `source` (shared read-only); `stamp` (latest modification time) makes an edit reload."""
    return dataset.load_dataset(Path(source))


# Figures are cached on the data's identity and the filter values, never by hashing a big frame. They are
# cached as dicts: a go.Figure copied out of st.cache_data lost click selection in the browser.
@st.cache_data(show_spinner=False, max_entries=32)
def timeline(data_key: tuple, choice_key: tuple, lanes: str, side: str | None, _shown: pd.DataFrame) -> dict:
    """The timeline figure of the filtered rows, as a plain dict (cheap to copy out of the cache)."""
    return charts.timeline_figure(_shown, lanes=lanes, side=side).to_dict()


@st.cache_data(show_spinner=False, max_entries=8)
def options(data_key: tuple, _events: pd.DataFrame) -> filters.FilterOptions:
    """What each filter can offer for these events."""
    return filters.filter_options(_events, tuple(TYPE_COLOURS))


@st.cache_data(show_spinner=False, max_entries=32)
def side_charts(data_key: tuple, filter_key: tuple, _shown: pd.DataFrame) -> tuple[dict, dict]:
    """Events per year by type and the most frequent actors, for the filtered rows (as plain dicts)."""
    return summaries.per_year_figure(_shown).to_dict(), summaries.top_actors_figure(_shown).to_dict()


def show_event(row: pd.Series) -> None:
    """The details of one event: what, when, who, and every source with its excerpt."""
    # Article text goes through st.text (no Markdown, no HTML, no autolinks); Markdown only for our words.
    info = details.event_details(row)
    st.markdown("**Selected event**")
    st.text(info.title)
    st.text(info.when)
    st.markdown("**Actors and roles**")
    st.text("\n".join(info.actors))
    st.text(f"Topics: {info.topics}")
    for number, source in enumerate(info.sources, start=1):
        st.markdown(f"**Source {number}**")
        st.text(f"{source.title}\n{source.outlet} · {source.published} · {source.article}")
        if source.excerpt:
            st.text(f"“{source.excerpt}”")
        if source.link:
            st.link_button("Open the article", source.link)
        elif source.url:
            st.text(f"Link (not a web address, not opened): {source.url}")


st.set_page_config(page_title="Syria–Russia contacts timeline", layout="wide")
st.title("Syria–Russia contacts timeline")

default_source = dataset.resolve_source(sys.argv[1:], os.environ)
source_text = st.sidebar.text_input("Source (corpus folder or events .jsonl)", value=str(default_source))
source = Path(source_text.strip()).expanduser() if source_text.strip() else default_source
filter_box, upload_box = st.sidebar.container(), st.sidebar.container()  # filters first, uploads below

base = dataset.to_frame([])
report: tuple[str, ...] = ()
stamp = 0.0
if not source.exists():
    st.info(f"{escape_markdown(str(source))} does not exist.")
else:
    try:
        stamp = dataset.source_stamp(source)
        loaded = load(str(source.resolve()), stamp)
        base, report = loaded.frame, loaded.report
    except Exception as exc:
        st.error(f"Could not read events from {escape_markdown(str(source))}: "
                 f"{escape_markdown(type(exc).__name__)}: {escape_markdown(str(exc))}")

uploaded, upload_version = widgets.upload_panel(upload_box)
events = dataset.combine(base, uploaded)
if report:
    with st.sidebar.expander("Build report"):
        st.text("\n".join(report))
if events.empty:
    st.info(f"No events to show yet. {HOW_TO_POINT}")
    st.stop()

data_key = (str(source), stamp, upload_version)
choices = widgets.sidebar(options(data_key, _events=events), filter_box)
shown = filters.apply_filters(events, choices.state)

# One row that wraps: at a narrow width the buttons move under the count instead of being cut to "Downloa…".
count = csv_place = jsonl_place = st.container(horizontal=True, vertical_alignment="center")
extra = f" (+{len(uploaded)} uploaded)" if len(uploaded) else ""
count.caption(f"{len(shown)} of {len(events)} events from {escape_markdown(str(source))}{extra}")
csv_place.download_button("Download CSV", data=lambda: export.to_csv_bytes(shown),
                          file_name="syria-russia-events.csv", mime="text/csv", on_click="ignore",
                          key="download_csv", help="Exactly the filtered rows; safe to open in a spreadsheet.")
jsonl_place.download_button("Download JSON Lines", data=lambda: export.to_jsonl_bytes(shown),
                            file_name="syria-russia-events.jsonl", mime="application/x-ndjson",
                            on_click="ignore", key="download_jsonl", help="Exactly the filtered rows.")

if shown.empty:
    st.info(escape_markdown(filters.no_match_message(choices.state)))
    st.button("Reset all filters", on_click=widgets.reset_filters, key="reset_empty")
    st.stop()

side = choices.state.side
figure = timeline(data_key, choices.key(), choices.lanes, side, _shown=shown)
chart = st.plotly_chart(figure, on_select="rerun", selection_mode="points", key="timeline",
                        config={"displaylogo": False})
note = groups.grouping_note(figure)
if note:
    st.caption(note)
undated = int(shown["when"].isna().sum())
st.caption(
    "● day · ◆ month · ■ year precision: month and year dates sit mid-period with a grey bar over the whole "
    "period; faded = planned. Drag across the chart to zoom into dates, drag the slider under it to pan, "
    "double-click to see everything. Shaded: Assad era / transition; numbered dotted lines: landmarks."
    + (f" {undated} undated event(s) are in the table but not on the chart." if undated else "")
)
marks = charts.landmark_key(figure)
if marks:
    st.caption(escape_markdown(marks))

table = dataset.table_frame(shown)
by_id = shown.drop_duplicates("event_id").set_index("event_id", drop=False)
selected = groups.selected_event_ids(chart.selection if chart else None, shown, choices.lanes, side)
# The table is drawn below the details, so its selection is read from the session state.
rows = ((st.session_state.get("table") or {}).get("selection") or {}).get("rows") or []
selected += [table["Event id"].iloc[i] for i in rows if i < len(table)]
selected = [eid for eid in dict.fromkeys(selected) if eid in by_id.index]
if selected:
    if len(selected) > 1:
        st.caption(f"{len(selected)} events selected; the first {min(len(selected), DETAILS_SHOWN)} are shown.")
    for event_id in selected[:DETAILS_SHOWN]:
        with st.container(border=True):
            show_event(by_id.loc[event_id])
else:
    st.caption("Click a point on the timeline or a row in the table to see its sources and excerpts.")

per_year, top = side_charts(data_key, tuple(choices.key()[:-1]), _shown=shown)
left, right = st.columns(2)
left.plotly_chart(per_year, key="per_year", config={"displaylogo": False})
right.plotly_chart(top, key="top_actors", config={"displaylogo": False})

if len(table) > TABLE_LIMIT:
    st.caption(f"The table lists the first {TABLE_LIMIT:,} of {len(table):,} events; the downloads hold them all.")
st.dataframe(table.iloc[:TABLE_LIMIT], hide_index=True, on_select="rerun", selection_mode="single-row", key="table",
             column_config={"Title": st.column_config.TextColumn(width="large")})
