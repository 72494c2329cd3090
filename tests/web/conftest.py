"""Fixtures for the map page: one uvicorn server and one headless Chromium per test session.

The page talks to the real application (``electoral.api.app:app``) over HTTP on a free port of
127.0.0.1; Playwright drives Debian's Chromium (``/usr/bin/chromium``, see scripts/install_chromium.sh).
Without that browser the tests skip, except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

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

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Screenshots go here; ELECTORAL_SCREENSHOTS names another folder (created if missing).
ARTIFACTS = Path(os.environ.get("ELECTORAL_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "test-artifacts")
SERVER_START_SECONDS = 60


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the app with uvicorn in a subprocess (with ``env`` added to the environment); yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "electoral.api.app:app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"the server exited with code {server.returncode}: {server.stderr.read()}")
            try:
                with urllib.request.urlopen(f"{url}/api/years", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer on {url} within {SERVER_START_SECONDS} s")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """The app served on a free port of 127.0.0.1 for the session: ``http://127.0.0.1:PORT``."""
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright, shared by the session."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (run scripts/install_chromium.sh)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, base_url):
    """``open_page(query="", width=1280, height=900, console=True, server="")``: a fresh page on ``/?query`` (of
    ``server``, else the session's), ready to use.

    Fails the test on any JavaScript error or failed request the page reports, and (unless ``console``
    is false: a test of a bad URL, whose 404 Chromium logs) on any console error or warning.
    """
    contexts = []
    problems: list[str] = []

    def open_(query: str = "", width: int = 1280, height: int = 900, console: bool = True, server: str = ""):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"  # superseded on purpose
                and problems.append(f"request failed: {request.url} ({request.failure})"))
        page.on("response", lambda r: r.status >= 500 and problems.append(f"{r.status} from {r.url}"))
        if console:
            page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console.{m.type}: {m.text}"))
        page.goto(f"{server or base_url}/{query}")
        page.wait_for_selector("body[data-ready=true]", timeout=15_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder for screenshots (``test-artifacts/`` at the repository root, or ``$ELECTORAL_SCREENSHOTS``)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def tallies(page) -> dict[str, int]:
    """Candidate -> electoral votes as the page's tallies above the bar show them (the grey rest left out)."""
    return page.eval_on_selector_all(
        "#tallies .tally:not(.rest)", "els => Object.fromEntries(els.map(e => [e.dataset.candidate, +e.dataset.votes]))")


def on_map(page) -> dict[str, str]:
    """Unit code -> the candidate shown on the map ("" = undecided), for every unit of the year."""
    return page.eval_on_selector_all(
        "[data-unit]", "els => Object.fromEntries(els.map(e => [e.dataset.unit, e.dataset.candidate]))")


def show_year(page, year: int) -> None:
    """Choose ``year`` in the selector and wait until the page has drawn it."""
    page.select_option("#year", str(year))
    page.wait_for_function("y => document.body.dataset.year === y && !document.body.dataset.loading", arg=str(year))


@pytest.fixture
def page_tools():
    """The helpers above, for tests: ``tallies``, ``on_map``, ``show_year``."""
    return tallies, on_map, show_year
