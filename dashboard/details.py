"""The details of one event as plain text lines: what, when, who, and every source."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.hovers import actor_label
from dashboard.reference import topic_label


@dataclass(frozen=True, slots=True)
class SourceDetails:
    """One report of the event."""

    title: str
    outlet: str
    published: str
    url: str | None
    link: str | None  # the URL when it is safe to make clickable (http or https), else None
    excerpt: str
    article: str


@dataclass(frozen=True, slots=True)
class EventDetails:
    """Everything the details panel shows about one event."""

    event_id: str
    title: str
    when: str
    actors: tuple[str, ...]
    topics: str
    sources: tuple[SourceDetails, ...]


def safe_link(url: object) -> str | None:
    """`url` if it is an http(s) address with a host, else None (no javascript: or data: links)."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme in ("http", "https") and parts.netloc else None


def event_details(row: Mapping) -> EventDetails:
    """The details of the event in one frame row (its export record is in row["record"])."""
    record = row["record"]
    where = f" · {row['location']}" if row.get("location") else ""
    when = (f"{row['date_label']} · {row['date_precision']} precision · date basis: {row['date_basis'] or 'unknown'}"
            f" · {row['event_type']} · {row['modality']}{where}")
    sources = tuple(
        SourceDetails(
            title=str(s.get("title") or record.get("title") or "(untitled)"),
            outlet=str(s.get("outlet") or "unknown outlet"),
            published=str(s.get("published") or "publication date unknown"),
            url=str(s["url"]) if s.get("url") else None,
            link=safe_link(s.get("url")),
            excerpt=str(s.get("excerpt") or ""),
            article=str(s.get("article") or ""),
        )
        for s in record.get("sources") or ()
    )
    return EventDetails(
        event_id=str(row["event_id"]),
        title=str(row["title"] or "(untitled)"),
        when=when,
        actors=tuple(actor_label(a) for a in row["actors"]) or ("none named",),
        topics=", ".join(topic_label(t) for t in row["topics"]) or "none",
        sources=sources,
    )
