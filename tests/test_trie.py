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


def test_word_start_matches_like_a_leading_look_behind() -> None:
    rng = random.Random(5)
    alphabet = "aAb -'l_\n"
    words = ["".join(rng.choice(alphabet.strip("\n")) for _ in range(rng.randint(1, 7))).lstrip() or "a"
             for _ in range(300)]
    text = "".join(rng.choice(alphabet + "xyz.") for _ in range(5000))
    for tail in ("", r"(?![\w-])"):
        behind = re.compile(r"(?<![\w-])(?:" + trie_alternation(words) + ")" + tail)
        inside = re.compile(r"(?:" + trie_alternation(words, word_start=True) + ")" + tail)
        assert [m.span() for m in behind.finditer(text)] == [m.span() for m in inside.finditer(text)]


def test_word_start_refuses_a_match_inside_a_word_or_compound() -> None:
    pattern = re.compile(trie_alternation(["Syria", "Syrian"], word_start=True))
    assert [m.group() for m in pattern.finditer("Syrian pro-Syria xSyria Syria")] == ["Syrian", "Syria"]
    assert pattern.match("Syria").group() == "Syria"  # at the start of the text


def test_trie_alternation_of_nothing_matches_nothing() -> None:
    assert re.search(trie_alternation([]), "anything") is None
