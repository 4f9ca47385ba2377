"""What the user chose in the sidebar (`FilterState`) and the rows of the events frame it keeps."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard.reference import Era, eras

SIDES = {"SY": "syrian_actors", "RU": "russian_actors"}
PRECISIONS = ("day", "month", "year", "unknown")
PRECISION_LABELS = {"day": "Exact day", "month": "Month only", "year": "Year only", "unknown": "Undated"}
NO_PLACE = "(no place given)"  # the location choice for events the articles place nowhere (calls, statements)


@dataclass(frozen=True, slots=True)
class FilterState:
    """Sidebar choices; an empty tuple or None means "no restriction"."""

    actors: tuple[str, ...] = ()
    side: str | None = None  # "SY" or "RU": keep events naming an actor of that side
    years: tuple[int, int] | None = None
    eras: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    query: str = ""
    locations: tuple[str, ...] = ()   # place names, NO_PLACE for events without one
    precisions: tuple[str, ...] = ()  # "day", "month", "year", "unknown"


def _any_of(column: pd.Series, wanted: Iterable[str]) -> pd.Series:
    chosen = set(wanted)
    return column.map(lambda values: any(v in chosen for v in values)).astype(bool)


def in_eras(df: pd.DataFrame, keys: Iterable[str], table: tuple[Era, ...] | None = None) -> pd.Series:
    """Rows whose date span overlaps any chosen era (a Dec 2024 event lies in both); undated rows in none."""
    keep = pd.Series(False, index=df.index)
    for era in table or eras():
        if era.key not in set(keys):
            continue
        inside = df["start"].notna()
        if era.start is not None:
            inside &= df["end"] > pd.Timestamp(era.start)
        if era.end is not None:
            inside &= df["start"] < pd.Timestamp(era.end)
        keep |= inside.fillna(False).astype(bool)
    return keep


def apply_filters(df: pd.DataFrame, state: FilterState, era_table: tuple[Era, ...] | None = None) -> pd.DataFrame:
    """The rows of `df` that pass every filter in `state` (same columns, original order)."""
    keep = pd.Series(True, index=df.index)
    if state.actors:
        keep &= _any_of(df["actor_names"], state.actors)
    if state.side in SIDES:
        keep &= df[SIDES[state.side]].map(bool).astype(bool)
    if state.years is not None:
        low, high = sorted(state.years)
        # Undated events have no year, so a year range leaves them out.
        keep &= df["year"].between(low, high).fillna(False).astype(bool)
    if state.eras:
        keep &= in_eras(df, state.eras, era_table)
    if state.event_types:
        keep &= df["event_type"].isin(state.event_types)
    if state.topics:
        keep &= _any_of(df["topics"], state.topics)
    if state.outlets:
        keep &= _any_of(df["outlets"], state.outlets)
    if state.modalities:
        keep &= df["modality"].isin(state.modalities)
    if state.locations:
        keep &= df["location"].fillna(NO_PLACE).replace("", NO_PLACE).isin(state.locations)
    if state.precisions:
        keep &= df["date_precision"].isin(state.precisions)
    needle = " ".join(state.query.split()).casefold()
    if needle:
        keep &= df["search_text"].str.contains(needle, regex=False).fillna(False).astype(bool)
    return df[keep]


_FILTER_NAMES = {"actors": "actors", "side": "side", "years": "years", "eras": "era", "event_types": "event types",
                 "topics": "topics", "locations": "places", "precisions": "date precision", "outlets": "outlets",
                 "modalities": "modality", "query": "search"}  # in sidebar order


def active_filters(state: FilterState) -> list[str]:
    """The names of the filters that restrict anything, in sidebar order, for telling a reader what to widen."""
    return [name for field, name in _FILTER_NAMES.items() if getattr(state, field) not in (None, (), "")
            and not (field == "query" and not state.query.strip())]


def no_match_message(state: FilterState) -> str:
    """What to say when the filters keep no event: which filters are on, and how to get events back."""
    names = active_filters(state)
    which = f" ({', '.join(names)})" if names else ""
    return (f"No event matches these filters{which}. Reset them to see every event, or loosen one of them; "
            "a year range or era leaves out undated events.")


def year_bounds(df: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year among dated events, or None if no event has a date."""
    years = df["year"].dropna()
    if years.empty:
        return None
    return int(years.min()), int(years.max())


def actor_options(df: pd.DataFrame) -> list[str]:
    """Every actor name in `df`, Syrian side first, then by how many events name them, then by name."""
    counts: Counter[str] = Counter()
    country: dict[str, str] = {}
    for actors in df["actors"]:
        for actor in actors:
            name = str(actor.get("name") or "")
            if not name:
                continue
            counts[name] += 1
            country.setdefault(name, str(actor.get("country") or ""))
    order = {"SY": 0, "RU": 1}
    return sorted(counts, key=lambda n: (order.get(country[n], 2), -counts[n], n))


def actor_countries(df: pd.DataFrame) -> dict[str, str]:
    """Each actor name's country code as first seen ("?" when none is given)."""
    countries: dict[str, str] = {}
    for actors in df["actors"]:
        for actor in actors:
            countries.setdefault(str(actor.get("name") or ""), str(actor.get("country") or "?"))
    return countries


def list_options(column: pd.Series) -> list[str]:
    """The values found in a column of lists, most frequent first, then by name."""
    counts = Counter(v for values in column for v in values if v)
    return sorted(counts, key=lambda v: (-counts[v], v))


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """The choices the sidebar offers for one set of events."""

    actors: tuple[str, ...]
    countries: tuple[tuple[str, str], ...]  # (actor name, country code)
    years: tuple[int, int] | None
    event_types: tuple[str, ...]
    topics: tuple[str, ...]
    outlets: tuple[str, ...]
    modalities: tuple[str, ...]
    locations: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()


def filter_options(df: pd.DataFrame, type_order: tuple[str, ...] = ()) -> FilterOptions:
    """Every value each filter can take in `df`; event types known to `type_order` come first, in its order."""
    present = set(df["event_type"])
    types = [t for t in type_order if t in present] + sorted(present - set(type_order))
    return FilterOptions(
        actors=tuple(actor_options(df)),
        countries=tuple(actor_countries(df).items()),
        years=year_bounds(df),
        event_types=tuple(types),
        topics=tuple(list_options(df["topics"])),
        outlets=tuple(list_options(df["outlets"])),
        modalities=tuple(sorted(set(df["modality"]) - {""})),
        locations=tuple(location_options(df["location"])),
        precisions=tuple(p for p in PRECISIONS if p in set(df["date_precision"])),
    )


def location_options(column: pd.Series) -> list[str]:
    """Place names, most frequent first, then by name; NO_PLACE last when some events have none."""
    places = column.fillna("").astype(str)
    counts = Counter(p for p in places if p)
    ordered = sorted(counts, key=lambda v: (-counts[v], v))
    return [*ordered, NO_PLACE] if (places == "").any() else ordered
