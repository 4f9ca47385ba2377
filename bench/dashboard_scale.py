"""Dashboard at scale: load, filter and draw 1,000 / 10,000 / 100,000 synthetic events; figure JSON size.

    python -m bench.dashboard_scale [--sizes 1000 10000 100000] [--browser]

Records are generated here in the export format (events/records.py `to_record`). `--browser` also serves the
dashboard with `streamlit run`, opens it in Debian's chromium with Playwright, types a search into the sidebar
and times until the chart is redrawn, at the smallest and the largest size.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page
    from plotly.graph_objects import Figure

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd

from bench.common import REPO, Timer, print_machine, verdict
from bench.generate_corpus import load_material

# ---- adapter: every call into dashboard/ is here, so a change of signature is fixed in one place ----
from dashboard.reference import SEARCH_LABEL  # the sidebar search box, by the label the page shows
from events.gazetteer import load_gazetteer

FILTER_QUERY = "talks"  # the search typed in; about half of the generated titles contain it


def load_frame(path: Path) -> pd.DataFrame:
    """The dashboard's events frame read from a .jsonl export."""
    from dashboard import dataset

    return dataset.load_events(path)


def filter_frame(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows the sidebar search `query` keeps ('' keeps all)."""
    from dashboard import filters

    return filters.apply_filters(frame, filters.FilterState(query=query))


def build_figure(frame: pd.DataFrame) -> Figure:
    """The timeline figure the page draws for `frame`."""
    from dashboard import charts

    return charts.timeline_figure(frame)
# ---- end of adapter ----


TARGET_JSON_MB = 10  # figure JSON at 100,000 events
TARGET_REDRAW_RATIO = 3  # redraw time at the largest size over the smallest
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
TYPES = ("meeting", "call", "agreement", "statement", "aid", "military", "other")


def make_records(count: int, seed: int = 1) -> list[dict]:
    """`count` synthetic export records with actors, places and topics from the data files."""
    rng = random.Random(f"timeline-dashboard:{seed}")
    gazetteer, material = load_gazetteer(), load_material()
    people = {iso: [a for a in gazetteer.actors if a.kind == "person" and a.country == iso] for iso in ("SY", "RU")}
    records = []
    for number in range(count):
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(5000))
        precision = rng.choices(("day", "month", "year", "unknown"), weights=(70, 20, 6, 4))[0]
        shown = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year), "unknown": None}
        actors = [rng.choice(people["SY"]), rng.choice(people["RU"]), *rng.sample(people["RU"], rng.randrange(2))]
        place = rng.choice(material.places)
        names = " and ".join(a.name for a in actors[:2])
        title = f"{names} hold talks in {place}" if rng.random() < 0.5 else f"{names} meet in {place}"
        excerpt = (f"{actors[0].name} and {actors[1].name} went over {rng.choice(material.topics)} and "
                   f"{rng.choice(material.topics)} in {place}, officials said after the meeting.")
        sources = [{"article": f"a{rng.randrange(10**6):06d}.txt", "title": title, "outlet": "Bench Wire",
                    "url": f"https://news.example.org/{day:%Y/%m/%d}/e{number}", "published": day.isoformat(),
                    "excerpt": excerpt, "start": 100, "end": 100 + len(excerpt)}
                   for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        records.append({
            "event_id": f"ev-{number:012x}", "date": shown[precision], "date_precision": precision,
            "date_basis": rng.choice(("stated", "relative", "publication", "inferred")),
            "event_type": rng.choice(TYPES), "modality": rng.choices(("reported", "planned"), weights=(9, 1))[0],
            "title": title,
            "actors": [{"name": a.name, "country": a.country, "role": r.title if (r := a.role_on(day)) else None,
                        "id": a.qid} for a in actors],
            "location": place if rng.random() < 0.7 else None,
            "topics": rng.sample(material.topics, 2), "sources": sources,
        })
    return records


def write_jsonl(records: list[dict], path: Path) -> None:
    """Records as a .jsonl file."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def measure_size(count: int, folder: Path) -> tuple[Path, float]:
    """Print the load/filter/figure figures at `count` events; return the .jsonl path and the JSON MB."""
    path = folder / f"events-{count}.jsonl"
    write_jsonl(make_records(count), path)
    with Timer() as load:
        frame = load_frame(path)
    print(f"== {count:,} events ({path.stat().st_size / 1e6:.1f} MB of JSON Lines)")
    print(f"  load into the frame: {load.seconds:.2f} s (CPU {load.cpu:.2f} s)")
    size_mb = 0.0
    for query in ("", FILTER_QUERY):
        with Timer() as filtering:
            shown = filter_frame(frame, query)
        with Timer() as drawing:
            figure = build_figure(shown)
        with Timer() as encoding:
            size = len(figure.to_json().encode("utf-8"))
        points = sum(len(trace.x or ()) for trace in figure.data)
        label = f"search {query!r}" if query else "no filter"
        print(f"  {label}: {len(shown):,} rows, filter {filtering.seconds:.3f} s, figure {drawing.seconds:.2f} s "
              f"(CPU {drawing.cpu:.2f} s), {points:,} points, figure JSON {size / 1e6:.2f} MB "
              f"(to_json {encoding.seconds:.2f} s)")
        size_mb = size_mb or size / 1e6
    return path, size_mb


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_PLOTS = "Array.from(document.querySelectorAll('.js-plotly-plot'))"
_POINTS_JS = f"() => {_PLOTS}.reduce((n, gd) => n + (gd.data || []).reduce((m, t) => m + (t.x || []).length, 0), 0)"
# Plotly gives a redrawn chart a new `data` array: remember the current ones, then wait for a new one.
_MARK_JS = f"() => {{ window.__benchData = {_PLOTS}.map(gd => gd.data); }}"
_REDRAWN_JS = (f"() => document.querySelector(\"[data-test-script-state='notRunning']\") !== null && "
               f"{_PLOTS}.some(gd => gd.data && !window.__benchData.includes(gd.data))")


def _type_and_wait(page: Page, box: Locator, text: str, wait_ms: float) -> None:
    """Type `text` into the search box, press Enter, and wait until the chart holds new data."""
    page.evaluate(_MARK_JS)
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(_REDRAWN_JS, timeout=wait_ms, polling=50)


def browser_redraw(source: Path, timeout_s: float, repeats: int) -> tuple[float, float, int]:
    """Serve the dashboard on `source`; return first-page and median search-to-redraw seconds, and points drawn."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--", "--source", str(source)]
    server = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                time.sleep(0.25)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            wait_ms = timeout_s * 1000
            with Timer() as first:
                page.goto(url, timeout=wait_ms)
                page.wait_for_selector("[data-test-connection-state='CONNECTED']", timeout=wait_ms)
                page.wait_for_function(f"() => ({_POINTS_JS})() > 0", timeout=wait_ms, polling=100)
                page.wait_for_selector("[data-test-script-state='notRunning']", timeout=wait_ms)
            box, times = page.get_by_label(SEARCH_LABEL), []
            for attempt in range(repeats):
                if attempt:  # back to the unfiltered chart, untimed
                    _type_and_wait(page, box, "", wait_ms)
                with Timer() as redraw:
                    _type_and_wait(page, box, FILTER_QUERY, wait_ms)
                times.append(redraw.seconds)
            points = page.evaluate(_POINTS_JS)
            browser.close()
        return first.seconds, statistics.median(times), points
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main(argv: list[str] | None = None) -> int:
    """Measure every size, then (with --browser) the search-to-redraw time in chromium."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--browser", action="store_true", help="also time a filter change in chromium")
    parser.add_argument("--timeout", type=float, default=600, help="browser wait limit in seconds (default 600)")
    parser.add_argument("--repeats", type=int, default=3, help="timed filter changes per size (median shown)")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    print_machine()
    with tempfile.TemporaryDirectory(prefix="timeline-dashboard-") as tmp:
        paths, json_mb = {}, {}
        for count in sizes:
            paths[count], json_mb[count] = measure_size(count, Path(tmp))
        largest = sizes[-1]
        print(f"== figure JSON at {largest:,} events, no filter: {json_mb[largest]:.2f} MB "
              f"(target < {TARGET_JSON_MB} MB at 100,000): {verdict(json_mb[largest] < TARGET_JSON_MB)}")
        if not args.browser:
            return 0
        if not Path(CHROMIUM).exists():
            print(f"== browser: {CHROMIUM} not found (apt-get install chromium); skipped")
            return 1
        redraw = {}
        for count in dict.fromkeys((sizes[0], largest)):
            first, redraw[count], points = browser_redraw(paths[count], args.timeout, max(1, args.repeats))
            print(f"== browser, {count:,} events: first page {first:.2f} s, search {FILTER_QUERY!r} to redrawn "
                  f"chart {redraw[count]:.2f} s (median of {max(1, args.repeats)}; {points:,} points after)")
        ratio = redraw[largest] / redraw[sizes[0]]
        print(f"== redraw {largest:,} / {sizes[0]:,} events: {ratio:.1f}x (target <= {TARGET_REDRAW_RATIO}): "
              f"{verdict(ratio <= TARGET_REDRAW_RATIO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
