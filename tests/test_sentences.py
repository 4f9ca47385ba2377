"""Sentence splitting (`events.sentences`): the fast patterns find what the plain ones would."""
from __future__ import annotations

import random
import re

from events.sentences import _BOUNDARY, split_sentences

# the boundary as it reads most plainly: punctuation before a capital or a digit, or line breaks
PLAIN_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
PLAIN_LAST_WORD = re.compile(r"[\w.]+$")


def _random_text(rng: random.Random) -> str:
    pieces = ["Putin", "met", "al-Assad", "Mr", "Dr", "U.S", "e.g", "Jan", "7", "2024", "he", "x", "Sept"]
    marks = [".", "..", "!", "?", "?!", ".\"", ".”", ".)", ". ", ".\n", "\n\n", " ", " ", " ", ", ", "\n"]
    return "".join(rng.choice(pieces) + rng.choice(marks) for _ in range(rng.randint(1, 40)))


def test_the_boundary_pattern_finds_the_spans_of_the_plain_one():
    rng = random.Random(7)
    for _ in range(2000):
        text = _random_text(rng)
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in PLAIN_BOUNDARY.finditer(text)], text


def _plain_split(text: str) -> list[tuple[int, int]]:
    from events.sentences import _WORD_REACH, ABBREVIATIONS
    spans, start = [], 0
    for m in PLAIN_BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            word = PLAIN_LAST_WORD.search(text, max(start, m.start() - _WORD_REACH), m.start())
            token = word.group(0).lower() if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        spans.append((start, m.end() if m.group(0)[0] != "\n" else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def test_abbreviations_and_initials_are_read_as_the_plain_search_reads_them():
    rng = random.Random(11)
    for _ in range(2000):
        text = _random_text(rng)
        expected = []
        for start, end in _plain_split(text):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                expected.append((start, end))
        assert [(s.start, s.end) for s in split_sentences(text)] == expected, text


def test_split_keeps_offsets_and_skips_abbreviations():
    text = "Dr. Ivanov met Mr. Mekdad in the U.S. capital. They talked.\nNew line"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Dr. Ivanov met Mr. Mekdad in the U.S. capital.", "They talked.",
                                           "New line"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_long_run_of_punctuation_is_read_once() -> None:
    # 40,000 marks: each mark of the run used to open a search to its end (twenty seconds)
    sentences = split_sentences("Putin met Assad" + "." * 40000 + " Then they spoke.")
    assert [s.text[:15] for s in sentences] == ["Putin met Assad", "Then they spoke"]
