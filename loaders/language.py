"""Is an article in English? A stopword-ratio guess, with the word lists in `data/stopwords.toml`."""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

from loaders.clean import DATA_DIR

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# `_WORD` in a lower-cased ASCII text, where a letter is a-z: a plain class is read four times faster than
# `[^\W\d_]`, which asks Unicode whether each character is a letter
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SCRIPTS = (("ar", re.compile(r"[\u0600-\u06FF]")), ("ru", re.compile(r"[\u0400-\u04FF]")),
            ("zh", re.compile(r"[\u4E00-\u9FFF]")))
_LETTER = re.compile(r"[^\W\d_]")  # what str.isalpha() accepts, counted in C
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_MIN_WORDS = 20     # shorter texts are taken as English: too little to tell
_SAMPLE_WORDS = 2000


@cache
def load_stopwords(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Common function words per language code."""
    with open(path or DATA_DIR / "stopwords.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {code: frozenset(w.lower() for w in words) for code, words in data.items()}


def _words(sample: str) -> list[str]:
    """The first `_SAMPLE_WORDS` words of `sample`, lower case, with a typographic apostrophe made plain."""
    if sample.isascii():  # lower-casing ASCII changes no word's extent: one call for the whole sample
        return _ASCII_WORD.findall(sample.lower())[:_SAMPLE_WORDS]
    return [w.lower().replace("’", "'") for w in _WORD.findall(sample)[:_SAMPLE_WORDS]]


def guess_language(text: str) -> str | None:
    """The most likely language code of `text` (`en`, `fr`, `ar`...), or None when there is too little to tell."""
    sample = text[:20_000]
    if not _LETTER.search(sample):
        return None
    if not sample.isascii():  # an ASCII text's letters are all Latin
        letters = len(_LETTER.findall(sample))
        if len(_LATIN.findall(sample)) < letters / 2:
            for code, script in _SCRIPTS:
                if len(script.findall(sample)) > letters / 2:
                    return code
    words = _words(sample)
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {code: sum(counts[w] for w in stop.intersection(counts)) / len(words)
              for code, stop in load_stopwords().items()}
    best = max(scores, key=lambda c: (scores[c], c == "en"))
    if best != "en" and scores["en"] >= scores[best] * 0.6:
        return "en"  # English quoting foreign names still reads as English
    return best if scores[best] >= 0.05 else None


def not_english_reason(text: str) -> str | None:
    """"not English (looks like xx)" for an article in another language, else None."""
    code = guess_language(text)
    return None if code in (None, "en") else f"not English (looks like {code})"
