"""Build throughput on a generated corpus: one process and all cores, against a bare dateparser pass.

    python -m bench.build_throughput --articles 10000 --seed 1

Each build is `python -m events build` in a fresh child process (with a fresh `--store` when the build has one);
peak RSS is that child's. The bare `dateparser.search_dates(text, languages=["en"])` pass is slow, so it runs on
an evenly spaced sample of the same files and is extrapolated per article.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    NOT_AVAILABLE,
    OUT_DIR,
    RunResult,
    Timer,
    build_command,
    build_features,
    corpus_size,
    print_machine,
    rate_line,
    run_measured,
    verdict,
)
from bench.generate_corpus import ensure_corpus

TARGET_RATE = 500  # articles per second on one core
TARGET_RATIO = 10  # times faster than the bare search_dates pass
TARGET_RSS_MB = 500  # for a 10,000-article build


def search_dates_seconds(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds per article of a bare `search_dates(text, languages=["en"])` (after a warm-up)."""
    from dateparser.search import search_dates

    search_dates("The talks were held on 3 March 2021.", languages=["en"])  # loads dateparser's data once
    texts = [p.read_text(encoding="utf-8") for p in files]
    with Timer() as timer:
        for text in texts:
            search_dates(text, languages=["en"])
    return timer.seconds / len(texts), timer.cpu / len(texts)


def sample_files(folder: Path, size: int) -> list[Path]:
    """An evenly spaced, repeatable sample of the corpus files."""
    files = sorted(folder.glob("*.txt"))
    step = max(1, len(files) // size)
    return files[::step][:size]


def events_written(run: RunResult) -> str:
    """The event count the build printed, or '?'."""
    found = re.search(r"wrote (\d+) events", run.output)
    return found.group(1) if found else "?"


def main(argv: list[str] | None = None) -> int:
    """Measure and print the build and search_dates figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default bench/out/corpus-nN-sS)")
    parser.add_argument("--sample", type=int, default=500, help="articles for the search_dates pass (default 500)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cores for the parallel build")
    parser.add_argument("--timeout", type=float, default=None, help="stop a build after this many seconds")
    args = parser.parse_args(argv)
    corpus = args.corpus or OUT_DIR / f"corpus-n{args.articles}-s{args.seed}"

    print_machine()
    made = ensure_corpus(corpus, args.articles, args.seed)
    articles, total_bytes = corpus_size(corpus)
    print(f"== corpus: {corpus} ({'generated' if made else 'reused'}), {articles} articles, "
          f"{total_bytes / 1e6:.1f} MB, seed {args.seed}")
    features = build_features()
    runs: list[tuple[str, int | None]] = [("one process (--jobs 1)", 1), (f"all cores (--jobs {args.jobs})", args.jobs)]
    if not features.jobs:
        runs = [("default build (one process)", None)]
        print(f"note: --jobs: {NOT_AVAILABLE}; the all-cores build is skipped")
    if not features.store:
        print(f"note: --store: {NOT_AVAILABLE}; every build is a full build")

    print("== build: python -m events build")
    done: list[RunResult] = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        for number, (label, jobs) in enumerate(runs):
            store = Path(tmp) / f"store-{number}.sqlite" if features.store else None
            cmd = build_command(corpus, Path(tmp) / f"events-{number}.jsonl", jobs=jobs, store=store)
            run = run_measured(cmd, Path(tmp) / f"build-{number}.log", timeout=args.timeout)
            print("  " + rate_line(label, run, articles, total_bytes) + f", {events_written(run)} events")
            done.append(run)
    if len(done) == 2 and all(r.code == 0 for r in done):
        print(f"  all cores vs one process: {done[0].wall / done[1].wall:.2f}x faster")
    single = done[0] if done[0].code == 0 else None

    sample = sample_files(corpus, args.sample)
    per_article, cpu_per_article = search_dates_seconds(sample)
    print(f"== bare dateparser.search_dates(text, languages=['en']) on {len(sample)} evenly spaced articles:")
    print(f"  {per_article * 1000:.1f} ms per article ({cpu_per_article * 1000:.1f} ms CPU), "
          f"{1 / per_article:.1f} articles/s; extrapolated to {articles} articles: {per_article * articles:.1f} s")

    print("== targets (CPU-time figures in brackets: steadier on a shared machine)")
    if single is None:
        print("  no successful single-process build to compare")
        return 1
    rate, cpu_rate = articles / single.wall, articles / single.cpu
    ratio, cpu_ratio = per_article * articles / single.wall, cpu_per_article * articles / single.cpu
    print(f"  one process: {rate:.1f} articles/s [{cpu_rate:.1f} per CPU second] (target >= {TARGET_RATE}): "
          f"{verdict(rate >= TARGET_RATE)}")
    print(f"  build vs bare search_dates: {ratio:.1f}x faster [{cpu_ratio:.1f}x in CPU time] "
          f"(target >= {TARGET_RATIO}x): {verdict(ratio >= TARGET_RATIO)}")
    note = "" if articles == 10_000 else f" (target is for 10,000 articles; this corpus has {articles})"
    print(f"  peak RSS: {single.peak_rss_mb:.0f} MB (target < {TARGET_RSS_MB} MB){note}: "
          f"{verdict(single.peak_rss_mb < TARGET_RSS_MB)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
