"""Folder in, events out: load the corpus, extract each article (in parallel, reusing the store), merge."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

from events.assemble import extract_events
from events.gazetteer import load_gazetteer
from events.merge import merge_events
from events.model import Event
from events.published import publication_anchor
from events.records import to_record
from events.store import Store, StoredFile, open_store
from loaders.article import Article
from loaders.corpus import (
    CorpusLoad,
    FileLoad,
    Manifest,
    list_corpus,
    load_manifest,
    read_corpus_file,
    read_file_bytes,
)
from loaders.duplicates import DuplicateFilter
from loaders.options import ReadOptions
from loaders.report import LoadError, Skipped

CHUNK = 8                 # articles sent to a worker at a time
WINDOW_PER_JOB = 4 * CHUNK  # articles held in memory per worker while extracting
MIN_PARALLEL = 100        # fewer articles than this are extracted in-process: starting workers costs more
READ_WINDOW_BYTES = 64 * 2**20  # file bytes held at a time while workers read files


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The events of a corpus, their export records, and the build report."""

    events: tuple[Event, ...]
    records: tuple[dict, ...]
    report: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """One article's events, a note when its date had to be inferred, or why extraction failed."""

    article_id: str
    events: tuple[Event, ...]
    note: str | None
    error: str | None


def _tree_hash(package_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".toml", ".csv", ".json"}:
            digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def extractor_version() -> str:
    """A hash of the events package's code and data: a change to either invalidates stored extractions."""
    return _tree_hash(Path(__file__).parent)


@cache
def loader_version() -> str:
    """A hash of the loaders package's code and data, and of the places file its sign-off lines are read against:
    a change to any makes every file be read again."""
    import loaders
    from loaders.plain import PLACES_PATH

    digest = hashlib.sha256(_tree_hash(Path(loaders.__file__).parent).encode() + PLACES_PATH.read_bytes())
    return digest.hexdigest()[:16]


def extract_article(article: Article) -> Extraction:
    """The events of one article against its publication anchor; a failure is reported, never raised."""
    gazetteer = load_gazetteer()
    anchor, why = publication_anchor(article, gazetteer)
    note = why if article.published is None else None
    try:
        return Extraction(article.article_id, extract_events(article, gazetteer, anchor), note, None)
    except Exception as exc:  # one article's failure must not lose the rest of the corpus
        return Extraction(article.article_id, (), note, f"extraction failed ({type(exc).__name__}: {exc})")


def _init_worker() -> None:
    load_gazetteer()  # once per worker process


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def extract_stream(articles: Iterable[Article], jobs: int = 1) -> Iterator[Extraction]:
    """Extractions in the order of `articles`, by `jobs` worker processes; only a bounded window is held."""
    articles = iter(articles)
    window = max(jobs, 1) * WINDOW_PER_JOB
    first = list(islice(articles, max(window, MIN_PARALLEL)))
    if jobs <= 1 or len(first) < MIN_PARALLEL:
        yield from (extract_article(a) for a in first)
        yield from (extract_article(a) for a in articles)
        return
    with multiprocessing.get_context().Pool(jobs, initializer=_init_worker) as pool:
        batch = first
        while batch:
            yield from pool.imap(extract_article, batch, chunksize=CHUNK)
            batch = list(islice(articles, window))


@dataclass(frozen=True, slots=True)
class _Pending:
    """A corpus file before reading: its bytes when they must be read, or what the store holds for it."""

    rel: str
    file_key: str
    stored: StoredFile | None
    data: bytes | None
    error: str | None = None


_reader_settings: tuple[Manifest, ReadOptions] | None = None


def _init_reader(manifest: Manifest, options: ReadOptions) -> None:
    global _reader_settings
    _reader_settings = (manifest, options)  # once per worker, not with every file


def _read_task(task: tuple[str, bytes]) -> FileLoad:
    assert _reader_settings is not None
    return read_corpus_file(task[0], task[1], *_reader_settings)


def _pending_files(db: Store, files: list[tuple[str, Path]], settings: str) -> Iterator[_Pending]:
    """Each file's bytes and key, in order; the stored state of a file that has not changed."""
    for rel, path in files:
        try:
            data = read_file_bytes(rel, path)
        except LoadError as exc:
            yield _Pending(rel, "", None, None, str(exc))
            continue
        file_key = _key(settings, hashlib.sha256(data).hexdigest())
        stored = db.file(rel)
        if stored is not None and stored.file_key == file_key:
            yield _Pending(rel, file_key, stored, None)
        else:
            yield _Pending(rel, file_key, None, data)


def read_stream(pending: Iterable[_Pending], manifest: Manifest, options: ReadOptions,
                jobs: int = 1) -> Iterator[tuple[_Pending, FileLoad | None]]:
    """Each pending file with what reading it gave (None when it was not read), in order, by `jobs` worker
    processes; only a bounded window of files (by count and by bytes) is held."""
    if jobs <= 1:
        for item in pending:
            yield item, read_corpus_file(item.rel, item.data, manifest, options) if item.data is not None else None
        return
    pending = iter(pending)
    window = jobs * WINDOW_PER_JOB
    with multiprocessing.get_context().Pool(jobs, initializer=_init_reader, initargs=(manifest, options)) as pool:

        def submit() -> list[tuple[_Pending, Iterator[FileLoad]]]:
            batch, size = [], 0
            for item in pending:  # the next window: so many files or so many bytes
                batch.append(item)
                size += len(item.data or b"")
                if len(batch) >= window or size >= READ_WINDOW_BYTES:
                    break
            loads = pool.imap(_read_task, [(p.rel, p.data) for p in batch if p.data is not None], chunksize=CHUNK)
            return [(item, loads) for item in batch]

        current = submit()
        while current:
            upcoming = submit()  # the workers read the next window while this one is stored
            for item, loads in current:
                yield item, next(loads) if item.data is not None else None
            current = upcoming


