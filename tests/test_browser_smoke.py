"""Real-browser tests: the dashboard served by `streamlit run`, driven in Debian's chromium with Playwright.

Screenshots are written to test-artifacts/ (git-ignored) so a person can look at what the browser showed.
"""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard import dataset
from dashboard.filters import FilterState, apply_filters

REPO = Path(__file__).resolve().parent.parent
SAMPLE = Path("tests") / "fixtures" / "events_sample.jsonl"
HOSTILE = Path("tests") / "fixtures" / "events_hostile.jsonl"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Markers of the timeline itself (the range slider under it draws a second, smaller copy).
POINTS = ".js-plotly-plot .cartesianlayer .scatterlayer .point"
TIMEOUT = 30_000  # ms; generous, because CI machines are slow and the first run must pass
# Where an event's marker is on screen, from the timeline's own axes (customdata[0] is the event id).
POINT_POSITION = """(eventId) => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const gd = plots.find(g => g._fullData && g._fullData.some(t => t.customdata));
  for (const trace of gd._fullData) {
    if (trace.mode !== 'markers' || !trace.customdata) continue;
    const i = trace.customdata.findIndex(c => c[0] === eventId);
    if (i < 0) continue;
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    return {x: box.left + xa._offset + xa.d2p(trace.x[i]), y: box.top + ya._offset + ya.d2p(trace.y[i])};
  }
  return null;
}"""


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = "chromium not installed: apt-get install chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"streamlit not healthy after {timeout} s")


