"""The map's forecast mode in Chromium, against the forecast API it draws from.

- Entering the mode shows every unit's P(Democrat carries it) as ``POST /api/forecast`` of the packaged
  example gives it; assuming Pennsylvania for the Republican (two clicks: Democrat, then Republican)
  shows exactly what ``POST /api/forecast/conditional`` answers for that assumption (asked by the test
  itself), and Wisconsin and Michigan, correlated with Pennsylvania, move the same way, down.
- An assumption no simulated election matches is refused with the API's words and undone.
- Labels on every fill contrast at least 4.5:1; axe-core finds no serious or critical violation at
  1440 and 375 px; screenshots go to test-artifacts/ (or $ELECTORAL_SCREENSHOTS).
"""

from __future__ import annotations

import json
import struct
import urllib.error
import urllib.request

import pytest

FORECAST = {"year": 2020, "as_of": "2020-11-02", "preset": "example-2020"}  # the page's default forecast


def luminance(rgb: str) -> float:
    """WCAG 2 relative luminance of a computed colour 'rgb(r, g, b)'."""
    channels = [int(v) / 255 for v in rgb[rgb.index("(") + 1:-1].split(",")]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def post(base_url: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(f"{base_url}{path}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def api_forecast(base_url) -> dict:
    return post(base_url, "/api/forecast", FORECAST)


def enter_forecast(page) -> None:
    page.select_option("#mode", "forecast")
    page.wait_for_selector("body[data-forecast=ready]", timeout=30_000)


def click_and_wait(page, selector: str) -> None:
    page.click(selector)
    page.wait_for_selector("body[data-forecast=ready]", timeout=30_000)


def shown(page) -> dict[str, str]:
    """Unit code -> the probability cell of the panel's table, as displayed ("84.1%", "under 0.1%", "assumed: ...")."""
    return page.eval_on_selector_all(
        "#forecast-units tr[data-row]", "rows => Object.fromEntries(rows.map(r => [r.dataset.row, r.cells[2].textContent]))")


def percent(text: str) -> tuple[float, float]:
    """The interval of probabilities a displayed text stands for, in percent."""
    if text == "under 0.1%":
        return 0.0, 0.05
    if text == "over 99.9%":
        return 99.95, 100.0
    value = float(text.rstrip("%"))
    return value - 0.05 - 1e-9, value + 0.05 + 1e-9


def assert_matches(displayed: dict[str, str], units: list[dict], assumed: dict[str, str]) -> None:
    expected = {u["unit"]: u["p_D"] for u in units}
    assert displayed.keys() == expected.keys()
    for code, text in displayed.items():
        if code in assumed:
            assert text.startswith("assumed: "), (code, text)
            continue
        lo, hi = percent(text)
        assert lo <= 100 * expected[code] <= hi, (code, text, expected[code])


def test_assuming_pennsylvania_republican_shows_the_conditional_odds(open_page, base_url, api_forecast) -> None:
    page = open_page("?year=2020")
    enter_forecast(page)
    before = shown(page)
    assert_matches(before, api_forecast["units"], {})
    p_win = api_forecast["national"]["p_win"]["D"]
    assert f"Joe Biden wins: {100 * p_win:.1f}%" in page.inner_text("#forecast-odds")

    page.click('[data-unit="PA"]')  # assume Biden: its request is aborted by the next click
    click_and_wait(page, '[data-unit="PA"]')  # assume Trump
    given = post(base_url, "/api/forecast/conditional", {"forecast": api_forecast["engine"], "given": {"PA": "R"}})
    after = shown(page)
    assert after["PA"] == "assumed: Donald Trump"
    assert_matches(after, given["units"], {"PA": "R"})
    odds = page.inner_text("#forecast-odds")
    assert f"Joe Biden wins: {100 * given['p_win']['D']:.1f}%" in odds
    assert f"Donald Trump wins: {100 * given['p_win']['R']:.1f}%" in odds
    assert given["p_win"]["D"] < p_win
    baseline = post(base_url, "/api/forecast/conditional", {"forecast": api_forecast["engine"], "given": {}})
    simulated = {u["unit"]: u["p_D"] for u in baseline["units"]}
    changes = page.eval_on_selector_all(
        "#forecast-units tr[data-row]", "rows => Object.fromEntries(rows.map(r => [r.dataset.row, r.cells[3].textContent]))")
    for code in ("WI", "MI"):  # correlated with Pennsylvania: both less likely Democratic
        assert percent(after[code])[1] < percent(before[code])[0], (code, before[code], after[code])
        change = float(changes[code].replace("\u2212", "-"))  # against the same draws without assumptions
        p_after = next(u["p_D"] for u in given["units"] if u["unit"] == code)
        assert change < 0 and abs(change - 100 * (p_after - simulated[code])) <= 0.05 + 1e-9, (code, change)
        assert "Joe Biden wins with probability" in page.get_attribute(f'[data-unit="{code}"]', "aria-label")
    assert "assumed win: Donald Trump" in page.get_attribute('[data-unit="PA"]', "aria-label")

    click_and_wait(page, '[data-unit="PA"]')  # a third click: no assumption, the forecast's own odds again
    assert shown(page) == before
    assert page.is_disabled("#forecast-clear")


def test_the_latest_assumption_wins_over_an_answer_that_comes_late(open_page, base_url, api_forecast) -> None:
    page = open_page("?year=2020")
    enter_forecast(page)
    held = []

    def hold_pennsylvania_for_biden(route):
        if json.loads(route.request.post_data)["given"] == {"PA": "D"}:
            held.append(route)  # answers only when released, after the newer request
        else:
            route.continue_()

    page.route("**/api/forecast/conditional", hold_pennsylvania_for_biden)
    page.focus('[data-unit="PA"]')
    page.keyboard.press("Enter")  # assume Biden (held back)
    page.wait_for_function("() => document.body.dataset.forecast === 'loading'")
    page.keyboard.press("Space")  # assume Trump
    page.wait_for_selector("body[data-forecast=ready]", timeout=30_000)
    assert held, "the page did not ask for PA: Biden"
    try:
        held[0].continue_()  # the older answer arrives late (unless the page aborted it already)
    except Exception:  # noqa: BLE001 - an aborted request cannot be continued: as good
        pass
    page.wait_for_timeout(400)
    given = post(base_url, "/api/forecast/conditional", {"forecast": api_forecast["engine"], "given": {"PA": "R"}})
    assert_matches(shown(page), given["units"], {"PA": "R"})
    assert page.evaluate("document.body.dataset.forecast") == "ready"


def test_an_assumption_no_simulation_matches_is_refused_and_undone(open_page, base_url, api_forecast) -> None:
    page = open_page("?year=2020", console=False)  # Chromium logs the 422 as a console error
    enter_forecast(page)
    code = max(api_forecast["units"], key=lambda u: u["p_D"])["unit"]  # the Democrat's safest unit
    with pytest.raises(urllib.error.HTTPError) as refused:
        post(base_url, "/api/forecast/conditional", {"forecast": api_forecast["engine"], "given": {code: "R"}})
    assert refused.value.code == 422
    message = json.load(refused.value)["error"]
    selector = f'[data-unit="{code}"], [data-chip="{code}"]'
    page.locator(selector).first.click()  # the Democrat: possible
    page.wait_for_selector("body[data-forecast=ready]")
    page.locator(selector).first.click()  # the Republican: no simulated election has it
    page.wait_for_selector("body[data-forecast=error]", timeout=30_000)
    assert page.inner_text("#mode-panel .error") == message
    assert shown(page)[code] == "assumed: Joe Biden"


def test_the_forecast_mode_moves_the_map_to_the_forecasts_year(open_page, page_tools) -> None:
    page = open_page("?year=1960")
    enter_forecast(page)
    page.wait_for_function("() => document.body.dataset.year === '2020' && !document.body.dataset.loading")
    assert page.locator("#forecast-units tr[data-row]").count() == 56
    show_year = page_tools[2]
    show_year(page, 1960)  # another year in the forecast mode: no forecast, and a way back
    assert "The forecast is of 2020; the map shows 1960." in page.inner_text("#mode-panel")
    assert "no forecast for 1960" in page.get_attribute('[data-unit="TX"]', "aria-label")
    page.click("#forecast-year")
    page.wait_for_function("() => document.body.dataset.year === '2020' && !document.body.dataset.loading")
    assert page.locator("#forecast-units tr[data-row]").count() == 56
    page.select_option("#mode", "recorded")
    assert page.locator("#forecast-summary").count() == 0 and page.is_visible("#tallies")


def test_labels_contrast_at_least_4_5_on_every_forecast_fill(open_page) -> None:
    page = open_page("?year=2020")
    enter_forecast(page)
    click_and_wait(page, '[data-unit="GA"]')  # one striped (assumed) unit too
    looks = page.evaluate("""() => [...document.querySelectorAll('[data-label], .box text')].map(t => {
        const box = t.closest('.box');
        const shape = box ? box.querySelector('rect') : document.querySelector(`[data-shape="${t.dataset.label}"]`);
        return { fill: getComputedStyle(shape).fill, ink: getComputedStyle(t).fill,
                 halo: t.classList.contains('halo'), hidden: box ? box.hasAttribute('hidden') : false };
    })""")

    checked = 0
    for look in looks:
        if look["hidden"] or look["fill"].startswith("url(") and not look["halo"]:
            continue  # units not in the year (hatched, no label)
        if look["halo"]:  # striped: black text on a white outline
            assert look["ink"] == "rgb(0, 0, 0)", look
            checked += 1
            continue
        hi, lo = sorted((luminance(look["fill"]), luminance(look["ink"])), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, look
        checked += 1
    assert checked >= 56


@pytest.mark.parametrize("width, height", [(1440, 900), (375, 740)])
def test_axe_finds_no_serious_violation_in_forecast_mode(open_page, width, height) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page("?year=2020", width=width, height=height)
    enter_forecast(page)
    click_and_wait(page, '[data-unit="PA"]')
    page.hover('[data-unit="TX"]')
    page.wait_for_selector("#tooltip:not([hidden])")
    results = Axe().run(page, options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
        "rules": {"label-content-name-mismatch": {"enabled": True}, "target-size": {"enabled": True}},
    })  # the rules of test_map_review.py
    found = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}"
             for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert found == []


@pytest.mark.parametrize("name, width", [("desktop", 1440), ("phone", 375)])
def test_forecast_screenshots(open_page, artifacts, name, width) -> None:
    page = open_page("?year=2020", width=width, height=900)
    enter_forecast(page)
    path = artifacts / f"map-forecast-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.click('[data-unit="PA"]')
    click_and_wait(page, '[data-unit="PA"]')
    page.mouse.move(0, 0)
    page.wait_for_selector("#tooltip", state="hidden")
    path = artifacts / f"map-forecast-PA-R-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert struct.unpack(">II", path.read_bytes()[16:24])[0] == width
