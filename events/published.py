"""The anchor every relative date is resolved against: the publication date, or one inferred from the text."""
from __future__ import annotations

from datetime import date

from events.gazetteer import Gazetteer
from events.model import DateBasis, EventDate, Precision
from loaders.article import Article
from loaders.datelines import find_calendar_dates


def find_landmarks(text: str, gazetteer: Gazetteer) -> tuple[tuple[str, date], ...]:
    """Landmark events the text refers to, as (id, date)."""
    return tuple((lm.landmark_id, lm.day) for lm in gazetteer.landmarks if any(p.search(text) for p in lm.patterns))


def publication_anchor(article: Article, gazetteer: Gazetteer) -> tuple[EventDate | None, str]:
    """The publication date as an anchor, and a note on where it came from.

    Without a known date, the article was written on or after the latest landmark or dated event it
    mentions; its year is taken as the publication year (precision year, basis inferred). An article
    with no such evidence gets no anchor: an unknown date beats a wrong one.
    """
    if article.published:
        return EventDate(article.published, Precision.DAY, DateBasis.STATED), article.published_source.value
    evidence: list[tuple[date, str]] = [(day, f"landmark {lid}")
                                        for lid, day in find_landmarks(article.text, gazetteer)]
    evidence += [(found.value, f"date {found.value.isoformat()} in text")
                 for found in find_calendar_dates(article.text)]
    if not evidence:
        return None, "no publication date and nothing in the text to infer one from"
    latest, why = max(evidence)
    return EventDate(date(latest.year, 1, 1), Precision.YEAR, DateBasis.INFERRED), f"year inferred from {why}"
