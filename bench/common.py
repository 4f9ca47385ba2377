"""Shared by the benchmark scripts: the machine, a timer, build-CLI features, and child-process runs with peak RSS."""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "bench" / "out"  # generated corpora and exports; git-ignored
NOT_AVAILABLE = "not available in this build"

# Runs one command and reports its wall time and peak RSS. It runs in a fresh interpreter, so
# RUSAGE_CHILDREN covers that one command (and its own children), never an earlier run.
_WRAPPER = """
import json, resource, subprocess, sys, time
cmd, log, timeout = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
with open(log, "wb") as fh:
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
    try:
        code = child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        code = None
    wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "maxrss_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}))
"""


@dataclass(frozen=True, slots=True)
class RunResult:
    """One measured child process: exit code (None: stopped at the time limit), wall and CPU seconds, peak RSS."""

    code: int | None
    wall: float
    cpu: float
    peak_rss_mb: float
    output: str


@dataclass(frozen=True, slots=True)
class BuildFeatures:
    """Which optional options `python -m events build` accepts."""

    jobs: bool
    store: bool


def machine_lines() -> tuple[str, ...]:
    """The machine the figures come from: platform, CPU model, cores, RAM, Python."""
    cpu = platform.processor() or "unknown"
    ram = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass
    return (
        f"machine: {platform.platform()}",
        f"cpu: {cpu}, {os.cpu_count()} cores",
        f"ram: {ram}",
        f"python: {platform.python_version()} ({sys.executable})",
    )


def print_machine() -> None:
    """Print the machine lines under a heading."""
    print("== machine")
    for line in machine_lines():
        print("  " + line)


class Timer:
    """A context manager that records elapsed wall seconds in `.seconds` and this process's CPU seconds in `.cpu`."""

    def __enter__(self) -> Timer:
        self.seconds = self.cpu = 0.0
        self._start, self._cpu_start = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start
        self.cpu = time.process_time() - self._cpu_start


def build_features() -> BuildFeatures:
    """Detect `--jobs` and `--store` from the build command's help text."""
    done = subprocess.run([sys.executable, "-m", "events", "build", "--help"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    help_text = done.stdout + done.stderr
    return BuildFeatures(jobs="--jobs" in help_text, store="--store" in help_text)


def run_measured(cmd: Sequence[str], log: Path, timeout: float | None = None) -> RunResult:
    """Run `cmd` from the repository root in a fresh wrapper process; its output goes to `log`.

    Peak RSS is ru_maxrss of RUSAGE_CHILDREN: the largest single process (the build, or its biggest worker).
    """
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(list(cmd)), str(log), json.dumps(timeout)],
                          cwd=REPO,
                          capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"measuring wrapper failed: {done.stderr.strip()}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    output = log.read_text(encoding="utf-8", errors="replace")
    return RunResult(figures["code"], figures["wall"], figures["cpu"], figures["maxrss_kb"] / 1024, output)


def build_command(corpus: Path, out: Path, jobs: int | None = None, store: Path | None = None) -> list[str]:
    """The `python -m events build` command line, with `--jobs`/`--store` only when given."""
    cmd = [sys.executable, "-m", "events", "build", str(corpus), "--out", str(out)]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    if store is not None:
        cmd += ["--store", str(store)]
    return cmd


def corpus_size(folder: Path) -> tuple[int, int]:
    """Number of .txt articles and their total bytes."""
    sizes = [p.stat().st_size for p in folder.glob("*.txt")]
    return len(sizes), sum(sizes)


def rate_line(label: str, run: RunResult, articles: int, total_bytes: int) -> str:
    """One build's figures: wall time, articles/s, MB/s, CPU time and peak RSS."""
    if run.code is None:
        return (f"{label}: stopped at the time limit after {run.wall:.1f} s wall, CPU {run.cpu:.1f} s, "
                f"peak RSS {run.peak_rss_mb:.0f} MB")
    if run.code != 0:
        tail = " | ".join(run.output.strip().splitlines()[-3:])
        return f"{label}: FAILED with exit code {run.code} after {run.wall:.1f} s: {tail}"
    return (f"{label}: {run.wall:.2f} s wall, {articles / run.wall:.1f} articles/s, "
            f"{total_bytes / 1e6 / run.wall:.2f} MB/s, CPU {run.cpu:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")


def verdict(ok: bool) -> str:
    """'met' or 'NOT met', for a target line."""
    return "met" if ok else "NOT met"
