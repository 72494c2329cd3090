"""Read the record's CSV tables: each declared once, read into typed rows, indexed by year.

:data:`TABLES` declares every table of the data folder: its columns, each with a type (a key of
:data:`PARSERS`), and the column its rows are looked up by (``year``, ``census_year``; None for a
table read whole). Three readers sit on it, all cached (a table is read and parsed once per process):

- :func:`read_table` -- the rows as the file has them, dicts of strings (no declaration needed);
- :func:`read_rows` -- every row as a typed, immutable row (a NamedTuple named after the table);
- :func:`rows_for` -- the typed rows with one key (``rows_for("popular_vote", 2020)``), through an index
  built once per table; :func:`keys_of` lists the keys a table has.

**The data folder.** Tables are read from the packaged folder ``electoral/data`` unless the
environment variable ``ELECTORAL_DATA`` names another folder (:data:`DATA_ENV`); it is read once, on
the first table read, so set it before the process asks for any data. Such a folder must hold every
table the code reads, with the declared columns: copy the packaged tables and add rows. A new election
year is a data change: rows for it in ``electoral_votes``, ``electoral_votes_cast``, ``candidates`` and
``popular_vote`` (and ``district_popular_vote`` for Maine's and Nebraska's districts) make every
command and endpoint answer for it (see docs/record.md, "Reading the tables, and adding an election").

>>> next(r for r in read_table("states") if r["code"] == "WY")["name"]
'Wyoming'
>>> [(r.candidate, r.votes) for r in rows_for("district_popular_vote", 2008) if r.unit == "NE-2"]
[('Barack Obama', 138809), ('John McCain', 135439)]
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import IO, Any, NamedTuple

DATA_ENV = "ELECTORAL_DATA"  # environment variable naming a data folder to read instead of the packaged one


class TableError(ValueError):
    """A data table that does not match its declaration in :data:`TABLES` (a data error, not bad input)."""


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse_or_none(text: str) -> Any:
        return parse(text) if text else None
    return parse_or_none


def _flag(true: str, false: str) -> Callable[[str], bool]:
    def parse(text: str) -> bool:
        if text not in (true, false):
            raise ValueError(f"expected {true!r} or {false!r}")
        return text == true
    return parse


# Column types: text in the file -> a Python value. A trailing "?" allows an empty cell (read as None).
PARSERS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "int": int,
    "int?": _optional(int),
    "float": float,
    "date": date.fromisoformat,  # ISO 8601, YYYY-MM-DD
    "date?": _optional(date.fromisoformat),
    "yes/no": _flag("yes", "no"),
    "TRUE/FALSE": _flag("TRUE", "FALSE"),
}


class Table(NamedTuple):
    """The declaration of one table: its columns in file order with their types, and its lookup key."""

    name: str
    columns: Mapping[str, str]  # column -> a key of PARSERS
    key: str | None = None  # the column rows_for looks rows up by


CORRELATION_STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
                      "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()

TABLES: dict[str, Table] = {t.name: t for t in (
    # the record (docs/record.md)
    Table("states", {"code": "str", "fips": "str", "name": "str", "admitted": "date", "note": "str"}),
    Table("electoral_votes", {"year": "int", "unit": "str", "state": "str", "electoral_votes": "int",
                              "source": "str"}, "year"),
    Table("electoral_votes_cast", {"year": "int", "unit": "str", "state": "str", "candidate": "str",
                                   "electoral_votes": "int", "status": "str", "pledged_to": "str", "note": "str",
                                   "source": "str"}, "year"),
    Table("candidates", {"year": "int", "candidate": "str", "party": "str"}, "year"),
    Table("popular_vote", {"year": "int", "state": "str", "candidate": "str", "party": "str", "kind": "str",
                           "votes": "int", "total_votes": "int", "source": "str"}, "year"),
    Table("popular_vote_corrections", {"year": "int", "state": "str", "candidate": "str", "raw_votes": "int?",
                                       "votes": "int", "source": "str", "note": "str"}, "year"),
    Table("ballot_line_nominees", {"year": "int", "state": "str", "party_line": "str", "writein": "TRUE/FALSE",
                                   "nominee": "str", "source": "str", "note": "str"}, "year"),
    Table("district_popular_vote", {"year": "int", "unit": "str", "candidate": "str", "party": "str",
                                    "votes": "int", "total_votes": "int?", "source": "str"}, "year"),
    Table("not_counted", {"year": "int", "state": "str", "reason": "str", "source": "str"}, "year"),
    Table("contingent_elections", {"year": "int", "office": "str", "decided_by": "str", "chosen": "str",
                                   "date": "date", "detail": "str", "source": "str"}, "year"),
    Table("ballot_rules", {"first_year": "int", "last_year": "int", "votes_per_elector": "int",
                           "contingent_rule": "str", "source": "str"}),
    Table("sources", {"key": "str", "citation": "str"}),
    # apportionment (docs/apportionment.md)
    Table("apportionment_history", {"census_year": "int", "act": "str", "method": "str", "house_size": "int?",
                                    "ratio": "int?", "first_election": "int?", "dc_electors": "int",
                                    "source": "str"}, "census_year"),
    Table("apportionment_adjustments", {"census_year": "int", "state": "str", "seats": "int",
                                        "first_election": "int", "kind": "str", "source": "str"}, "census_year"),
    Table("apportionment_seats", {"census_year": "int", "state": "str", "seats": "int", "source": "str"},
          "census_year"),
    Table("apportionment_populations", {"census_year": "int", "state": "str", "population": "int",
                                        "apportioned": "yes/no", "source": "str"}, "census_year"),
    Table("apportionment_sources", {"key": "str", "citation": "str"}),
    # allocation methods and the compact (docs/scenarios.md)
    Table("allocation_methods", {"state": "str", "first_year": "int", "last_year": "int?", "method": "str",
                                 "source": "str"}),
    Table("allocation_npvic", {"state": "str", "enacted": "date", "how": "str", "citation": "str",
                               "citation_checked": "yes/no", "source": "str", "note": "str"}),
    # faithless-elector law by state and year (docs/contingent.md; built by scripts/build_law_tables.py)
    Table("faithless_laws", {"state": "str", "first_year": "int", "last_year": "int?", "law": "str",
                             "penalty": "yes/no", "basis": "str", "statute": "str", "source": "str", "note": "str"}),
    # the certification calendar (docs/calendar.md)
    Table("calendar_steps", {"step": "str", "position": "int", "label": "str", "stage": "str", "reached_at": "str",
                             "done_phrase": "str", "description": "str"}),
    Table("calendar_laws", {"law": "str", "short": "str", "name": "str", "enacted": "date", "citation": "str",
                            "verified_from": "str"}),
    Table("calendar_rules", {"law": "str", "first_year": "int", "last_year": "int?", "step": "str", "rule": "str",
                             "until": "str", "citation": "str"}),
    # the packaged historical ledgers (docs/ledger.md; built by scripts/build_ledgers.py)
    Table("ledger_events", {"id": "str", "year": "int", "unit": "str", "kind": "str", "effective": "str",
                            "received": "str", "actor": "str", "source": "str", "confidence": "str",
                            "time_known": "TRUE/FALSE", "fields": "str"}, "year"),
    Table("calendar_actual", {"year": "int", "step": "str", "date": "date?", "until": "date?", "note": "str",
                              "source": "str"}, "year"),
    # contingent elections (docs/contingent.md; built by scripts/build_congress.py)
    Table("contingent_rules", {"first_year": "int", "last_year": "int", "era": "str", "president_pool": "int",
                               "tie_rule": "str", "vp_pool": "int", "vp_rule": "str", "house_quorum": "str",
                               "house_majority": "str", "senate_quorum": "str", "senate_majority": "str",
                               "deciding_house": "str", "deadline": "str", "source": "str"}),
    Table("contingent_congress", {"election_year": "int", "congress_elected": "int", "deciding_congress": "int?"},
          "election_year"),
    Table("contingent_ballots", {"year": "int", "body": "str", "congress": "int", "date": "date", "ballot": "int",
                                 "through_ballot": "int", "candidate": "str", "count": "int", "units": "str",
                                 "needed": "str", "source": "str"}, "year"),
    Table("congresses", {"congress": "int", "first_year": "int", "house_reference_date": "date",
                         "senate_reference_date": "date", "senate_dem": "int", "senate_rep": "int",
                         "senate_other": "int", "senate_vacant": "int", "senate_seats": "int",
                         "senate_other_parties": "str", "senate_vacant_states": "str", "source": "str"}, "congress"),
    Table("congress_house_delegations", {"congress": "int", "state": "str", "dem": "int", "rep": "int", "other": "int",
                                         "vacant": "int?", "seats": "int?", "other_parties": "str", "conflict": "int",
                                         "source": "str"}, "congress"),
    Table("congress_sources", {"key": "str", "citation": "str"}),
    Table("running_mates", {"year": "int", "candidate": "str", "running_mate": "str", "source": "str"}, "year"),
    # probabilities (docs/probability.md)
    Table("example_2020_polls", {"year": "int", "unit": "str", "margin": "float", "sd": "float", "votes": "int?",
                                 "region": "str", "fivethirtyeight_p": "float", "source": "str"}),
    # forecasts from polls (docs/forecast.md; built by scripts/build_example_polls.py)
    Table("example_polls_2020", {"cycle": "int", **dict.fromkeys(
        ("state modeldate candidate_name startdate enddate pollster samplesize population weight influence pct "
         "house_adjusted_pct trend_and_house_adjusted_pct tracking poll_id question_id source").split(), "str")}),
    Table("state_correlation", {"state": "str", **dict.fromkeys(CORRELATION_STATES, "float"), "source": "str"}),
)}


@lru_cache(maxsize=1)
def data_directory() -> Traversable:
    """The folder tables are read from: ``$ELECTORAL_DATA`` if set (read once), else the packaged one.

    >>> data_directory().joinpath("states.csv").is_file()
    True
    """
    folder = os.environ.get(DATA_ENV, "").strip()
    if not folder:
        return resources.files("electoral.data")
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise TableError(f"{DATA_ENV}={folder!r} is not a folder")
    return path


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the table ``name`` (file ``<name>.csv`` of :func:`data_directory`), as dicts of text.

    Raises FileNotFoundError for a table the folder does not hold.

    >>> rows = read_table("states")
    >>> next(r for r in rows if r["code"] == "WY")["name"]
    'Wyoming'
    """
    with _open(name) as handle:
        return tuple(csv.DictReader(handle))


