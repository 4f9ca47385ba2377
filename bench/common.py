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
cmd, log = json.loads(sys.argv[1]), sys.argv[2]
with open(log, "wb") as fh:
    start = time.perf_counter()
    code = subprocess.call(cmd, stdout=fh, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "maxrss_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}))
"""


@dataclass(frozen=True, slots=True)
class RunResult:
    """One measured child process: exit code, wall seconds, CPU seconds, peak RSS (MB) and its output."""

    code: int
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
    """A context manager that records elapsed wall seconds in `.seconds`."""

    def __enter__(self) -> Timer:
        self.seconds = 0.0
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def build_features() -> BuildFeatures:
    """Detect `--jobs` and `--store` from the build command's help text."""
    done = subprocess.run([sys.executable, "-m", "events", "build", "--help"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    help_text = done.stdout + done.stderr
    return BuildFeatures(jobs="--jobs" in help_text, store="--store" in help_text)


def run_measured(cmd: Sequence[str], log: Path) -> RunResult:
    """Run `cmd` from the repository root in a fresh wrapper process; its output goes to `log`."""
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(list(cmd)), str(log)], cwd=REPO,
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


def ensure_repo_on_path() -> None:
    """Let `python bench/x.py` import the project's packages and `bench` itself."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
