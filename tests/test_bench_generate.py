"""The synthetic benchmark corpus: repeatable bytes, sizes within bounds, a manifest, and loadable articles."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from bench.generate_corpus import MAX_BYTES, MIN_BYTES, ensure_corpus, generate_corpus, make_article
from loaders.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_bench_generate_same_seed_same_bytes_across_processes(tmp_path):
    generate_corpus(tmp_path / "here", 12, seed=5)
    # Another interpreter with another string-hash seed must still write the same bytes.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "bench.generate_corpus", str(tmp_path / "there"), "--articles", "12",
                    "--seed", "5"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert _files(tmp_path / "here") == _files(tmp_path / "there")


def test_bench_generate_other_seed_other_text():
    assert make_article(1, 0).text != make_article(2, 0).text
    assert make_article(1, 0).text != make_article(1, 1).text


def test_bench_generate_smaller_corpus_is_a_prefix(tmp_path):
    small = _files(generate_corpus(tmp_path / "small", 3, seed=9).folder)
    big = _files(generate_corpus(tmp_path / "big", 6, seed=9).folder)
    assert all(big[name] == data for name, data in small.items() if name.endswith(".txt"))


def test_bench_generate_sizes_manifest_and_dates(tmp_path):
    summary = generate_corpus(tmp_path, 40, seed=3)
    sizes = [p.stat().st_size for p in tmp_path.glob("*.txt")]
    assert len(sizes) == 40 == summary.articles
    assert all(MIN_BYTES <= s <= MAX_BYTES for s in sizes), sizes
    assert summary.total_bytes == sum(sizes)
    with open(tmp_path / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert 0 < len(rows) == summary.in_manifest < 40
    text = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.txt"))
    for form in ("last month", "weeks ago", "earlier this year", "https://news.example.org/", "Read more", "recently",
                 "cookie", "Leave a comment", "Share"):
        assert form in text, form


def test_bench_generate_regenerating_smaller_removes_extra_files(tmp_path):
    generate_corpus(tmp_path, 5, seed=1)
    generate_corpus(tmp_path, 2, seed=1)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == ["a000000.txt", "a000001.txt"]


def test_bench_generate_articles_load_with_dates_and_no_skips(tmp_path):
    generate_corpus(tmp_path, 20, seed=7)
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 20 and not corpus.skipped
    assert sum(a.published is not None for a in corpus.articles) >= 12
    assert all("cookie" not in a.text and "Leave a comment" not in a.text for a in corpus.articles)


def test_bench_generate_ensure_corpus_reuses_only_the_same_corpus(tmp_path):
    assert ensure_corpus(tmp_path, 4, seed=1) is not None
    assert ensure_corpus(tmp_path, 4, seed=1) is None  # reused
    assert ensure_corpus(tmp_path, 4, seed=2) is not None
    assert ensure_corpus(tmp_path, 5, seed=2) is not None
    assert len(list(tmp_path.glob("*.txt"))) == 5
