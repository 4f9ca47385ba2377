"""Our own probe articles with no manifest (tests/fixtures/probe_undated, written for the dates issue): whatever
date the build infers, no event may carry a wrong one; an unknown date is allowed."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT, score_probe

PROBE = ROOT / "tests" / "fixtures" / "probe_undated"


@pytest.fixture(scope="module")
def probe_score() -> dict:
    return score_probe(PROBE, use_manifest=False)


def test_probe_undated_no_event_has_a_wrong_date(probe_score: dict) -> None:
    wrong = [r for r in probe_score["rows"] if r["date"] == "wrong" and r["pred_date"] is not None]
    assert wrong == []


def test_probe_undated_floors(probe_score: dict) -> None:
    assert probe_score["found"] >= 22
    assert probe_score["date_exact"] >= 11
    assert probe_score["date_exact"] + probe_score["date_coarse"] >= 17
    assert probe_score["precision"] >= 0.96
    assert probe_score["false_merges"] == 0
