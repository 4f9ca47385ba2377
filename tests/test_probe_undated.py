"""Our own probe articles with no manifest (tests/fixtures/probe_undated, written for the dates issue): whatever
date the build infers, no event may carry a wrong one; an unknown date is allowed."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from events.pipeline import build
from tests.conftest import ROOT, SCORER

PROBE = ROOT / "tests" / "fixtures" / "probe_undated"


@pytest.fixture(scope="module")
def probe_score() -> dict:
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found")
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    preds = [json.loads(json.dumps(r)) for r in build(PROBE, use_manifest=False).records]
    golds = [json.loads(line) for line in (PROBE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return scorer.score(golds, preds)


def test_probe_undated_no_event_has_a_wrong_date(probe_score: dict) -> None:
    wrong = [r for r in probe_score["rows"] if r["date"] == "wrong" and r["pred_date"] is not None]
    assert wrong == []


def test_probe_undated_floors(probe_score: dict) -> None:
    assert probe_score["found"] >= 18
    assert probe_score["date_exact"] + probe_score["date_coarse"] >= 8
    assert probe_score["precision"] >= 0.7
