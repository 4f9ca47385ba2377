"""The benchmark scripts' machinery: per-run peak RSS, option detection paths, file edits, the dashboard adapter."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import build_throughput, dashboard_scale, incremental
from bench.common import BuildFeatures, run_measured
from bench.generate_corpus import generate_corpus

# A stand-in for `python -m events build`: records its arguments, touches the store, prints an event count.
FAKE_BUILD = """
import pathlib, sys
args = sys.argv[1:]
pathlib.Path(args[args.index("--out") + 1]).write_text("")
if "--store" in args:
    pathlib.Path(args[args.index("--store") + 1]).touch()
print("wrote 7 events; args:", " ".join(a for a in args if a.startswith("--")))
"""


def _fake_build_command(corpus: Path, out: Path, jobs: int | None = None, store: Path | None = None) -> list[str]:
    cmd = [sys.executable, "-c", FAKE_BUILD, str(corpus), "--out", str(out)]
    cmd += ["--jobs", str(jobs)] if jobs is not None else []
    return cmd + (["--store", str(store)] if store is not None else [])


def test_bench_run_measured_peak_rss_is_per_run(tmp_path):
    big = run_measured([sys.executable, "-c", "b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])"],
                       tmp_path / "big.log")
    small = run_measured([sys.executable, "-c", "print('small')"], tmp_path / "small.log")
    assert big.code == 0 and small.code == 0
    assert big.peak_rss_mb > 300
    assert small.peak_rss_mb < 100  # not the earlier run's peak
    assert small.output.strip() == "small"


def test_bench_run_measured_stops_at_time_limit(tmp_path):
    run = run_measured([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path / "slow.log", timeout=0.5)
    assert run.code is None and run.wall < 10


def test_bench_change_files_rewrites_one_percent(tmp_path):
    generate_corpus(tmp_path, 200, seed=4)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.txt")}
    assert incremental.change_files(tmp_path, 0.01, seed=4) == 2
    changed = sorted(p.name for p in tmp_path.glob("*.txt") if p.read_bytes() != before[p.name])
    assert changed == ["a000000.txt", "a000100.txt"]


def test_bench_incremental_without_store_says_so(monkeypatch, capsys):
    monkeypatch.setattr(incremental, "build_features", lambda: BuildFeatures(jobs=False, store=False))
    assert incremental.main(["--articles", "3"]) == 0
    assert "--store PATH`: not available in this build" in capsys.readouterr().out


def test_bench_incremental_with_store_runs_three_builds(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(incremental, "build_features", lambda: BuildFeatures(jobs=True, store=True))
    monkeypatch.setattr(incremental, "build_command", _fake_build_command)
    assert incremental.main(["--articles", "100", "--corpus", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "first build (empty store)" in out and "second build (unchanged)" in out
    assert "third build (1 files changed)" in out and "second / first:" in out


def test_bench_build_throughput_uses_jobs_when_available(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(build_throughput, "build_features", lambda: BuildFeatures(jobs=True, store=True))
    monkeypatch.setattr(build_throughput, "build_command", _fake_build_command)
    monkeypatch.setattr(build_throughput, "search_dates_seconds", lambda files: (0.05, 0.04))
    args = ["--articles", "4", "--corpus", str(tmp_path / "c"), "--jobs", "3", "--sample", "2"]
    assert build_throughput.main(args) == 0
    out = capsys.readouterr().out
    assert "one process (--jobs 1):" in out and "all cores (--jobs 3):" in out
    assert out.count(", 7 events") == 2 and "not available" not in out
    assert "all cores vs one process:" in out
    assert "in CPU time] (target >= 10x)" in out


def test_bench_build_throughput_real_build_without_options(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(build_throughput, "build_features", lambda: BuildFeatures(jobs=False, store=False))
    assert build_throughput.main(["--articles", "3", "--corpus", str(tmp_path / "c"), "--sample", "2"]) == 0
    out = capsys.readouterr().out
    assert "default build (one process):" in out and "articles/s" in out and "FAILED" not in out
    assert "--jobs: not available in this build" in out
    assert "on 2 evenly spaced articles" in out and "cpu:" in out


def test_bench_dashboard_adapter_on_generated_records(tmp_path):
    records = dashboard_scale.make_records(80)
    assert records == dashboard_scale.make_records(80)  # seeded
    path = tmp_path / "events.jsonl"
    dashboard_scale.write_jsonl(records, path)
    frame = dashboard_scale.load_frame(path)
    assert len(frame) == 80
    shown = dashboard_scale.filter_frame(frame, dashboard_scale.FILTER_QUERY)
    assert 10 < len(shown) < 70
    figure = dashboard_scale.build_figure(shown)
    assert sum(len(t.x or ()) for t in figure.data) > 0
    assert len(figure.to_json()) > 1000


def test_bench_instructions_says_when_valgrind_is_missing(monkeypatch, capsys):
    from bench import instructions
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    assert instructions.main([]) == 1
    assert "valgrind is not installed" in capsys.readouterr().out


def test_bench_instructions_reads_callgrinds_count(monkeypatch, tmp_path):
    from bench import instructions

    class Done:
        returncode, stderr = 0, "==1== Events    : Ir\n==1== Collected : 123456789\n"

    monkeypatch.setattr(instructions.subprocess, "run", lambda *a, **k: Done())
    assert instructions.count_instructions([], tmp_path) == 123456789
    Done.stderr = "valgrind: command failed"
    with pytest.raises(RuntimeError, match="valgrind run failed"):
        instructions.count_instructions([], tmp_path)


def test_bench_stages_times_every_stage_of_a_small_corpus(tmp_path, capsys):
    from bench import stages
    generate_corpus(tmp_path / "c", 5, 3)
    count, times = stages.stage_times(tmp_path / "c", repeat=1)
    assert count == 5
    assert {"read", "anchor", "extract", "  mentions", "  dates", "  sentences", "merge", "records"} <= set(times)
    assert all(v >= 0 for k, v in times.items() if not k.startswith("  clause"))
    assert times["extract"] > 0
    assert stages.main(["--corpus", str(tmp_path / "c"), "--repeat", "1"]) == 0
    assert "articles/s" in capsys.readouterr().out


def test_bench_stages_says_when_the_folder_has_no_articles(tmp_path, capsys):
    from bench import stages
    assert stages.main(["--corpus", str(tmp_path), "--repeat", "1"]) == 1
    assert "no articles" in capsys.readouterr().out
