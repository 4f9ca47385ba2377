"""Keyword lists matched by word lookup."""
from __future__ import annotations

import pytest

from events.keywords import build_keyword_index

INDEX = build_keyword_index([
    ("sanctions", ["sanction*", "Caesar Act"]),
    ("terror", ["terrorism", "terroris*"]),
    ("elections", ["People's Assembly elections"]),
    ("military", ["air base", "fighter jet*", "S-400"]),
])


@pytest.mark.parametrize(("text", "labels"), [
    ("New SANCTIONS were announced.", {"sanctions"}),
    ("the sanction regime", {"sanctions"}),
    ("under the Caesar Act", {"sanctions"}),
    ("the Caesar  Act", {"sanctions"}),               # any whitespace between the words of a phrase
    ("Caesar Actor", set()),                           # whole words only
    ("counter-terrorism talks", set()),                # a hyphenated word is one word
    ("terrorists and terrorism", {"terror"}),
    ("terrorist-linked groups", set()),                # a prefix does not run over a hyphen
    ("the People's Assembly elections of 2024", {"elections"}),
    ("at the air base near Latakia", {"military"}),
    ("two fighter jets landed", {"military"}),
    ("S-400 systems", {"military"}),
    ("", set()),
])
def test_keywords_find_labels(text: str, labels: set[str]) -> None:
    assert INDEX.find(text) == labels
