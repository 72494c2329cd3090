"""The map's modes other than the recorded view: the View selector and ?mode= in the URL, the House
delegation view of a contingent election, and the ledger view (the time slider through 2020 and live mode).

Expected figures come from the API's own answers (the contingent election, the ledger's status at the same
moment), fetched by the test; the facts behind them (306-232 cast on 14 December 2020, Pennsylvania called
for Biden by AP at 11:25 ET on 7 November 2020) are tested against their sources in tests/ledger and
tests/contingent. Here: that the page draws exactly what the API says, at the moment the slider shows.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

import electoral
from electoral.ledger.events import KINDS, make_event
from electoral.ledger.store import URL_VARIABLE, open_store

from .conftest import serve

pytestmark = pytest.mark.browser

FLIPPED = "GA:Trump,AZ:Trump,WI:Trump"  # 2020 with three states flipped: 269-269, the House chooses
LEDGER_JS = Path(electoral.__file__).parent / "web" / "static" / "js" / "modes" / "ledger.js"


def get_json(url: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def label(page, code: str) -> str:
    return page.get_attribute(f'[data-unit="{code}"]', "aria-label")


def test_view_selector_is_a_labelled_select_and_the_url_keeps_the_mode(open_page) -> None:
    page = open_page("?year=2020")
    assert page.locator("#mode-field").is_visible()
    assert page.eval_on_selector("#mode", "s => [...s.options].map(o => o.value)")[:1] == ["recorded"]
    assert page.eval_on_selector("#mode", "s => s.labels[0].textContent") == "View"
    page.focus("#mode")
    page.keyboard.type("House")  # a native <select>: type-ahead and arrow keys choose, as everywhere
    page.wait_for_function("new URLSearchParams(location.search).get('mode') === 'house'")
    page.wait_for_selector("body[data-house=ready]")
    page.reload()
    page.wait_for_selector("body[data-house=ready]")
    assert page.input_value("#mode") == "house"
    page.select_option("#mode", "recorded")
    page.wait_for_function("!new URLSearchParams(location.search).has('mode')")
    assert page.locator("#units-title").is_visible()
    assert page.inner_text("#recorded") == "The bar is the record as Congress counted it."
    page.goto(page.url.split("?")[0] + "?year=2020&mode=nope")
    page.wait_for_selector("body[data-ready=true]")
    assert 'no map view "nope"' in page.inner_text("#notice") and page.input_value("#mode") == "recorded"


def test_house_delegation_view_of_the_269_269_tie(open_page, base_url, artifacts) -> None:
    page = open_page(f"?year=2020&s={FLIPPED}&mode=house")
    page.wait_for_selector("body[data-house=ready]")
    doc = get_json(f"{base_url}/api/contingent", {"year": 2020, "flips": {"GA": "Donald Trump", "AZ": "Donald Trump",
                                                                             "WI": "Donald Trump"}})
    assert doc["house"]["votes"][0]["count"] == 27 and doc["house"]["chosen"] == "Donald Trump"  # the record's House
    for d in doc["house"]["delegations"]:
        code = d["state"] if d["state"] not in ("ME", "NE") else f"{d['state']}-1"
        assert d["why"] in label(page, code), code
        fill = page.eval_on_selector(f'[data-shape="{d["state"]}"]', "e => e.style.fill")
        assert fill.startswith("url(") == (d["majority"] is None), (d["state"], fill)  # split: striped, not colour alone
    assert page.inner_text("#house-outcome") == doc["outcome"]
    assert doc["president"] in page.inner_text("#house-chosen")
    assert doc["vice_president"] in page.inner_text("#senate-chosen")
    assert "DC" in page.inner_text("#mode-panel") or "no vote in the House" in label(page, "DC")
    page.focus('[data-unit="PA"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#house-state")
    assert "casts no vote" in page.inner_text("#house-state")
    page.click("#mode-panel details summary")
    assert all(s in page.inner_text("#mode-panel details") for s in doc["sources"])
    page.screenshot(path=str(artifacts / "map-house-269-269.png"), full_page=True)


def counts(page) -> dict[str, dict[str, int]]:
    """Measure -> candidate -> electoral votes as the ledger panel shows them."""
    return page.eval_on_selector_all("#ledger-counts [data-measure]", """rows => Object.fromEntries(rows.map(r => [
        r.dataset.measure, Object.fromEntries([...r.querySelectorAll('.ledger-count')]
            .map(e => [e.dataset.candidate, +e.dataset.votes]))]))""")


def slide(page, keys: list[str], moment: str) -> None:
    page.focus("#ledger-slider")
    for key in keys:
        page.keyboard.press(key)
    page.wait_for_function("m => document.body.dataset.ledgerAt === m && document.body.dataset.ledger === 'ready'",
                           arg=moment)


def test_ledger_slider_through_2020(open_page, page_tools, base_url, artifacts) -> None:
    tallies = page_tools[0]
    page = open_page("?year=2020&mode=ledger", width=1440)
    page.wait_for_selector("body[data-ledger=ready]")
    status = lambda moment: get_json(f"{base_url}/api/ledger/2020/status?as_of={moment}")  # noqa: E731
    measures = ("projected", "certified", "cast", "counted")
    moments = [  # keys from the slider's start (Election Day, 00:00 ET): Page Up a day, arrows an hour
        ("morning", ["Home", "PageUp"] + ["ArrowRight"] * 8, "2020-11-04T08:00-05:00"),
        ("pa-called", ["PageUp"] * 3 + ["ArrowRight"] * 4, "2020-11-07T12:00-05:00"),
        ("electors-voted", ["PageUp"] * 38, "2020-12-15T12:00-05:00"),
    ]
    seen = {}
    for name, keys, moment in moments:
        slide(page, keys, moment)
        api = status(moment)
        assert counts(page) == {m: api[m] for m in measures}, moment
        assert tallies(page) == api["projected"]  # the bar above the map: projected at that moment
        assert page.get_attribute("#ledger-slider", "aria-valuetext") == page.inner_text("#ledger-moment")
        assert f"at={moment}" in page.url
        seen[name] = api
        pa = next(u for u in api["units"] if u["unit"] == "PA")
        assert pa["stage"].replace("_", " ") in label(page, "PA").replace("_", " ")
        page.screenshot(path=str(artifacts / f"map-ledger-2020-{name}.png"), full_page=True)
    morning, called, voted = seen["morning"], seen["pa-called"], seen["electors-voted"]
    assert all(n < 270 for n in morning["projected"].values())
    assert next(u for u in morning["units"] if u["unit"] == "PA")["stage"] == "not_projected"
    assert called["projected"]["Joe Biden"] >= 270 > morning["projected"]["Joe Biden"]
    assert voted["cast"] == {"Joe Biden": 306, "Donald Trump": 232}  # the electors' votes of 14 December 2020
    assert page.eval_on_selector('[data-shape="PA"]', "e => e.style.fill").startswith("url(")  # voted: striped


def test_ledger_timeline_of_a_clicked_state(open_page, base_url) -> None:
    page = open_page("?year=2020&mode=ledger&at=2020-11-07T12:00-05:00")
    page.wait_for_selector("body[data-ledger=ready]")
    page.click('[data-unit="PA"]')
    page.wait_for_selector("#ledger-timeline-title")
    events = get_json(f"{base_url}/api/ledger/2020/events?unit=PA")["events"]
    items = page.locator("#ledger-timeline li")
    assert items.count() == len(events)
    later = [e for e in events if e["effective"] > "2020-11-07T12:00:00-05:00"]
    assert page.locator("#ledger-timeline li.later").count() == len(later) > 0
    page.click("#ledger-next")  # the next event after the moment shown
    page.wait_for_function("document.body.dataset.ledgerAt !== '2020-11-07T12:00-05:00'")


def test_ledger_panel_says_when_a_moment_is_only_an_upper_bound(open_page, base_url) -> None:
    page = open_page("?year=2024&mode=ledger&at=2024-12-16T12:00-05:00")
    page.wait_for_selector("body[data-ledger=ready]")
    api = get_json(f"{base_url}/api/ledger/2024/status?as_of=2024-12-16T12:00-05:00")
    [bound] = [m for m in api["milestones"] if m["upper_bound"]]  # certified: the 2022 act's deadline rows
    text = page.inner_text("#ledger-milestones")
    assert f"{bound['candidate']} held 270 certified no later than" in text
    assert "upper bound: rests on the rows of " + ", ".join(bound["bounded_by"]) in text
    assert "Donald Trump first held 270 projected" in text  # an exact moment keeps its words


def test_the_stream_names_every_event_kind() -> None:
    listed = re.search(r"EVENT_KINDS = \[([^\]]+)\]", LEDGER_JS.read_text(encoding="utf-8")).group(1)
    assert re.findall(r'"(\w+)"', listed) == list(KINDS)


def test_live_mode_redraws_when_an_event_is_stored(open_page, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    store = open_store(url)
    try:
        with serve({URL_VARIABLE: url}) as server:
            page = open_page("?year=2024&mode=ledger", server=server)
            page.wait_for_selector("body[data-ledger=ready]")
            assert "not projected" in label(page, "PA")
            page.click("#ledger-live")
            page.wait_for_function("document.body.dataset.ledgerAt === 'live'")
            assert page.get_attribute("#ledger-live", "aria-pressed") == "true"
            page.wait_for_timeout(700)  # the stream is open (it polls the database every 0.5 s)
            store.append([make_event(2024, "PA", "race_call", "2024-11-06T05:24-05:00", "AP",
                                     source="test", fields={"candidate": "Trump"})])
            page.wait_for_function("document.querySelector('[data-unit=PA]').getAttribute('aria-label')"
                                   ".includes('projected, Donald Trump')", timeout=10_000)
            assert counts(page)["projected"] == {"Donald Trump": 19}
            assert "live=1" in page.url
            page.close()  # closes the stream: the server then stops at once rather than waiting for it
    finally:
        store.close()
