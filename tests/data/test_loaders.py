"""The table declarations (``electoral.data.loaders.TABLES``) against the packaged CSV files."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from electoral.data.loaders import PARSERS, TABLES, TableError, keys_of, read_rows, read_table, rows_for

PACKAGED = sorted(p.name[:-4] for p in resources.files("electoral.data").iterdir() if p.name.endswith(".csv"))


def test_every_packaged_table_is_declared_and_every_declaration_has_a_file() -> None:
    assert PACKAGED == sorted(TABLES)


@pytest.mark.parametrize("name", PACKAGED)
def test_every_column_is_declared_in_file_order_and_every_value_parses(name: str) -> None:
    with resources.files("electoral.data").joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    spec = TABLES[name]
    assert tuple(header) == tuple(spec.columns)
    assert set(spec.columns.values()) <= set(PARSERS)
    assert spec.key is None or spec.key in spec.columns
    rows = read_rows(name)  # raises TableError on any value that does not parse
    assert len(rows) == len(read_table(name)) > 0
    for row, text in zip(rows, read_table(name)):
        for column, kind in spec.columns.items():
            value = getattr(row, column)
            if kind.endswith("?") and text[column] == "":
                assert value is None
            elif kind in ("str",):
                assert value == text[column]
            elif kind in ("int", "int?", "date", "date?"):
                assert str(value) == text[column].lstrip("+")  # the text is the value's canonical spelling


@pytest.mark.parametrize("name", [n for n, t in TABLES.items() if t.key])
def test_rows_for_is_the_rows_with_that_key_in_file_order(name: str) -> None:
    key = TABLES[name].key
    for value in keys_of(name):
        assert rows_for(name, value) == tuple(r for r in read_rows(name) if getattr(r, key) == value)
    assert sum(len(rows_for(name, v)) for v in keys_of(name)) == len(read_rows(name))
    assert rows_for(name, -1) == ()


@pytest.mark.parametrize(("lines", "message"), [
    ([(2, ["1789", "18OO", "2", "", ""])], r"ballot_rules.csv line 2, column 'last_year': '18OO' is not int"),
    ([(2, ["1789", "1800", "2", ""]), (3, ["1804"])], r"ballot_rules.csv line 2: 4 cells for 5 columns"),
])
def test_a_row_that_does_not_match_names_file_line_and_column(monkeypatch: pytest.MonkeyPatch, lines: list,
                                                              message: str) -> None:
    header = list(TABLES["ballot_rules"].columns)
    monkeypatch.setattr("electoral.data.loaders._read_lines", lambda name: (header, lines))
    read_rows.cache_clear()
    try:
        with pytest.raises(TableError, match=message):
            read_rows("ballot_rules")
        monkeypatch.setattr("electoral.data.loaders._read_lines", lambda name: (header[:-1] + ["citation"], []))
        with pytest.raises(TableError, match="ballot_rules.csv has columns .*citation; declared: .*source"):
            read_rows("ballot_rules")
    finally:
        read_rows.cache_clear()


def test_undeclared_tables_and_keys_are_errors() -> None:
    with pytest.raises(TableError, match="no table 'nope'"):
        read_rows("nope")
    with pytest.raises(TableError, match="no key column"):
        rows_for("states", "WY")
