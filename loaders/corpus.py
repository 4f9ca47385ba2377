"""Load a folder (read recursively) or uploaded files, with the folder's optional `manifest.csv`
(file, published, outlet, url[, title]); one bad file never stops the others."""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from loaders.article import Article, DateSource
from loaders.datelines import find_url_date
from loaders.duplicates import DuplicateFilter, content_hash
from loaders.options import ReadOptions
from loaders.readers import READERS, read_bytes
from loaders.report import LoadError, Note, Skipped

__all__ = ["CorpusLoad", "FileLoad", "Manifest", "ManifestRow", "Skipped", "list_corpus", "load_corpus",
           "load_files", "read_corpus_file", "read_file_bytes", "read_manifest"]

MANIFEST_NAME = "manifest.csv"
NOT_ARTICLES = {"gold.jsonl", "readme.md", "readme.txt", "license", "license.txt", "license.md", "changelog.md"}
QUIET_SUFFIXES = {".db", ".sqlite", ".sqlite3", ".sqlite-journal", ".sqlite-wal", ".sqlite-shm", ".ds_store"}


@dataclass(frozen=True, slots=True)
class ManifestRow:
    """What a manifest says about one file; empty fields are None."""

    file: str
    published: date | None
    outlet: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A corpus manifest: rows by file name, notes on rows that could not be used, and a hash of its bytes."""

    rows: dict[str, ManifestRow]
    notes: tuple[str, ...]
    digest: str

    def row_for(self, article_id: str) -> ManifestRow | None:
        """The row naming an article, by its id (path in the corpus) or its file name."""
        return self.rows.get(article_id) or self.rows.get(PurePosixPath(article_id).name)

    def unused_notes(self, seen: set[str]) -> tuple[str, ...]:
        """Notes for rows naming a file that was not read (`seen`: article ids and file names read)."""
        return tuple(f"{MANIFEST_NAME}: {name} is listed but no such article was read"
                     for name in self.rows if name not in seen)


NO_MANIFEST = Manifest({}, (), "")


@dataclass(frozen=True, slots=True)
class CorpusLoad:
    """The articles of a folder, what was skipped, and notes for the build report."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileLoad:
    """What one file gave: its articles, what was skipped in it, and notes ("name: text")."""

    name: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]


def _field(row: dict[str, str | None], name: str) -> str | None:
    value = (row.get(name) or "").strip()
    return value or None


def read_manifest(path: Path) -> tuple[dict[str, ManifestRow], tuple[str, ...]]:
    """Rows of a manifest keyed by file name, and notes about rows that could not be used."""
    manifest = manifest_from_bytes(Path(path).read_bytes(), Path(path).name)
    return manifest.rows, manifest.notes


def manifest_from_bytes(data: bytes, name: str = MANIFEST_NAME) -> Manifest:
    """A manifest from its bytes; a row with no file or an impossible date is noted, not fatal."""
    rows: dict[str, ManifestRow] = {}
    notes: list[str] = []
    digest = hashlib.sha256(data).hexdigest()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace"), newline=""))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        return Manifest({}, (f"{name}: no 'file' column; manifest ignored",), digest)
    for line_no, row in enumerate(reader, start=2):
        file = _field(row, "file")
        if not file:
            notes.append(f"{name} line {line_no}: no file name; row ignored")
            continue
        published = None
        text = _field(row, "published")
        if text:
            try:
                published = date.fromisoformat(text[:10])
            except ValueError:
                notes.append(f"{name} line {line_no}: impossible date {text!r} for {file}; ignored")
        rows[file] = ManifestRow(file, published, _field(row, "outlet"), _field(row, "url"), _field(row, "title"))
    return Manifest(rows, tuple(notes), digest)


def load_manifest(folder: Path, use_manifest: bool = True) -> Manifest:
    """The folder's manifest, or an empty one when there is none or it is not wanted."""
    path = Path(folder) / MANIFEST_NAME
    if not use_manifest or not path.is_file():
        return NO_MANIFEST
    return manifest_from_bytes(path.read_bytes())


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


def _hidden(rel: PurePosixPath) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in rel.parts)


