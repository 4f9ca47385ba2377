"""Folder in, events out: load the corpus, extract each article, merge across articles."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from events.assemble import extract_events
from events.gazetteer import load_gazetteer
from events.merge import merge_events
from events.model import Event
from events.published import publication_anchor
from events.records import to_record
from loaders.corpus import CorpusLoad, load_corpus


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The events of a corpus, their export records, and the build report."""

    events: tuple[Event, ...]
    records: tuple[dict, ...]
    report: tuple[str, ...]


def build(corpus_dir: Path, use_manifest: bool = True) -> BuildResult:
    """Read every article of `corpus_dir` and return its events; a bad file is reported, never fatal."""
    return extract_corpus(load_corpus(Path(corpus_dir), use_manifest=use_manifest))


def extract_corpus(corpus: CorpusLoad) -> BuildResult:
    """The events of articles already loaded (a folder or an upload), merged across articles, with a report."""
    gazetteer = load_gazetteer()
    report = [f"articles read: {len(corpus.articles)}"]
    report += [f"skipped {s.name}: {s.reason}" for s in corpus.skipped]
    report += [f"note: {n}" for n in corpus.notes]
    found = []
    for article in corpus.articles:
        anchor, why = publication_anchor(article, gazetteer)
        if article.published is None:
            report.append(f"note: {article.article_id}: {why}")
        try:
            found.extend(extract_events(article, gazetteer, anchor))
        except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the rest of the corpus
            report.append(f"skipped {article.article_id}: extraction failed ({type(exc).__name__}: {exc})")
    events = merge_events(found)
    report.append(f"events found: {len(events)} ({len(found)} reports, "
                  f"{len(found) - len(events)} merged across articles)")
    return BuildResult(tuple(events), tuple(to_record(e) for e in events), tuple(report))
