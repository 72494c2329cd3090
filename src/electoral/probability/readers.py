"""Reading forecasts: one reader per input format (a registry), and what fills in the units a forecast omits.

Formats (:data:`READERS`, chosen by file suffix; anything else is read as CSV): ``.csv`` and ``.json``. A JSON
forecast is ``{"year": ..., "units": [{"unit": "PA", "p": 0.6}, ...]}`` or a bare list of unit objects. Packaged
An ``electoral forecast --json`` document (a ``ForecastOut``) is read as its ``engine`` member. Packaged
worked examples (:data:`EXAMPLES`) are read by name, and DataFrames or JSON-like values are accepted as they are.

Units a forecast leaves out are filled by a named policy (:data:`MISSING_POLICIES`): ``"error"`` (every unit
must be given), ``"recorded"`` (the record's winner of that year as certain) or ``"even"`` (a coin flip).

>>> f = load_forecast([{"unit": "PA", "p": 0.6}], year=2020, missing="even")
>>> float(f.probabilities[f.units.index("PA")]), float(f.probabilities[f.units.index("TX")])
(0.6, 0.5)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from electoral.errors import InvalidInput
from electoral.limits import LIMITS
from electoral.probability.correlation import build_correlation
from electoral.probability.forecast import DEFAULT_SIDES, Forecast, make_forecast
from electoral.probability.values import parse_df, unit_code
from electoral.units import Units, units_for

# Packaged worked examples: name -> packaged CSV (see docs/probability.md).
EXAMPLES: dict[str, str] = {"example-2020": "example_2020_polls"}

# Deepest nesting a forecast file may have: {"units": [{"unit": ..., "p": ...}]} is 3 levels; the limit leaves room
# for metadata objects and refuses pathological files (thousands of levels) before they reach the recursion limit.
MAX_JSON_DEPTH = LIMITS["json_depth"].value

Source = str | Path | pd.DataFrame | Mapping[str, Any] | Sequence[Mapping[str, Any]]
Records = tuple[pd.DataFrame, dict[str, Any]]


def check_file_size(path: Path) -> None:
    """Refuse an input file larger than the ``input_file_bytes`` limit before reading it."""
    LIMITS["input_file_bytes"].check(path.stat().st_size, f"input file {str(path)!r}")


def _json_depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value (a scalar is 0), walked without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth + 1)
            if deepest > MAX_JSON_DEPTH:
                return deepest
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _from_value(source: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Records:
    if isinstance(source, Mapping) and isinstance(source.get("engine"), Mapping):
        source = source["engine"]  # an ``electoral forecast --json`` document: its engine member is the forecast file
    if isinstance(source, Mapping):
        if "units" not in source:
            raise InvalidInput("a JSON forecast needs a 'units' list of {unit, p} or {unit, margin, sd} objects")
        units = source["units"]
        if not isinstance(units, Sequence) or isinstance(units, str):
            raise InvalidInput(f"a JSON forecast's 'units' must be a list of objects, got {type(units).__name__}")
        return pd.DataFrame(list(units)), {k: v for k, v in source.items() if k != "units"}
    rows = list(source)
    if not all(isinstance(row, Mapping) for row in rows):
        raise InvalidInput("a JSON forecast's units must be objects such as {\"unit\": \"PA\", \"p\": 0.6}")
    return pd.DataFrame(rows), {}


def read_json(path: Path) -> Records:
    """Rows and metadata of a JSON forecast file (nesting deeper than :data:`MAX_JSON_DEPTH` is refused)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        value = None
        depth = MAX_JSON_DEPTH + 1
    else:
        depth = _json_depth(value)
    if depth > MAX_JSON_DEPTH:
        raise InvalidInput(f"input file {str(path)!r} nests JSON deeper than {MAX_JSON_DEPTH} levels; "
                           "a forecast is an object with a 'units' list of flat objects")
    if not isinstance(value, (Mapping, list)):
        raise InvalidInput(f"input file {str(path)!r} must hold a JSON object or list, got {type(value).__name__}")
    return _from_value(value)


