"""The record's output models (CLI --json and the HTTP API)."""

from __future__ import annotations

import json

from electoral.output.base import document
from electoral.output.record import map_out, results_out, tally_out
from electoral.record import election


def test_documents_are_plain_json() -> None:
    for year in (1789, 1824, 1912, 2020):
        e = election(year)
        for model in (map_out(e), tally_out(e.tally()), results_out(e)):
            doc = document(model)
            assert json.loads(json.dumps(doc, allow_nan=False)) == doc


def test_map_2024_splits() -> None:
    # 2024: Harris won NE-2, Trump won ME-2 (Nebraska and Maine certificates of ascertainment).
    units = {u.code: u for u in map_out(election(2024)).units}
    assert (units["NE-2"].winner, units["ME-2"].winner) == ("Kamala Harris", "Donald Trump")
    assert units["ME-2"].side == "R" and units["NE-2"].side == "D"


def test_unit_document_has_the_model_fields_in_order() -> None:
    # the what-if route builds unit documents without the model: their keys must be the model's fields
    from electoral.output.scenario import ScenarioUnitOut, unit_document, unit_out
    from electoral.scenario import Scenario, recorded_units, run

    units = list(recorded_units(2020)) + list(run(Scenario(2016, method="proportional")).units)
    for unit in units:
        doc = unit_document(unit)
        assert tuple(doc) == tuple(ScenarioUnitOut.model_fields)
        assert ScenarioUnitOut.model_validate(doc) == ScenarioUnitOut.model_validate(document(unit_out(unit)))
