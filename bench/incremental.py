"""Incremental builds with `--store`: a first build, a second on the unchanged corpus, a third after 1% changed.

    python -m bench.incremental --articles 10000 --seed 1

The corpus is copied to a scratch folder first, because the third build edits files.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    NOT_AVAILABLE,
    OUT_DIR,
    build_command,
    build_features,
    corpus_size,
    print_machine,
    rate_line,
    run_measured,
    verdict,
)
from bench.generate_corpus import ensure_corpus, make_article

TARGET_SHARE = 0.05  # second build within 5% of the first build's time
EDIT_SEED_OFFSET = 1_000_003  # edited files get the text of another seed's article


def change_files(folder: Path, share: float, seed: int) -> int:
    """Rewrite an evenly spaced `share` of the articles with other generated text; returns how many."""
    files = sorted(folder.glob("a[0-9]*.txt"))
    step = max(1, round(1 / share))
    for path in files[::step]:
        index = int(path.stem[1:])
        path.write_text(make_article(seed + EDIT_SEED_OFFSET, index).text, encoding="utf-8", newline="")
    return len(files[::step])


def main(argv: list[str] | None = None) -> int:
    """Run the three builds and print their times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default bench/out/corpus-nN-sS)")
    parser.add_argument("--changed", type=float, default=0.01, help="share of files changed (default 0.01)")
    parser.add_argument("--timeout", type=float, default=None, help="stop a build after this many seconds")
    args = parser.parse_args(argv)

    print_machine()
    features = build_features()
    if not features.store:
        print(f"incremental builds need `python -m events build --store PATH`: {NOT_AVAILABLE}; nothing measured")
        return 0
    source = args.corpus or OUT_DIR / f"corpus-n{args.articles}-s{args.seed}"
    made = ensure_corpus(source, args.articles, args.seed)
    articles, total_bytes = corpus_size(source)
    print(f"== corpus: {source} ({'generated' if made else 'reused'}), {articles} articles, "
          f"{total_bytes / 1e6:.1f} MB; builds use the default --jobs")
    with tempfile.TemporaryDirectory(prefix="timeline-incremental-") as tmp:
        work, store = Path(tmp) / "corpus", Path(tmp) / "store.sqlite"
        shutil.copytree(source, work)
        times = []
        for number, label in enumerate(("first build (empty store)", "second build (unchanged)",
                                        "third build (files changed)")):
            if number == 2:
                changed = change_files(work, args.changed, args.seed)
                label = f"third build ({changed} files changed)"
            run = run_measured(build_command(work, Path(tmp) / f"events-{number}.jsonl", store=store),
                               Path(tmp) / f"build-{number}.log", timeout=args.timeout)
            print("  " + rate_line(label, run, articles, total_bytes))
            if run.code != 0:
                return 1
            times.append(run.wall)
    second, third = times[1] / times[0], times[2] / times[0]
    print("== ratios to the first build")
    print(f"  second / first: {second:.1%} (target < {TARGET_SHARE:.0%}): {verdict(second < TARGET_SHARE)}")
    print(f"  third / first: {third:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
