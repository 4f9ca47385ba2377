"""Markdown articles: front matter (title, date, url, outlet, author) honoured, markup stripped, offsets kept."""
from __future__ import annotations

import bisect
import dataclasses
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from loaders.article import Article, DateSource, Segment
from loaders.datelines import find_calendar_dates
from loaders.plain import parse_plain_text
from loaders.report import Note

# Front matter keys recognised for each article field.
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "publishdate", "pubdate", "published_at"),
    "url": ("url", "link", "canonical", "canonical_url", "source_url"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "author": ("author", "byline", "authors"),
}


@dataclass(frozen=True, slots=True)
class PlainText:
    """Markdown with its markup removed, and where each run of the plain text came from in the raw file."""

    text: str
    fragments: tuple[Segment, ...]  # Segment.start: offset in `text`; raw_start: offset in the markdown file


_FENCE = re.compile(r"^\s*(```|~~~)")
_DROP_LINE = re.compile(r"^\s*(?:(?:[-*_]\s*){3,}|=+|\|?[\s:|-]*-{3,}[\s:|-]*\|?|\[[^\]]+\]:\s.*)$")
_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|(?:>\s?)+|(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)*")
_INLINE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"                       # image: dropped
    r"|\[(?P<link>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"  # link: its text kept
    r"|<(?P<auto>https?://[^>\s]+)>"              # autolink: the address kept
    r"|</?[A-Za-z][^>]*>"                        # inline HTML tag
    r"|\*\*|__|~~|`+|\*|(?<!\w)_|_(?!\w)"          # emphasis and code markers
    r"|\s+#+\s*$|\s*\|\s*$|^\s*\|\s*"            # closing heading hashes, table edge pipes
)


def strip_markdown(raw: str, start: int = 0) -> PlainText:
    """The text of markdown `raw[start:]` without markup, with fragments mapping it back to `raw`."""
    lines: list[str] = []
    fragments: list[Segment] = []
    plain_pos, in_code = 0, False
    pos = start
    for line in raw[start:].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        line_start, pos = pos, pos + len(line)
        if _FENCE.match(body):
            in_code = not in_code
            body = ""
        if in_code or _DROP_LINE.match(body):
            body = ""
        k = _PREFIX.match(body).end() if body else 0
        pieces: list[tuple[int, str]] = []
        cursor = k
        for m in _INLINE.finditer(body, k):
            if m.start() > cursor:
                pieces.append((cursor, body[cursor:m.start()]))
            kept = "link" if m.group("link") else "auto" if m.group("auto") else None
            if kept:
                pieces.append((m.start(kept), m.group(kept)))
            cursor = m.end()
        if cursor < len(body):
            pieces.append((cursor, body[cursor:]))
        text = ""
        for offset, piece in pieces:
            fragments.append(Segment(plain_pos + len(text), line_start + offset, len(piece)))
            text += piece
        lines.append(text)
        plain_pos += len(text) + 1
    return PlainText("\n".join(lines), tuple(f for f in fragments if f.length))


def compose_segments(segments: tuple[Segment, ...], plain: PlainText) -> tuple[Segment, ...]:
    """Segments that point into the plain text, re-pointed at the markdown file through its fragments."""
    starts = [f.start for f in plain.fragments]
    out: list[Segment] = []
    for seg in segments:
        lo, hi = seg.raw_start, seg.raw_start + seg.length
        i = max(bisect.bisect_right(starts, lo) - 1, 0)
        while i < len(plain.fragments) and plain.fragments[i].start < hi:
            frag = plain.fragments[i]
            a, b = max(lo, frag.start), min(hi, frag.start + frag.length)
            if a < b:
                out.append(Segment(seg.start + a - lo, frag.raw_start + a - frag.start, b - a))
            i += 1
    return tuple(out)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Front matter fields (YAML-style `key: value` between `---`, or TOML between `+++`) and where the body starts."""
    m = re.match(r"\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|$)", text, re.S)
    if not m:
        return {}, 0
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    if m.group(1) == "+++":
        try:
            data = tomllib.loads(m.group(2))
        except tomllib.TOMLDecodeError:
            data = {}
        fields = {k.lower(): str(v) for k, v in data.items() if isinstance(v, str | int | float | date)}
    else:
        key = None
        for line in m.group(2).splitlines():
            item = _YAML_ITEM.match(line)
            if item and key is not None and key in lists:  # "authors:" followed by "  - Name" lines
                lists[key].append(_front_value(item.group(1)))
                continue
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t", "-")):
                key = key.strip().lower()
                fields[key] = _front_value(value)
                if not fields[key]:
                    lists[key] = []
            else:
                key = None
        for key, values in lists.items():
            fields[key] = ", ".join(v for v in values if v)
    return fields, m.end()


_YAML_ITEM = re.compile(r"^\s+-\s+(.*)$")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")  # [[Name]] or [[page|Name]] of note apps


def _front_value(value: str) -> str:
    """A front matter value without its quotes, a YAML inline list's brackets, or note-app [[links]]."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        value = ", ".join(v.strip().strip("'\"") for v in value[1:-1].split(","))
    return _WIKI_LINK.sub(r"\1", value.strip("'\"")).strip()


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _pick(fields: dict[str, str], field: str) -> str | None:
    """The front matter value for an article field. Clipping apps write the page's address under "source"
    or "site": a URL is the url, never the outlet, and the url may come from any of those keys."""
    if field == "url":
        return next((fields[k] for k in FRONT_MATTER_KEYS["url"] if fields.get(k)), None) or \
            next((fields[k] for k in FRONT_MATTER_KEYS["outlet"] if _is_url(fields.get(k, ""))), None)
    return next((fields[k] for k in FRONT_MATTER_KEYS[field] if fields.get(k) and not _is_url(fields[k])), None)


def parse_date(text: str) -> date | None:
    """A date written as ISO (`2024-03-05`, `2024-03-05T10:00:00Z`) or spelt out with day, month and year."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        found = find_calendar_dates(text)
        return found[0].value if found else None


_FIRST_HEADING = re.compile(r"\s*#[ \t]+([^\n]*?\S)[ \t#]*(?:\r?\n|$)")


def read_markdown_text(text: str, name: str) -> Iterator[Article | Note]:
    """Article of a markdown document, front matter first."""
    fields, body_start = _front_matter(text)
    plain = strip_markdown(text, body_start)
    article = parse_plain_text(plain.text, name, name)
    changes: dict[str, object] = {"segments": compose_segments(article.segments, plain)}
    heading = _FIRST_HEADING.match(text, body_start)
    if heading:  # "# Title" on the first line is the title, however short
        changes["title"] = heading.group(1)
    for field, attr in (("title", "title"), ("url", "url"), ("outlet", "outlet"), ("author", "byline")):
        value = _pick(fields, field)
        if value:
            changes[attr] = value
    written = _pick(fields, "date")
    if written:
        published = parse_date(written)
        if published:
            changes.update(published=published, published_source=DateSource.METADATA)
        else:
            yield Note(name, f"front matter date {written!r} is not a date; ignored")
    yield dataclasses.replace(article, **changes)
