"""List the resolver's TimeBank errors grouped by pattern: missed spans, false hits, value and span mismatches.

Usage: python bench/timex_errors.py [TBAQ.jsonl] [--examples N] [--top N] [--kind missed|spurious|value|span]
Aligns gold and predicted expressions the way `score_timex.py` does (imported from ../shared/tools at run time)
and groups each error by the shape of its text: digits become 9, month names MONTH, weekdays WDAY, number words
NUM; a value mismatch is grouped by the shapes of both values too (1998-08-07 -> 9999-99-99). Prints the biggest
groups first with a few examples each (document, text, gold and predicted value).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from types import ModuleType

from events.timex import find_timexes
from events.timex_io import to_record
from events.timex_rules import WEEKDAYS, load_vocabulary
from loaders.datelines import MONTHS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_WORD = re.compile(r"[A-Za-z]+|\d+|\S")


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "score_timex.py"
    spec = importlib.util.spec_from_file_location("score_timex", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def text_shape(text: str) -> str:
    """The pattern of an expression's words: "last 3 months" -> "last 9 months", "Aug. 7" -> "MONTH . 9"."""
    numbers = load_vocabulary().numbers
    out = []
    for token in _WORD.findall(text):
        low = token.lower()
        if token.isdigit():
            out.append("9" * min(len(token), 4))
        elif low in MONTHS and (token[0].isupper() or low not in {"may", "march"}):
            out.append("MONTH")
        elif low in WEEKDAYS:
            out.append("WDAY")
        elif low in numbers and low not in {"a", "an"}:
            out.append("NUM")
        else:
            out.append(low)
    return " ".join(out)


def value_shape(value: str) -> str:
    """The pattern of a TIMEX3 value: 1998-08-07 -> 9999-99-99, P3Y -> P9Y."""
    return re.sub(r"\d", "9", value or "")


def collect(gold_path: Path) -> dict[str, dict[str, list[tuple[str, str, str, str]]]]:
    """Errors by kind, then by group key, each as (doc, text, gold value, predicted value)."""
    scorer = _scorer()
    gold = scorer.load_jsonl(str(gold_path))
    groups: dict[str, dict[str, list[tuple[str, str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for doc, g in gold.items():
        dct = date.fromisoformat(g["dct"][:10]) if g.get("dct") else None
        pred = to_record(doc, find_timexes(g["text"], dct))["timexes"]
        gts = g["timexes"]
        pairs = scorer.align(gts, pred)
        for gi, pi in pairs:
            gt, pt = gts[gi], pred[pi]
            if pt["value"] != gt["value"]:
                key = f"{text_shape(gt['text'])}  [{value_shape(gt['value'])} vs {value_shape(pt['value'])}]"
                groups["value"][key].append((doc, gt["text"], gt["value"], f"{pt['value']} ({pt['text']})"))
            if (gt["start"], gt["end"]) != (pt["start"], pt["end"]):
                groups["span"][f"{text_shape(gt['text'])}  <>  {text_shape(pt['text'])}"].append(
                    (doc, gt["text"], gt["value"], pt["text"]))
        matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, gt in enumerate(gts):
            if gi not in matched_g:
                groups["missed"][f"{text_shape(gt['text'])}  [{gt['type']} {value_shape(gt['value'])}]"].append(
                    (doc, gt["text"], gt["value"], ""))
        for pi, pt in enumerate(pred):
            if pi not in matched_p:
                groups["spurious"][f"{text_shape(pt['text'])}  [{pt['type']}]"].append(
                    (doc, pt["text"], "", pt["value"]))
    return groups


def main(argv: list[str]) -> int:
    """Print the error groups, biggest first."""
    opts = {"--examples": "3", "--top": "40", "--kind": ""}
    rest = []
    i = 0
    while i < len(argv):
        if argv[i] in opts and i + 1 < len(argv):
            opts[argv[i]] = argv[i + 1]
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    path = Path(rest[0]) if rest else SHARED / "corpus" / "timebank" / "tbaq.jsonl"
    if not path.is_file():
        print(f"not a file: {path}", file=sys.stderr)
        return 2
    groups = collect(path)
    kinds = [opts["--kind"]] if opts["--kind"] else ["missed", "spurious", "value", "span"]
    for kind in kinds:
        table = groups.get(kind, {})
        total = sum(len(v) for v in table.values())
        print(f"\n=== {kind}: {total} errors in {len(table)} groups ===")
        for key, items in sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: int(opts["--top"])]:
            print(f"{len(items):4d}  {key}")
            for doc, text, gold_value, pred in items[: int(opts["--examples"])]:
                print(f"        {doc}: {text!r} gold={gold_value} pred={pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