def list_corpus(folder: Path) -> tuple[tuple[tuple[str, Path], ...], tuple[Skipped, ...]]:
    """The files of a folder to read, as (path relative to the folder, path), sorted; and files of no known type.

    Hidden files and folders (the store lives in `.timeline/`), the manifest and gold/readme files are left out."""
    folder = Path(folder)
    files: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = PurePosixPath(path.relative_to(folder).as_posix())
        name = rel.name.lower()
        if _hidden(rel) or str(rel) == MANIFEST_NAME or name in NOT_ARTICLES or rel.suffix.lower() in QUIET_SUFFIXES:
            continue
        if rel.suffix.lower() not in READERS:
            skipped.append(Skipped(str(rel), f"unsupported file type {rel.suffix or '(none)'}"))
            continue
        files.append((str(rel), path))
    return tuple(files), tuple(skipped)


def read_corpus_file(name: str, data: bytes, manifest: Manifest = NO_MANIFEST,
                     options: ReadOptions | None = None) -> FileLoad:
    """Everything one file gives, with the manifest applied; never raises for bad content."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    notes: list[str] = []
    try:
        for item in read_bytes(name, data, options):
            if isinstance(item, Skipped):
                skipped.append(item)
            elif isinstance(item, Note):
                notes.append(f"{item.name}: {item.text}")
            else:
                article = apply_manifest(item, manifest.row_for(item.article_id))
                if article.published is None:
                    where = "manifest, text or URL" if manifest.rows else "text or URL"
                    notes.append(f"{article.article_id}: no publication date in the {where}")
                articles.append(article)
    except LoadError as exc:
        skipped.append(Skipped(name, str(exc)))
    except Exception as exc:  # a reader's bug on one file must not lose the corpus
        skipped.append(Skipped(name, f"could not be read ({type(exc).__name__}: {exc})"))
    return FileLoad(name, tuple(articles), tuple(skipped), tuple(notes))


def read_file_bytes(rel: str, path: Path) -> bytes:
    """The bytes of a corpus file; LoadError when it is over its format's size limit or cannot be read."""
    limit = READERS[PurePosixPath(rel).suffix.lower()].max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(f"file too large ({size:,} bytes; limit {limit:,})")
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot be read ({exc.strerror or exc})") from exc


def read_path(rel: str, path: Path, manifest: Manifest = NO_MANIFEST, options: ReadOptions | None = None) -> FileLoad:
    """`read_corpus_file` for a file on disk; the size limit is checked before reading it."""
    try:
        data = read_file_bytes(rel, path)
    except LoadError as exc:
        return FileLoad(rel, (), (Skipped(rel, str(exc)),), ())
    return read_corpus_file(rel, data, manifest, options)


def _gather(loads: Iterable[FileLoad], manifest: Manifest, extra_skipped: Iterable[Skipped] = ()) -> CorpusLoad:
    articles: list[Article] = []
    skipped: list[Skipped] = list(extra_skipped)
    notes: list[str] = list(manifest.notes)
    seen: set[str] = set()
    duplicates = DuplicateFilter()
    for load in loads:
        skipped.extend(load.skipped)
        notes.extend(load.notes)
        for article in load.articles:
            seen.update((article.article_id, PurePosixPath(article.article_id).name))
            why = duplicates.check(article.article_id, content_hash(article.text), article.url)
            if why:
                notes.append(f"{article.article_id}: {why}")
            else:
                articles.append(article)
    notes.extend(manifest.unused_notes(seen))
    return CorpusLoad(tuple(articles), tuple(skipped), tuple(notes))


def iter_folder(folder: Path, manifest: Manifest, options: ReadOptions | None = None) -> Iterator[FileLoad]:
    """The loads of a folder's files one at a time, in path order (files of unknown type left out)."""
    files, _ = list_corpus(folder)
    for rel, path in files:
        yield read_path(rel, path, manifest, options)


def load_corpus(folder: Path, use_manifest: bool = True, options: ReadOptions | None = None) -> CorpusLoad:
    """Read every article file in `folder` (recursively); one bad file never stops the others."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"not a folder: {folder}")
    manifest = load_manifest(folder, use_manifest)
    _, unknown = list_corpus(folder)
    return _gather(iter_folder(folder, manifest, options), manifest, unknown)


def load_files(files: Iterable[tuple[str, bytes]], options: ReadOptions | None = None) -> CorpusLoad:
    """Read articles handed over in memory (an upload), as (file name, bytes) pairs, in any format READERS knows."""
    return _gather((read_corpus_file(name, data, NO_MANIFEST, options) for name, data in files), NO_MANIFEST)
