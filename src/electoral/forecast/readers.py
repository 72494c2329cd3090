"""Poll files by format (a registry): FiveThirtyEight's poll-level schema and the HuffPost Pollster/Economist schema.

:data:`POLL_READERS` maps a format name to ``(recognizes(columns), read(frame, source))``; :func:`read_polls`
picks the format from a file's header (or takes it by name) and returns :class:`~electoral.forecast.polls.Polls`.

Counting a poll once (documented rule): among the questions and populations one poll reports, keep the one
with the best population (likely voters > registered voters > voters > adults > unknown), then a head-to-head
question (only the Democrat and the Republican) over one with more candidates, then the first question.

- ``fivethirtyeight`` (2020 and 2024 files; one row per candidate per question): a poll is ``poll_id``, a question
  ``question_id``; the Democrat and Republican are the record's nominees of the cycle matched by surname, and
  every row of a question not between the two is reported as a problem (2024: Biden-Trump questions). For a year
  whose nominees the record lacks: the ``party`` column, each party's most-polled candidate.
  Sponsors: ``partisan`` DEM/REP.
- ``huffpost`` (The Economist's 2008, 2012 and 2016 files; one row per question and population): a poll is its
  state, pollster and field dates; candidate columns are the record's nominees' surnames (``obama``, ``mccain``).
  ``--`` is a national poll. Rows for a subgroup (``Likely Voters - Democrat``) are not the poll's sample and
  are dropped. The 2008 and 2012 files (no ``partisan`` column) have unreliable mode and population fields:
  their population is read as ``unknown``. Sponsors: ``partisan`` Sponsor/Pollster with ``affiliation`` Dem/Rep.

Each reader first checks the columns its format requires (InvalidInput naming the file and the missing ones).

>>> sorted(POLL_READERS)
['fivethirtyeight', 'huffpost']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from electoral.errors import InvalidInput
from electoral.forecast.polls import POPULATIONS, Polls, Problem, check_forecast_year, combine, parse_date, polls_from_rows
from electoral.probability.readers import check_file_size

Reader = tuple[Callable[[set[str]], bool], Callable[[pd.DataFrame, str], Polls]]
_POPULATION_RANK = {name: i for i, name in enumerate(POPULATIONS)}


_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")


def _surnames(names: pd.Series) -> pd.Series:
    """The lower-case surname of each name, without Jr./Sr./II ('' for a blank name)."""
    def last(name: object) -> str:
        words = [w.rstrip(".").lower() for w in str(name).replace(",", " ").split()]
        words = [w for w in words if w not in _SUFFIXES]
        return words[-1] if words else ""

    return names.fillna("").map(last)


def _nominee_surnames(year: int) -> dict[str, str]:
    """Surname (lower case) -> 'D' or 'R' for the record's Democratic and Republican nominees of ``year``."""
    from electoral.data.loaders import rows_for
    from electoral.sides import side_of

    rows = [(r.candidate, side_of(r.party)) for r in rows_for("candidates", year)]
    names = pd.Series([name for name, side in rows if side in ("D", "R")], dtype=object)
    return dict(zip(_surnames(names), [side for _, side in rows if side in ("D", "R")]))


def _first(frame: pd.DataFrame, *names: str) -> pd.Series:
    for name in names:
        if name in frame.columns:
            return frame[name]
    return pd.Series([""] * len(frame), index=frame.index)


def _require(frame: pd.DataFrame, source: str, poll_format: str, groups: Sequence[tuple[str, ...]]) -> None:
    """InvalidInput naming the file and every required column (or alternatives) it lacks."""
    missing = [" or ".join(repr(c) for c in group) for group in groups if not set(group) & set(frame.columns)]
    if missing:
        raise InvalidInput(f"{source}: not a {poll_format} poll file: no column {', '.join(missing)}")


