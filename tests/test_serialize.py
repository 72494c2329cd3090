"""The shared JSON shapes (CLI --json and the HTTP API)."""

from __future__ import annotations

import json

from electoral.record import election
from electoral.serialize import map_json, results_json, tally_json


def test_documents_are_plain_json() -> None:
    for year in (1789, 1824, 1912, 2020):
        e = election(year)
        for doc in (map_json(e), tally_json(e.tally()), results_json(e)):
            assert json.loads(json.dumps(doc, allow_nan=False)) == doc


def test_map_2024_splits() -> None:
    # 2024: Harris won NE-2, Trump won ME-2 (Nebraska and Maine certificates of ascertainment).
    units = {u["code"]: u for u in map_json(election(2024))["units"]}
    assert (units["NE-2"]["winner"], units["ME-2"]["winner"]) == ("Kamala Harris", "Donald Trump")
    assert units["ME-2"]["side"] == "R" and units["NE-2"]["side"] == "D"
