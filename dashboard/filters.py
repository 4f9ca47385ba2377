"""What the user chose in the sidebar (`FilterState`) and the rows of the events frame it keeps."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, slots=True)
class FilterState:
    """Sidebar choices; an empty tuple or None means "no restriction"."""

    actors: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    event_types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    query: str = ""


def apply_filters(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The rows of `df` that pass every filter in `state` (same columns, original order)."""
    keep = pd.Series(True, index=df.index)
    if state.actors:
        wanted = set(state.actors)
        keep &= df["actor_names"].map(lambda names: any(n in wanted for n in names)).astype(bool)
    if state.years is not None:
        low, high = sorted(state.years)
        # Undated events have no year, so a year range leaves them out.
        keep &= df["year"].between(low, high).fillna(False).astype(bool)
    if state.event_types:
        keep &= df["event_type"].isin(state.event_types)
    if state.modalities:
        keep &= df["modality"].isin(state.modalities)
    needle = state.query.strip().casefold()
    if needle:
        haystack = df["title"].astype(str) + "\n" + df["excerpt"].astype(str) + "\n" + df["actor_names"].map("\n".join)
        keep &= haystack.str.casefold().str.contains(needle, regex=False)
    return df[keep]


def year_bounds(df: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year among dated events, or None if no event has a date."""
    years = df["year"].dropna()
    if years.empty:
        return None
    return int(years.min()), int(years.max())


def actor_options(df: pd.DataFrame) -> list[str]:
    """Every actor name in `df`, Syrian side first, then by how many events name them, then by name."""
    counts: dict[str, int] = {}
    country: dict[str, str] = {}
    for actors in df["actors"]:
        for actor in actors:
            name = str(actor.get("name") or "")
            if not name:
                continue
            counts[name] = counts.get(name, 0) + 1
            country.setdefault(name, str(actor.get("country") or ""))
    order = {"SY": 0, "RU": 1}
    return sorted(counts, key=lambda n: (order.get(country[n], 2), -counts[n], n))
