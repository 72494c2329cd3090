"""Polls as the model reads them: one row per poll (one question, one population), with the problems found.

A :class:`Polls` table holds, per poll, its unit (a state, ``ME-2``-style district, or :data:`NATIONAL`), field
dates, the Democratic and Republican percentages, the sample size, pollster, population (``lv``, ``rv``, ``v``,
``a`` or ``unknown``) and partisan sponsor (``D``, ``R`` or ``""``), and the file row it came from. Readers
(:mod:`electoral.forecast.readers`) build it; :func:`usable_on` keeps the polls the model may see on a date.

Policy for bad rows (each is skipped and reported as a :class:`Problem` naming its file row and value):
a percentage outside 0-100, a sample size of zero or below, an unknown state, a missing or unreadable date, an
end date before the start date, and (for a forecast as of a date) an end date after that date. A missing sample
size is kept with :data:`DEFAULT_SAMPLE` and reported. A file with no usable poll is refused (InvalidInput).

>>> p = polls_from_rows([{"unit": "PA", "start": "2020-10-01", "end": "2020-10-03", "dem": 50, "rep": 45,
...                       "n": 800, "pollster": "X", "population": "lv"}], year=2020)
>>> len(p), p.unit.tolist(), round(float(p.share[0]), 2)
(1, ['PA'], 52.63)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import numpy as np

from electoral.errors import InvalidInput
from electoral.units import election_years, states, units_for

NATIONAL = "US"
DEFAULT_SAMPLE = 600  # sample size assumed when a poll gives none (the median state poll in the 2008 file is 658)
POPULATIONS = ("lv", "rv", "v", "a", "unknown")  # preference order when one poll reports several


@dataclass(frozen=True)
class Problem:
    """One skipped (or amended) input row: its file row (1 = header), the kind of problem and the value."""

    row: int
    kind: str
    value: str
    source: str = ""

    def message(self) -> str:
        """One line naming the row, the problem and the value.

        >>> Problem(12, "percentage outside 0-100", "104").message()
        'row 12: percentage outside 0-100: 104'
        """
        where = f"{self.source} " if self.source else ""
        return f"{where}row {self.row}: {self.kind}: {self.value}"


@dataclass(frozen=True)
class Polls:
    """One row per poll; arrays aligned. ``share`` is the Democratic two-party share in points (0-100)."""

    year: int
    unit: np.ndarray  # str codes, NATIONAL for national polls
    start: np.ndarray  # datetime64[D]
    end: np.ndarray  # datetime64[D]
    dem: np.ndarray  # percent
    rep: np.ndarray
    n: np.ndarray  # sample size (float)
    pollster: np.ndarray  # str
    population: np.ndarray  # str, one of POPULATIONS
    sponsor: np.ndarray  # "D", "R" or ""
    row: np.ndarray  # int, file row
    source: np.ndarray  # str, the file (or request) each poll came from
    problems: tuple[Problem, ...] = field(default=(), repr=False)

    def __len__(self) -> int:
        return len(self.unit)

    @property
    def share(self) -> np.ndarray:
        """Democratic share of the two-party vote, in points."""
        return 100.0 * self.dem / (self.dem + self.rep)

    @property
    def middle(self) -> np.ndarray:
        """Middle day of each poll's field period (datetime64[D])."""
        return self.start + (self.end - self.start) // 2

    def take(self, keep: np.ndarray, problems: Iterable[Problem] = ()) -> Polls:
        """The polls where ``keep`` (bool or positions) holds, with more problems appended."""
        arrays = {name: getattr(self, name)[keep] for name in ARRAY_FIELDS}
        return replace(self, **arrays, problems=self.problems + tuple(problems))


ARRAY_FIELDS = ("unit", "start", "end", "dem", "rep", "n", "pollster", "population", "sponsor", "row", "source")


@lru_cache(maxsize=None)
def forecast_years() -> tuple[int, ...]:
    """The years a forecast covers: the record's presidential elections with today's 56 units (1992 on).

    A later year needs its election (apportionment, calendar, nominees) in the record first.

    >>> forecast_years()[0], 2020 in forecast_years()
    (1992, True)
    """
    today = units_for(election_years()[-1]).codes
    return tuple(y for y in election_years() if units_for(y).codes == today)


