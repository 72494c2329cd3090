"""The map's forecast mode in headless Chromium against a local server: entering it, and a click's odds.

- ``forecast_mode_enter``: choosing "Forecast" in the View selector until the map shows the packaged
  example forecast (``body[data-forecast=ready]``): ``POST /api/forecast`` of the example polls, then
  ``POST /api/forecast/conditional`` with no assumption (the baseline of the changes shown);
- ``forecast_click_to_odds``: a click that assumes a unit's winner until every unit and the national
  odds show the conditional odds (one ``POST /api/forecast/conditional``: 100,000 seeded draws).

Run: ``python benchmarks/bench_page_forecast.py`` (about 30 s). Prints ``name  value  unit  target`` lines.
"""

from __future__ import annotations

import statistics
import time

from bench_api import free_port, start_server
from _report import report
from bench_page import CHROMIUM, CHROMIUM_ARGS, READY, p95

ENTERS = 3
CLICKS = 24
UNITS = ["PA", "WI", "MI", "GA", "AZ", "NC", "FL", "NV"]


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-forecast=ready]", timeout=60_000)


def main() -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(port)
    enters, clicks = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(ENTERS):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/?year=2020")
                page.wait_for_selector(READY)
                start = time.perf_counter()
                page.select_option("#mode", "forecast")
                wait_ready(page)
                enters.append((time.perf_counter() - start) * 1e3)
            for i in range(CLICKS):
                page.focus(f'[data-unit="{UNITS[i % len(UNITS)]}"]')  # (Michigan's middle is a lake)
                start = time.perf_counter()
                page.keyboard.press("Enter")  # D, R, none, in turn, over the units
                wait_ready(page)
                clicks.append((time.perf_counter() - start) * 1e3)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    report("forecast_mode_enter_median", statistics.median(enters), "ms", "< 3000")
    report("forecast_click_to_odds_median", statistics.median(clicks), "ms", "< 1000")
    report("forecast_click_to_odds_p95", p95(clicks), "ms", "< 1000")


if __name__ == "__main__":
    main()
