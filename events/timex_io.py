"""The `timexes` command: documents in JSONL ({"doc", "dct", "text"}) to TIMEX3 annotations in JSONL."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.timex import FoundTimex, find_timexes


@dataclass(frozen=True, slots=True)
class TimexRun:
    """What a run wrote, and a message for each input line it had to skip."""

    documents: int
    timexes: int
    problems: tuple[str, ...]


def to_record(doc: str, found: tuple[FoundTimex, ...]) -> dict[str, object]:
    """The output line for one document, in the format `score_timex.py` reads."""
    return {"doc": doc, "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                                     "value": t.value} for t in found]}


def _read_line(line: str) -> tuple[str, date | None, str]:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    doc, text, dct = record.get("doc"), record.get("text"), record.get("dct")
    if not isinstance(doc, str) or not doc:
        raise ValueError('missing "doc"')
    if not isinstance(text, str):
        raise ValueError('missing "text"')
    day = date.fromisoformat(dct[:10]) if isinstance(dct, str) and dct else None
    return doc, day, text


def annotate_file(source: Path, target: Path) -> TimexRun:
    """Annotate every document of `source` into `target`; a bad line is reported and skipped."""
    problems: list[str] = []
    documents = timexes = 0
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc, dct, text = _read_line(line)
            except (ValueError, TypeError) as error:
                problems.append(f"{source}:{number}: skipped: {error}")
                continue
            found = find_timexes(text, dct)
            out.write(json.dumps(to_record(doc, found), ensure_ascii=False) + "\n")
            documents += 1
            timexes += len(found)
    return TimexRun(documents, timexes, tuple(problems))


def run_timexes(parser: argparse.ArgumentParser, source: Path, target: Path) -> int:
    """The `timexes` subcommand: check the paths, annotate, print what was skipped and written."""
    if not source.is_file():
        parser.error(f"not a file: {source}")
    run = annotate_file(source, target)
    for problem in run.problems:
        print(problem, file=sys.stderr)
    print(f"wrote {run.timexes} timexes for {run.documents} documents to {target}")
    return 0
