"""Command line: `python -m events build CORPUS_DIR [--out FILE.jsonl|FILE.csv] [--store PATH] [--jobs N]`."""
from __future__ import annotations

import argparse
import sys

from events.build_command import add_build_command, run_build


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m events", description="Syria–Russia contacts timeline")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = add_build_command(commands)
    args = parser.parse_args(argv)
    if args.command == "build":
        return run_build(args, build_cmd)
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
