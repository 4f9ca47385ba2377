"""Whole-word keyword lists matched by looking words up, not by scanning with one regex per list.

A keyword is a word or phrase, case-insensitive; a trailing `*` lets its last word take any ending
("sanction*"). Words are runs of letters and digits joined by hyphens ("counter-terrorism" is one
word, so "terrorism" does not match inside it), the same boundaries as `(?<![\\w-])…(?![\\w-])`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix ("sanction*")
    label: str


def _matches(phrase: _Phrase, words: list[str], i: int) -> bool:
    n = len(phrase.words)
    if i + n > len(words) or tuple(words[i:i + n - 1]) != phrase.words[:-1]:
        return False
    last, want = words[i + n - 1], phrase.words[-1]
    if not phrase.prefix:
        return last == want
    return last.startswith(want) and "-" not in last[len(want):]


@dataclass(frozen=True, slots=True)
class KeywordIndex:
    """Keyword phrases grouped by label, indexed by their first word (or its first letters for a prefix)."""

    by_first: Mapping[str, tuple[_Phrase, ...]]
    prefix_lengths: tuple[int, ...]  # lengths of one-word prefixes, to look a word's beginnings up
    prefix_starts: frozenset[str]  # the shortest prefix length's worth of each one-word prefix

    def find(self, text: str) -> set[str]:
        """The labels whose keywords occur in `text`."""
        words = [w.lower() for w in WORD.findall(text)]
        found: set[str] = set()
        by_first = self.by_first
        shortest = self.prefix_lengths[0] if self.prefix_lengths else 0
        for i, word in enumerate(words):
            for phrase in by_first.get(word, ()):
                if phrase.label not in found and _matches(phrase, words, i):
                    found.add(phrase.label)
            if word[:shortest] not in self.prefix_starts:
                continue  # no one-word prefix begins this word
            for n in self.prefix_lengths:
                if n >= len(word):
                    continue
                for phrase in by_first.get(word[:n], ()):
                    if phrase.label not in found and _matches(phrase, words, i):
                        found.add(phrase.label)
        return found


def build_keyword_index(lists: Iterable[tuple[str, Iterable[str]]]) -> KeywordIndex:
    """An index of (label, keywords) pairs."""
    by_first: dict[str, list[_Phrase]] = {}
    lengths: set[int] = set()
    for label, keywords in lists:
        for keyword in keywords:
            prefix = keyword.endswith("*")
            words = tuple(w.lower() for w in WORD.findall(keyword.rstrip("*")))
            if not words:
                continue
            phrase = _Phrase(words, prefix, label)
            first = words[0]
            if prefix and len(words) == 1:
                lengths.add(len(first))
            by_first.setdefault(first, []).append(phrase)
    shortest = min(lengths, default=0)
    starts = frozenset(first[:shortest] for first, phrases in by_first.items()
                       if any(p.prefix and len(p.words) == 1 for p in phrases))
    return KeywordIndex({k: tuple(v) for k, v in by_first.items()}, tuple(sorted(lengths)), starts)
