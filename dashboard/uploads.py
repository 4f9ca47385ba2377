"""Articles uploaded in the page → export records, with a report line per file."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from events.pipeline import extract_corpus
from loaders.corpus import load_files

UPLOAD_TYPES = ("txt", "md", "html", "zip")


@dataclass(frozen=True, slots=True)
class FileReport:
    """What happened to one uploaded file: articles read, parts skipped (with why), events found."""

    name: str
    articles: int
    events: int
    skipped: tuple[str, ...]
    notes: tuple[str, ...]

    def summary(self) -> str:
        """One line for the page, e.g. "a.txt: 1 article read, 2 events found"."""
        parts = []
        if self.articles or not self.skipped:
            parts.append(f"{self.articles} article{'s' if self.articles != 1 else ''} read")
            parts.append(f"{self.events} event{'s' if self.events != 1 else ''} found")
        parts += [f"skipped {why}" for why in self.skipped]
        return f"{self.name}: " + ", ".join(parts)


@dataclass(frozen=True, slots=True)
class UploadResult:
    """The events of one upload (export records) and a report per file."""

    records: tuple[dict, ...]
    files: tuple[FileReport, ...]
    report: tuple[str, ...]


def _belongs(item: str, name: str) -> bool:
    """Whether an article id or skipped name comes from the uploaded file `name` (itself, or a zip member)."""
    return item == name or item.startswith(name + "/")


def process_uploads(files: Sequence[tuple[str, bytes]]) -> UploadResult:
    """Read uploaded (name, bytes) files as one corpus and extract its events; a bad file is reported, not fatal."""
    try:
        corpus = load_files(list(files))
        result = extract_corpus(corpus)
    except Exception as exc:  # the page must survive any failure and keep what it had
        why = f"could not be processed ({type(exc).__name__}: {exc})"
        return UploadResult((), tuple(FileReport(n, 0, 0, (why,), ()) for n, _ in files), (why,))
    reports = []
    for name, _ in files:
        ids = {a.article_id for a in corpus.articles if _belongs(a.article_id, name)}
        events = sum(1 for r in result.records
                     if any(str(s.get("article") or "") in ids for s in r.get("sources") or ()))
        skipped = tuple(s.reason if s.name == name else f"{s.name}: {s.reason}"
                        for s in corpus.skipped if _belongs(s.name, name))
        notes = tuple(n for n in corpus.notes if _belongs(n.split(": ", 1)[0], name))
        reports.append(FileReport(name, len(ids), events, skipped, notes))
    return UploadResult(tuple(result.records), tuple(reports), tuple(result.report))