def _merge(found: list[Event], report: list[str]) -> tuple[Event, ...]:
    events = merge_events(found)
    report.append(f"events found: {len(events)} ({len(found)} reports, "
                  f"{len(found) - len(events)} merged across articles)")
    return tuple(events)


def extract_corpus(corpus: CorpusLoad, jobs: int = 1) -> BuildResult:
    """The events of articles already loaded (a folder or an upload), merged across articles, with a report."""
    report = [f"articles read: {len(corpus.articles)}"]
    report += [s.line() for s in corpus.skipped]
    report += [f"note: {n}" for n in corpus.notes]
    found: list[Event] = []
    for done in extract_stream(corpus.articles, jobs):
        if done.note:
            report.append(f"note: {done.article_id}: {done.note}")
        if done.error:
            report.append(f"skipped {done.article_id}: {done.error}")
        found.extend(done.events)
    events = _merge(found, report)
    return BuildResult(events, tuple(to_record(e) for e in events), tuple(report))


def _key(*parts: object) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()


def build(corpus_dir: Path, use_manifest: bool = True, *, store: Path | str | None = None, jobs: int = 1,
          options: ReadOptions | None = None, load: bool = True) -> BuildResult:
    """Read every article of `corpus_dir` and return its events; a bad file is reported, never fatal.

    With `store` (a SQLite file), files whose bytes, manifest and options are unchanged are not read again and
    articles whose text and metadata are unchanged are not extracted again; without it a temporary store is used
    (on disk, so article texts are not all held in memory) and deleted afterwards. With `load` false the result
    carries only the report (the events stay in the store, for callers that read them from there): an unchanged
    corpus then reads no event at all, and a changed one never holds its export records in memory."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"not a folder: {folder}")
    options = options or ReadOptions()
    manifest = load_manifest(folder, use_manifest)
    settings = _key(loader_version(), use_manifest, manifest.digest, options.key())
    with (tempfile.TemporaryDirectory(prefix="timeline-") as scratch,
          open_store(store or Path(scratch) / "store.sqlite") as db, db.transaction()):
        return _build_in(db, folder, manifest, settings, options, jobs, load)


def _build_in(db: Store, folder: Path, manifest: Manifest, settings: str, options: ReadOptions,
              jobs: int, load: bool = True) -> BuildResult:
    files, unknown = list_corpus(folder)
    lines: list[str] = [s.line() for s in unknown] + [f"note: {n}" for n in manifest.notes]
    kept: list[str] = []
    kept_keys: list[str] = []
    wanted: dict[str, str] = {}  # article id -> events key, for the articles to extract
    seen: set[str] = set()
    duplicates = DuplicateFilter()
    files_read = 0
    read_jobs = jobs if len(files) >= MIN_PARALLEL else 1  # starting workers costs more for a few files
    for item, fresh in read_stream(_pending_files(db, files, settings), manifest, options, read_jobs):
        if item.error is not None:
            db.forget_file(item.rel)
            lines.append(Skipped(item.rel, item.error).line())
            continue
        if fresh is None:
            assert item.stored is not None
            skipped, notes, articles = item.stored.skipped, item.stored.notes, item.stored.articles
        else:
            skipped, notes, articles = fresh.skipped, fresh.notes, db.put_file(fresh, item.file_key)
            files_read += 1
        lines += [s.line() for s in skipped] + [f"note: {n}" for n in notes]
        for article in articles:
            seen.update((article.article_id, Path(article.article_id).name))
            why = duplicates.check(article.article_id, article.content_hash, article.url)
            if why:
                lines.append(f"note: {article.article_id}: {why}")
                continue
            kept.append(article.article_id)
            key = _key(extractor_version(), article.article_hash)
            kept_keys.append(f"{article.article_id}:{key}")
            if article.events_key != key:
                wanted[article.article_id] = key
    removed = db.forget_files_except({rel for rel, _ in files})
    lines += [f"note: {n}" for n in manifest.unused_notes(seen)]
    for done in extract_stream(db.articles(list(wanted)), jobs):
        db.put_events(done.article_id, None if done.error else wanted[done.article_id], done.events,
                      done.error or done.note)
    for article_id, note in db.extract_notes(kept):
        failed = note.startswith("extraction failed")
        lines.append(f"skipped {article_id}: {note}" if failed else f"note: {article_id}: {note}")
    report = [f"articles read: {len(kept)}",
              f"extraction: {len(wanted)} articles extracted, {len(kept) - len(wanted)} reused from the store; "
              f"{files_read} of {len(files)} files read again, {removed} removed files forgotten",
              *lines]
    merge_key = _key(*kept_keys)
    merge_line = db.merge_line(merge_key) if not wanted else None
    if merge_line is not None:  # the same events as last time: merging them again would give the same result
        report.append(merge_line)
        db.put_report(report)
        if not load:
            return BuildResult((), (), tuple(report))
        events, records, _ = db.merged(merge_key)
        return BuildResult(events, records, tuple(report))
    found = [event for article_id in kept for event in db.events(article_id)[0]]
    events = _merge(found, report)
    del found
    db.put_results(((to_record(e), e) for e in events), report, merge_key)
    if not load:
        return BuildResult((), (), tuple(report))
    return BuildResult(events, tuple(to_record(e) for e in events), tuple(report))


__all__ = ["BuildResult", "Extraction", "build", "default_jobs", "extract_article",
           "extract_corpus", "extract_stream", "extractor_version", "loader_version"]
