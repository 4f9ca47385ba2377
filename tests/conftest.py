"""Shared fixtures: where the user's seed articles, the dev set and our sample corpus live."""
from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from events.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "score_events.py"


def _shared_dir(name: str) -> Path:
    path = SHARED / "corpus" / name
    if not path.is_dir():
        pytest.skip(f"{path} not found: the shared corpus sits beside the repository as ../shared")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared_dir("seeds")


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _shared_dir("dev")


@pytest.fixture(scope="session")
def sample_corpus_dir() -> Path:
    return ROOT / "sample_corpus"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return ROOT / "tests" / "fixtures"


def score_probe(folder: Path, use_manifest: bool = True) -> dict:
    """The shared scorer's figures for a build of one of our probe folders against its gold.jsonl."""
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found")
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    preds = [json.loads(json.dumps(r)) for r in build(folder, use_manifest=use_manifest).records]
    golds = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return scorer.score(golds, preds)
