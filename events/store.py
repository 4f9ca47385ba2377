"""The embedded SQLite store of a corpus: files read, articles, their events, and the merged export records.

One build is one transaction: a build killed halfway leaves the previous state intact."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from events.codec import article_from_dict, article_to_dict, event_from_dict, event_to_dict
from events.model import Event
from loaders.article import Article
from loaders.corpus import FileLoad
from loaders.duplicates import content_hash
from loaders.report import Skipped

STORE_DIR = ".timeline"
STORE_NAME = "store.sqlite"
SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    file_key TEXT NOT NULL,        -- hash of the bytes, loader version, manifest and read options
    skipped TEXT NOT NULL,         -- JSON [[name, reason], ...]
    notes TEXT NOT NULL            -- JSON ["name: text", ...]
);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    content_hash TEXT NOT NULL,    -- hash of the clean text, for duplicates
    article_hash TEXT NOT NULL,    -- hash of the whole article (text and metadata)
    url TEXT, title TEXT, published TEXT, outlet TEXT,
    article TEXT NOT NULL,         -- JSON of the article: clean text, metadata, offsets
    events_key TEXT,               -- extractor version + article_hash the events were made with
    events TEXT,                   -- JSON of the article's events before cross-article merging
    extract_note TEXT              -- what extraction said (no publication date, failure)
);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles(path, position);
CREATE TABLE IF NOT EXISTS records (
    position INTEGER PRIMARY KEY,
    record TEXT NOT NULL,          -- the export record (what --out writes)
    event TEXT NOT NULL            -- the merged event it came from
);
CREATE TABLE IF NOT EXISTS report (position INTEGER PRIMARY KEY, line TEXT NOT NULL);
"""


