"""Time the TIMEX3 resolver against a bare `dateparser.search_dates` pass over the same TimeBank texts.

Usage: python bench/timex_speed.py [TBAQ.jsonl] [--repeat N]   (default ../shared/corpus/timebank/tbaq.jsonl, 2)
The two passes run in turn N times and the best time of each is kept (a shared machine is noisy). The
resolver's dateparser cache is emptied before each of its passes, so every pass pays for its dateparser calls.
Prints both times, the ratio, and the machine. Target: the resolver at least 10 times faster.
"""
from __future__ import annotations

import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

from dateparser.search import search_dates

from events.timex import find_timexes
from events.timex_dateparser import cache_clear, normalise

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "timebank" / "tbaq.jsonl"


def main(argv: list[str]) -> int:
    """Run both passes and print the figures."""
    repeat = 2
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    path = Path(argv[0]) if argv else DEFAULT
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [(d["text"], date.fromisoformat(d["dct"][:10])) for d in docs]
    find_timexes("warm up on Tuesday, 3 May 2019", date(2019, 5, 8))  # compile patterns, load vocabulary
    search_dates("warm up on Tuesday, 3 May 2019", languages=["en"])  # load language data
    ours_s = theirs_s = float("inf")
    for _ in range(repeat):
        cache_clear()
        start = time.perf_counter()
        ours = sum(len(find_timexes(text, dct)) for text, dct in texts)
        ours_s = min(ours_s, time.perf_counter() - start)
        start = time.perf_counter()
        theirs = sum(len(search_dates(text, languages=["en"]) or ()) for text, _dct in texts)
        theirs_s = min(theirs_s, time.perf_counter() - start)
    calls = normalise.cache_info()
    chars = sum(len(text) for text, _dct in texts)
    print(f"documents: {len(texts)}   characters: {chars:,}   best of {repeat} runs each")
    print(f"resolver (events.timex.find_timexes):            {ours_s:8.2f} s   {ours} expressions")
    print(f"  of which dateparser normalised {calls.misses} distinct candidates ({calls.hits} repeats from the cache)")
    print(f"dateparser.search_dates(languages=['en']) bare: {theirs_s:8.2f} s   {theirs} hits")
    print(f"ratio: resolver is {theirs_s / ours_s:.1f}x faster (target >= 10x)")
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
