"""Articles and events to JSON-ready dicts and back, exactly, for the store and worker processes."""
from __future__ import annotations

from datetime import date

from events.model import Actor, DateBasis, Event, EventDate, EventType, Modality, Precision, Source
from loaders.article import Article, DateSource, Segment


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def article_to_dict(article: Article) -> dict:
    """An article as a JSON-ready dict (every field, so it can be rebuilt exactly)."""
    return {
        "article_id": article.article_id, "path": article.path, "title": article.title, "text": article.text,
        "published": _iso(article.published), "published_source": article.published_source.value,
        "outlet": article.outlet, "byline": article.byline, "url": article.url,
        "segments": [[s.start, s.raw_start, s.length] for s in article.segments],
        "removed_lines": list(article.removed_lines),
    }


def article_from_dict(data: dict) -> Article:
    """The article `article_to_dict` wrote."""
    return Article(
        article_id=data["article_id"], path=data["path"], title=data["title"], text=data["text"],
        published=_day(data["published"]), published_source=DateSource(data["published_source"]),
        outlet=data["outlet"], byline=data["byline"], url=data["url"],
        segments=tuple(Segment(*s) for s in data["segments"]), removed_lines=tuple(data["removed_lines"]),
    )


def event_to_dict(event: Event) -> dict:
    """An event as a JSON-ready dict (not the export record: this one keeps every field)."""
    return {
        "event_id": event.event_id,
        "date": [_iso(event.date.value), event.date.precision.value, event.date.basis.value],
        "event_type": event.event_type.value, "modality": event.modality.value, "title": event.title,
        "actors": [[a.name, a.country, a.role, a.actor_id, a.qid, a.kind] for a in event.actors],
        "location": event.location, "topics": list(event.topics), "cameo": event.cameo,
        "sources": [[s.article, s.title, s.outlet, s.url, _iso(s.published), s.excerpt, s.start, s.end]
                    for s in event.sources],
    }


def event_from_dict(data: dict) -> Event:
    """The event `event_to_dict` wrote."""
    value, precision, basis = data["date"]
    return Event(
        event_id=data["event_id"],
        date=EventDate(_day(value), Precision(precision), DateBasis(basis)),
        event_type=EventType(data["event_type"]), modality=Modality(data["modality"]), title=data["title"],
        actors=tuple(Actor(*a) for a in data["actors"]),
        location=data["location"], topics=tuple(data["topics"]),
        sources=tuple(Source(s[0], s[1], s[2], s[3], _day(s[4]), s[5], s[6], s[7]) for s in data["sources"]),
        cameo=data.get("cameo"),
    )
