"""Curated reference data the page shows: the two eras, landmark dates and topic labels."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from events.gazetteer import load_gazetteer

# The landmark whose date separates the eras, and the day used if the landmark data ever lacks it.
ERA_BOUNDARY_LANDMARK = "fall-of-assad"
FALLBACK_ERA_BOUNDARY = date(2024, 12, 8)


@dataclass(frozen=True, slots=True)
class Era:
    """A stretch of time with a name; `start`/`end` are None when open-ended, `end` is exclusive."""

    key: str
    label: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Mark:
    """A landmark date drawn on the timeline."""

    day: date
    label: str


@cache
def landmarks() -> tuple[Mark, ...]:
    """Every landmark of the curated data, in date order."""
    return tuple(sorted((Mark(m.day, m.label) for m in load_gazetteer().landmarks), key=lambda m: m.day))


@cache
def era_boundary() -> date:
    """The first day of the transition: the fall-of-Assad landmark's date."""
    for landmark in load_gazetteer().landmarks:
        if landmark.landmark_id == ERA_BOUNDARY_LANDMARK:
            return landmark.day
    return FALLBACK_ERA_BOUNDARY


def eras() -> tuple[Era, ...]:
    """The Assad era (up to the day before the boundary) and the transition (from the boundary on)."""
    boundary = era_boundary()
    return (Era("assad", "Assad era", None, boundary), Era("transition", "Transition", boundary, None))


@cache
def topic_labels() -> dict[str, str]:
    """Readable names of topic keys ("peace process" → "Peace process")."""
    return {t.key: t.label for t in load_gazetteer().topics}


def topic_label(key: str) -> str:
    """The readable name of one topic key; an unknown key is shown as written."""
    return topic_labels().get(key, key)

# The sidebar search box's label: the page shows it and browser benchmarks find the box by it.
SEARCH_LABEL = "Search titles and excerpts"
