"""Case-insensitive searches run as case-sensitive ones over the lower-cased text, which `re` does faster.

`re` matches a pattern compiled with IGNORECASE by folding the case of every character it compares, and a
case-insensitive pattern never lets it skip ahead to the places where its first letter occurs. The lower-cased
pattern matched case-sensitively against the lower-cased text finds exactly the same spans, provided the text
holds none of the three letters for which the two differ: "ſ" and "ı" match "s" and "i" case-insensitively but
are their own lower case, and "İ" lower-cases to two characters, which would shift every offset after it.
(Every other character whose lower case is an ASCII letter, such as the Kelvin sign, lower-cases to that letter.)
The spans are the same; the matched text is lower-cased, so a reader that needs the text's own case (a capital
"May") matches the original pattern again at the span's start.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator

FOLD_TRAPS = ("\u017f", "\u0131", "\u0130")


def lower_text(text: str) -> str | None:
    """`text` lower-cased, or None when it holds a letter for which that would change what a pattern matches."""
    # three substring tests: `in` skips a text that cannot hold the letter (a Latin-1 one) at once, where a
    # character class is tried at every character
    return None if any(trap in text for trap in FOLD_TRAPS) else text.lower()


def fold_source(source: str) -> str:
    """A case-insensitive pattern's source in lower case, for case-sensitive matching of lower-cased text.

    Escapes (`\\S`, `\\W`, `\\B`, `\\A`, `\\Z` mean something else in lower case) and the `P` of named groups
    keep their case. A pattern that turns case-insensitivity off inside (`(?-i:...)`) or names a character
    (`\\N{...}`) is refused rather than folded wrongly.
    """
    if "(?-" in source or "\\N{" in source:
        raise ValueError(f"cannot fold the case of {source!r}")
    out = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            out.append(source[i:i + 2])
            i += 2
        elif source.startswith("(?P", i):
            out.append("(?P")
            i += 3
        else:
            out.append(ch.lower())
            i += 1
    return "".join(out)


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` (compiled with IGNORECASE) as a case-sensitive pattern that finds the same spans in a text
    lower-cased by `lower_text`."""
    return re.compile(fold_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)


class Caseless:
    """A case-insensitive pattern searched, when the text has a lower-cased copy (`lower_text`), as its folded
    twin in that copy: the same spans, found faster. A match found in the copy has the copy's text, so only its
    offsets (and whether there is one) are for the caller."""

    __slots__ = ("folded", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = re.compile(source, flags | re.IGNORECASE)
        self.folded = folded(self.pattern)

    def search(self, text: str, lower: str | None, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in text[pos:endpos] (`lower`: text lower-cased by `lower_text`, or None)."""
        if lower is None:
            return self.pattern.search(text, pos, endpos)
        return self.folded.search(lower, pos, endpos)

    def finditer(self, text: str, lower: str | None, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Every match in text[pos:endpos], as `search` finds them."""
        if lower is None:
            return self.pattern.finditer(text, pos, endpos)
        return self.folded.finditer(lower, pos, endpos)