def _open(name: str) -> IO[str]:
    return data_directory().joinpath(f"{name}.csv").open(encoding="utf-8", newline="")


def _read_lines(name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (file line, cells) of every non-blank row of ``<name>.csv``."""
    with _open(name) as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        return header, [(reader.line_num, row) for row in reader if row]


@lru_cache(maxsize=None)
def row_type(name: str) -> type:
    """The NamedTuple class of a declared table's rows (fields: its columns, in declared order).

    >>> row_type("candidates")._fields
    ('year', 'candidate', 'party')
    """
    return NamedTuple(_class_name(name), [(column, object) for column in table(name).columns])


def _class_name(name: str) -> str:
    return "".join(part.title() for part in name.split("_")) + "Row"


def table(name: str) -> Table:
    """The declaration of table ``name``; raises :class:`TableError` for an undeclared one."""
    try:
        return TABLES[name]
    except KeyError:
        raise TableError(f"no table {name!r} is declared (declared: {', '.join(sorted(TABLES))})") from None


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[Any, ...]:
    """Every row of table ``name`` as a typed NamedTuple (:func:`row_type`), in file order.

    Raises :class:`TableError` naming the file line, column and value when the file's columns differ
    from the declaration or a value does not parse as its column's type.

    >>> read_rows("ballot_rules")[1][:3]
    (1804, 9999, 1)
    """
    spec, make = table(name), row_type(name)
    header, lines = _read_lines(name)
    if sorted(header) != sorted(spec.columns):
        raise TableError(f"{name}.csv has columns {', '.join(header)}; declared: {', '.join(spec.columns)}")
    cells = [(header.index(column), PARSERS[kind]) for column, kind in spec.columns.items()]
    if any(len(row) != len(header) for _, row in lines):
        raise _first_error(name, header, lines)
    try:
        return tuple(make(*[parse(row[i]) for i, parse in cells]) for _, row in lines)
    except (TypeError, ValueError):
        raise _first_error(name, header, lines) from None


def _first_error(name: str, header: list[str], lines: list[tuple[int, list[str]]]) -> TableError:
    """The error of the first row that does not match the declaration: its line, column and value."""
    kinds = TABLES[name].columns
    for line, row in lines:
        if len(row) != len(header):
            return TableError(f"{name}.csv line {line}: {len(row)} cells for {len(header)} columns")
        for column, value in zip(header, row):
            try:
                PARSERS[kinds[column]](value)
            except (TypeError, ValueError) as exc:
                return TableError(f"{name}.csv line {line}, column {column!r}: {value!r} is not {kinds[column]} ({exc})")
    return TableError(f"{name}.csv does not match its declaration")


@lru_cache(maxsize=None)
def _index(name: str) -> dict[Any, tuple[Any, ...]]:
    key = table(name).key
    if key is None:
        raise TableError(f"table {name!r} declares no key column to look rows up by")
    found: dict[Any, list[Any]] = {}
    for row in read_rows(name):
        found.setdefault(getattr(row, key), []).append(row)
    return {value: tuple(rows) for value, rows in found.items()}


def rows_for(name: str, key: Any) -> tuple[Any, ...]:
    """The typed rows of table ``name`` whose key column equals ``key`` (empty if none), in file order.

    >>> [(r.candidate, r.party) for r in rows_for("candidates", 1789)][:1]
    [('Benjamin Lincoln', 'Federalist')]
    """
    return _index(name).get(key, ())


def keys_of(name: str) -> tuple[Any, ...]:
    """The distinct values of table ``name``'s key column, sorted.

    >>> keys_of("electoral_votes")[:3]
    (1789, 1792, 1796)
    """
    return tuple(sorted(_index(name)))