@contextmanager
def _serve(source: Path, log_path: Path) -> Iterator[str]:
    """`streamlit run dashboard/app.py -- --source SOURCE` on a free port; yields its URL, then stops it."""
    _require_chromium()
    port = _free_port()
    env = {**os.environ, "TZ": "UTC"}
    env.pop("TIMELINE_SOURCE", None)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
             "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
             "--", "--source", str(source)],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc, timeout=60)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def _settle(page, points: bool = True) -> None:
    """Wait as Streamlit's own tests do: connected, script finished, no skeletons; then the chart's markers."""
    page.wait_for_selector("[data-test-connection-state='CONNECTED']", timeout=TIMEOUT)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=TIMEOUT)
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                           timeout=TIMEOUT)
    if points:
        page.wait_for_selector(POINTS, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def browser():
    """One chromium for the module's tests (each test gets its own page and Streamlit session)."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def _page(browser, url: str, points: bool = True):
    """A chromium page showing `url` once Streamlit has connected and finished running the script."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(url, timeout=TIMEOUT)
        _settle(page, points)
        yield page
        assert not problems, problems
    finally:
        context.close()


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def _hover(page, event_id: str) -> tuple[dict, str]:
    """Move the mouse onto an event's marker; its position and the hover label's text."""
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    where = page.evaluate(POINT_POSITION, event_id)
    assert where is not None, f"{event_id} is not on the chart"
    page.mouse.move(where["x"] - 30, where["y"] - 30)
    page.mouse.move(where["x"], where["y"], steps=5)
    label = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    label.wait_for(timeout=TIMEOUT)
    return where, label.text_content() or ""


def _caption(page) -> str:
    return page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()


def _csv_ids(data: bytes) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    return [row[0] for row in rows[1:]]


def _download_csv(page) -> bytes:
    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name="Download CSV").click()
    return Path(download.value.path()).read_bytes()


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory) -> Iterator[str]:
    with _serve(SAMPLE, tmp_path_factory.mktemp("serve") / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def sample_frame():
    return dataset.load_events(REPO / SAMPLE)


def test_browser_smoke_chart_draws_points(browser, sample_url):
    records = [json.loads(line) for line in (REPO / SAMPLE).read_text(encoding="utf-8").splitlines() if line]
    expected_points = sum(len(r["actors"]) for r in records)  # default lanes: one point per (event, actor)
    with _page(browser, sample_url) as page:
        assert page.locator(POINTS).count() == expected_points
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("Syria–Russia contacts timeline").first.is_visible()
        assert page.locator("[data-testid='stDownloadButton']").count() == 2
        assert page.locator(".js-plotly-plot").count() == 3  # timeline, per year, top actors
        # Streamlit scrolls inside the page, so a tall window is how the whole page gets into one picture.
        page.set_viewport_size({"width": 1400, "height": 2600})
        _settle(page)
        assert _shot(page, "dashboard.png").stat().st_size > 10_000
        page.set_viewport_size({"width": 1400, "height": 1000})
        # The CSV is built only when the button is clicked (deferred data): check it arrives whole.
        data = _download_csv(page)
        assert sorted(_csv_ids(data)) == sorted(r["event_id"] for r in records)
        assert data.count(b"\r\n") == len(records) + 1


def test_browser_filtered_url_shows_and_downloads_the_filtered_rows(browser, sample_url, sample_frame):
    query = urllib.parse.urlencode({"type": ["meeting", "call"], "era": "Assad era", "lanes": "Event type"},
                                   doseq=True)
    expected = apply_filters(sample_frame, FilterState(event_types=("meeting", "call"), eras=("assad",)))
    assert 0 < len(expected) < len(sample_frame)
    with _page(browser, f"{sample_url}/?{query}") as page:
        assert _caption(page).startswith(f"{len(expected)} of {len(sample_frame)} events")
        assert page.locator(POINTS).count() == int(expected["when"].notna().sum())  # type lanes: one per event
        sidebar = page.locator("[data-testid='stSidebar']")
        for chip in ("meeting", "call", "Assad era"):
            assert sidebar.get_by_text(chip, exact=True).count() >= 1, chip
        ticks = page.locator(".js-plotly-plot").first.locator(".ytick text").all_text_contents()
        assert set(ticks) == set(expected["event_type"])
        _shot(page, "filtered-url.png")
        assert _csv_ids(_download_csv(page)) == list(expected["event_id"])


def test_browser_search_goes_into_the_url_and_reset_clears_it(browser, sample_url, sample_frame):
    with _page(browser, sample_url) as page:
        box = page.locator("[data-testid='stSidebar'] input[aria-label='Search titles and excerpts']")
        box.fill("Tartus")
        box.press("Enter")
        expected = apply_filters(sample_frame, FilterState(query="Tartus"))
        page.wait_for_function(
            "(n) => [...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')]"
            ".some(e => e.innerText.startsWith(n + ' of '))", arg=str(len(expected)), timeout=TIMEOUT)
        page.wait_for_url("**q=Tartus**", timeout=TIMEOUT)
        page.get_by_role("button", name="Reset all filters").click()
        page.wait_for_function(
            "(n) => [...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')]"
            ".some(e => e.innerText.startsWith(n + ' of '))", arg=str(len(sample_frame)), timeout=TIMEOUT)
        _settle(page)
        page.wait_for_function("() => !window.location.search.includes('q=')", timeout=TIMEOUT)
        assert box.input_value() == ""


def test_browser_hover_label_shows_the_excerpt(browser, sample_url):
    with _page(browser, sample_url) as page:
        _, text = _hover(page, "ev-08d44f07c049")
        for part in ("20 Oct 2015", "Bashar al-Assad meets Vladimir Putin in Moscow", "President of Syria",
                     "Assad flew to Moscow", "Sample Wire", "Topics: Military, Diplomacy"):
            assert part in text, (part, text)
        box = page.locator(".js-plotly-plot .hoverlayer .hovertext").first.bounding_box()
        assert box is not None and box["width"] < 650  # wrapped to a readable width
        _shot(page, "hover.png")
        _, month = _hover(page, _month_event())
        assert "Sep 2023" in month and "month precision" in month


def _month_event() -> str:
    """The id of the sample's month-precision call (Sep 2023)."""
    for line in (REPO / SAMPLE).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["date"] == "2023-09":
            return record["event_id"]
    raise AssertionError("fixture changed: no Sep 2023 event")


def test_browser_click_opens_the_details_panel(browser, sample_url):
    with _page(browser, sample_url) as page:
        where, _ = _hover(page, "ev-08d44f07c049")
        page.mouse.click(where["x"], where["y"])
        page.get_by_text("Selected event").wait_for(timeout=TIMEOUT)
        _settle(page)
        main = page.locator("[data-testid='stMain']")
        for part in ("Source 1", "Source 2", "Example Daily", "2015-10-22", "date basis: stated",
                     "Bashar al-Assad (President of Syria, SY)", "first foreign visit since 2011"):
            assert main.get_by_text(part, exact=False).count() >= 1, part
        links = [a.get_attribute("href") for a in main.get_by_role("link", name="Open the article").all()]
        assert links == ["https://news.example.org/f002", "https://news.example.org/f003"]
        _shot(page, "details.png")


def test_browser_table_row_opens_the_details_panel(browser, sample_url, sample_frame):
    first = sample_frame.iloc[0]  # the table lists events in date order
    with _page(browser, sample_url) as page:
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)  # the row-selection column of the first row
        page.get_by_text("Selected event").wait_for(timeout=TIMEOUT)
        _settle(page)
        main = page.locator("[data-testid='stMain']")
        assert main.get_by_text(first["title"], exact=True).count() >= 1
        assert main.get_by_text(first["excerpt"], exact=False).count() >= 1


