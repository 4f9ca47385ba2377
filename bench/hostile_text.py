"""Extraction time on hostile or broken text (no sentence ends, endless names, thousands of dates in one
sentence): each shape should cost about as much per KB as ordinary news, never grow with the square of its size.

    python -m bench.hostile_text [--kb 64]
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import print_machine
from events.assemble import extract_events
from events.gazetteer import load_gazetteer
from loaders.article import DateSource
from loaders.plain import parse_plain_text

SHAPES = {
    "titles, no names": lambda rng: "Russian Deputy Foreign Minister ",
    "capitalised words": lambda rng: rng.choice(["Bashar", "Al", "Assad", "Putin", "Vladimir", "Minister"]) + " ",
    "dates in one sentence": lambda rng: "on Monday, 3 March 2021 ",
    "contacts in one sentence": lambda rng: "Assad met Putin on Monday, 3 March 2021 and ",
    "no punctuation": lambda rng: "the syrian president met the russian president on monday and ",
    "commas": lambda rng: "Putin, ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=64, help="size of each text in KB (the time is also shown at half)")
    args = parser.parse_args()
    print_machine()
    gazetteer = load_gazetteer()
    for name, piece in SHAPES.items():
        times = []
        for size in (args.kb * 512, args.kb * 1024):
            rng = random.Random(1)
            text = ""
            while len(text) < size:
                text += piece(rng)
            article = parse_plain_text("Title\n\n" + text, "hostile.txt")
            article = dataclasses.replace(article, published=date(2024, 7, 25), published_source=DateSource.MANIFEST)
            start = time.perf_counter()
            extract_events(article, gazetteer)
            times.append(time.perf_counter() - start)
        print(f"  {name}: {times[0]:.2f} s at {args.kb // 2} KB, {times[1]:.2f} s at {args.kb} KB "
              f"(x{times[1] / max(times[0], 1e-9):.1f} for twice the text)")


if __name__ == "__main__":
    main()
