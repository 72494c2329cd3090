"""The map page end to end, in headless Chromium against the running app.

Expected figures are the official counts, typed in with their source; the page draws its bar from the
API's map document, so a match checks the record, the API and the page together.
"""

from __future__ import annotations

import re
import struct

import pytest

from electoral.units import election_years

pytestmark = pytest.mark.browser


def wait_for_scenario(page, *changes: str) -> str:
    """Wait until the URL's ``s`` parameter lists exactly ``changes`` (the page writes it once clicks settle)."""
    page.wait_for_function(
        "want => new Set((new URLSearchParams(location.search).get('s') || '').split(',')).size === want.length"
        " && want.every(c => (new URLSearchParams(location.search).get('s') || '').split(',').includes(c))",
        arg=list(changes))
    return page.url


def test_2020_reads_306_232_and_screenshot(open_page, page_tools, artifacts) -> None:
    tallies, on_map, show_year = page_tools
    page = open_page()
    show_year(page, 2020)
    # Congress's count of 6 January 2021: Joe Biden 306, Donald Trump 232 (Congressional Record).
    assert tallies(page) == {"Joe Biden": 306, "Donald Trump": 232}
    assert page.inner_text("#outcome") == "Joe Biden 306 – Donald Trump 232 · Joe Biden wins (270 needed)"
    assert page.inner_text("#bar-mark-label") == "270 to win"
    # 56 units: 50 states, DC, Maine's 2 and Nebraska's 3 districts.
    units = on_map(page)
    assert len(units) == 56 and {"DC", "ME-1", "ME-2", "NE-1", "NE-2", "NE-3"} <= set(units)
    # Split votes: Trump carried Maine's 2nd district, Biden Nebraska's 2nd (certificates of ascertainment).
    assert (units["ME-2"], units["NE-2"]) == ("Donald Trump", "Joe Biden")
    page.wait_for_selector("body[data-panels=ready]")  # the panels answer for 2020, not the first year shown
    assert page.inner_text("#prob-odds").startswith("Joe Biden 100.0% · Donald Trump 0.0%")  # the map, certain
    assert page.inner_text("#tipping-summary").startswith("Wisconsin tipped 2020")
    path = artifacts / "map-2020.png"
    page.screenshot(path=str(path), full_page=True)
    width, height = struct.unpack(">II", path.read_bytes()[16:24])  # PNG IHDR
    assert width == 1280 and height >= 900


def test_flipping_georgia_arizona_wisconsin_ties_269_269(open_page, page_tools) -> None:
    tallies, on_map, _ = page_tools
    page = open_page("?year=2020")
    for code in ("GA", "AZ", "WI"):  # Biden -> Trump: one click each (the year's candidates in the tally's order)
        page.click(f'[data-unit="{code}"]')
    assert tallies(page) == {"Joe Biden": 269, "Donald Trump": 269}  # 306 - 16 - 11 - 10
    assert "No majority: the House chooses" in page.inner_text("#outcome")
    assert "Your map differs from the record" in page.inner_text("#recorded")
    url = wait_for_scenario(page, "GA:Trump", "AZ:Trump", "WI:Trump")
    assert re.search(r"\?year=2020&s=[A-Za-z:,]+$", url)  # readable: ?year=2020&s=AZ:Trump,GA:Trump,WI:Trump


def test_shared_url_restores_the_map(open_page, page_tools) -> None:
    tallies, on_map, _ = page_tools
    page = open_page("?year=2020")
    for code in ("GA", "AZ", "WI", "NE-2", "NE-2"):  # NE-2 twice: Biden -> Trump -> undecided
        page.click(f'[data-unit="{code}"]')
    page.click('[data-unit="TX"]')  # Trump -> undecided
    shown, totals, outcome = on_map(page), tallies(page), page.inner_text("#outcome")
    assert (shown["NE-2"], shown["TX"]) == ("", "")
    assert "No majority yet: 39 undecided, 270 needed" in outcome  # Texas 38 + NE-2 1
    url = wait_for_scenario(page, "GA:Trump", "AZ:Trump", "WI:Trump", "NE-2:U", "TX:U")

    shared = open_page(url.split("/", 3)[3])  # the same query, in a new browser context
    assert on_map(shared) == shown and tallies(shared) == totals and shared.inner_text("#outcome") == outcome
    # Links written with side letters (older pages) still read: R is the Republican line's candidate.
    old = open_page("?year=2020&s=GA:R,AZ:R,WI:R")
    assert tallies(old) == {"Joe Biden": 269, "Donald Trump": 269}


