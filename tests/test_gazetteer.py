"""Loading the curated data: the literal prefixes that let trigger patterns skip sentences."""
from __future__ import annotations

import pytest

from events.gazetteer import literal_prefix, load_gazetteer


@pytest.mark.parametrize(("pattern", "prefix"), [
    ("phone (call|talks?)", "phone "), ("air ?strikes?", "air"), ("Said", "said"), ("aid(ing|ed)?", "aid"),
    ("(tele)?phone", ""), (r"\bx", ""), ("a+b", ""), ("met|greeted", ""), ("x[a]y|z", ""), ("x[|]y", "x"),
    (r"ab\(c|d", ""),
])
def test_literal_prefix_begins_every_match(pattern: str, prefix: str) -> None:
    assert literal_prefix(pattern) == prefix


def test_trigger_prefixes_are_in_every_trigger_match() -> None:
    """Each event type's prefixes: every match of its pattern begins with one of them (what lets a sentence
    holding none of them go unscanned)."""
    samples = "phone call, phoned, video link, signed, ratified, met with, visiting, aid, airstrikes, said, told"
    for rule in load_gazetteer().event_types:
        if rule.pattern is None:
            continue
        assert rule.prefixes is not None
        for m in rule.pattern.finditer(samples):
            assert any(m.group(0).lower().startswith(p) for p in rule.prefixes), (rule.name, m.group(0))
