"""Forecast readers: the format registry, nesting limits and the policy for omitted units."""

from __future__ import annotations

import json

import pytest

from electoral.errors import InvalidInput
from electoral.probability import MISSING_POLICIES, complete_probabilities, load_forecast
from electoral.probability.readers import MAX_JSON_DEPTH, READERS, read_records
from electoral.record import election
from electoral.units import units_for


def test_every_registered_format_reads_the_same_forecast(tmp_path):
    rows = [{"unit": "PA", "p": 0.6}, {"unit": "GA", "p": 0.4}]
    written = {".csv": "unit,p\nPA,0.6\nGA,0.4\n", ".json": json.dumps({"units": rows})}
    assert set(written) == set(READERS)
    tables = []
    for suffix, text in written.items():
        path = tmp_path / f"f{suffix}"
        path.write_text(text)
        tables.append(read_records(path)[0].to_dict("records"))
    assert tables[0] == tables[1] == rows


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5000])
def test_deeply_nested_json_is_refused_with_a_clear_error(tmp_path, depth):
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth)
    with pytest.raises(InvalidInput, match=f"deeper than {MAX_JSON_DEPTH} levels"):
        load_forecast(path, year=2020)


def test_json_that_is_not_an_object_or_list_is_refused(tmp_path):
    path = tmp_path / "scalar.json"
    path.write_text("3")
    with pytest.raises(InvalidInput, match="JSON object or list"):
        load_forecast(path, year=2020)


def test_recorded_policy_fills_omitted_units_with_the_record_winner():
    filled = complete_probabilities(units_for(2016), {"PA": 0.5}, "recorded")
    winners = dict(zip(election(2016).units.codes, election(2016).winners()))
    assert filled["PA"] == 0.5
    assert filled["WI"] == 0.0 and winners["WI"] == "Donald Trump"
    assert filled["CA"] == 1.0 and winners["CA"] == "Hillary Clinton"
    assert len(filled) == len(units_for(2016))


def test_even_policy_and_error_policy(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("unit,p\nPA,0.6\nGA,0.4\n")
    even = load_forecast(path, year=2020, missing="even")
    assert float(even.probabilities[even.units.index("TX")]) == 0.5
    with pytest.raises(InvalidInput, match="no forecast for 54 unit"):
        load_forecast(path, year=2020)
    with pytest.raises(InvalidInput, match="unknown policy for missing units 'sometimes'"):
        load_forecast(path, year=2020, missing="sometimes")
    assert set(MISSING_POLICIES) == {"error", "recorded", "even"}


def test_a_bad_value_is_reported_even_when_units_are_missing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("unit,p\nPA,1.5\n")
    with pytest.raises(InvalidInput, match="probability for PA must be a finite number in \\[0, 1\\], got 1.5"):
        load_forecast(path, year=2020)