def test_keyboard_tab_to_a_state_and_cycle_it(open_page, page_tools) -> None:
    _, on_map, _ = page_tools
    page = open_page("?year=2020")
    for _ in range(40):  # Tab from the top of the page until a unit of the map has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-unit')"):
            break
    else:
        pytest.fail("no unit of the map is reachable with Tab")
    code = page.evaluate("document.activeElement.dataset.unit")
    before = on_map(page)[code]
    page.keyboard.press("Enter")
    after = on_map(page)[code]
    assert {before, after} == {"Joe Biden", "Donald Trump"} or (before, after) == ("Donald Trump", "")
    page.keyboard.press(" ")
    assert on_map(page)[code] != after
    label = page.get_attribute(f'[data-unit="{code}"]', "aria-label")
    assert re.fullmatch(rf"{code} \d+: .+, \d+ electors?(, .+)?", label)


def test_accessible_name_starts_with_the_visible_label(open_page, page_tools) -> None:
    tallies, _, _ = page_tools
    page = open_page("?year=2020")
    georgia = page.locator('[data-unit="GA"]')
    assert georgia.get_attribute("role") == "button" and georgia.get_attribute("tabindex") == "0"
    # Georgia 2020: Biden's lead was 0.24 points of all votes (2,473,633 to 2,461,854 of 4,999,960).
    assert georgia.get_attribute("aria-label") == "GA 16: Georgia, 16 electors, Joe Biden, toss-up"
    assert page.get_attribute('[data-unit="VT"]', "aria-label").startswith("VT 3: Vermont, 3 electors")
    georgia.focus()
    page.keyboard.press("Enter")
    assert georgia.get_attribute("aria-label") == "GA 16: Georgia, 16 electors, Donald Trump"
    assert tallies(page) == {"Joe Biden": 290, "Donald Trump": 248}


def test_tooltip_shows_popular_vote_margin_and_electors_and_escape_closes_it(open_page) -> None:
    page = open_page("?year=2020")
    page.hover('[data-unit="GA"]')
    page.wait_for_selector("#tooltip:not([hidden])")
    tip = page.inner_text("#tooltip")
    # Georgia certified: Biden 2,473,633, Trump 2,461,854 of 4,999,960 votes cast.
    assert "Georgia" in tip and "16 electors" in tip and "Joe Biden: 2,473,633" in tip
    assert "Margin: Joe Biden +0.24 pts" in tip and "4,999,960 cast" in tip
    page.keyboard.press("Escape")
    assert page.locator("#tooltip").is_hidden()
    page.click('[data-unit="TX"]')
    page.wait_for_selector("#tooltip:not([hidden])")
    page.mouse.click(5, 5)  # a tap elsewhere closes it
    assert page.locator("#tooltip").is_hidden()


