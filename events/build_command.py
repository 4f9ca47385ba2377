"""The `build` subcommand: a corpus folder into the store, and optionally an export file."""
from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from events.pipeline import build, default_jobs
from events.records import write_records
from events.store import default_store_path, iter_records
from loaders.options import ReadOptions, parse_fields


def add_build_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `build` and its options to the command line."""
    cmd = commands.add_parser("build", help="extract events from a folder of articles")
    cmd.add_argument("corpus", type=Path, help="folder of articles (read recursively), with an optional manifest.csv")
    cmd.add_argument("--out", type=Path, help="also write the events to this file: .jsonl or .csv")
    cmd.add_argument("--store", type=Path,
                     help="SQLite store to keep and reuse (default CORPUS/.timeline/store.sqlite)")
    cmd.add_argument("--no-store", action="store_true", help="keep nothing between builds (a temporary store)")
    cmd.add_argument("--jobs", type=int, default=default_jobs(),
                     help="worker processes for extraction (default: all cores; 1 = in this process)")
    cmd.add_argument("--no-manifest", action="store_true", help="ignore the folder's manifest.csv")
    cmd.add_argument("--fields", default="", metavar="FIELD=COLUMN,...",
                     help="feed export columns for article fields, e.g. text=story,date=pub_time "
                          "(fields: title, text, date, url, outlet, author)")
    return cmd


def run_build(args: argparse.Namespace, cmd: argparse.ArgumentParser) -> int:
    """Run `build` with parsed arguments; print the report."""
    if args.out is not None and args.out.suffix.lower() not in {".jsonl", ".csv"}:
        cmd.error(f"--out must end in .jsonl or .csv, not {args.out.suffix or '(no suffix)'}")
    if not args.corpus.is_dir():
        cmd.error(f"not a folder: {args.corpus}")
    if args.jobs < 1:
        cmd.error("--jobs must be 1 or more")
    try:
        options = ReadOptions(fields=parse_fields(args.fields))
    except ValueError as exc:
        cmd.error(f"--fields: {exc}")
    store = None if args.no_store else (args.store or default_store_path(args.corpus))
    try:
        result = build(args.corpus, use_manifest=not args.no_manifest, store=store, jobs=args.jobs, options=options,
                       load=store is None)  # with a store, --out is written from it
    except (OSError, sqlite3.Error) as exc:
        cmd.error(f"cannot keep the store at {store} ({exc}); choose another with --store PATH or use --no-store")
    for line in result.report:
        print(line)
    if store is not None:
        print(f"store kept at {store}")
    if args.out is not None:
        records = iter_records(store) if store is not None else result.records
        print(f"wrote {write_records(records, args.out)} events to {args.out}")
    return 0
