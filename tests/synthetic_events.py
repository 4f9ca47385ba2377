"""Synthetic export records for scale tests of the dashboard's pure functions (our own made-up words).

Run `python -m tests.synthetic_events 1000 10000 50000` to print the timeline figure's JSON size for each count.
"""
from __future__ import annotations

import random
import sys

TYPES = ("meeting", "call", "agreement", "statement", "aid", "military", "other")
TOPICS = ("military", "diplomacy", "economy", "energy", "humanitarian", "sanctions", "reconstruction")
OUTLETS = tuple(f"Outlet {letter}" for letter in "ABCDEFGHIJ")
WORDS = ("delegation", "talks", "envoy", "ministry", "statement", "agreement", "wheat", "port", "base", "visit",
         "convoy", "loan", "grid", "council", "briefing", "protocol", "summit", "exchange", "mission", "plan")


def _actor(rng: random.Random, country: str) -> dict:
    number = rng.randrange(60)
    side = "Syrian" if country == "SY" else "Russian"
    role = f"{side} official, desk {number % 7}" if number % 3 else None
    return {"name": f"{side} figure {number:02d}", "country": country, "role": role, "id": None}


def synthesise_records(count: int, seed: int = 7) -> list[dict]:
    """`count` export records with mixed date precision, 2000–2026, two to three actors each."""
    rng = random.Random(seed)
    records = []
    for index in range(count):
        year = rng.randrange(2000, 2027)
        month = rng.randrange(1, 13)
        day = rng.randrange(1, 29)
        precision = rng.choices(("day", "month", "year", "unknown"), weights=(70, 20, 8, 2))[0]
        date = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}", "year": f"{year}",
                "unknown": None}[precision]
        actors = [_actor(rng, "SY"), _actor(rng, "RU")] + ([_actor(rng, "RU")] if index % 4 == 0 else [])
        excerpt = " ".join(rng.choice(WORDS) for _ in range(24)).capitalize() + "."
        title = f"{actors[0]['name']} and {actors[1]['name']}: {rng.choice(WORDS)} {rng.choice(WORDS)} #{index}"
        records.append({
            "event_id": f"ev-{index:012x}", "date": date, "date_precision": precision,
            "date_basis": rng.choice(("stated", "relative", "publication")),
            "event_type": rng.choice(TYPES), "modality": "planned" if index % 17 == 0 else "reported",
            "title": title, "actors": actors, "location": None,
            "topics": rng.sample(TOPICS, rng.randrange(0, 3)),
            "sources": [{"article": f"synthetic/{index}.txt", "title": title, "outlet": rng.choice(OUTLETS),
                         "url": f"https://news.example.org/{index}", "published": None, "excerpt": excerpt,
                         "start": 0, "end": len(excerpt)}],
        })
    return records


def main(counts: list[int]) -> None:
    """Print the timeline figure's JSON size and build time (lanes by actor, type, topic) per number of events."""
    import time

    from dashboard import charts, dataset

    for count in counts:
        started = time.perf_counter()
        frame = dataset.to_frame(synthesise_records(count))
        print(f"{count:>7} events: synthesised and framed in {time.perf_counter() - started:.2f} s")
        for lanes in ("actor", "type", "topic"):
            started = time.perf_counter()
            fig = charts.timeline_figure(frame, lanes=lanes)
            built = time.perf_counter() - started
            size = len(fig.to_json())
            print(f"{count:>7} events, lanes={lanes:<5}: {charts.point_count(fig):>5} markers, "
                  f"figure JSON {size / 1e6:.2f} MB, built in {built:.2f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 50000])
