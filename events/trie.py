"""A regular expression for a list of literal strings, shaped as a trie so that matching costs the length of
the text read, not the number of strings: Python's `re` tries the branches of a plain alternation one by one.

Longest match first, as an alternation sorted by length would: a word's end is an optional group, and a greedy
optional group tries the longer continuation before stopping (and backtracks to the shorter one when what
follows the pattern does not match).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_alternation(words: Iterable[str]) -> str:
    """A regex source matching any of `words` (case as given), longest first."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _source(root) or "(?!)"


def _source(node: dict) -> str:
    branches = [re.escape(ch) + _source(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body
