"""The map page end to end, in headless Chromium against the running app.

Expected figures are the official counts, typed in with their source; the page computes its bar
from the API's per-unit winners, so a match checks the record, the API and the page together.
"""

from __future__ import annotations

import re
import struct

import pytest

from electoral.units import election_years

pytestmark = pytest.mark.browser


def bar(page) -> tuple[int, int]:
    return int(page.inner_text("#bar-d")), int(page.inner_text("#bar-r"))


def sides(page) -> dict[str, str]:
    """Unit code -> the side shown on the map (D, R, O or U), for every clickable unit."""
    return page.eval_on_selector_all("[data-unit]", "els => Object.fromEntries(els.map(e => [e.dataset.unit, e.dataset.side]))")


def wait_for_scenario(page, *changes: str) -> str:
    """Wait until the URL's ``s`` parameter lists exactly ``changes`` (the page writes it once clicks settle)."""
    page.wait_for_function(
        "want => new Set((new URLSearchParams(location.search).get('s') || '').split(',')).size === want.length"
        " && want.every(c => (new URLSearchParams(location.search).get('s') || '').split(',').includes(c))",
        arg=list(changes))
    return page.url


def select_year(page, year: int) -> None:
    page.select_option("#year", str(year))
    page.wait_for_function("y => new URLSearchParams(location.search).get('year') === y", arg=str(year))


def test_2020_reads_306_232_and_screenshot(open_page, artifacts) -> None:
    page = open_page()
    select_year(page, 2020)
    # Congress's count of 6 January 2021: Joe Biden 306, Donald Trump 232 (Congressional Record).
    assert bar(page) == (306, 232)
    assert page.inner_text("#outcome").startswith("Joe Biden 306 – Donald Trump 232")
    assert "Joe Biden wins" in page.inner_text("#outcome")
    assert page.inner_text("#bar-mark-label") == "270 to win"
    # 56 units: 50 states, DC, Maine's 2 and Nebraska's 3 districts.
    units = sides(page)
    assert len(units) == 56 and {"DC", "ME-1", "ME-2", "NE-1", "NE-2", "NE-3"} <= set(units)
    # Split votes: Trump carried Maine's 2nd district, Biden Nebraska's 2nd (certificates of ascertainment).
    assert (units["ME-2"], units["NE-2"]) == ("R", "D")
    page.wait_for_selector("body[data-panels=ready]")  # the panels answer for 2020, not the first year shown
    assert page.inner_text("#prob-odds").startswith("Joe Biden 100.0% · Donald Trump 0.0%")  # the map, certain
    assert page.inner_text("#tipping-summary").startswith("Wisconsin tipped 2020")
    path = artifacts / "map-2020.png"
    page.screenshot(path=str(path), full_page=True)
    width, height = struct.unpack(">II", path.read_bytes()[16:24])  # PNG IHDR
    assert width == 1280 and height >= 900


def test_flipping_georgia_arizona_wisconsin_ties_269_269(open_page) -> None:
    page = open_page("?year=2020")
    for code in ("GA", "AZ", "WI"):  # Democratic -> Republican: one click each
        page.click(f'[data-unit="{code}"]')
    assert bar(page) == (269, 269)  # 306 - 16 - 11 - 10
    assert "No majority: the House chooses" in page.inner_text("#outcome")
    url = wait_for_scenario(page, "GA:R", "AZ:R", "WI:R")
    assert re.search(r"\?year=2020&s=[A-Z:,]+$", url)  # readable: ?year=2020&s=AZ:R,GA:R,WI:R


def test_shared_url_restores_the_map(open_page) -> None:
    page = open_page("?year=2020")
    for code in ("GA", "AZ", "WI", "NE-2", "NE-2"):  # NE-2 twice: Democratic -> Republican -> other
        page.click(f'[data-unit="{code}"]')
    page.click('[data-unit="TX"]')
    page.click('[data-unit="TX"]')  # Republican -> other -> undecided
    shown, totals, outcome = sides(page), bar(page), page.inner_text("#outcome")
    assert (shown["NE-2"], shown["TX"]) == ("O", "U")
    url = wait_for_scenario(page, "GA:R", "AZ:R", "WI:R", "NE-2:O", "TX:U")

    shared = open_page(url.split("/", 3)[3])  # the same query, in a new browser context
    assert sides(shared) == shown and bar(shared) == totals and shared.inner_text("#outcome") == outcome
    shared.reload()
    shared.wait_for_selector("body[data-ready=true]")
    assert sides(shared) == shown and bar(shared) == totals


