"""Map page speed in headless Chromium against a local server: load, click, year switch.

Starts ``uvicorn electoral.api.app:app`` on a free port of 127.0.0.1 (the same helper as
bench_api.py) and drives Debian's Chromium with Playwright:

- ``page_load_cold``: a new browser context (empty cache) opens ``/?year=2020`` until the map is
  drawn and the bar filled (``body[data-ready]``): HTML, CSS, the ES modules of ``web/static/js/``
  (main.js and the modules it imports, preloaded together), map.json and two API calls;
- ``page_load_cold_with_panels``: the same until the three panels have answered too;
- ``page_load_warm``: the same page reloaded (assets from the browser cache);
- ``click_to_bar``: one click on a state until the bar and the outcome line show it (in-page time);
- ``year_switch``: choosing another year until its map is drawn (one API call).

Run: ``python benchmarks/bench_page.py`` (about 20 s). Prints ``name  value  unit  target`` lines.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from _report import report
from bench_api import free_port, start_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOADS = 15
CLICKS = 200
READY = "body[data-ready=true]"  # map drawn, bar and outcome filled
PANELS_READY = "body[data-panels=ready]"  # tipping point, paths and probability panels answered

# Time, inside the page, from a click on a state to the bar showing it (the handler is synchronous).
CLICK_SCRIPT = """(n) => {
  const codes = ["GA", "AZ", "WI", "PA", "TX", "FL", "NE-2", "ME-2"];
  const times = [];
  for (let i = 0; i < n; i++) {
    const target = document.querySelector(`[data-unit="${codes[i % codes.length]}"]`);
    const before = document.querySelector("#outcome").textContent;
    const start = performance.now();
    target.dispatchEvent(new MouseEvent("click", {bubbles: true, clientX: 10, clientY: 10}));
    const after = document.querySelector("#outcome").textContent;
    times.push(performance.now() - start);
    if (after === before) throw new Error("the outcome line did not change");
  }
  return times;
}"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run scripts/install_chromium.sh")
    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/?year=2020"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            cold, dom_ready, warm, panels = [], [], [], []
            for i in range(LOADS + 1):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_selector(READY)
                elapsed = (time.perf_counter() - start) * 1e3
                page.wait_for_selector(PANELS_READY)
                with_panels = (time.perf_counter() - start) * 1e3
                if i:  # the first load also warms the server's per-year caches
                    cold.append(elapsed)
                    panels.append(with_panels)
                    dom_ready.append(page.evaluate(
                        "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
                if i == 1:
                    transferred = page.evaluate(  # HTML + every resource and API answer of one cold load
                        "performance.getEntriesByType('navigation')[0].encodedBodySize + performance"
                        ".getEntriesByType('resource').reduce((s, r) => s + r.encodedBodySize, 0)")
                    requests = 1 + page.evaluate("performance.getEntriesByType('resource').length")
                if i == LOADS:
                    for _ in range(LOADS):
                        start = time.perf_counter()
                        page.reload()
                        page.wait_for_selector(READY)
                        warm.append((time.perf_counter() - start) * 1e3)
                    clicks = page.evaluate(CLICK_SCRIPT, CLICKS)
                    switches = []
                    for year in (2016, 1860, 1932, 2024, 1789, 2020) * 2:
                        start = time.perf_counter()
                        page.select_option("#year", str(year))
                        page.wait_for_function(
                            "y => document.querySelector('#outcome').textContent && "
                            "new URLSearchParams(location.search).get('year') === y", arg=str(year))
                        switches.append((time.perf_counter() - start) * 1e3)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)

    report("page_load_cold_median", statistics.median(cold), "ms", "< 1000")
    report("page_load_cold_p95", p95(cold), "ms", "< 1000")
    report("page_dom_content_loaded_median", statistics.median(dom_ready), "ms")
    report("page_load_cold_with_panels_median", statistics.median(panels), "ms")
    report("page_load_warm_median", statistics.median(warm), "ms", "< 1000")
    report("click_to_bar_median", statistics.median(clicks), "ms", "< 16")
    report("click_to_bar_p95", p95(clicks), "ms", "< 16")
    report("year_switch_median", statistics.median(switches), "ms", "< 300")
    report("page_bytes_cold_load", transferred / 1024, "KiB")
    report("page_requests_cold_load", requests, "requests")  # with the panels' three


if __name__ == "__main__":
    sys.exit(main())
