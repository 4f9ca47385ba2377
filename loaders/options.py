"""How to read a corpus: field names for feed exports, the latest date a page may carry."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The article fields a feed column can fill, and the column names recognised for each, in order of preference.
FEED_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": ("body", "text", "content_encoded", "content", "article", "full_text", "fulltext", "story", "description",
             "summary"),
    "date": ("date", "published", "publishedat", "published_at", "pubdate", "pub_date", "datepublished",
             "published_date", "publication_date", "dc_date", "created_at", "timestamp", "time"),
    "url": ("url", "link", "permalink", "href", "canonical_url"),
    "outlet": ("source", "outlet", "site", "sitename", "site_name", "publisher", "domain", "feed"),
    "author": ("author", "byline", "authors", "creator", "dc_creator", "writer"),
}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options every reader receives. `fields` maps article fields to feed column names chosen by the user."""

    fields: tuple[tuple[str, str], ...] = ()
    max_date: date | None = None  # latest publication date a web page may carry (htmldate's cap); None: today

    def key(self) -> str:
        """A stable text of the options, for cache keys."""
        return repr((sorted(self.fields), self.max_date.isoformat() if self.max_date else None))


def parse_fields(spec: str) -> tuple[tuple[str, str], ...]:
    """`text=story,date=pub_time` as pairs; ValueError naming the bad part."""
    pairs = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise ValueError(f"{part!r}: write FIELD=COLUMN")
        if field not in FEED_FIELDS:
            raise ValueError(f"{field!r} is not a field; use one of {', '.join(FEED_FIELDS)}")
        pairs.append((field, column))
    return tuple(pairs)
