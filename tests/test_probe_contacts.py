"""Our own probe articles on the shapes of contact stories (tests/fixtures/probe_contacts, with a manifest): readouts,
SANA and TASS styles, live blogs, analyses, denials, multilateral rounds, several events in one sentence, military
matters and aid. The floors are what the rules reach; no event may carry a wrong date."""
from __future__ import annotations

import importlib.util
import json

import pytest

from events.pipeline import build
from tests.conftest import ROOT, SCORER

PROBE = ROOT / "tests" / "fixtures" / "probe_contacts"


@pytest.fixture(scope="module")
def probe_score() -> dict:
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found")
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    preds = [json.loads(json.dumps(r)) for r in build(PROBE).records]
    golds = [json.loads(line) for line in (PROBE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return scorer.score(golds, preds)


def test_probe_contacts_no_event_has_a_wrong_date(probe_score: dict) -> None:
    assert probe_score["date_wrong"] == 0
    assert [r for r in probe_score["rows"] if r["date"] == "wrong"] == []


def test_probe_contacts_floors(probe_score: dict) -> None:
    assert probe_score["found"] >= 25
    assert probe_score["precision"] >= 0.97
    assert probe_score["date_exact"] >= 24


def test_probe_contacts_merges(probe_score: dict) -> None:
    assert probe_score["merges_ok"] == probe_score["merges_expected"] == 2
    assert probe_score["false_merges"] == 0