def test_keyboard_tab_to_a_state_and_cycle_it(open_page) -> None:
    page = open_page("?year=2020")
    for _ in range(40):  # Tab from the top of the page until a unit of the map has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-unit')"):
            break
    else:
        pytest.fail("no unit of the map is reachable with Tab")
    code = page.evaluate("document.activeElement.dataset.unit")
    before = sides(page)[code]
    page.keyboard.press("Enter")
    after = sides(page)[code]
    assert (before, after) in {("D", "R"), ("R", "O")}
    page.keyboard.press(" ")
    assert sides(page)[code] != after
    label = page.get_attribute(f'[data-unit="{code}"]', "aria-label")
    assert re.fullmatch(r".+, \d+ electors?, (Democratic|Republican|Other|Undecided)", label)


def test_aria_label_names_state_electors_and_side(open_page) -> None:
    page = open_page("?year=2020")
    georgia = page.locator('[data-unit="GA"]')
    assert georgia.get_attribute("role") == "button" and georgia.get_attribute("tabindex") == "0"
    assert georgia.get_attribute("aria-label") == "Georgia, 16 electors, Democratic"
    georgia.focus()
    page.keyboard.press("Enter")
    assert georgia.get_attribute("aria-label") == "Georgia, 16 electors, Republican"
    assert bar(page) == (290, 248)


def test_tooltip_shows_name_electors_and_margin(open_page) -> None:
    page = open_page("?year=2020")
    page.hover('[data-unit="GA"]')
    tip = page.inner_text("#tooltip")
    # Georgia certified: Biden 2,473,633, Trump 2,461,854: two-party margin 0.24 points.
    assert "Georgia" in tip and "16 electors" in tip and "Joe Biden +0.2" in tip


def test_phone_width_has_no_horizontal_overflow(open_page) -> None:
    page = open_page("?year=2020", width=375, height=740)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    box = page.locator("#map").bounding_box()
    assert box["width"] <= 375 and box["x"] >= 0
    page.click('[data-unit="CA"]')
    assert bar(page) == (306 - 55, 232 + 55)


def test_1932_greys_states_not_yet_in_the_union(open_page) -> None:
    page = open_page("?year=1932")
    # 1932: Franklin D. Roosevelt 472, Herbert Hoover 59 of 531 electors (House Clerk).
    assert bar(page) == (472, 59) and page.inner_text("#bar-mark-label") == "266 to win"
    units = sides(page)
    assert len(units) == 48 and {"AZ", "NM"} <= set(units)  # both admitted in 1912
    for absent in ("AK", "HI", "DC"):  # statehood 1959; DC votes from 1964 (23rd Amendment)
        assert absent not in units
    assert "absent" in page.get_attribute('[data-shape="HI"]', "class")
    assert page.locator('[data-box="DC"]').is_hidden()
    page.hover('[data-shape="AK"]')
    assert "No electors in 1932" in page.inner_text("#tooltip")


def test_recorded_count_is_shown_where_the_map_differs(open_page) -> None:
    page = open_page("?year=2016")
    # The map gives each state's electors to its winner: Trump 306, Clinton 232. Congress counted
    # Trump 304, Clinton 227: seven electors voted for others (House Clerk; Congressional Record 6 Jan 2017).
    assert bar(page) == (232, 306)
    recorded = page.inner_text("#recorded")
    assert "Donald Trump (Republican) 304" in recorded and "Hillary Clinton (Democratic) 227" in recorded
    assert "did not vote as pledged" in recorded


def test_unknown_year_and_bad_scenario_are_reported(open_page) -> None:
    page = open_page("?year=1787&s=GA:X,ZZ:R")
    notice = page.inner_text("#notice")
    assert "1787" in notice and "GA:X" in notice and "ZZ" in notice
    assert page.input_value("#year") == str(election_years()[-1])  # the page falls back to the last year


def test_tipping_point_panel_and_snake_chart(open_page) -> None:
    page = open_page("?year=2020")
    page.wait_for_selector('#snake [data-snake="WI"].tip')
    # Wisconsin tipped 2020: Biden 1,630,866 to Trump 1,610,184 of 3,298,041 votes cast (Wisconsin Elections
    # Commission): +0.63 points of all votes, the published convention (+0.64 of the two-party vote).
    assert page.inner_text("#tipping-summary").startswith(
        "Wisconsin tipped 2020 to Joe Biden: Joe Biden +0.63 pts (margins as shares of all votes).")
    drawn = set(page.eval_on_selector_all("#snake [data-snake]", "els => els.map(e => e.dataset.snake)"))
    assert len(drawn) == 56