def read_csv(path: Path) -> Records:
    """Rows of a CSV forecast file (no metadata)."""
    return pd.read_csv(path, dtype={"region": str, "unit": str}), {}


# Readers by file suffix; a file with any other suffix is read as CSV.
READERS: dict[str, Callable[[Path], Records]] = {".json": read_json, ".csv": read_csv}


def read_records(source: Source) -> Records:
    """Rows and metadata (year, sides, df, national, regional) from a file, an example, a DataFrame or JSON-like data.

    >>> table, meta = read_records({"year": 2020, "units": [{"unit": "PA", "p": 0.6}]})
    >>> table.to_dict("records"), meta
    ([{'unit': 'PA', 'p': 0.6}], {'year': 2020})
    """
    if isinstance(source, pd.DataFrame):
        return source.copy(), {}
    if isinstance(source, Mapping) or (isinstance(source, Sequence) and not isinstance(source, str)):
        return _from_value(source)
    name = str(source)
    if name in EXAMPLES:
        with resources.files("electoral.data").joinpath(f"{EXAMPLES[name]}.csv").open(encoding="utf-8") as handle:
            return pd.read_csv(handle, dtype={"region": str}), {}
    path = Path(name)
    if not path.is_file():
        raise InvalidInput(f"input file not found: {name!r} (or use a packaged example: {', '.join(EXAMPLES)})")
    check_file_size(path)
    try:
        return READERS.get(path.suffix.lower(), read_csv)(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read input file {name!r}: {exc}") from None


# -- units a forecast leaves out ----------------------------------------------------------------------------------


def _recorded(units: Units, given: Mapping[str, Any]) -> dict[str, Any]:
    # imported here: the record is needed only by this policy, and loading it costs a table read
    from electoral.record import election
    from electoral.sides import complete_from_record, unit_sides

    return complete_from_record(units, unit_sides(election(units.year)), given)


def _even(units: Units, given: Mapping[str, Any]) -> dict[str, Any]:
    listed = {unit_code(code) for code in given}
    return {**given, **{code: 0.5 for code in units.codes if code not in listed}}


# Policies for the units a probability forecast omits: name -> (units, given) -> completed mapping.
MISSING_POLICIES: dict[str, Callable[[Units, Mapping[str, Any]], dict[str, Any]] | None] = {
    "error": None, "recorded": _recorded, "even": _even,
}


def complete_probabilities(units: Units, probabilities: Mapping[str, Any], missing: str = "error") -> dict[str, Any]:
    """The probabilities with the omitted units filled by the policy ``missing`` (see :data:`MISSING_POLICIES`).

    >>> filled = complete_probabilities(units_for(2020), {"PA": 0.6}, "recorded")
    >>> filled["PA"], filled["CA"], filled["TX"], len(filled)
    (0.6, 1.0, 0.0, 56)
    """
    if missing not in MISSING_POLICIES:
        raise InvalidInput(f"unknown policy for missing units {missing!r} (known: {', '.join(MISSING_POLICIES)})")
    policy = MISSING_POLICIES[missing]
    return dict(probabilities) if policy is None else policy(units, probabilities)


def _numbers(table: pd.DataFrame, column: str) -> list[float]:
    try:
        return [float(v) if v is not None and str(v).strip() != "" else float("nan") for v in table[column]]
    except ValueError as exc:
        raise InvalidInput(f"column {column!r} must hold numbers: {exc}") from None


def _year_of(table: pd.DataFrame, meta: Mapping[str, Any], year: int | str | None) -> int | str:
    if year is None:
        year = meta.get("year")
    if year is None and "year" in table.columns:
        years = sorted({str(y) for y in table["year"].dropna()})
        if len(years) != 1:
            raise InvalidInput(f"input must be for one year, got years: {', '.join(years) or 'none'}")
        year = years[0].split(".")[0]
    if year is None:
        raise InvalidInput("no year: add a 'year' column or pass the year (CLI --year)")
    return year


def _unit_forecasts(table: pd.DataFrame, codes: list[str]) -> dict[str, Any]:
    has_p = "p" in table.columns
    has_margin = "margin" in table.columns or "sd" in table.columns
    if has_p == has_margin:
        raise InvalidInput("input needs either a 'p' column or 'margin' and 'sd' columns (not both)")
    if has_margin and not {"margin", "sd"} <= set(table.columns):
        raise InvalidInput("input with margins needs both 'margin' and 'sd' columns")
    if has_p:
        forecasts: dict[str, Any] = dict(zip(codes, _numbers(table, "p")))
    else:
        forecasts = {code: pair for code, pair in zip(codes, zip(_numbers(table, "margin"), _numbers(table, "sd")))}
    if len(forecasts) != len(codes):
        duplicate = next(c for c in codes if codes.count(c) > 1)
        raise InvalidInput(f"forecast: unit {duplicate!r} is given twice")
    return forecasts


def load_forecast(
    source: Source,
    *,
    year: int | str | None = None,
    sides: Sequence[str] | str | None = None,
    df: float | str | None = None,
    correlation: str | Path | pd.DataFrame | np.ndarray | None = None,
    national: float | str | None = None,
    regional: float | str | None = None,
    repair: bool = False,
    missing: str = "error",
) -> Forecast:
    """Read a forecast from a CSV or JSON file, a packaged example name, a DataFrame or JSON-like data.

    Columns: ``unit``; either ``p`` (probability that the first side wins) or ``margin`` and ``sd``;
    optional ``votes`` (expected votes cast, for the national popular vote), ``region`` (for a
    regional share) and ``year``. Other columns are ignored. A JSON object may also carry ``year``,
    ``sides``, ``df``, ``national``, ``regional``; keyword arguments override them. ``missing`` fills
    the units a probability forecast omits (see :data:`MISSING_POLICIES`; margins must cover every unit).

    >>> f = load_forecast("example-2020", national=0.5)
    >>> f.units.year, f.sides, len(f.mean), f.correlation.national
    (2020, ('D', 'R'), 56, 0.5)
    """
    table, meta = read_records(source)
    table.columns = [str(c).strip().lower() for c in table.columns]
    if "unit" not in table.columns:
        raise InvalidInput(f"input needs a 'unit' column (got columns: {', '.join(table.columns) or 'none'})")
    year = _year_of(table, meta, year)
    codes = [str(c) for c in table["unit"]]
    forecasts = _unit_forecasts(table, codes)
    units = units_for(year)  # raises UnknownYear
    if "p" in table.columns:
        make_forecast(year, forecasts, default_probability=0.5)  # a bad value is reported before a missing unit
        forecasts = complete_probabilities(units, forecasts, missing)
    votes = _votes(table, codes)
    regions = _regions(table, codes, units)
    built = build_correlation(
        units,
        matrix=_given_or(correlation, meta, "correlation"),
        national=_given_or(national, meta, "national"),
        regional=_given_or(regional, meta, "regional"),
        regions=regions,
        repair=repair,
    )
    return make_forecast(year, forecasts, votes=votes, sides=sides or meta.get("sides") or DEFAULT_SIDES,
                         df=parse_df(_given_or(df, meta, "df")), correlation=built)


def _given_or(value: Any, meta: dict[str, Any], key: str) -> Any:
    """A keyword argument, or else the input's own ``key`` (None if it has none)."""
    return value if value is not None else meta.get(key)


def _votes(table: pd.DataFrame, codes: list[str]) -> dict[str, float] | None:
    """The ``votes`` column of the states (districts are part of their state's vote); None without one."""
    if "votes" not in table.columns:
        return None
    return {code: v for code, v in zip(codes, _numbers(table, "votes")) if "-" not in unit_code(code)}


def _regions(table: pd.DataFrame, codes: list[str], units: Units) -> list[str] | None:
    """Each unit's region from the ``region`` column ('' for none); None without one."""
    if "region" not in table.columns:
        return None
    by_code = {unit_code(c): ("" if pd.isna(r) else str(r).strip()) for c, r in zip(codes, table["region"])}
    return [by_code.get(code, "") for code in units.codes]