def _keyed(frame: pd.DataFrame, keys: Sequence[str], source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows with every key cell filled, and a problem for each row without."""
    blank = frame[list(keys)].isna().any(axis=1)
    problems = [Problem(int(r), f"no {' or '.join(keys)}", "", source) for r in frame.loc[blank, "_row"]]
    return frame[~blank], problems


def _one_year(values: pd.Series, what: str) -> int:
    years = sorted({str(v).split(".")[0] for v in values if str(v).strip()})
    if len(years) != 1 or not years[0].isdigit():
        raise InvalidInput(f"{what}: a poll file must be of one election cycle, got {', '.join(years) or 'none'}")
    return check_forecast_year(int(years[0]), what)


def _party_538(frame: pd.DataFrame, year: int, source: str) -> tuple[pd.Series, str]:
    """'D', 'R' or '' per answer row (the record's nominees of ``year``), and the nominees' names for messages.

    Documented fallback for a year whose nominees the record lacks: the ``party`` column, each party's
    most-polled candidate.
    """
    name = _first(frame, "candidate_name", "answer")
    nominees = _nominee_surnames(year)
    if nominees:
        return _surnames(name).map(nominees).fillna(""), ", ".join(n.title() for n in sorted(nominees))
    if "party" not in frame.columns:
        raise InvalidInput(f"{source}: the record has no {year} nominees, so the file needs a 'party' column")
    party = frame["party"].fillna("").str.upper().map({"DEM": "D", "REP": "R"}).fillna("")
    chosen = []
    for side in ("D", "R"):
        polled = name[party == side].value_counts()
        if len(polled):
            party = party.where((party != side) | (name == polled.index[0]), "")
            chosen.append(str(polled.index[0]))
    return party, ", ".join(chosen)


def _nominee_questions(frame: pd.DataFrame, nominees: str, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows of questions asking about both nominees; every row of another question is a problem."""
    sides = frame.assign(_d=frame["_party"] == "D", _r=frame["_party"] == "R").groupby("question_id")[["_d", "_r"]]
    both = sides.transform("any").all(axis=1)
    problems = [Problem(int(r), f"not a question between the nominees ({nominees})", str(n), source)
                for r, n in zip(frame.loc[~both, "_row"], _first(frame, "candidate_name", "answer")[~both].fillna(""))]
    return frame[both], problems


REQUIRED_538 = (("poll_id",), ("question_id",), ("cycle",), ("pct",), ("state",), ("pollster",),
                ("candidate_name", "answer"), ("startdate", "start_date"), ("enddate", "end_date"))


def read_fivethirtyeight(frame: pd.DataFrame, source: str) -> Polls:
    """FiveThirtyEight's poll-level file (2020 ``presidential_polls`` or 2024 ``president_polls``) as polls."""
    _require(frame, source, "fivethirtyeight", REQUIRED_538)
    frame, problems = _keyed(frame.assign(_row=np.arange(len(frame)) + 2), ("poll_id", "question_id"), source)
    year = _one_year(frame["cycle"], source)
    party, nominees = _party_538(frame, year, source)
    frame = frame.assign(_party=party, _answers=frame.groupby("question_id")["_row"].transform("size"))
    frame, dropped = _nominee_questions(frame, nominees, source)
    problems += dropped
    if frame.empty:
        raise InvalidInput(f"{source}: no question asks about both nominees ({nominees})")
    pairs = frame[frame["_party"] != ""].assign(pct=lambda f: f["pct"].fillna(""))
    wide = pairs.pivot_table(index="question_id", columns="_party", values="pct", aggfunc="first")
    first = pairs.sort_values("_row").drop_duplicates("question_id").set_index("question_id")
    table = first.join(wide[["D", "R"]], how="inner")
    table = table.assign(_pop_rank=_first(table, "population").str.lower().map(_POPULATION_RANK).fillna(len(POPULATIONS)),
                         _qid=table.index)
    table = table.sort_values(["poll_id", "_pop_rank", "_answers", "_qid"]).drop_duplicates("poll_id")
    rows = [{"unit": s, "start": a, "end": b, "dem": d, "rep": r, "n": n, "pollster": p, "population": pop,
             "sponsor": {"DEM": "D", "REP": "R"}.get(str(sp).upper(), ""), "row": row}
            for s, a, b, d, r, n, p, pop, sp, row in zip(
                table["state"].fillna("National"), _first(table, "startdate", "start_date"),
                _first(table, "enddate", "end_date"), table["D"], table["R"], _first(table, "samplesize", "sample_size"),
                table["pollster"], _first(table, "population"), _first(table, "partisan"), table["_row"])]
    return polls_from_rows(rows, year=year, source=source, problems=problems)


def _huffpost_population(frame: pd.DataFrame) -> pd.Series:
    if "partisan" not in frame.columns:  # the 2008/2012 layout: population known to be unreliable
        return pd.Series(["unknown"] * len(frame), index=frame.index)
    return _first(frame, "population").fillna("").str.strip().map(
        {"Likely Voters": "lv", "Registered Voters": "rv", "Adults": "a"}).fillna("unknown")


REQUIRED_HUFFPOST = (("state",), ("pollster",), ("start.date",), ("end.date",), ("number.of.observations",))


def read_huffpost(frame: pd.DataFrame, source: str) -> Polls:
    """A HuffPost Pollster file as The Economist's model used it (2008, 2012, 2016) as polls."""
    _require(frame, source, "huffpost", REQUIRED_HUFFPOST)
    year = _guess_year(frame["end.date"], source)
    surnames = _nominee_surnames(year)
    columns = {side: next((c for c in frame.columns if surnames.get(c.lower()) == side), None) for side in ("D", "R")}
    if None in columns.values():
        raise InvalidInput(f"{source}: no column for the {year} nominees ({', '.join(sorted(surnames))})")
    frame = frame.assign(_row=np.arange(len(frame)) + 2, _pop=_huffpost_population(frame))
    frame = frame[~_first(frame, "population").astype(str).str.contains(" - ", regex=False)]  # subgroups of a poll
    third = [c for c in ("johnson", "mcmullin") if c in frame.columns]
    frame = frame.assign(_pop_rank=frame["_pop"].map(_POPULATION_RANK),
                         _third=frame[third].apply(pd.to_numeric, errors="coerce").notna().any(axis=1) if third else False,
                         _iteration=pd.to_numeric(_first(frame, "question.iteration"), errors="coerce").fillna(1))
    frame = frame.sort_values(["_pop_rank", "_third", "_iteration", "_row"])
    frame = frame.drop_duplicates(["state", "pollster", "start.date", "end.date"]).sort_values("_row")
    sponsor = np.where(_first(frame, "partisan").isin(["Sponsor", "Pollster"]),
                       _first(frame, "affiliation").map({"Dem": "D", "Rep": "R"}).fillna(""), "")
    rows = [{"unit": s, "start": a, "end": b, "dem": d, "rep": r, "n": n, "pollster": p, "population": pop,
             "sponsor": sp, "row": row}
            for s, a, b, d, r, n, p, pop, sp, row in zip(
                frame["state"], frame["start.date"], frame["end.date"], frame[columns["D"]], frame[columns["R"]],
                frame["number.of.observations"], frame["pollster"], frame["_pop"], sponsor, frame["_row"])]
    return polls_from_rows(rows, year=year, source=source)


def _guess_year(ends: pd.Series, source: str) -> int:
    """The election year of a HuffPost file: the latest readable end date's year (polls end by Election Day).

    Unreadable end dates are left to the rows' checks, which report them by row.
    """
    days = [d for d in map(parse_date, ends) if d is not None]
    if not days:
        raise InvalidInput(f"{source}: no readable end date")
    return check_forecast_year(int(str(max(days))[:4]), source)


# Formats by name: (does the header match?, read). read_polls tries them in this order.
POLL_READERS: dict[str, Reader] = {
    "fivethirtyeight": (lambda cols: {"poll_id", "question_id", "pct", "cycle"} <= cols, read_fivethirtyeight),
    "huffpost": (lambda cols: {"number.of.observations", "end.date", "pollster", "state"} <= cols, read_huffpost),
}


def read_poll_file(path: str | Path, poll_format: str | None = None) -> Polls:
    """One poll file, its format recognized from its header unless named.

    >>> from importlib import resources
    >>> import electoral.forecast
    >>> len(read_poll_file(resources.files("electoral.data") / "example_polls_2020.csv")) > 0
    True
    """
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"poll file not found: {str(path)!r}")
    check_file_size(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read poll file {str(path)!r}: {exc}") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = frame.replace({"": np.nan, "NA": np.nan})
    if poll_format is not None and poll_format not in POLL_READERS:
        raise InvalidInput(f"unknown poll format {poll_format!r} (known: {', '.join(POLL_READERS)})")
    names = [poll_format] if poll_format else [n for n, (recognizes, _) in POLL_READERS.items() if recognizes(set(frame.columns))]
    if not names:
        raise InvalidInput(f"poll file {path.name!r}: columns match no known format ({', '.join(POLL_READERS)})")
    return POLL_READERS[names[0]][1](frame, path.name)


def read_polls(paths: Sequence[str | Path], poll_format: str | None = None) -> Polls:
    """Every poll of one or more files of one election year (a folder: its ``*.csv`` files).

    Raises InvalidInput for a missing or unreadable file, an unknown format, files of different years.
    """
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        files.extend(sorted(p.glob("*.csv")) if p.is_dir() else [p])
    if not files:
        raise InvalidInput("no poll file given")
    return combine([read_poll_file(f, poll_format) for f in files])
