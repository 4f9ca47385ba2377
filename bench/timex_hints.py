"""Check that the timex rules' hints and case folding never cost a match: candidates equal those of the plain
patterns over every stretch, text by text.

    python -m bench.timex_hints [FOLDER_OR_JSONL ...]   (default: the TimeBank texts and bench/out/*/ corpora)

A hint (`events.timex_rules.Rule.hint`) lets `events.timex.find_candidates` skip a stretch of text where a
rule cannot match; a hint that a pattern no longer needs (after an edit of the pattern or the vocabulary) would
silently lose expressions; so would a pattern whose lower-cased form (`events.casefold`), which runs over the
lower-cased text, no longer matched what it matches. Prints, for each input, the texts read and the texts whose candidates differ.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT_DIR
from events.timex import _uncut, _windows, find_candidates
from events.timex_rules import compiled_rules

TIMEBANK = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "timebank" / "tbaq.jsonl"


def unhinted_candidates(text: str) -> list[tuple[int, int, int]]:
    """(start, end, rule number) of every match, every rule run over every stretch of its group (a match at the
    end of a stretch that cut a word is matched again past it, as `find_candidates` does)."""
    windows = _windows(text, None)  # the windows of the original-case scan
    found = []
    for order, rule in enumerate(compiled_rules()):
        for lo, hi in windows.get(rule.group, ()):
            for m in rule.pattern.finditer(text, lo, hi):
                whole = _uncut(rule.pattern, text, m) if m.end() == hi else m
                if whole is not None and whole.end() > whole.start():
                    found.append((whole.start(), whole.end(), order))
    return sorted(found)


def read_texts(source: Path) -> Iterator[str]:
    """The texts of a JSONL file (its "text" fields) or of a folder's .txt files."""
    if source.is_dir():
        for path in sorted(source.glob("*.txt")):
            yield path.read_text(encoding="utf-8", errors="replace")
    else:
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def main(argv: list[str]) -> int:
    """Compare hinted and unhinted candidates on each source; exit 1 if any text differs."""
    sources = [Path(a) for a in argv] or [TIMEBANK, *sorted(p for p in OUT_DIR.glob("corpus-*") if p.is_dir())]
    differing = 0
    for source in sources:
        texts = bad = 0
        for text in read_texts(source):
            texts += 1
            hinted = sorted((c[0], c[1], c[2]) for c in find_candidates(text).matches)
            bad += hinted != unhinted_candidates(text)
        print(f"{source}: {texts} texts, {bad} with different candidates")
        differing += bad
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