def check_forecast_year(year: int, source: str = "") -> int:
    """``year`` if a forecast covers it, else InvalidInput stating the one rule (see :func:`forecast_years`).

    >>> check_forecast_year(2020)
    2020
    """
    years = forecast_years()
    if year not in years:
        where = f"{source}: " if source else ""
        raise InvalidInput(f"{where}forecasts cover the presidential elections of {years[0]}-{years[-1]} "
                           f"(the record's years with today's {len(units_for(years[-1]).codes)} units), got {year}")
    return year


@lru_cache(maxsize=None)
def _state_names() -> dict[str, str]:
    names = {s.name.casefold(): code for code, s in states().items()}
    names.update({code.casefold(): code for code in states()})
    names.update({"national": NATIONAL, "--": NATIONAL, "us": NATIONAL, "u.s.": NATIONAL, "": NATIONAL})
    return names


_DISTRICT = re.compile(r"^(maine|nebraska|me|ne)\s*(?:cd)?[\s-]*([1-3])$", re.IGNORECASE)


def unit_of(text: object, year: int) -> str | None:
    """The unit code of a state name or code, a district (``ME-2``, ``Maine CD-2``) or national; None if unknown.

    >>> unit_of("Pennsylvania", 2020), unit_of("Maine CD-2", 2020), unit_of("--", 2016), unit_of("Gilead", 2020)
    ('PA', 'ME-2', 'US', None)
    """
    raw = _text(text).strip()
    district = _DISTRICT.match(raw)
    if district:
        code = f"{'ME' if district.group(1).lower().startswith('m') else 'NE'}-{district.group(2)}"
    else:
        code = _state_names().get(raw.casefold())
    if code is None or code == NATIONAL:
        return code
    return code if code in units_for(year) else None


