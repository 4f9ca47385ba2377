"""Score the TIMEX3 resolver on the two halves of TimeBank separately, to check that a rule is general.

Usage: python -m bench.timex_halves [TBAQ.jsonl] [--save PRED.jsonl] [--diff OLD.jsonl]
The AQUAINT half is the documents of the APW, NYT and XIE wires dated from August 1998 on (`is_aquaint`: told by
the document's name and date, not by its place in the file); TimeBank proper is the rest. Prints, for each half
and for all, the value-correct count, gold, predicted, and value/relaxed/strict F1. `--save` keeps the
predictions; `--diff` lists the predictions that changed against a saved run (document, span, old and new
value), with whether each is now right, wrong or unmatched.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from bench.timex_errors import SHARED, _scorer
from events.timex import find_timexes
from events.timex_io import to_record

AQUAINT_WIRES = ("APW", "NYT", "XIE")


def is_aquaint(doc: str, dct: str) -> bool:
    """True for a document of the AQUAINT half: an APW, NYT or XIE story dated from August 1998 on."""
    return doc.startswith(AQUAINT_WIRES) and dct[:7] >= "1998-08"


def predict(gold: dict[str, dict]) -> dict[str, dict]:
    """The resolver's predictions for every gold document."""
    out = {}
    for doc, g in gold.items():
        dct = date.fromisoformat(g["dct"][:10]) if g.get("dct") else None
        out[doc] = to_record(doc, find_timexes(g["text"], dct))
    return out


def _gold_value(gold: dict, p: dict) -> str | None:
    """The value of the gold expression with the same span as prediction `p`, or of one overlapping it."""
    best = None
    for t in gold["timexes"]:
        if t["start"] == p["start"] and t["end"] == p["end"]:
            return t["value"]
        if t["start"] < p["end"] and p["start"] < t["end"]:
            best = best or t["value"]
    return best


def diff(gold: dict[str, dict], old: dict[str, dict], new: dict[str, dict]) -> list[str]:
    """Lines for the predictions present in one run and not the other (by span and value)."""
    lines = []
    for doc in gold:
        a = {(t["start"], t["end"], t["value"]) for t in old.get(doc, {}).get("timexes", [])}
        b = {(t["start"], t["end"], t["value"]) for t in new.get(doc, {}).get("timexes", [])}
        text = gold[doc]["text"]
        for sign, items in (("-", a - b), ("+", b - a)):
            for start, end, value in sorted(items):
                g = _gold_value(gold[doc], {"start": start, "end": end})
                verdict = "unmatched" if g is None else "right" if g == value else f"gold {g}"
                lines.append(f"{sign} {doc} {text[start:end]!r} {value} ({verdict})")
    return lines


def main(argv: list[str]) -> int:
    """Print the figures of each half."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "corpus" / "timebank" / "tbaq.jsonl"))
    ap.add_argument("--save")
    ap.add_argument("--diff")
    args = ap.parse_args(argv)
    scorer = _scorer()
    gold = scorer.load_jsonl(args.gold)
    pred = predict(gold)
    halves = {"AQUAINT": {d: g for d, g in gold.items() if is_aquaint(d, g.get("dct") or "")}}
    halves["TimeBank"] = {d: g for d, g in gold.items() if d not in halves["AQUAINT"]}
    halves["all"] = gold
    for name, part in halves.items():
        res = scorer.score(part, pred)
        c = res["counts"]
        print(f"{name:9} docs {len(part):3}  right {c.get('value_ok', 0):4}  gold {c['gold']:4}  pred {c['pred']:4}  "
              f"value F1 {res['value']['F1']:.4f}  relaxed {res['relaxed']['F1']:.4f}  "
              f"strict {res['strict']['F1']:.4f}")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            for doc in gold:
                f.write(json.dumps(pred[doc], ensure_ascii=False) + "\n")
    if args.diff:
        old = {json.loads(line)["doc"]: json.loads(line) for line in Path(args.diff).read_text().splitlines() if line}
        print("\n".join(diff(gold, old, pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
