#!/usr/bin/env python3
"""Build the map page's SVG path data from the us-atlas TopoJSON in the raw data kit.

Reads ``maps/states-albers-10m.json`` from ``../shared/data`` (next to the checkout, or ``--kit DIR``):
the U.S. Census Bureau's 2017 cartographic boundaries (1:10,000,000), converted to TopoJSON and
projected to Albers USA in a 975x610 viewport by Mike Bostock's ``us-atlas`` 3.0.1 (ISC license).
Writes ``src/electoral/web/static/map.json``::

    {"viewBox": [0, 0, 975, 610], "source": ..., "license": ...,
     "states": {"GA": {"name": "Georgia", "fips": "13", "admitted": "1788-01-02", "d": "M...Z",
                       "x": 743.6, "y": 438.8}, ...},
     "boxes":  {"DC": {"x": ..., "y": ..., "w": ..., "h": ...}, "ME-1": {...}, ...}}

``d`` is an SVG path (absolute, one decimal: a tenth of a pixel is far below what the eye sees),
``admitted`` the date of admission from the package's ``states.csv`` (the tooltip of a greyed state),
``x``/``y`` the label point (the pole of inaccessibility of the state's largest polygon: the interior
point farthest from the border, which stays inside crescent shapes such as Florida or Michigan,
where a centroid would not). ``boxes`` are the clickable squares for units too small to click on
the map (DC and the small north-eastern states) and for the Maine and Nebraska districts, which
the Census state file does not contain. The script is deterministic; no network, no npm.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "web" / "static" / "map.json"
STATES_CSV = REPO / "src" / "electoral" / "data" / "states.csv"

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]  # outer ring first, then holes

SOURCE = (
    "U.S. Census Bureau cartographic boundary files 2017, 1:10,000,000 (public domain), as "
    "TopoJSON projected to Albers USA by us-atlas 3.0.1 (states-albers-10m.json)"
)
LICENSE = "us-atlas: ISC license, Copyright 2013-2019 Michael Bostock"

# Boxes: a column in the Atlantic for the units too small to click (DC and the small north-eastern
# states), and rows for the Maine and Nebraska districts in the empty band above the border (Canada):
# Maine's beside Maine, Nebraska's straight north of Nebraska. Presentation only; see docs/map.md.
BOX_WIDTH, BOX_HEIGHT, BOX_GAP = 40.0, 22.0, 4.0
CALLOUT_COLUMN_X, CALLOUT_TOP_Y = 918.0, 205.0  # east of Rhode Island (x <= 913) and below Cape Cod (y <= 196)
CALLOUTS = ("VT", "NH", "MA", "RI", "CT", "NJ", "DE", "MD", "DC")
DISTRICT_ROWS: dict[str, tuple[Point, tuple[str, ...]]] = {
    "ME": ((806.0, 30.0), ("ME-1", "ME-2")),  # ends at x 890, west of Maine's border (x >= 891)
    "NE": ((380.0, 30.0), ("NE-1", "NE-2", "NE-3")),  # above North Dakota (y >= 65)
}


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute coordinates of every arc of a quantized TopoJSON topology.

    Quantized arcs store the first position and then deltas; each position is ``q * scale + translate``.

    >>> decode_arcs({"transform": {"scale": [2.0, 1.0], "translate": [10.0, 0.0]}, "arcs": [[[1, 1], [2, 0], [0, 3]]]})
    [[(12.0, 1.0), (16.0, 1.0), (16.0, 4.0)]]
    """
    transform = topology.get("transform")
    decoded: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            decoded.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        qx = qy = 0
        points = []
        for dx, dy, *_ in arc:
            qx, qy = qx + dx, qy + dy
            points.append((qx * sx + tx, qy * sy + ty))
        decoded.append(points)
    return decoded