def parse_date(text: object) -> np.datetime64 | None:
    """A poll date (``2020-10-01``, ``10/1/2020`` or ``10/1/20``) as datetime64[D]; None when unreadable.

    >>> str(parse_date("10/1/20")), parse_date("abcd-ef")
    ('2020-10-01', None)
    """
    raw = str(text).strip()
    for pattern, order in ((r"^(\d{4})-(\d{1,2})-(\d{1,2})$", (1, 2, 3)), (r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", (3, 1, 2))):
        match = re.match(pattern, raw)
        if match:
            y, m, d = (int(match.group(i)) for i in order)
            try:
                return np.datetime64(date(y + 2000 if y < 100 else y, m, d), "D")
            except ValueError:
                return None
    return None


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")
    return number


def _text(value: object) -> str:
    """A cell as text ('' for a missing one)."""
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _check_row(raw: Mapping[str, object], year: int, row: int) -> tuple[dict | None, list[Problem]]:
    """A validated poll row, or None with the problem that skips it (a missing sample size is amended)."""
    unit = unit_of(raw.get("unit"), year)
    if unit is None:
        return None, [Problem(row, "unknown state", str(raw.get("unit")))]
    start, end = parse_date(raw.get("start")), parse_date(raw.get("end"))
    if start is None or end is None:
        return None, [Problem(row, "unreadable date", f"{raw.get('start')} .. {raw.get('end')}")]
    if end < start:
        return None, [Problem(row, "end date before start date", f"{start} .. {end}")]
    dem, rep = _number(raw.get("dem")), _number(raw.get("rep"))
    for value, text in ((dem, raw.get("dem")), (rep, raw.get("rep"))):
        if not np.isfinite(value):
            return None, [Problem(row, "unreadable percentage", repr(_text(text)))]
        if not 0.0 <= value <= 100.0:
            return None, [Problem(row, "percentage outside 0-100", f"{value:g}")]
    if dem + rep <= 0:
        return None, [Problem(row, "no Democratic or Republican support", f"{dem:g} + {rep:g}")]
    n = _number(raw.get("n"))
    problems = []
    if not np.isfinite(n):
        n = float(DEFAULT_SAMPLE)
        problems.append(Problem(row, f"no sample size (assumed {DEFAULT_SAMPLE})", str(raw.get("n"))))
    elif n <= 0:
        return None, [Problem(row, "sample size not positive", f"{n:g}")]
    population = str(raw.get("population") or "unknown").strip().lower()
    return {"unit": unit, "start": start, "end": end, "dem": dem, "rep": rep, "n": n,
            "pollster": str(raw.get("pollster") or "unknown").strip(), "row": row, "source": "",
            "population": population if population in POPULATIONS else "unknown",
            "sponsor": str(raw.get("sponsor") or "").strip().upper()[:1]}, problems


def polls_from_rows(rows: Sequence[Mapping[str, object]], *, year: int, source: str = "",
                    problems: Sequence[Problem] = ()) -> Polls:
    """Validate rows (keys unit, start, end, dem, rep, n, pollster, population, sponsor, row) into :class:`Polls`.

    Rows without ``row`` are numbered from 2 (the first data line of a file). Raises InvalidInput when no row
    is usable, naming the first problems, or for a year no forecast covers (:func:`check_forecast_year`).

    >>> p = polls_from_rows([{"unit": "PA", "start": "2020-10-01", "end": "2020-10-03", "dem": 150, "rep": 45},
    ...                      {"unit": "Ohio", "start": "10/1/20", "end": "10/2/20", "dem": 45, "rep": 50, "n": 0},
    ...                      {"unit": "OH", "start": "2020-10-01", "end": "2020-10-02", "dem": 45, "rep": 50}],
    ...                     year=2020)
    >>> len(p), [x.message() for x in p.problems]
    (1, ['row 2: percentage outside 0-100: 150', 'row 3: sample size not positive: 0', 'row 4: no sample size (assumed 600): None'])
    """
    check_forecast_year(int(year), source)
    kept, found = [], list(problems)
    for i, raw in enumerate(rows):
        checked, issues = _check_row(raw, year, int(raw.get("row", i + 2)))  # type: ignore[call-overload]
        found.extend(replace(p, source=source) for p in issues)
        if checked is not None:
            kept.append({**checked, "source": source})
    if not kept:
        shown = "; ".join(p.message() for p in found[:3]) or "the input has no rows"
        raise InvalidInput(f"no usable poll{' in ' + source if source else ''}: {shown}")
    arrays = {name: np.array([k[name] for k in kept]) for name in ARRAY_FIELDS}
    arrays["start"] = arrays["start"].astype("datetime64[D]")
    arrays["end"] = arrays["end"].astype("datetime64[D]")
    for name in ("dem", "rep", "n"):
        arrays[name] = arrays[name].astype(float)
    return Polls(year=int(year), **arrays, problems=tuple(found))


def combine(tables: Sequence[Polls]) -> Polls:
    """Several poll tables of one year as one (InvalidInput when their years differ).

    >>> a = polls_from_rows([{"unit": "PA", "start": "2020-10-01", "end": "2020-10-03", "dem": 50, "rep": 45, "n": 9}], year=2020)
    >>> len(combine([a, a]))
    2
    """
    years = sorted({t.year for t in tables})
    if len(years) != 1:
        raise InvalidInput(f"poll files must be of one election year, got {', '.join(map(str, years)) or 'none'}")
    arrays = {name: np.concatenate([getattr(t, name) for t in tables]) for name in ARRAY_FIELDS}
    return Polls(year=years[0], **arrays, problems=tuple(p for t in tables for p in t.problems))


def usable_on(polls: Polls, as_of: np.datetime64) -> Polls:
    """The polls a forecast as of ``as_of`` may see: end date on or before it; later ones reported.

    Then one poll per pollster and unit among overlapping field periods (tracking polls re-publish
    overlapping samples): the latest is kept and the earlier overlapping ones are dropped (not problems).

    >>> p = polls_from_rows([{"unit": "PA", "start": "2020-10-01", "end": "2020-10-09", "dem": 50, "rep": 45, "n": 9},
    ...                      {"unit": "PA", "start": "2020-10-02", "end": "2020-10-10", "dem": 50, "rep": 45, "n": 9},
    ...                      {"unit": "PA", "start": "2020-11-01", "end": "2020-11-02", "dem": 50, "rep": 45, "n": 9}], year=2020)
    >>> q = usable_on(p, np.datetime64("2020-10-20"))
    >>> q.row.tolist(), [x.message() for x in q.problems]
    ([3], ['row 4: end date after the as-of date 2020-10-20: 2020-11-02'])
    """
    late = polls.end > as_of
    problems = [Problem(int(r), f"end date after the as-of date {as_of}", str(e), str(f)) for r, e, f in
                zip(polls.row[late], polls.end[late], polls.source[late])]
    seen = polls.take(~late, problems)
    order = np.lexsort((-seen.end.astype(np.int64), seen.pollster, seen.unit))
    keep = []
    last_start: dict[tuple[str, str], np.datetime64] = {}
    for i in order:
        key = (str(seen.unit[i]), str(seen.pollster[i]))
        if key in last_start and seen.end[i] >= last_start[key]:
            continue  # overlaps the later poll already kept
        last_start[key] = seen.start[i]
        keep.append(i)
    return seen.take(np.sort(np.array(keep, dtype=np.int64)))
