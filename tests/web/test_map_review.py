"""The map page against the record for every year, under a slow network, under axe-core, and on screenshots.

- Every election 1789-2024 in one Chromium page: the tallies above the bar and the outcome line are the
  record's tally (``electoral tally YEAR --json`` = ``GET /api/elections/{year}/tally``), with no console
  message.
- A year's answer that arrives after the user chose another year is dropped.
- axe-core finds no serious or critical violation at 1440 and 375 px.
- Screenshots of 1800, 1824, 1860, 1912, 2020 and a 269-269 map at both widths, in the artifacts folder.
"""

from __future__ import annotations

import struct
from datetime import date

import pytest

from electoral.output.base import document
from electoral.output.record import tally_out
from electoral.record import election
from electoral.units import election_years

pytestmark = pytest.mark.browser


def long_date(iso: str) -> str:
    """'1825-02-09' -> '9 February 1825'."""
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def test_every_year_shows_the_records_tally(open_page, page_tools, base_url) -> None:
    tallies, _, show_year = page_tools
    page = open_page("?year=2024")
    for year in election_years():
        show_year(page, year)
        api = page.request.get(f"{base_url}/api/elections/{year}/tally").json()
        assert api == document(tally_out(election(year).tally()))  # the CLI's --json builds the same document
        expected = {c["name"]: c["electoral_votes"] for c in api["candidates"] if c["electoral_votes"] > 0}
        assert tallies(page) == expected, year
        segments = page.eval_on_selector_all("#bar-segments .seg", "els => els.map(e => e.dataset.candidate)")
        assert segments == list(expected), year  # one segment per candidate, in the tally's order
        outcome = page.inner_text("#outcome")
        majority = f"({api['majority_needed']} needed)"
        if api["winner"]:
            assert outcome.endswith(f"· {api['winner']} wins {majority}"), (year, outcome)
        else:
            c = api["contingent"]
            assert f"on {long_date(c['date'])} the {c['decided_by']} chose {c['chosen']}" in outcome, (year, outcome)
            assert majority in outcome
        assert outcome.startswith(" – ".join(f"{name} {votes}" for name, votes in list(expected.items())[:4])), year
        if api["votes_per_elector"] == 2:
            assert "two votes" in page.inner_text("#recorded") and "two votes" in page.inner_text("#bar-mark-label")


def test_the_latest_year_requested_wins(open_page, page_tools) -> None:
    tallies, _, show_year = page_tools
    page = open_page("?year=2020")
    held = []
    page.route("**/api/elections/1800/map", lambda route: held.append(route))  # 1800 answers only when released
    page.select_option("#year", "1800")
    page.wait_for_function("() => document.body.dataset.loading === 'true'")
    assert held, "the page did not ask for 1800"
    show_year(page, 2024)  # the user moves on while 1800 is on its way
    try:
        held[0].continue_()  # 1800's answer arrives late (if the page has not aborted the request already)
    except Exception:  # noqa: BLE001 - an aborted request cannot be continued: as good
        pass
    page.wait_for_timeout(400)
    assert page.input_value("#year") == "2024" and "year=2024" in page.url
    assert page.evaluate("document.body.dataset.year") == "2024"
    assert tallies(page) == {"Donald Trump": 312, "Kamala Harris": 226}  # Congress's count of 6 January 2025


def serious(page, axe) -> list[str]:
    """The serious and critical violations axe-core finds on the page (WCAG 2.2 A/AA and best practice)."""
    results = axe.run(page, options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
        "rules": {"label-content-name-mismatch": {"enabled": True}, "target-size": {"enabled": True}},
    })
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


MODE_PAGES = [("?year=2020&mode=ledger&at=2020-12-15T12:00-05:00", "body[data-ledger=ready]"),
              ("?year=2020&s=GA:Trump,AZ:Trump,WI:Trump&mode=house", "body[data-house=ready]")]


@pytest.mark.parametrize("width, height", [(1440, 900), (375, 740)])
def test_axe_finds_no_serious_violation(open_page, width, height) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_page("?year=2020", width=width, height=height)
    page.wait_for_selector("body[data-panels=ready]")
    assert serious(page, axe) == []
    for query, ready in MODE_PAGES:  # every map mode, with its panel drawn
        page.goto(page.url.split("?")[0] + query)
        page.wait_for_selector(ready)
        page.focus('[data-unit="PA"]')  # with a state's timeline or delegation open, and its tooltip
        page.keyboard.press("Enter")
        page.wait_for_selector("#ledger-timeline-title, #house-state")
        assert serious(page, axe) == [], query
    if width > 600:  # once is enough (the suite's time): 1800's striped units, the tooltip open, the notes
        page.goto(page.url.replace("year=2020", "year=1800"))
        page.wait_for_selector("body[data-panels=ready]")
        page.hover('[data-unit="VA"]')
        page.wait_for_selector("#tooltip:not([hidden])")
        assert serious(page, axe) == []


SCREENS = [("1800", "?year=1800"), ("1824", "?year=1824"), ("1860", "?year=1860"), ("1912", "?year=1912"),
           ("2020", "?year=2020"), ("269-269", "?year=2020&s=GA:Trump,AZ:Trump,WI:Trump")]


@pytest.mark.parametrize("name, width", [("desktop", 1440), ("phone", 375)])
def test_screenshots(open_page, artifacts, name, width) -> None:
    page = open_page("?year=2020", width=width, height=900)
    for label, query in SCREENS:
        page.goto(page.url.split("?")[0] + query)
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_selector("body[data-panels=ready]")
        path = artifacts / f"map-{label}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert struct.unpack(">II", path.read_bytes()[16:24])[0] == width
    assert "269" in page.inner_text("#outcome") and "No majority: the House chooses" in page.inner_text("#outcome")
