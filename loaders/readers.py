"""The readers, picked by suffix from `READERS`: most read decoded text, the zip reader reads (name, bytes)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from loaders.archives import ZIP_LIMITS, zip_members
from loaders.article import Article
from loaders.decoding import MAX_BYTES, decode_bytes, decode_text
from loaders.feeds import read_csv_text, read_json_text, read_jsonl_text
from loaders.language import not_english_reason
from loaders.markdown import read_markdown_text
from loaders.options import ReadOptions
from loaders.plain import parse_plain_text, title_from_text
from loaders.report import LoadError, Note, Skipped
from loaders.webpage import read_html_text

__all__ = ["MAX_BYTES", "READERS", "LoadError", "decode_text", "parse_plain_text", "read_article", "read_bytes",
           "title_from_text"]

Item = Article | Skipped | Note
FEED_MAX_BYTES = 500_000_000


def read_text(text: str, name: str, options: ReadOptions) -> Iterator[Item]:
    """A plain-text article as pasted from a web page."""
    yield parse_plain_text(text, name, name)


def read_markdown(text: str, name: str, options: ReadOptions) -> Iterator[Item]:
    """A Markdown article with optional front matter."""
    yield from read_markdown_text(text, name)


def read_zip(name: str, data: bytes, options: ReadOptions) -> Iterator[Item]:
    """A zip archive of any of the other formats (archives inside it are not opened)."""
    for member in zip_members(data, name, ZIP_LIMITS, readable=lambda n: PurePosixPath(n).suffix.lower() in READERS):
        if isinstance(member, Skipped | Note):
            yield member
            continue
        member_name, content = member
        try:
            yield from read_bytes(member_name, content, options)
        except LoadError as exc:
            yield Skipped(member_name, str(exc))


@dataclass(frozen=True, slots=True)
class Reader:
    """How to read one format: the function (of text and name, or of name and bytes) and the largest file it takes."""

    read: Callable[..., Iterable[Item]]
    max_bytes: int
    label: str
    text: bool = True
    """Whether `read` takes the decoded text (the bytes otherwise)."""


READERS: dict[str, Reader] = {
    ".txt": Reader(read_text, MAX_BYTES, "plain text pasted from a page"),
    ".md": Reader(read_markdown, MAX_BYTES, "Markdown, front matter honoured"),
    ".markdown": Reader(read_markdown, MAX_BYTES, "Markdown, front matter honoured"),
    ".html": Reader(read_html_text, MAX_BYTES, "saved web page"),
    ".htm": Reader(read_html_text, MAX_BYTES, "saved web page"),
    ".jsonl": Reader(read_jsonl_text, FEED_MAX_BYTES, "feed export, one JSON object per line"),
    ".json": Reader(read_json_text, FEED_MAX_BYTES, "feed export, JSON array or object holding one"),
    ".csv": Reader(read_csv_text, FEED_MAX_BYTES, "feed export with a header row"),
    ".zip": Reader(read_zip, ZIP_LIMITS.max_total_bytes, "archive of any of these", text=False),
}


def reader_for(name: str) -> Reader:
    """The reader for a file name's suffix; LoadError for an unsupported one."""
    suffix = PurePosixPath(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise LoadError(f"unsupported file type {suffix or '(none)'}")
    return reader


def read_bytes(name: str, data: bytes, options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles of one file's bytes, with notes and skipped items; LoadError when the whole file is unusable."""
    reader = reader_for(name)
    if len(data) > reader.max_bytes:
        raise LoadError(f"file too large ({len(data):,} bytes; limit {reader.max_bytes:,})")
    options = options or ReadOptions()
    if reader.text:
        text, note = decode_bytes(data, reader.max_bytes)
        if note:
            yield Note(name, note)
        items = reader.read(text, name, options)
    else:
        items = reader.read(name, data, options)
    for item in items:
        if not isinstance(item, Article):
            yield item
        elif not item.text.strip():
            yield Skipped(item.article_id, "no article text left after removing page junk")
        elif reason := not_english_reason(item.text):
            yield Skipped(item.article_id, reason)
        else:
            yield item


def read_article(path: Path, options: ReadOptions | None = None) -> Article:
    """The (first) article of one file, named by its file name; LoadError saying why when there is none."""
    path = Path(path)
    reasons = []
    for item in read_bytes(path.name, path.read_bytes(), options):
        if isinstance(item, Article):
            return item
        if isinstance(item, Skipped):
            reasons.append(item.reason)
    raise LoadError(reasons[0] if reasons else "no article in the file")