def test_browser_upload_joins_the_view_and_reports_each_file(browser, sample_url, sample_frame):
    good = (REPO / "tests" / "fixtures" / "upload_article.txt").read_bytes()
    with _page(browser, sample_url) as page:
        before = page.locator(POINTS).count()
        page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files([
            {"name": "upload_article.txt", "mimeType": "text/plain", "buffer": good},
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b"  \n"},
        ])
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("empty.txt: skipped", exact=False).wait_for(timeout=TIMEOUT)
        _settle(page)
        assert sidebar.get_by_text("upload_article.txt: 1 article read", exact=False).count() == 1
        caption = _caption(page)
        assert "uploaded)" in caption and int(caption.split(" of ")[0]) > len(sample_frame), caption
        assert page.locator(POINTS).count() > before
        _shot(page, "upload.png")


def test_browser_smoke_hostile_text_is_shown_as_text(browser, tmp_path):
    with _serve(HOSTILE, tmp_path / "streamlit.log") as url, _page(browser, url) as page:
        plot = page.locator(".js-plotly-plot").first
        # Article text must never become markup: no links, images or bold from data in the chart.
        assert plot.locator("a").count() == 0 and plot.locator("image").count() == 0
        ticks = " ".join(plot.locator(".ytick text").all_text_contents())
        assert "Syria <b>bold</b>" in ticks
        where, text = _hover(page, "ev-21be4cd6b9ff")
        assert "<img src=x onerror=alert(1)>" in text
        assert '<a href="https://example.com">x</a>' in text
        assert '<script>alert("x")</script>' in text
        assert plot.locator(".hoverlayer a").count() == 0
        _shot(page, "hostile-hover.png")
        # A click selects the point; the rerun shows the event's details, still as plain text.
        page.mouse.click(where["x"], where["y"])
        page.get_by_text("Selected event").wait_for(timeout=TIMEOUT)
        _settle(page)
        main = page.locator("[data-testid='stMain']")
        assert main.get_by_text("<img src=x onerror=alert(1)>", exact=False).count() >= 1
        assert main.get_by_text('<a href="javascript:alert(1)">click</a>', exact=False).count() >= 1
        hrefs = [a.get_attribute("href") or "" for a in main.locator("a").all()]
        # Only Streamlit's heading anchors and the source's own web address; nothing from article text.
        assert all(h.startswith("#") or h == "https://news.example.org/h00" for h in hrefs), hrefs
        assert main.locator("img").count() == 0
        _shot(page, "hostile-details.png")


def test_browser_smoke_missing_chromium_skips_locally_but_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        _require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        _require_chromium()
