"""Command line: `python -m events build CORPUS_DIR [--out FILE] [--store PATH] [--jobs N]` and
`python -m events timexes IN.jsonl --out OUT.jsonl`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from events.build_command import add_build_command, run_build
from events.timex_io import run_timexes


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m events", description="Syria–Russia contacts timeline")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = add_build_command(commands)
    timex_cmd = commands.add_parser("timexes", help="annotate temporal expressions (TIMEX3) in a JSONL file")
    timex_cmd.add_argument("source", type=Path, help='JSONL lines {"doc", "dct", "text"}')
    timex_cmd.add_argument("--out", type=Path, required=True, help='JSONL lines {"doc", "timexes": [...]}')
    args = parser.parse_args(argv)
    if args.command == "timexes":
        return run_timexes(parser, args.source, args.out)
    return run_build(args, build_cmd)


if __name__ == "__main__":
    sys.exit(main())
