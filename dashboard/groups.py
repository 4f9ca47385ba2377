"""Grouped markers: when a view has too many points, events of one lane, type and period share a marker."""
from __future__ import annotations

import json

import pandas as pd

from dashboard.lanes import Lanes, lane_rows

POINT_LIMIT = 3000      # above this many markers, events of one lane, type and period share one marker
GROUP_PERIODS = ("M", "Q", "Y")  # tried in turn until the groups fit under POINT_LIMIT
GROUP_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}
GROUP_KEY = "group"
MIXED = "several types"
_PERIOD_NAMES = {"M": "%b %Y", "Y": "%Y"}


def group_table(rows: pd.DataFrame) -> tuple[str, pd.DataFrame]:
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


def period_label(period: str, start: pd.Timestamp) -> str:
    """A period as written: "Sep 2023", "Q3 2023", "2023"."""
    if period == "Q":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return start.strftime(_PERIOD_NAMES[period])


def grouping_note(figure: dict) -> str | None:
    """A sentence telling the reader that markers stand for groups of events, or None if each is one event."""
    meta = (figure.get("layout") or {}).get("meta") or {}
    if not meta.get("grouped_by"):
        return None
    return (f"{meta['events']:,} points are too many to draw one by one: each marker groups the events of one lane "
            f"and type in a {meta['grouped_by']} (bigger = more). Click one to list its events; narrow the years or "
            "other filters to see single events.")


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
