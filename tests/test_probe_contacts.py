"""Our own probe articles on the shapes of contact stories (tests/fixtures/probe_contacts, with a manifest): readouts,
SANA and TASS styles, live blogs, analyses, denials, multilateral rounds, several events in one sentence, military
matters and aid. The floors are what the rules reach; no event may carry a wrong date."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT, score_probe

PROBE = ROOT / "tests" / "fixtures" / "probe_contacts"


@pytest.fixture(scope="module")
def probe_score() -> dict:
    return score_probe(PROBE)


def test_probe_contacts_no_event_has_a_wrong_date(probe_score: dict) -> None:
    assert probe_score["date_wrong"] == 0
    assert [r for r in probe_score["rows"] if r["date"] == "wrong"] == []


def test_probe_contacts_floors(probe_score: dict) -> None:
    assert probe_score["found"] >= 26
    assert probe_score["precision"] >= 1.0
    assert probe_score["date_exact"] >= 26


def test_probe_contacts_merges(probe_score: dict) -> None:
    assert probe_score["merges_ok"] == probe_score["merges_expected"] == 3
    assert probe_score["false_merges"] == 0
