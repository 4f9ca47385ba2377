"""Timeline lanes: which row of the chart each event (or event and actor, or event and topic) goes in."""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from dashboard.escaping import escape_label, shorten
from dashboard.reference import topic_label

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
ACTOR_LANES = 30        # the most frequent actors get a lane each; the rest share one
LANE_LIMIT = 40         # characters of a lane name on the y axis
DODGE_STEP = 0.4        # lanes between two markers that share a lane and a date (a marker is ~0.4 lane high)
DODGE_SPREAD = 0.76     # lanes between the outermost markers of a crowded spot, so lanes never touch
OTHER_ACTORS = "(other actors)"
_SIDE_ORDER = {"SY": 0, "RU": 1}  # Syrian lanes on top, then Russian, then any other country


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
    counts = rows.groupby("lane")["event_id"].count()
    country_of = rows.groupby("lane")["lane_country"].first()
    kept = _actor_lanes(counts, country_of)
    order = sorted(kept, key=lambda n: (_SIDE_ORDER.get(country_of[n], 2), -counts[n], n))
    if len(kept) < len(counts):
        rows = rows.assign(lane=rows["lane"].where(rows["lane"].isin(kept), OTHER_ACTORS))
        order.append(OTHER_ACTORS)
    return rows, order



def _actor_lanes(counts: pd.Series, country_of: pd.Series, limit: int = ACTOR_LANES) -> set[str]:
    """The actors that get a lane of their own: each side's most frequent, up to half the lanes each.

    Ranking all actors together could give every lane to one side (a corpus naming many Syrian officials
    and few Russian ones would leave Putin in the shared lane); a side with fewer actors leaves its lanes
    to the most frequent of the rest.
    """
    if len(counts) <= limit:
        return set(counts.index)
    ranked = sorted(counts.index, key=lambda n: (-counts[n], n))
    kept: list[str] = []
    for side in _SIDE_ORDER:
        kept += [n for n in ranked if country_of[n] == side][: limit // 2]
    chosen = set(kept)
    kept += [n for n in ranked if n not in chosen][: limit - len(kept)]
    return set(kept)


def dodge(lanes: pd.Series, xs: pd.Series) -> np.ndarray:
    """Vertical offsets, in lanes, fanning out markers that share a lane and a date so none hides another.

    One marker at a spot stays on the lane's line; two sit 0.2 lane above and below it; a crowded spot
    (ten year-precision events of one actor on 1 July) spreads evenly over most of the lane's height.
    """
    spots = pd.DataFrame({"lane": lanes.to_numpy(), "x": xs.to_numpy()}).groupby(["lane", "x"], sort=False)
    rank = spots.cumcount().to_numpy(dtype=float)
    size = spots["x"].transform("size").to_numpy(dtype=float)
    step = np.minimum(DODGE_STEP, DODGE_SPREAD / np.maximum(size - 1, 1))
    return (rank - (size - 1) / 2) * step
