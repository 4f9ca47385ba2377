"""The trie-shaped alternation matches exactly what a longest-first alternation matches."""
from __future__ import annotations

import random
import re

from events.trie import trie_alternation


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_trie_alternation_matches_like_a_sorted_alternation() -> None:
    rng = random.Random(3)
    alphabet = "aAb -'l"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(300)]
    text = "".join(rng.choice(alphabet + "xyz.") for _ in range(5000))
    for tail in ("", r"(?![\w-])"):
        plain = re.compile(r"(?<![\w-])(?:" + _plain(words) + ")" + tail)
        trie = re.compile(r"(?<![\w-])(?:" + trie_alternation(words) + ")" + tail)
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_trie_alternation_of_nothing_matches_nothing() -> None:
    assert re.search(trie_alternation([]), "anything") is None
