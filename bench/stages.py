"""Where a build's time goes: the CPU milliseconds per article of each stage, against the 500 articles/s budget.

    python -m bench.stages [--articles 1000] [--seed 1] [--repeat 3] [--corpus FOLDER]

Runs in one process over the generated corpus (or a folder of .txt articles given with `--corpus`). Each stage
is timed on its own, as the build calls it, over every article, and the best of `--repeat` runs is kept:

- read: the corpus is listed, decoded and cleaned into articles (`loaders.corpus.load_corpus`);
- anchor: the publication date each article is resolved against (`events.published.publication_anchor`);
- extract: the whole of `events.assemble.extract_events`, and inside it (timed again on their own)
  - mentions: actors' names and aliases (`events.actors.find_mentions`),
  - dates: the temporal resolver (`events.dates.find_dates`),
  - sentences: lower-casing and sentence splitting;
  - what is left of `extract` is the clause logic (triggers, parties, dates of clauses, grouping, titles);
- merge: the same contact told by several articles becomes one event (`events.merge.merge_events`);
- records: events turned into export rows (`events.records.to_record`).

500 articles per second on one core leaves 2 ms per article for all of these together; the last column says
what share of that budget each stage alone takes. Times are CPU time (`time.process_time`), which a shared
machine's load moves less than wall time; `bench.instructions` gives the steadier instruction count.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT_DIR, print_machine
from bench.generate_corpus import add_corpus_arguments, corpus_folder
from events.actors import find_mentions
from events.assemble import extract_events
from events.casefold import lower_text
from events.dates import find_dates
from events.gazetteer import load_gazetteer
from events.merge import merge_events
from events.model import Precision
from events.published import publication_anchor
from events.records import to_record
from events.sentences import split_sentences
from loaders.corpus import load_corpus

BUDGET_MS = 1000 / 500  # 500 articles per second on one core


def best_cpu(work: Callable[[], object], repeat: int) -> float:
    """The smallest CPU time, in seconds, of `repeat` runs of `work`."""
    best = float("inf")
    for _ in range(max(repeat, 1)):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def stage_times(folder: Path, repeat: int) -> tuple[int, dict[str, float]]:
    """The number of articles and each stage's best CPU seconds over all of them."""
    gazetteer = load_gazetteer()
    corpus = load_corpus(folder)
    articles = corpus.articles
    anchors = [publication_anchor(a, gazetteer)[0] for a in articles]
    days = [a.value if a is not None and a.precision is Precision.DAY else None for a in anchors]
    found: list = []

    def extract() -> None:
        found.clear()
        for article, anchor in zip(articles, anchors, strict=True):
            found.extend(extract_events(article, gazetteer, anchor))

    times = {
        "read": best_cpu(lambda: load_corpus(folder), repeat),
        "anchor": best_cpu(lambda: [publication_anchor(a, gazetteer) for a in articles], repeat),
        "extract": best_cpu(extract, repeat),
        "  mentions": best_cpu(
            lambda: [find_mentions(a.text, gazetteer, d) for a, d in zip(articles, days, strict=True)], repeat),
        "  dates": best_cpu(lambda: [find_dates(a.text, n) for a, n in zip(articles, anchors, strict=True)], repeat),
        "  sentences": best_cpu(lambda: [split_sentences(a.text, lower_text(a.text)) for a in articles], repeat),
    }
    times["  clause logic (rest)"] = times["extract"] - sum(
        times[k] for k in ("  mentions", "  dates", "  sentences"))
    times["merge"] = best_cpu(lambda: merge_events(list(found)), repeat)
    events = merge_events(list(found))
    times["records"] = best_cpu(lambda: [to_record(e) for e in events], repeat)
    return len(articles), times


def main(argv: list[str] | None = None) -> int:
    """Time each stage and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(parser, articles=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best is kept (default 3)")
    args = parser.parse_args(argv)
    print_machine()
    folder = corpus_folder(args, OUT_DIR)
    count, times = stage_times(folder, args.repeat)
    if count == 0:
        print(f"no articles in {folder}")
        return 1
    print(f"== {folder}: {count} articles, best of {args.repeat} runs per stage (CPU time)")
    print(f"{'stage':24s} {'ms/article':>10s} {'of the 2 ms budget':>19s}")
    for name, seconds in times.items():
        per = 1000 * seconds / count
        print(f"{name:24s} {per:10.2f} {per / BUDGET_MS:18.0%}")
    total = sum(v for k, v in times.items() if not k.startswith(" "))
    per = 1000 * total / count
    print(f"{'total (top-level rows)':24s} {per:10.2f} {per / BUDGET_MS:18.0%}  -> {count / total:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