def default_store_path(corpus_dir: Path) -> Path:
    """Where a corpus keeps its store when `--store` is not given: CORPUS/.timeline/store.sqlite."""
    return Path(corpus_dir) / STORE_DIR / STORE_NAME


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the store knows about an article without reading its text."""

    article_id: str
    content_hash: str
    article_hash: str
    url: str | None
    events_key: str | None


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file as last read: its key, what was skipped in it, its notes and its articles."""

    file_key: str
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]
    articles: tuple[StoredArticle, ...]


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """A connection to one store file; use `transaction()` around every change."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything inside is committed together, or rolled back on any error or interruption."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def file(self, path: str) -> StoredFile | None:
        """The stored state of a file, or None when it was never read."""
        row = self._db.execute("SELECT file_key, skipped, notes FROM files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return None
        articles = tuple(StoredArticle(*r) for r in self._db.execute(
            "SELECT article_id, content_hash, article_hash, url, events_key FROM articles "
            "WHERE path = ? ORDER BY position", (path,)))
        return StoredFile(row[0], tuple(Skipped(n, r) for n, r in json.loads(row[1])), tuple(json.loads(row[2])),
                          articles)

    def put_file(self, load: FileLoad, file_key: str) -> tuple[StoredArticle, ...]:
        """Replace what is stored for a file by a fresh read of it; events are kept for articles that did not change."""
        previous = {row[0]: row[1:] for row in self._db.execute(
            "SELECT article_id, article_hash, events_key, events, extract_note FROM articles WHERE path = ?",
            (load.name,))}
        self.forget_file(load.name)
        self._db.execute("INSERT INTO files (path, file_key, skipped, notes) VALUES (?, ?, ?, ?)",
                         (load.name, file_key, _dumps([[s.name, s.reason] for s in load.skipped]),
                          _dumps(list(load.notes))))
        stored = []
        for position, article in enumerate(load.articles):
            body = _dumps(article_to_dict(article))
            article_hash = _sha(body)
            old_hash, events_key, events, note = previous.get(article.article_id, (None, None, None, None))
            if old_hash != article_hash:
                events_key = events = note = None
            item = StoredArticle(article.article_id, content_hash(article.text), article_hash, article.url, events_key)
            self._db.execute(
                "INSERT OR REPLACE INTO articles (article_id, path, position, content_hash, article_hash, url, title, "
                "published, outlet, article, events_key, events, extract_note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.article_id, load.name, position, item.content_hash, item.article_hash, article.url,
                 article.title, article.published.isoformat() if article.published else None, article.outlet, body,
                 events_key, events, note))
            stored.append(item)
        return tuple(stored)

    def forget_file(self, path: str) -> None:
        """Remove a file and its articles and events."""
        self._db.execute("DELETE FROM articles WHERE path = ?", (path,))
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    def forget_files_except(self, keep: set[str]) -> int:
        """Remove every file not in `keep` (deleted from the corpus); how many were removed."""
        gone = [p for (p,) in self._db.execute("SELECT path FROM files") if p not in keep]
        for path in gone:
            self.forget_file(path)
        return len(gone)

    def articles(self, article_ids: Iterable[str]) -> Iterator[Article]:
        """The stored articles with these ids, in the order asked, read a few at a time."""
        ids = list(article_ids)
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            rows = dict(self._db.execute(
                f"SELECT article_id, article FROM articles WHERE article_id IN ({','.join('?' * len(chunk))})", chunk))
            for article_id in chunk:
                yield article_from_dict(json.loads(rows[article_id]))

    def put_events(self, article_id: str, events_key: str | None, events: Iterable[Event], note: str | None) -> None:
        """Keep an article's extracted events; `events_key` None means "extract again next time"."""
        self._db.execute("UPDATE articles SET events_key = ?, events = ?, extract_note = ? WHERE article_id = ?",
                         (events_key, _dumps([event_to_dict(e) for e in events]), note, article_id))

    def events(self, article_id: str) -> tuple[tuple[Event, ...], str | None]:
        """An article's stored events and extraction note."""
        row = self._db.execute("SELECT events, extract_note FROM articles WHERE article_id = ?",
                               (article_id,)).fetchone()
        if row is None or row[0] is None:
            return (), None
        return tuple(event_from_dict(e) for e in json.loads(row[0])), row[1]

    def extract_notes(self, article_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(article id, note) for the articles whose extraction left a note, in the order asked."""
        notes = dict(self._db.execute("SELECT article_id, extract_note FROM articles WHERE extract_note IS NOT NULL"))
        return ((a, notes[a]) for a in article_ids if a in notes)

    def put_results(self, results: Iterable[tuple[dict, Event]], report: Iterable[str], merge_key: str) -> None:
        """Replace the merged events with their export records (streamed: never all in memory as JSON) and the
        build report; `merge_key` names the input."""
        self._db.execute("DELETE FROM records")
        self._db.executemany("INSERT INTO records (position, record, event) VALUES (?, ?, ?)",
                             ((i, _dumps(r), _dumps(event_to_dict(e))) for i, (r, e) in enumerate(results)))
        report = self.put_report(report)
        merge_line = next((line for line in reversed(report) if line.startswith("events found:")), "")
        self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                             [("merge_key", merge_key), ("merge_line", merge_line)])

    def put_report(self, report: Iterable[str]) -> list[str]:
        """Replace the build report."""
        self._db.execute("DELETE FROM report")
        report = list(report)
        self._db.executemany("INSERT INTO report (position, line) VALUES (?, ?)", enumerate(report))
        return report

    def merge_line(self, merge_key: str) -> str | None:
        """The report line of the last merge when its input had this key (its results are still stored), else None."""
        meta = dict(self._db.execute("SELECT key, value FROM meta WHERE key IN ('merge_key', 'merge_line')"))
        if not merge_key or meta.get("merge_key") != merge_key:
            return None
        return meta.get("merge_line", "")

    def merged(self, merge_key: str) -> tuple[tuple[Event, ...], tuple[dict, ...], str] | None:
        """The merged events, records and report line of the last build when its input had this key, else None."""
        meta = dict(self._db.execute("SELECT key, value FROM meta WHERE key IN ('merge_key', 'merge_line')"))
        if not merge_key or meta.get("merge_key") != merge_key:
            return None
        rows = self._db.execute("SELECT record, event FROM records ORDER BY position").fetchall()
        return (tuple(event_from_dict(json.loads(e)) for _, e in rows), tuple(json.loads(r) for r, _ in rows),
                meta.get("merge_line", ""))

    def records(self) -> tuple[dict, ...]:
        """The merged export records of the last build."""
        return tuple(json.loads(r) for (r,) in self._db.execute("SELECT record FROM records ORDER BY position"))

    def report(self) -> tuple[str, ...]:
        """The report of the last build."""
        return tuple(line for (line,) in self._db.execute("SELECT line FROM report ORDER BY position"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def open_store(path: Path | str) -> Iterator[Store]:
    """Open (creating when needed) the store at `path`; ":memory:" for a store that lives only during the call."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        version = _schema_version(connection)
        if version not in (None, SCHEMA_VERSION):
            connection.executescript("DROP TABLE IF EXISTS records; DROP TABLE IF EXISTS report; "
                                     "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS files; "
                                     "DROP TABLE IF EXISTS meta;")
        connection.executescript(_SCHEMA)
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        yield Store(connection)
    finally:
        connection.close()


def _schema_version(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def load_records(store_path: Path | str) -> tuple[dict, ...]:
    """The merged export records kept in a store by the last build (what `--out` writes)."""
    return tuple(iter_records(store_path))


def iter_records(store_path: Path | str) -> Iterator[dict]:
    """The same records one at a time, for writing a large export without holding it in memory."""
    path = Path(store_path)
    if not path.is_file():
        raise FileNotFoundError(f"no store at {path}")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for (record,) in connection.execute("SELECT record FROM records ORDER BY position"):
            yield json.loads(record)
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path} is not a timeline store ({exc})") from exc
    finally:
        connection.close()
