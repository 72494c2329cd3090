"""The committed map geometry (web/static/map.json) and the script that builds it (scripts/build_map.py)."""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import electoral
from electoral.units import states, units_for

MAP_JSON = Path(electoral.__file__).parent / "web" / "static" / "map.json"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_map.py"


@cache
def geo() -> dict:
    return json.loads(MAP_JSON.read_text())


@cache
def build_map():
    spec = importlib.util.spec_from_file_location("build_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def rings(d: str) -> tuple[list[tuple[float, float]], ...]:
    """The rings of an SVG path made of M/L/Z commands."""
    out = []
    for part in d.split("M")[1:]:
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", part)]
        out.append(list(zip(numbers[0::2], numbers[1::2])))
    return tuple(out)


def area(d: str) -> float:
    """Area enclosed by a path (holes, wound the other way, subtract)."""
    total = 0.0
    for points in rings(d):
        closed = points + points[:1]
        total += sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(closed, closed[1:])) / 2
    return abs(total)


def inside(x: float, y: float, d: str) -> bool:
    """Even-odd point-in-path test (the fill rule does not matter: states have no self-overlap)."""
    result = False
    for points in rings(d):
        for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                result = not result
    return result


def test_every_state_and_dc_with_census_fips() -> None:
    shapes = geo()["states"]
    assert set(shapes) == set(states())  # 50 states + DC, the codes of the package's record
    # Census FIPS state codes (ANSI INCITS 38): a few typed in, the rest must agree with states.csv.
    assert [shapes[c]["fips"] for c in ("AL", "CA", "DC", "GA", "WY")] == ["01", "06", "11", "13", "56"]
    for code, shape in shapes.items():
        assert (shape["fips"], shape["name"], shape["admitted"]) == (
            states()[code].fips, states()[code].name, states()[code].admitted)


def test_paths_are_closed_polygons_inside_the_viewport() -> None:
    for code, shape in geo()["states"].items():
        assert re.fullmatch(r"(M[-\d. L]+Z)+", shape["d"]), code
        for points in rings(shape["d"]):
            assert len(points) >= 3
            # Albers USA 975x610; only the far Aleutians cross the left edge (us-atlas bbox starts at -57.7).
            assert all(-58 <= x <= 975 and 0 <= y <= 610 for x, y in points), code


@pytest.mark.parametrize("code", sorted(states()))
def test_label_point_lies_inside_its_state(code: str) -> None:
    shape = geo()["states"][code]
    assert inside(shape["x"], shape["y"], shape["d"])


def test_equal_area_projection_matches_census_land_areas() -> None:
    # Albers is an equal-area projection: the ratio of drawn areas equals the ratio of true areas.
    # Land areas in square miles, U.S. Census Bureau, State Area Measurements (2010 Census).
    land = {"CO": 103_641.89, "WY": 97_093.14, "KS": 81_758.72, "NE": 76_824.17, "MT": 145_545.80, "TX": 261_231.71}
    drawn = {code: area(geo()["states"][code]["d"]) for code in land}
    for code in land:
        assert drawn[code] / drawn["CO"] == pytest.approx(land[code] / land["CO"], rel=0.03), code


def test_geography_west_to_east_and_north_to_south() -> None:
    s = geo()["states"]
    assert s["CA"]["x"] < s["NV"]["x"] < s["UT"]["x"] < s["CO"]["x"] < s["KS"]["x"] < s["MO"]["x"]
    assert s["ND"]["y"] < s["SD"]["y"] < s["NE"]["y"] < s["KS"]["y"] < s["OK"]["y"] < s["TX"]["y"]


def test_boxes_cover_small_units_and_districts_without_hiding_land() -> None:
    boxes, shapes = geo()["boxes"], geo()["states"]
    districts = {code for year in (1972, 2020) for code in units_for(year).codes if "-" in code}
    assert districts == {"ME-1", "ME-2", "NE-1", "NE-2", "NE-3"} and districts <= set(boxes)
    assert "DC" in boxes and area(shapes["DC"]["d"]) < 20  # DC is a speck at this scale
    rects = list(boxes.items())
    for i, (code, b) in enumerate(rects):
        assert 0 <= b["x"] and b["x"] + b["w"] <= 975 and 0 <= b["y"] and b["y"] + b["h"] <= 610, code
        for other, c in rects[i + 1:]:
            assert (b["x"] + b["w"] <= c["x"] or c["x"] + c["w"] <= b["x"]
                    or b["y"] + b["h"] <= c["y"] or c["y"] + c["h"] <= b["y"]), (code, other)
        samples = [(b["x"] + fx * b["w"], b["y"] + fy * b["h"]) for fx in (0, 0.5, 1) for fy in (0, 0.5, 1)]
        for state, shape in shapes.items():
            assert not any(inside(x, y, shape["d"]) for x, y in samples), (code, state)


def test_build_script_docstring_examples() -> None:
    result = doctest.testmod(build_map(), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8 and result.failed == 0


@given(st.lists(st.tuples(st.integers(-10**5, 10**5), st.integers(-10**5, 10**5)), min_size=1, max_size=30))
def test_decoding_delta_encoded_arcs_restores_positions(points: list[tuple[int, int]]) -> None:
    deltas = [points[0]] + [(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in zip(points, points[1:])]
    topology = {"transform": {"scale": [0.5, 2.0], "translate": [3.0, -1.0]}, "arcs": [deltas]}
    assert build_map().decode_arcs(topology) == [[(x * 0.5 + 3.0, y * 2.0 - 1.0) for x, y in points]]


@settings(deadline=None, max_examples=40)  # long thin rectangles take many first cells
@given(st.floats(2, 100), st.floats(2, 100), st.floats(-100, 100), st.floats(-100, 100))
def test_label_point_is_as_deep_inside_as_possible(width: float, height: float, x0: float, y0: float) -> None:
    rectangle = [[(x0, y0), (x0 + width, y0), (x0 + width, y0 + height), (x0, y0 + height), (x0, y0)]]
    x, y = build_map().label_point(rectangle, precision=0.1)
    depth = min(x - x0, x0 + width - x, y - y0, y0 + height - y)
    # The deepest point of a rectangle is half its short side from the border; the result is
    # within the search precision of it, plus the rounding to a tenth of a pixel.
    assert depth >= min(width, height) / 2 - 0.1 - 0.05 * 2**0.5
