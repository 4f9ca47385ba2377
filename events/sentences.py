"""Sentence splitting that keeps character offsets into the article text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from events.casefold import lower_text

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.g", "i.e", "etc", "approx", "inc", "co", "corp", "ltd", "gov", "sen", "rep", "amb",
}
# Sentence-final punctuation (with closing quotes) before a capital or a digit, or line breaks. It opens with a
# character class, not a repeat, so that `re` jumps from one candidate character to the next: ".!?" then more of
# them, or a line break then more of them.
# Only the first mark of a run may open a match, and the run and quotes are taken whole (possessive): a run of
# thousands of marks is read once, not once from each of its marks.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\n*)")
# The word before a full stop, matched in the reversed stretch of text before it: one match at the start, where a
# search for the run that ends the stretch would try every position of it.
_WORD_BACKWARD = re.compile(r"[\w.]+")
# The word before a full stop is looked for this far back: longer than any abbreviation, so a longer word
# cut at the window's edge is still no abbreviation and no initial.
_WORD_REACH = 32


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its span in the text; `lower`: its text lower-cased, for the case-insensitive patterns run
    as case-sensitive ones (`events.casefold`), or None when the article's text could not be."""

    start: int
    end: int
    text: str
    lower: str | None = None

    @property
    def lowered(self) -> str:
        """The text lower-cased, for substring tests (`lower` when the sentence has it)."""
        return self.lower if self.lower is not None else self.text.lower()


def split_sentences(text: str, lowered: str | None = None) -> tuple[Sentence, ...]:
    """Sentences of `text` in order; paragraph breaks always end a sentence. `lowered`: the text lower-cased by
    `lower_text` when the caller has it already."""
    out: list[Sentence] = []
    lowered = lowered if lowered is not None else lower_text(text)
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            word = _WORD_BACKWARD.match(text[max(start, m.start() - _WORD_REACH):m.start()][::-1])
            token = word.group(0)[::-1].lower() if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _add(out, text, lowered, start, m.end() if m.group(0)[0] != "\n" else m.start())
        start = m.end()
    _add(out, text, lowered, start, len(text))
    return tuple(out)


def _add(out: list[Sentence], text: str, lowered: str | None, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], lowered[start:end] if lowered is not None else None))
