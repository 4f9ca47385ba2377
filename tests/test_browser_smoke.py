"""Real-browser smoke test: the dashboard served by `streamlit run`, opened in Debian's chromium."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = Path("tests") / "fixtures" / "events_sample.jsonl"
HOSTILE = Path("tests") / "fixtures" / "events_hostile.jsonl"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


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
            _wait_healthy(url, proc, timeout=25)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@contextmanager
def _page(url: str):
    """A chromium page showing `url` once Streamlit has connected and finished running the script."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            problems: list[str] = []
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
            page.goto(url, timeout=20_000)
            page.wait_for_selector("[data-test-connection-state='CONNECTED']", timeout=20_000)
            page.wait_for_selector("[data-test-script-state='notRunning']", timeout=20_000)
            page.wait_for_function("document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                                   timeout=10_000)
            page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=15_000)
            yield page
            assert not problems, problems
        finally:
            browser.close()


def test_browser_smoke_chart_draws_points(tmp_path):
    records = [json.loads(line) for line in (REPO / SAMPLE).read_text(encoding="utf-8").splitlines() if line]
    expected_points = sum(len(r["actors"]) for r in records)  # default lanes: one point per (event, actor)
    with _serve(SAMPLE, tmp_path / "streamlit.log") as url, _page(url) as page:
        assert page.locator(".js-plotly-plot .scatterlayer .point").count() == expected_points
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("Syria–Russia contacts timeline").first.is_visible()
        assert page.locator("[data-testid='stDownloadButton']").count() == 2
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        # The CSV is built only when the button is clicked (deferred data): check it arrives whole.
        with page.expect_download(timeout=10_000) as download:
            page.get_by_role("button", name="Download CSV").click()
        data = Path(download.value.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data.count(b"\r\n") == len(records) + 1
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000


def test_browser_smoke_hostile_text_is_shown_as_text(tmp_path):
    with _serve(HOSTILE, tmp_path / "streamlit.log") as url, _page(url) as page:
        plot = page.locator(".js-plotly-plot").first
        # Article text must never become markup: no links, images or bold from data in the chart.
        assert plot.locator("a").count() == 0 and plot.locator("image").count() == 0
        ticks = " ".join(plot.locator(".ytick text").all_text_contents())
        assert "Syria <b>bold</b>" in ticks
        # Hover each point until the label of the <img ...> title shows, and read what Plotly draws.
        text = ""
        points = plot.locator(".scatterlayer .point")
        for index in range(points.count()):
            box = points.nth(index).bounding_box()
            assert box is not None
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            label = plot.locator(".hoverlayer .hovertext").first
            label.wait_for(timeout=5_000)
            text = label.text_content() or ""
            if "onerror" in text:
                break
        assert "<img src=x onerror=alert(1)>" in text
        assert '<a href="https://example.com">x</a>' in text
        assert plot.locator(".hoverlayer a").count() == 0
        page.screenshot(path=str(tmp_path / "hover.png"))
        # A click selects the point; the rerun shows the event's details, still as plain text.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.get_by_text("Selected event").wait_for(timeout=10_000)
        page.wait_for_selector("[data-test-script-state='notRunning']", timeout=10_000)
        main = page.locator("[data-testid='stMain']")
        assert main.get_by_text("<img src=x onerror=alert(1)>", exact=False).count() >= 1
        assert main.get_by_text('<a href="javascript:alert(1)">click</a>', exact=False).count() >= 1
        hrefs = [a.get_attribute("href") or "" for a in main.locator("a").all()]
        assert all(href.startswith("#") for href in hrefs), hrefs  # only Streamlit's heading anchors
        assert main.locator("img").count() == 0


def test_browser_smoke_missing_chromium_skips_locally_but_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        _require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        _require_chromium()
