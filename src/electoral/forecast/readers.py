"""Poll files by format (a registry): FiveThirtyEight's poll-level schema and the HuffPost Pollster/Economist schema.

:data:`POLL_READERS` maps a format name to ``(recognizes(columns), read(frame, source))``; :func:`read_polls`
picks the format from a file's header (or takes it by name) and returns :class:`~electoral.forecast.polls.Polls`.

Counting a poll once (documented rule): among the questions and populations one poll reports, keep the one
with the best population (likely voters > registered voters > voters > adults > unknown), then a head-to-head
question (only the Democrat and the Republican) over one with more candidates, then the first question.

- ``fivethirtyeight`` (2020 and 2024 files; one row per candidate per question): a poll is ``poll_id``, a question
  ``question_id``; the party of an answer is the ``party`` column, or (2020 file, no such column) the record's
  nominees of the cycle matched by surname. The Democrat and Republican are the party's most-polled candidates.
  Sponsors: ``partisan`` DEM/REP.
- ``huffpost`` (The Economist's 2008, 2012 and 2016 files; one row per question and population): a poll is its
  state, pollster and field dates; candidate columns are the record's nominees' surnames (``obama``, ``mccain``).
  ``--`` is a national poll. Rows for a subgroup (``Likely Voters - Democrat``) are not the poll's sample and
  are dropped. The 2008 and 2012 files (no ``partisan`` column) have unreliable mode and population fields:
  their population is read as ``unknown``. Sponsors: ``partisan`` Sponsor/Pollster with ``affiliation`` Dem/Rep.

>>> sorted(POLL_READERS)
['fivethirtyeight', 'huffpost']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from electoral.errors import InvalidInput
from electoral.forecast.polls import POPULATIONS, Polls, combine, polls_from_rows
from electoral.probability.readers import check_file_size

Reader = tuple[Callable[[set[str]], bool], Callable[[pd.DataFrame, str], Polls]]
_POPULATION_RANK = {name: i for i, name in enumerate(POPULATIONS)}


def _nominee_surnames(year: int) -> dict[str, str]:
    """Surname (lower case) -> 'D' or 'R' for the record's Democratic and Republican nominees of ``year``."""
    from electoral.data.loaders import rows_for
    from electoral.sides import side_of

    names: dict[str, str] = {}
    for r in rows_for("candidates", year):
        side = side_of(r.party)
        if side in ("D", "R"):
            parts = [p for p in r.candidate.replace(",", " ").split() if p.rstrip(".").lower() not in ("jr", "sr", "ii", "iii")]
            names[parts[-1].lower()] = side
    return names


def _first(frame: pd.DataFrame, *names: str) -> pd.Series:
    for name in names:
        if name in frame.columns:
            return frame[name]
    return pd.Series([""] * len(frame), index=frame.index)


def _one_year(values: pd.Series, what: str) -> int:
    years = sorted({str(v).split(".")[0] for v in values if str(v).strip()})
    if len(years) != 1 or not years[0].isdigit():
        raise InvalidInput(f"{what}: a poll file must be of one election cycle, got {', '.join(years) or 'none'}")
    return int(years[0])


def _party_538(frame: pd.DataFrame, year: int) -> pd.Series:
    """'D', 'R' or '' per answer row; each party's most-polled candidate only."""
    if "party" in frame.columns:
        party = frame["party"].str.upper().map({"DEM": "D", "REP": "R"}).fillna("")
    else:
        surnames = _nominee_surnames(year)
        last = frame["candidate_name"].str.replace(r"\b(Jr|Sr)\.?$", "", regex=True).str.strip().str.split().str[-1]
        party = last.str.lower().map(surnames).fillna("")
    name = _first(frame, "candidate_name", "answer")
    for side in ("D", "R"):
        chosen = name[party == side].value_counts()
        if len(chosen):
            party = party.where((party != side) | (name == chosen.index[0]), "")
    return party


def read_fivethirtyeight(frame: pd.DataFrame, source: str) -> Polls:
    """FiveThirtyEight's poll-level file (2020 ``presidential_polls`` or 2024 ``president_polls``) as polls."""
    year = _one_year(frame["cycle"], source)
    frame = frame.assign(_row=np.arange(len(frame)) + 2, _party=_party_538(frame, year))
    answers = frame.groupby("question_id")["_row"].transform("size")
    frame = frame.assign(_answers=answers)
    pairs = frame[frame["_party"] != ""]
    wide = pairs.pivot_table(index="question_id", columns="_party", values="pct", aggfunc="first")
    first = pairs.sort_values("_row").drop_duplicates("question_id").set_index("question_id")
    if not {"D", "R"} <= set(wide.columns):
        raise InvalidInput(f"{source}: no question has both a Democratic and a Republican answer")
    table = first.join(wide[["D", "R"]], how="inner").dropna(subset=["D", "R"], how="any")
    table = table.assign(_pop_rank=_first(table, "population").str.lower().map(_POPULATION_RANK).fillna(len(POPULATIONS)),
                         _qid=table.index)
    table = table.sort_values(["poll_id", "_pop_rank", "_answers", "_qid"]).drop_duplicates("poll_id")
    rows = [{"unit": s, "start": a, "end": b, "dem": d, "rep": r, "n": n, "pollster": p, "population": pop,
             "sponsor": {"DEM": "D", "REP": "R"}.get(str(sp).upper(), ""), "row": row}
            for s, a, b, d, r, n, p, pop, sp, row in zip(
                table["state"].fillna("National"), _first(table, "startdate", "start_date"),
                _first(table, "enddate", "end_date"), table["D"], table["R"], _first(table, "samplesize", "sample_size"),
                table["pollster"], _first(table, "population"), _first(table, "partisan"), table["_row"])]
    return polls_from_rows(rows, year=year, source=source)


def _huffpost_population(frame: pd.DataFrame) -> pd.Series:
    if "partisan" not in frame.columns:  # the 2008/2012 layout: population known to be unreliable
        return pd.Series(["unknown"] * len(frame), index=frame.index)
    return frame["population"].str.strip().map({"Likely Voters": "lv", "Registered Voters": "rv",
                                                "Adults": "a"}).fillna("unknown")


def read_huffpost(frame: pd.DataFrame, source: str) -> Polls:
    """A HuffPost Pollster file as The Economist's model used it (2008, 2012, 2016) as polls."""
    ends = [str(v) for v in frame["end.date"]]
    year = _guess_year(ends, source)
    surnames = _nominee_surnames(year)
    columns = {side: next((c for c in frame.columns if surnames.get(c.lower()) == side), None) for side in ("D", "R")}
    if None in columns.values():
        raise InvalidInput(f"{source}: no column for the {year} nominees ({', '.join(sorted(surnames))})")
    frame = frame.assign(_row=np.arange(len(frame)) + 2, _pop=_huffpost_population(frame))
    frame = frame[~frame["population"].astype(str).str.contains(" - ", regex=False)]  # subgroups of a poll
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


def _guess_year(ends: Sequence[str], source: str) -> int:
    """The election year of a HuffPost file: the latest end date's year (polls end by Election Day)."""
    years = []
    for text in ends:
        text = text.strip()
        if "-" in text[:5]:
            years.append(int(text[:4]))
        elif text.count("/") == 2 and text.rsplit("/", 1)[1].isdigit():
            y = int(text.rsplit("/", 1)[1])
            years.append(y + 2000 if y < 100 else y)
    if not years:
        raise InvalidInput(f"{source}: no readable end date")
    return max(years)


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
