"""Instructions executed per article by a build, counted by valgrind: a figure the machine's load does not move.

    python -m bench.instructions [--articles 100] [--seed 1] [--corpus FOLDER]

On a shared machine the same build's wall and CPU times vary by 20% or more from run to run, which hides the
effect of most single changes. The number of machine instructions a build executes does not depend on the load:
this script counts them with valgrind's callgrind tool (`valgrind` must be installed; the script says so when it
is not) for two runs of the same interpreter: one that only imports the build and loads the curated data, and
one that then builds every article of the corpus in process (`events.pipeline.build`, no store, one job). The
difference, divided by the number of articles, is what one article costs. Running under valgrind is about 50
times slower than running natively, so the default corpus is the first 100 generated articles.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT_DIR, REPO, print_machine
from bench.generate_corpus import add_corpus_arguments, corpus_folder

# The measured program: import the build and load the data; build the corpus when a folder is given.
_PROGRAM = """
import sys
from pathlib import Path
from events.gazetteer import load_gazetteer
from events.pipeline import build
load_gazetteer()
if len(sys.argv) > 1:
    build(Path(sys.argv[1]), store=None, jobs=1)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count_instructions(args: list[str], workdir: Path) -> int:
    """Instructions (callgrind's Ir) executed by the measured program run with `args`."""
    out_file = workdir / "callgrind.out"
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", sys.executable,
                           "-c", _PROGRAM, *args], cwd=REPO, capture_output=True, text=True, check=False,
                          env={**os.environ, "TZ": "UTC"})
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"valgrind run failed (exit {done.returncode}): {tail}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    """Count and print the instructions per article."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(parser, articles=100)
    args = parser.parse_args(argv)
    print_machine()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt install valgrind): no instruction count")
        return 1
    corpus = corpus_folder(args, OUT_DIR)
    articles = len(list(corpus.glob("*.txt")))
    print(f"== corpus: {corpus}, {articles} articles")
    with tempfile.TemporaryDirectory() as tmp:
        startup = count_instructions([], Path(tmp))
        total = count_instructions([str(corpus)], Path(tmp))
    build = total - startup
    print(f"  imports and data: {startup / 1e6:,.0f} M instructions")
    print(f"  build: {build / 1e6:,.0f} M instructions, {build / max(articles, 1) / 1e6:,.1f} M per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
