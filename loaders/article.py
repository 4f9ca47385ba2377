"""The `Article`: one news story, cleaned, with its metadata and offsets back to the file."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class DateSource(enum.Enum):
    """Where an article's publication date came from."""

    MANIFEST = "manifest"
    METADATA = "metadata"  # front matter, a page's meta tags, a feed's date field
    TEXT = "text"
    URL = "url"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of clean text copied verbatim from the raw file: clean[start:start+length] == raw[raw_start:...]."""

    start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. `text` is the body without page junk; `segments` map its offsets to the raw file."""

    article_id: str
    path: str
    title: str
    text: str
    published: date | None = None
    published_source: DateSource = DateSource.NONE
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    segments: tuple[Segment, ...] = ()
    removed_lines: tuple[str, ...] = field(default=(), repr=False)

    def raw_offset(self, offset: int) -> int:
        """The character offset in the raw file of `offset` in the clean text."""
        for seg in reversed(self.segments):
            if seg.start <= offset:
                return seg.raw_start + min(offset - seg.start, seg.length)
        return offset