def ring(arc_indices: list[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs into one ring; index ``~i`` (negative) is arc ``i`` reversed.

    Consecutive arcs share their end point, so each arc after the first drops its first point.

    >>> ring([0, ~1], [[(0, 0), (1, 0)], [(0, 0), (1, 1), (1, 0)]])
    [(0, 0), (1, 0), (1, 1), (0, 0)]
    """
    points: Ring = []
    for index in arc_indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs: list[list[Point]]) -> list[Polygon]:
    """The polygons of a TopoJSON Polygon or MultiPolygon geometry.

    >>> polygons({"type": "Polygon", "arcs": [[0]]}, [[(0, 0), (1, 0), (0, 1), (0, 0)]])
    [[[(0, 0), (1, 0), (0, 1), (0, 0)]]]
    """
    kind = geometry["type"]
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        raise ValueError(f"unsupported geometry type {kind!r}")
    return [[ring(r, arcs) for r in part] for part in parts]


def path_d(shapes: list[Polygon], digits: int = 1) -> str:
    """An SVG path string for polygons, rounded to ``digits`` decimals, repeated points dropped.

    >>> path_d([[[(0, 0), (10.04, 0), (10.01, 0), (0, 5), (0, 0)]]])
    'M0 0L10 0L0 5Z'
    """

    def fmt(value: float) -> str:
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    commands: list[str] = []
    for polygon in shapes:
        for points in polygon:
            kept: list[tuple[str, str]] = []
            for x, y in points:
                pair = (fmt(x), fmt(y))
                if not kept or pair != kept[-1]:
                    kept.append(pair)
            if len(kept) > 1 and kept[-1] == kept[0]:
                kept.pop()  # Z closes the ring
            if len(kept) < 3:
                continue  # collapsed to a point or a line at this precision
            commands.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
    return "".join(commands)


def ring_area(points: Ring) -> float:
    """Unsigned area of a ring (shoelace formula).

    >>> ring_area([(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)])
    12.0
    """
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:]))) / 2


def _signed_distance(x: float, y: float, polygon: Polygon) -> float:
    """Distance from (x, y) to the polygon's border: positive inside, negative outside."""
    inside = False
    best = math.inf
    for points in polygon:
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
    return best if inside else -best


def label_point(polygon: Polygon, precision: float = 0.5) -> Point:
    """The pole of inaccessibility: the interior point farthest from the border (Mapbox's polylabel).

    Quadtree search: split cells, keep the best centre, drop cells that cannot beat it.

    >>> label_point([[(0, 0), (10, 0), (10, 4), (0, 4), (0, 0)]])
    (5.0, 2.0)
    """
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    size = min(x1 - x0, y1 - y0)
    if size == 0:
        return (x0, y0)
    half = size / 2
    queue: list[tuple[float, float, float, float, float]] = []

    def push(cx: float, cy: float, h: float) -> None:
        d = _signed_distance(cx, cy, polygon)
        heapq.heappush(queue, (-(d + h * math.sqrt(2)), d, cx, cy, h))

    x = x0
    while x < x1:
        y = y0
        while y < y1:
            push(x + half, y + half, half)
            y += size
        x += size
    best = ((x0 + x1) / 2, (y0 + y1) / 2)
    best_distance = _signed_distance(*best, polygon)
    while queue:
        neg_potential, d, cx, cy, h = heapq.heappop(queue)
        if d > best_distance:
            best, best_distance = (cx, cy), d
        if -neg_potential - best_distance <= precision:
            continue
        h /= 2
        for sx in (-h, h):
            for sy in (-h, h):
                push(cx + sx, cy + sy, h)
    return (round(best[0], 1), round(best[1], 1))


def boxes() -> dict[str, dict[str, float]]:
    """Positions of the clickable boxes: the callout column and the district rows.

    >>> b = boxes(); b["DC"]["x"], b["ME-2"]["x"] - b["ME-1"]["x"]
    (918.0, 44.0)
    """
    size = {"w": BOX_WIDTH, "h": BOX_HEIGHT}
    layout = {
        code: {"x": CALLOUT_COLUMN_X, "y": CALLOUT_TOP_Y + i * (BOX_HEIGHT + BOX_GAP), **size}
        for i, code in enumerate(CALLOUTS)
    }
    for (x, y), codes in DISTRICT_ROWS.values():
        for i, code in enumerate(codes):
            layout[code] = {"x": x + i * (BOX_WIDTH + BOX_GAP), "y": y, **size}
    return layout


def build(topology: dict, state_rows: dict[str, dict[str, str]]) -> dict:
    """The map document: per-state path and label point, plus the box layout.

    ``state_rows`` maps FIPS -> a row of ``states.csv`` (``code``, ``admitted``).

    >>> square = {"type": "Topology", "bbox": [0, 0, 4, 4], "arcs": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
    ...           "objects": {"states": {"geometries": [
    ...               {"type": "Polygon", "arcs": [[0]], "id": "13", "properties": {"name": "Georgia"}}]}}}
    >>> build(square, {"13": {"code": "GA", "admitted": "1788-01-02"}})["states"]["GA"]
    {'name': 'Georgia', 'fips': '13', 'admitted': '1788-01-02', 'd': 'M0 0L4 0L4 4L0 4Z', 'x': 2.0, 'y': 2.0}
    """
    arcs = decode_arcs(topology)
    states: dict[str, dict] = {}
    for geometry in topology["objects"]["states"]["geometries"]:
        fips = geometry["id"]
        if fips not in state_rows:
            raise KeyError(f"FIPS {fips!r} ({geometry['properties']['name']}) is not in states.csv")
        shapes = polygons(geometry, arcs)
        largest = max(shapes, key=lambda polygon: ring_area(polygon[0]))
        x, y = label_point(largest)
        row = state_rows[fips]
        states[row["code"]] = {
            "name": geometry["properties"]["name"],
            "fips": fips,
            "admitted": row["admitted"],
            "d": path_d(shapes),
            "x": x,
            "y": y,
        }
    x0, y0, x1, y1 = topology.get("bbox", (0, 0, 975, 610))
    return {
        "viewBox": [0, 0, 975, 610],
        "bbox": [round(v, 1) for v in (x0, y0, x1, y1)],
        "source": SOURCE,
        "license": LICENSE,
        "states": dict(sorted(states.items())),
        "boxes": boxes(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data", help="raw data kit folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    topology = json.loads((args.kit / "maps" / "states-albers-10m.json").read_text())
    with STATES_CSV.open(newline="") as handle:
        state_rows = {row["fips"]: row for row in csv.DictReader(handle)}
    document = build(topology, state_rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}: "
          f"{len(document['states'])} states, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