def test_phone_width_has_no_overflow_and_every_target_is_24px(open_page, page_tools) -> None:
    tallies, _, _ = page_tools
    page = open_page("?year=2020", width=375, height=740)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    box = page.locator("#map").bounding_box()
    assert box["width"] <= 375 and box["x"] >= 0
    # Every unit drawn smaller than 24x24 px (the boxes are hidden at this width) has a button of at least that size.
    small = page.evaluate("""() => [...document.querySelectorAll('[data-unit]')].filter(e => {
        const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; }).map(e => e.dataset.unit)""")
    chips = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-chip]')].map(e => {
        const r = e.getBoundingClientRect(); return [e.dataset.chip, [r.width, r.height]]; }))""")
    assert {"VT", "DC", "RI", "NE-2"} <= set(small) and set(small) <= set(chips)
    assert all(w >= 24 and h >= 24 for w, h in chips.values())
    assert page.inner_text('[data-chip="VT"]') == "VT 3"
    page.click('[data-chip="VT"]')  # Biden -> Trump
    page.click('[data-unit="CA"]')
    assert tallies(page) == {"Joe Biden": 306 - 3 - 55, "Donald Trump": 232 + 3 + 55}


def test_1932_greys_states_not_yet_in_the_union(open_page, page_tools) -> None:
    tallies, on_map, _ = page_tools
    page = open_page("?year=1932")
    # 1932: Franklin D. Roosevelt 472, Herbert Hoover 59 of 531 electors (House Clerk).
    assert tallies(page) == {"Franklin D. Roosevelt": 472, "Herbert Hoover": 59}
    assert page.inner_text("#bar-mark-label") == "266 to win"
    units = on_map(page)
    assert len(units) == 48 and {"AZ", "NM"} <= set(units)  # both admitted in 1912
    for absent in ("AK", "HI", "DC"):  # statehood 1959; DC votes from 1964 (23rd Amendment)
        assert absent not in units
    assert "absent" in page.get_attribute('[data-shape="HI"]', "class")
    assert page.locator('[data-box="DC"]').is_hidden()
    page.hover('[data-shape="AK"]')
    page.wait_for_selector("#tooltip:not([hidden])")
    assert "No electors in 1932" in page.inner_text("#tooltip")


def test_2016_bar_is_the_count_with_faithless_electors(open_page, page_tools) -> None:
    tallies, _, _ = page_tools
    page = open_page("?year=2016")
    # Congress counted Trump 304, Clinton 227; seven electors voted for others: Powell 3, Sanders,
    # Kasich, Paul and Spotted Eagle 1 each (House Clerk; Congressional Record 6 Jan 2017).
    assert tallies(page) == {"Donald Trump": 304, "Hillary Clinton": 227, "Colin Powell": 3, "Bernie Sanders": 1,
                             "Faith Spotted Eagle": 1, "John Kasich": 1, "Ron Paul": 1}
    page.click('[data-unit="TX"]')  # Trump -> Clinton: the map counts Texas's 38 electors for her
    assert "(no presidential nomination)" not in page.inner_text("#recorded")
    assert "Donald Trump (Republican) 304" in page.inner_text("#recorded")


def test_unknown_year_and_bad_scenario_are_reported(open_page) -> None:
    page = open_page("?year=1787&s=GA:X,ZZ:Trump", console=False)  # Chromium logs the API's 404 for 1787
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
    assert "3 undecided units (37 electoral votes) can fall 8 ways: Joe Biden wins 87.5% of them, " \
           "Donald Trump 0.0%, neither 12.5%." in page.inner_text("#paths-summary")
    assert "Joe Biden has 269; needs 1 more" in page.inner_text("#paths-list")

    page.click("#prob-preset")
    assert page.input_value("#prob-input") == "AZ=0.5, GA=0.5, WI=0.5"
    page.wait_for_function("document.querySelector('#prob-odds').textContent.includes('87.5%')")
    assert page.inner_text("#prob-odds").startswith("Joe Biden 87.5% · Donald Trump 0.0% · no majority 12.5%")
    titles = page.eval_on_selector_all("#prob-hist rect title", "els => els.map(e => e.textContent)")
    assert sorted(titles) == sorted(f"{269 + k} electoral votes: 12.50%" for k in (0, 10, 11, 16, 21, 26, 27, 37))

    page.fill("#prob-input", "PA=2")
    page.click("#prob-run")
    page.wait_for_selector("#prob-error:not([hidden])")
    assert "PA" in page.inner_text("#prob-error") and "2" in page.inner_text("#prob-error")


def test_2016_odds_name_the_candidates_when_the_leader_is_republican(open_page) -> None:
    # 2016's leading candidate is Trump (the Republican side): his chance goes to the API as 1 - P(D).
    page = open_page("?year=2016&s=PA:U")
    page.click("#prob-preset")
    page.wait_for_function("document.querySelector('#prob-odds').textContent.includes('%')")
    # Without Pennsylvania (20) Trump has 306 - 20 = 286 on the map: he wins whichever way it falls.
    assert page.inner_text("#prob-odds").startswith("Donald Trump 100.0% · Hillary Clinton 0.0%")


@pytest.mark.parametrize("year, words", [
    (1789, "Before 1804 each elector cast two votes"),
    (1824, "were not one of each"),
    (1860, "John C. Breckinridge (Southern Democratic)"),
    (1912, "Theodore Roosevelt (Progressive)"),
])
def test_panels_explain_in_words_when_they_do_not_apply(open_page, year, words) -> None:
    page = open_page(f"?year={year}")
    page.wait_for_selector("body[data-panels=ready]")
    text = page.inner_text("#prob-panel") + page.inner_text("#paths-panel")
    assert words in text and "unknown side" not in text and "Not available" not in text


def test_undo_redo_with_buttons_and_keys_and_back_changes_the_year(open_page, page_tools) -> None:
    tallies, _, _ = page_tools
    page = open_page("?year=2020")
    page.click('[data-unit="GA"]')
    page.click('[data-unit="AZ"]')
    assert tallies(page)["Donald Trump"] == 232 + 27
    page.click("#undo")
    assert tallies(page)["Donald Trump"] == 232 + 16
    page.keyboard.press("Control+z")
    assert tallies(page) == {"Joe Biden": 306, "Donald Trump": 232}
    assert page.is_disabled("#undo")
    page.keyboard.press("Control+y")
    assert tallies(page)["Donald Trump"] == 232 + 16
    page.click("#redo")
    assert tallies(page)["Donald Trump"] == 232 + 27
    wait_for_scenario(page, "GA:Trump", "AZ:Trump")
    page.click("#prev-year")  # a year change is a history entry; clicks are not
    page.wait_for_function("document.body.dataset.year === '2016'")
    page.go_back()
    page.wait_for_function("document.body.dataset.year === '2020'")
    assert tallies(page)["Donald Trump"] == 232 + 27


def test_clear_map_and_year_buttons_keep_the_url_in_step(open_page, page_tools) -> None:
    tallies, on_map, _ = page_tools
    page = open_page("?year=2020")
    page.click("#clear")
    page.wait_for_function("new URLSearchParams(location.search).get('base') === 'blank'")
    assert tallies(page) == {} and set(on_map(page).values()) == {""}
    page.click('[data-unit="CA"]')  # undecided -> Biden
    url = wait_for_scenario(page, "CA:Biden")
    assert "base=blank" in url and tallies(page) == {"Joe Biden": 55}
    assert "No majority yet: 483 undecided, 270 needed" in page.inner_text("#outcome")


def test_export_svg_png_and_embed_snippet(open_page) -> None:
    page = open_page("?year=2020&s=GA:Trump")
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg = open(svg_download.value.path(), encoding="utf-8").read()
    assert svg.startswith("<svg") and 'data-unit="GA"' in svg and "2020: Joe Biden 290" in svg
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = open(png_download.value.path(), "rb").read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1950, 1300)
    page.click("#embed-show")
    code = page.input_value("#embed-code")
    assert code.startswith("<iframe src=\"http") and "year=2020&amp;s=GA:Trump&amp;embed=1" not in code
    assert "year=2020&s=GA:Trump&embed=1" in code
    page.keyboard.press("Escape")
    assert page.locator("#embed").is_hidden()


def test_units_by_margin_sorts(open_page) -> None:
    page = open_page("?year=2020")
    first = page.eval_on_selector_all("#unit-list tbody tr", "rows => rows.slice(0, 3).map(r => r.dataset.row)")
    # The closest states of 2020 by lead of all votes: Georgia 0.24, Arizona 0.31, Wisconsin 0.63 points.
    assert first == ["GA", "AZ", "WI"]
    page.click('#unit-list [data-sort="electors"]')
    page.click('#unit-list [data-sort="electors"]')  # descending
    assert page.eval_on_selector("#unit-list tbody tr", "r => r.dataset.row") == "CA"
    assert page.get_attribute('#unit-list th:has([data-sort="electors"])', "aria-sort") == "descending"


def test_1836_notes_the_senates_choice_of_a_vice_president(open_page) -> None:
    page = open_page("?year=1836")
    # No vice-presidential candidate had a majority; the Senate elected Richard Mentor Johnson on
    # 8 February 1837 (Senate Journal; U.S. Senate, "Vice President Richard Mentor Johnson").
    page.click("#record-notes summary")
    assert "the Senate chose Richard Mentor Johnson on 1837-02-08" in page.inner_text("#record-notes")


def relative_luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb' (independent of the page's own code)."""
    channels = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_fill_and_its_label_colour_contrast_at_least_4_5(open_page) -> None:
    page = open_page("?year=2020")
    pairs = page.evaluate("""async () => {
        const c = await import('/static/js/colors.js');
        const fills = [...Object.values(c.SIDE_COLORS), ...c.OTHERS, c.UNDECIDED];
        return fills.flatMap(hex => Object.keys(c.SHADE_STRENGTH).map(shade => c.paintOf(hex, shade)));
    }""")
    assert len(pairs) == (2 + 10 + 1) * 4
    for pair in pairs:
        hi, lo = sorted((relative_luminance(pair["fill"]), relative_luminance(pair["ink"])), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, pair


def test_the_recorded_view_is_the_first_registered_map_mode(open_page) -> None:
    page = open_page("?year=2020")
    found = page.evaluate("""async () => {
        const m = await import('/static/js/modes.js');
        let refused = '';
        try { m.registerMode({ id: 'broken', label: 'Broken' }); } catch (e) { refused = e.message; }
        return { ids: m.modes().map(x => x.id), current: m.currentMode().id, refused };
    }""")
    assert found["ids"][0] == "recorded" and {"ledger", "house", "forecast"} <= set(found["ids"])
    assert found["current"] == "recorded" and found["refused"] == "map mode broken lacks fill"
    assert page.locator("#mode-field").is_visible()  # the selector shows once a second mode is registered
