"""Extraction scored against the user's hand-annotated seed events with the project's scorer."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from events.pipeline import build
from tests.conftest import SCORER


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found")
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(corpus: Path, use_manifest: bool) -> dict:
    result = build(corpus, use_manifest=use_manifest)
    preds = [json.loads(json.dumps(r)) for r in result.records]
    golds = [json.loads(line) for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return _scorer().score(golds, preds)


@pytest.fixture(scope="module")
def seeds_with_manifest(seeds_dir: Path) -> dict:
    return _score(seeds_dir, use_manifest=True)


@pytest.fixture(scope="module")
def seeds_without_manifest(seeds_dir: Path) -> dict:
    return _score(seeds_dir, use_manifest=False)


def test_extract_seeds_every_required_event_found(seeds_with_manifest: dict) -> None:
    assert seeds_with_manifest["required"] == 8
    assert seeds_with_manifest["found"] == 8


def test_extract_seeds_precision_at_least_0_8(seeds_with_manifest: dict) -> None:
    assert seeds_with_manifest["precision"] >= 0.9


def test_extract_seeds_no_wrong_date(seeds_with_manifest: dict) -> None:
    assert seeds_with_manifest["date_wrong"] == 0


def test_extract_seeds_kremlin_meeting_merged(seeds_with_manifest: dict) -> None:
    assert seeds_with_manifest["merges_expected"] == 1
    assert seeds_with_manifest["merges_ok"] == 1
    assert seeds_with_manifest["false_merges"] == 0


def test_extract_seeds_without_manifest_no_wrong_date(seeds_without_manifest: dict) -> None:
    assert seeds_without_manifest["found"] == 8
    assert seeds_without_manifest["date_wrong"] == 0


def test_extract_seeds_records_name_both_sides(seeds_dir: Path) -> None:
    for record in build(seeds_dir).records:
        countries = {a["country"] for a in record["actors"]}
        assert {"SY", "RU"} <= countries, record["title"]
        assert record["date_precision"] in {"day", "month", "year"}
        assert record["date_basis"] in {"stated", "relative", "publication", "inferred"}
        assert record["cameo"] in {"01", "03", "04", "05", "06", "07"}
        for source in record["sources"]:
            assert source["excerpt"] and source["article"]


def test_extract_seeds_roles_on_event_date(seeds_dir: Path) -> None:
    records = build(seeds_dir).records
    roles = {(a["name"], r["date"]): a["role"] for r in records for a in r["actors"]}
    assert roles[("Ahmed al-Sharaa", "2025-01-28")] and "President" not in roles[("Ahmed al-Sharaa", "2025-01-28")]
    assert roles[("Ahmed al-Sharaa", "2025-10-15")].startswith("President")
    assert roles[("Yury Borisov", "2021-06-22")].startswith("Deputy Prime Minister")


@pytest.fixture(scope="module")
def dev_with_manifest(dev_dir: Path) -> dict:
    return _score(dev_dir, use_manifest=True)


def test_extract_dev_floors_hold(dev_with_manifest: dict) -> None:
    """Floors at the figures reached on the dev set (README), so that they cannot silently regress."""
    assert dev_with_manifest["recall"] >= 0.95
    assert dev_with_manifest["precision"] >= 0.9
    assert dev_with_manifest["date_exact_rate"] >= 0.9
    assert dev_with_manifest["date_wrong"] == 0
    assert dev_with_manifest["false_merges"] == 0
    assert dev_with_manifest["merges_ok"] == dev_with_manifest["merges_expected"]
