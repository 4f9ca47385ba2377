"""Shared fixtures: where the user's seed articles, the dev set and our sample corpus live."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

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
