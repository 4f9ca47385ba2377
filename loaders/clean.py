"""Separate the story from page junk: menus, icon strings, comment forms, disclaimers, link lists."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class JunkRules:
    """Compiled junk patterns from `data/junk.toml`, and each kind's patterns joined into one that fully matches
    a line when any of them does (one call per line, not one per rule)."""

    line: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    disclaimer: tuple[re.Pattern[str], ...]
    title_prefix: tuple[re.Pattern[str], ...] = ()
    junk_any: re.Pattern[str] = field(init=False)  # a `line` or a `disclaimer` pattern
    tail_any: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "junk_any", _combined(self.line + self.disclaimer))
        object.__setattr__(self, "tail_any", _combined(self.tail))


@cache
def load_junk_rules(path: Path | None = None) -> JunkRules:
    """Load and compile the junk patterns once."""
    with open(path or DATA_DIR / "junk.toml", "rb") as fh:
        data = tomllib.load(fh)

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in data.get(key, ()))

    return JunkRules(compile_all("line"), compile_all("tail"), compile_all("disclaimer"), compile_all("title_prefix"))


def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that fully matches a line when any of `patterns` does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", re.IGNORECASE)


_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def is_foreign_script(line: str) -> bool:
    """True when most letters of the line are not Latin (an Arabic menu in an English page)."""
    if line.isascii():
        return False  # every letter is Latin
    letters = len(_LETTER.findall(line))
    return bool(letters) and len(_LATIN.findall(line)) < letters / 2


def is_junk_line(line: str, rules: JunkRules | None = None) -> bool:
    """True for a line that is never part of a story."""
    rules = rules or load_junk_rules()
    stripped = line.strip()
    if not stripped:
        return False
    if not _LETTER.search(stripped) or is_foreign_script(stripped):
        return True
    if stripped == stripped.lower():  # a tag line with no capital letter: "tartus syria"
        return True
    return rules.junk_any.fullmatch(stripped) is not None


def is_tail_marker(line: str, rules: JunkRules | None = None) -> bool:
    """True for a line after which nothing belongs to the story (comment forms, "most read" lists)."""
    return (rules or load_junk_rules()).tail_any.fullmatch(line.strip()) is not None


def story_paragraphs(paragraphs: list[str], rules: JunkRules | None = None) -> list[str]:
    """The paragraphs of a story body (a feed item's) without junk lines, and none after a tail marker."""
    rules = rules or load_junk_rules()
    kept: list[str] = []
    for paragraph in paragraphs:
        if kept and is_tail_marker(paragraph, rules):
            break
        if not is_junk_line(paragraph, rules):
            kept.append(paragraph)
    return kept


_BYLINE = re.compile(
    r"(?:by|written by|reporting by)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}(?:\s+with\s+\w+)?)", re.I)


def read_byline(line: str) -> str | None:
    """The author named by a byline line ("By Ahmad El-Assasy"), or None."""
    stripped = line.strip()
    if len(stripped) > 60:
        return None
    m = _BYLINE.fullmatch(stripped)
    return m.group("name") if m else None


_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ")")


def looks_like_prose(line: str) -> bool:
    """A line that reads as sentences of the story rather than a headline, a label or a link."""
    stripped = line.strip()
    if len(stripped) >= 160:
        return True
    return len(stripped.split()) >= 8 and stripped.endswith(_TERMINAL)


def is_cut_off(line: str) -> bool:
    """A short line that stops without punctuation: a link or a truncated teaser at the end of a page."""
    stripped = line.strip()
    words = len(stripped.split())
    return words < 6 or (words < 15 and not stripped.endswith(_TERMINAL))