def test_paths_and_probabilities_for_three_undecided_states(open_page) -> None:
    # 2020 with Georgia (16), Arizona (11) and Wisconsin (10) undecided: Biden holds 269, Trump 232.
    # Of the 2^3 = 8 ways they can fall, Biden wins with any one of them (7), Trump never (232 + 37 = 269):
    # a tie when he takes all three (1).
    page = open_page("?year=2020&s=GA:U,AZ:U,WI:U")
    page.wait_for_function("document.querySelector('#paths-summary').textContent.includes('8 ways')")
    assert page.inner_text("#paths-summary").startswith(
        "3 undecided units (37 electoral votes) can fall 8 ways: Joe Biden wins 87.5% of them, "
        "Donald Trump 0.0%, ties 12.5%.")
    assert "Joe Biden has 269; needs 1 more" in page.inner_text("#paths-list")

    # The map is certain and the undecided states are coin flips: the same counts as probabilities.
    page.click("#prob-preset")
    assert page.input_value("#prob-input") == "AZ=0.5, GA=0.5, WI=0.5"
    page.wait_for_function("document.querySelector('#prob-odds').textContent.includes('87.5%')")
    assert page.inner_text("#prob-odds").startswith("Joe Biden 87.5% · Donald Trump 0.0% · no majority 12.5%")
    titles = page.eval_on_selector_all("#prob-hist rect title", "els => els.map(e => e.textContent)")
    # Biden's total is 269 plus any subset of {16, 11, 10}: eight totals, each with probability 1/8.
    assert sorted(titles) == sorted(f"{269 + k} electoral votes: 12.50%" for k in (0, 10, 11, 16, 21, 26, 27, 37))

    page.fill("#prob-input", "GA=0, AZ=0, WI=25%")
    page.click("#prob-run")
    page.wait_for_function("document.querySelector('#prob-odds').textContent.includes('25.0%')")
    assert page.inner_text("#prob-odds").startswith("Joe Biden 25.0% · Donald Trump 0.0% · no majority 75.0%")

    page.fill("#prob-input", "PA=2")
    page.click("#prob-run")
    page.wait_for_selector("#prob-error:not([hidden])")
    assert "PA" in page.inner_text("#prob-error") and "2" in page.inner_text("#prob-error")

    page.click('[data-unit="GA"]')  # undecided -> Democratic: Biden has 285, two states open
    page.wait_for_function("document.querySelector('#paths-summary').textContent.includes('4 ways')")
    assert page.inner_text("#paths-summary").startswith("2 undecided units (21 electoral votes) can fall 4 ways")


def test_years_without_popular_votes_explain_the_empty_panels(open_page) -> None:
    page = open_page("?year=1789")
    page.wait_for_function("document.querySelector('#tipping-summary').textContent.startsWith('Not available')")
    assert "1789" in page.inner_text("#tipping-summary")
    assert bar(page) == (0, 0) and "George Washington" in page.inner_text("#outcome")


def test_clear_map_and_year_buttons_keep_the_url_in_step(open_page) -> None:
    page = open_page("?year=2020")
    page.click("#clear")  # the blank map is drawn once the year's data is in (a fetch, unless cached)
    page.wait_for_function("new URLSearchParams(location.search).get('base') === 'blank'")
    assert bar(page) == (0, 0) and int(page.inner_text("#bar-u")) == 538
    assert set(sides(page).values()) == {"U"}
    page.click('[data-unit="CA"]')  # undecided -> Democratic
    url = wait_for_scenario(page, "CA:D")
    assert "base=blank" in url and bar(page) == (55, 0)
    assert "No majority yet: 483 undecided, 270 needed" in page.inner_text("#outcome")

    again = open_page(url.split("/", 3)[3])
    assert bar(again) == (55, 0) and sides(again)["TX"] == "U"

    again.click("#prev-year")  # 2016, as recorded
    again.wait_for_function("new URLSearchParams(location.search).get('year') === '2016'")
    assert bar(again) == (232, 306) and "base=blank" not in again.url
    again.go_back()  # the year change was a history entry
    again.wait_for_function("document.querySelector('#year').value === '2020'")  # reloaded from the URL
    assert bar(again) == (55, 0) and sides(again)["TX"] == "U"
