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

from dashboard import charts, dataset, export, filters, widgets  # noqa: E402
from dashboard.escaping import escape_markdown  # noqa: E402

HOW_TO_POINT = (
    "Point the dashboard at a corpus folder (text articles + `manifest.csv`) or an events `.jsonl` "
    "file: type its path in the sidebar, start it with "
    "`python -m streamlit run dashboard/app.py -- --source PATH`, or set `TIMELINE_SOURCE=PATH`."
)


@st.cache_data(show_spinner="Reading events…", max_entries=8)
def load(source: str, stamp: float) -> dataset.Dataset:
    """The events of `source`; `stamp` (latest modification time) makes an edited source reload."""
    return dataset.load_dataset(Path(source))


def table_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader wants in the events table, lists joined into text."""
    return pd.DataFrame({
        "Date": df["date_label"],
        "Type": df["event_type"],
        "Modality": df["modality"],
        "Title": df["title"],
        "Syrian side": df["syrian_actors"].map("; ".join),
        "Russian side": df["russian_actors"].map("; ".join),
        "Location": df["location"].fillna(""),
        "Outlet": df["outlet"],
        "Sources": df["source_count"],
        "Event id": df["event_id"],
    }).reset_index(drop=True)


def show_event(row: pd.Series) -> None:
    """The details of one event: what, when, who, and every source with its excerpt."""
    # Article text goes through st.text (no Markdown, no HTML, no autolinks); Markdown only for our words.
    st.markdown("**Selected event**")
    st.text(row["title"] or "(untitled)")
    where = f" · {row['location']}" if row["location"] else ""
    st.text(f"{row['date_label']} · {row['date_precision']} precision · date basis: {row['date_basis']} · "
            f"{row['event_type']} · {row['modality']}{where}")
    st.markdown("**Actors**")
    st.text("\n".join(
        f"{a.get('name')} ({a.get('country')}" + (f", {a['role']})" if a.get("role") else ")")
        for a in row["actors"]
    ) or "none named")
    for number, source in enumerate(row["record"].get("sources") or [], start=1):
        st.markdown(f"**Source {number}**")
        st.text(" · ".join(str(v) for v in (source.get("outlet") or "unknown outlet",
                                            source.get("published") or "date unknown",
                                            source.get("article")) if v))
        if source.get("url"):
            st.text(str(source["url"]))
        if source.get("excerpt"):
            st.text(f"“{source['excerpt']}”")


st.set_page_config(page_title="Syria–Russia contacts timeline", layout="wide")
st.title("Syria–Russia contacts timeline")

default_source = dataset.resolve_source(sys.argv[1:], os.environ)
source_text = st.sidebar.text_input("Source (corpus folder or events .jsonl)", value=str(default_source))
source = Path(source_text.strip()).expanduser() if source_text.strip() else default_source

if not source.exists():
    st.info(f"No events to show: {escape_markdown(str(source))} does not exist. {HOW_TO_POINT}")
    st.stop()
try:
    data = load(str(source.resolve()), dataset.source_stamp(source))
except Exception as exc:  # noqa: BLE001 - any failure to read is shown on the page, not as a traceback
    st.error(f"Could not read events from {escape_markdown(str(source))}: "
             f"{escape_markdown(type(exc).__name__)}: {escape_markdown(str(exc))}")
    st.info(HOW_TO_POINT)
    st.stop()

events = data.frame
if data.report:
    with st.sidebar.expander("Build report"):
        st.text("\n".join(data.report))
if events.empty:
    st.info(f"{escape_markdown(str(source))} yielded no events. {HOW_TO_POINT}")
    st.stop()

choices = widgets.sidebar(events)
shown = filters.apply_filters(events, choices.state)
undated = int(shown["when"].isna().sum())
st.caption(f"{len(shown)} of {len(events)} events from {escape_markdown(str(source))}")

if shown.empty:
    st.info("No events match these filters. Widen the year range, remove an actor or clear the search.")
    st.stop()

figure = charts.timeline_figure(shown, lanes=choices.lanes)
chart = st.plotly_chart(figure, on_select="rerun", selection_mode="points", key="timeline",
                        config={"displaylogo": False})
st.caption(
    "● day · ◆ month (plotted mid-month) · ■ year (plotted mid-year) precision; faded = planned."
    + (f" {undated} undated event(s) are in the table but not on the chart." if undated else "")
)

table = table_frame(shown)
picked = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row", key="table",
                      column_config={"Title": st.column_config.TextColumn(width="large")})

selected = charts.selected_event_ids(chart.selection if chart else None)
selected += [table["Event id"].iloc[i] for i in (picked.selection.rows if picked else []) if i < len(table)]
by_id = shown.drop_duplicates("event_id").set_index("event_id", drop=False)
selected = [eid for eid in dict.fromkeys(selected) if eid in by_id.index]
if selected:
    for event_id in selected[:5]:
        with st.container(border=True):
            show_event(by_id.loc[event_id])
else:
    st.caption("Click a point on the timeline or a row in the table to see its sources and excerpts.")

left, right = st.columns(2)
left.download_button("Download CSV", data=lambda: export.to_csv_bytes(shown), file_name="syria-russia-events.csv",
                     mime="text/csv", on_click="ignore", key="download_csv")
right.download_button("Download JSON Lines", data=lambda: export.to_jsonl_bytes(shown),
                      file_name="syria-russia-events.jsonl", mime="application/x-ndjson", on_click="ignore",
                      key="download_jsonl")
