"""The same corpus gives the same export on every run: nothing may depend on the order Python iterates a set of
strings in (which changes with PYTHONHASHSEED) or on memory addresses."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("folder", ["probe_formats", "probe_depth"])
def test_two_runs_with_other_hash_seeds_export_the_same_bytes(folder, tmp_path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"events-{seed}.jsonl"
        done = subprocess.run([sys.executable, "-m", "events", "build", str(ROOT / "tests" / "fixtures" / folder),
                               "--no-store", "--no-manifest", "--jobs", "1", "--out", str(out)], cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed, "TZ": "UTC"}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]
