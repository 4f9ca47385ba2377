"""Command line: `python -m events build CORPUS_DIR --out FILE.jsonl|FILE.csv`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from events.pipeline import build
from events.records import write_records
from events.timex_io import run_timexes


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m events", description="Syria–Russia contacts timeline")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="extract events from a folder of articles")
    build_cmd.add_argument("corpus", type=Path, help="folder of articles, with an optional manifest.csv")
    build_cmd.add_argument("--out", type=Path, required=True, help="events file: .jsonl or .csv")
    build_cmd.add_argument("--no-manifest", action="store_true", help="ignore the folder's manifest.csv")
    timex_cmd = commands.add_parser("timexes", help="annotate temporal expressions (TIMEX3) in a JSONL file")
    timex_cmd.add_argument("source", type=Path, help='JSONL lines {"doc", "dct", "text"}')
    timex_cmd.add_argument("--out", type=Path, required=True, help='JSONL lines {"doc", "timexes": [...]}')
    args = parser.parse_args(argv)
    if args.command == "timexes":
        return run_timexes(parser, args.source, args.out)
    if args.out.suffix.lower() not in {".jsonl", ".csv"}:
        parser.error(f"--out must end in .jsonl or .csv, not {args.out.suffix or '(no suffix)'}")
    if not args.corpus.is_dir():
        parser.error(f"not a folder: {args.corpus}")
    result = build(args.corpus, use_manifest=not args.no_manifest)
    write_records(list(result.records), args.out)
    for line in result.report:
        print(line)
    print(f"wrote {len(result.records)} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
