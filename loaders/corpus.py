"""Load a folder of articles with its optional `manifest.csv` (file, published, outlet, url[, title])."""
from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from loaders.article import Article, DateSource
from loaders.datelines import find_url_date
from loaders.readers import READERS, LoadError, decode_text, parse_plain_text, read_article

MANIFEST_NAME = "manifest.csv"
NOT_ARTICLES = {"gold.jsonl", "readme.md", "readme.txt", "license", "license.txt"}


@dataclass(frozen=True, slots=True)
class ManifestRow:
    """What a manifest says about one file; empty fields are None."""

    file: str
    published: date | None
    outlet: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or manifest row that was not used, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class CorpusLoad:
    """The articles of a folder, what was skipped, and notes for the build report."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]


def _field(row: dict[str, str | None], name: str) -> str | None:
    value = (row.get(name) or "").strip()
    return value or None


def read_manifest(path: Path) -> tuple[dict[str, ManifestRow], tuple[str, ...]]:
    """Rows of a manifest keyed by file name, and notes about rows that could not be used."""
    rows: dict[str, ManifestRow] = {}
    notes: list[str] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            return {}, (f"{path.name}: no 'file' column; manifest ignored",)
        for line_no, row in enumerate(reader, start=2):
            name = _field(row, "file")
            if not name:
                notes.append(f"{path.name} line {line_no}: no file name; row ignored")
                continue
            published = None
            text = _field(row, "published")
            if text:
                try:
                    published = date.fromisoformat(text[:10])
                except ValueError:
                    notes.append(f"{path.name} line {line_no}: impossible date {text!r} for {name}; ignored")
            rows[name] = ManifestRow(name, published, _field(row, "outlet"), _field(row, "url"),
                                     _field(row, "title"))
    return rows, tuple(notes)


def apply_manifest(article: Article, row: ManifestRow | None) -> Article:
    """The article with the manifest's fields overriding what the text says, and a URL date as fallback."""
    changes: dict[str, object] = {}
    if row:
        for name in ("outlet", "url", "title"):
            if getattr(row, name):
                changes[name] = getattr(row, name)
        if row.published:
            changes.update(published=row.published, published_source=DateSource.MANIFEST)
    url = changes.get("url", article.url)
    if "published" not in changes and article.published is None:
        url_date = find_url_date(url if isinstance(url, str) else None)
        if url_date:
            changes.update(published=url_date, published_source=DateSource.URL)
    return dataclasses.replace(article, **changes) if changes else article


def load_corpus(folder: Path, use_manifest: bool = True) -> CorpusLoad:
    """Read every article file in `folder` (recursively); one bad file never stops the others."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"not a folder: {folder}")
    manifest: dict[str, ManifestRow] = {}
    notes: list[str] = []
    manifest_path = folder / MANIFEST_NAME
    if use_manifest and manifest_path.exists():
        manifest, manifest_notes = read_manifest(manifest_path)
        notes.extend(manifest_notes)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if path.name == MANIFEST_NAME or path.name.startswith(".") or path.name.lower() in NOT_ARTICLES:
            continue
        if path.suffix.lower() not in READERS:
            if path.suffix.lower() not in {".csv", ".jsonl", ".json", ".md", ".db", ".sqlite"}:
                skipped.append(Skipped(rel, f"unsupported file type {path.suffix or '(none)'}"))
            continue
        try:
            article = read_article(path)
        except (LoadError, OSError) as exc:
            skipped.append(Skipped(rel, str(exc)))
            continue
        article = dataclasses.replace(article, article_id=rel)
        article = apply_manifest(article, manifest.get(rel) or manifest.get(path.name))
        seen.add(rel)
        seen.add(path.name)
        if article.published is None:
            notes.append(f"{rel}: no publication date in manifest, text or URL")
        articles.append(article)
    for name in manifest:
        if name not in seen:
            notes.append(f"{MANIFEST_NAME}: {name} is listed but no such article was read")
    return CorpusLoad(tuple(articles), tuple(skipped), tuple(notes))


def load_files(files: Iterable[tuple[str, bytes]]) -> CorpusLoad:
    """Read articles handed over in memory (an upload), as (file name, bytes) pairs; a bad one is skipped."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    notes: list[str] = []
    for name, data in files:
        suffix = Path(name).suffix.lower()
        if suffix not in READERS:
            skipped.append(Skipped(name, f"unsupported file type {suffix or '(none)'}"))
            continue
        try:
            article = parse_plain_text(decode_text(data), name, name)
            if not article.text.strip():
                raise LoadError("no article text left after removing page junk")
        except LoadError as exc:
            skipped.append(Skipped(name, str(exc)))
            continue
        article = apply_manifest(article, None)
        if article.published is None:
            notes.append(f"{name}: no publication date in the text or URL")
        articles.append(article)
    return CorpusLoad(tuple(articles), tuple(skipped), tuple(notes))
