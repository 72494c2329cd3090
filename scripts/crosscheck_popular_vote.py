"""Cross-check the packaged popular vote against independent compilations and official national totals.

Compares every state x year x candidate cell of ``src/electoral/data/popular_vote.csv`` that an
independent compilation also gives (1964, 1968 and 1976-2024) and every national candidate total that a
reference gives (winners 1824-2024, leading candidates 1940-2024), with the extracts committed under
``scripts/crosscheck/reference/``
(provenance in ``scripts/crosscheck/reference/SOURCES.md``). Writes every remaining difference, with its
adjudication from ``scripts/crosscheck/adjudications.csv``, to ``docs/crosscheck/popular_vote_differences.csv``
and the packaged values that need a correction to ``scripts/crosscheck/needed_corrections.csv``, and
prints the counts.

Matching rule: a reference candidate is matched, within one year and state (or within one year for
national totals), to the packaged ``candidate`` row (``kind == candidate``) with the same normalized
surname (ASCII-folded, lower case, suffixes Jr./Sr./II/III dropped, particles such as "de la" and "la"
joined to the surname: "La Follette" = "LaFollette", "De La Cruz"). Several packaged rows with that
surname are narrowed to those with the same first initial, then to the one with the most votes (a
write-in namesake never wins over the nominee). A reference candidate with no packaged row counts as
a packaged value of 0 (missing).

Official state figures (FEC state tables, ``reference/official_state_votes.csv``) are compared with every
packaged cell they give, not only where compilations differ; such a figure decides its cell, and a cell's
own adjudication row may add a reason but must agree with it.

Verdict of a difference: ``ours-correct`` (the adjudicated official value equals the packaged one),
``correction-needed`` (it does not), ``explained`` (a national total that differs from the official total
for the reasons its own adjudication row, category ``explained``, traces), ``unresolved`` (an adjudication
without an official value) or ``unadjudicated`` (no adjudication row: the test fails on these). A difference is adjudicated by its own
row of ``adjudications.csv`` (year, state, candidate) or else by the first matching rule row (``*`` for
state and candidate, a year, ``*`` or a range ``FIRST-LAST``, and a ``category``): rules only ever leave
a difference unresolved, with the reason, so every
official value comes from a row of its own. Categories: ``missing`` (no packaged row), ``refs-agree``
(two or more references agree, the packaged value differs), ``ours=ref_a_app`` / ``ours=ref_b_leip``
(the packaged value equals one reference, another differs), ``refs-disagree``, ``single-ref``,
``official-differs`` (every compilation equals the packaged value, only the official figure differs) and
``national`` (national totals).

    python scripts/crosscheck_popular_vote.py                 # rewrite the outputs, print counts
    python scripts/crosscheck_popular_vote.py --extract-2024  # rebuild the 2024 extract from the data kit
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HERE = REPO / "scripts" / "crosscheck"
REFERENCE = HERE / "reference"
PACKAGED = REPO / "src" / "electoral" / "data" / "popular_vote.csv"
DIFFERENCES = REPO / "docs" / "crosscheck" / "popular_vote_differences.csv"
ADJUDICATIONS = HERE / "adjudications.csv"
NEEDED = HERE / "needed_corrections.csv"

# Reference columns of the differences table: (column, extract file). A state cell is compared with
# every reference that gives it; ref C only exists for 2024 (no other compilation of 2024 was found).
STATE_REFERENCES = {
    "ref_a_app": "app_state_votes.csv",
    "ref_b_leip": "leip_state_votes.csv",
    "ref_c_tonmcg": "tonmcg_state_votes_2024.csv",
}
NATIONAL = "US"  # the ``state`` of a national-total row
LABELS = {"ref_a_app": "APP", "ref_b_leip": "Leip", "ref_c_tonmcg": "tonmcg", "ref_d_wikipedia": "Wikipedia"}
# Official state figures (FEC state tables) compared with every packaged cell they give.
OFFICIAL_STATE = "official_state_votes.csv"
# FEC's official 2024 results, every column of every state (``state,column,votes``, a ``TOTAL`` row
# per column): each candidate column is an official state figure. Provenance in reference/SOURCES.md.
FEC_2024 = "fec_2024_results.csv"
FEC_2024_SOURCE = ("FEC, Official 2024 Presidential General Election Results (2024presgeresults.xlsx, "
                   "sheet 'OFFICIAL 2024 PRES GE RESULTS', 16 Jan 2025)")
FEC_2024_READ_FROM = ("rubenviolinha/us-government-data-atlas data/normalized/fec_presidential_general_results_2024.json "
                      "(commit 8e145546), the parse of that sheet; transcribed in full, every state's columns add up "
                      "to its total_votes and every column to the sheet's Total row")
FEC_2024_NAMES = {
    "ayyadurai": "Shiva Ayyadurai", "bowman": "Jay Bowman", "de_la_cruz": "Claudia De La Cruz", "duncan": "Richard Duncan",
    "ebke": "Laura Ebke", "everylove": "Lucifer Everylove", "fruit": "Rachele Fruit", "garrity": "Chris Garrity",
    "harris": "Kamala Harris", "huber": "Blake Huber", "kennedy": "Robert F. Kennedy Jr.", "kishore": "Joseph Kishore",
    "oliver": "Chase Oliver", "preston": "Mattie Preston", "skousen": "Joel Skousen", "sonski": "Peter Sonski",
    "stein": "Jill Stein", "stodden": "William P. Stodden", "supreme": "Vermin Supreme", "terry": "Randall Terry",
    "trump": "Donald Trump", "wells": "Robert Wells", "west": "Cornel West", "wood": "Michael Wood",
}

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"de", "la", "le", "del", "van", "von", "da", "di"}


def surname(name: str) -> str:
    """The matching key of a candidate name (see the module docstring)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r'"[^"]*"', " ", text)  # nicknames in quotes
    tokens = [t for t in re.split(r"[^a-z]+", text) if t and t not in SUFFIXES]
    if not tokens:
        return ""
    key = [tokens.pop()]
    while tokens and tokens[-1] in PARTICLES:
        key.insert(0, tokens.pop())
    return "".join(key)


def initial(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().strip()[:1].lower()


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Packaged:
    """Packaged candidate rows by (year, state) and national sums by (year, candidate)."""

    cells: dict[tuple[int, str], list[tuple[str, int]]]
    national: dict[int, Counter]

    @classmethod
    def load(cls, path: Path = PACKAGED) -> "Packaged":
        cells: dict[tuple[int, str], list[tuple[str, int]]] = defaultdict(list)
        national: dict[int, Counter] = defaultdict(Counter)
        for row in read_csv(path):
            if row["kind"] != "candidate":
                continue
            year, votes = int(row["year"]), int(row["votes"])
            cells[(year, row["state"])].append((row["candidate"], votes))
            national[year][row["candidate"]] += votes
        return cls(cells, national)

    def person(self, year: int, state: str, name: str) -> tuple[str, int] | None:
        """The packaged row of this very person in the state: same surname and first initial, and not a
        "Sr." namesake (a stricter match than ``match``, for candidates compared only where named)."""
        if re.search(r"\bSr\b", name):
            return None
        same = [c for c in self.cells.get((year, state), []) if surname(c[0]) == surname(name) and initial(c[0]) == initial(name)]
        return same[0] if len(same) == 1 else None

    def match(self, year: int, state: str, name: str) -> tuple[str, int] | None:
        """The packaged (candidate, votes) that the reference candidate ``name`` denotes, or None."""
        pool = list(self.national[year].items()) if state == NATIONAL else self.cells.get((year, state), [])
        same = [c for c in pool if surname(c[0]) == surname(name)]
        if len(same) > 1:
            same = [c for c in same if initial(c[0]) == initial(name)] or same
        return max(same, key=lambda c: c[1]) if same else None


def load_state_references() -> dict[tuple[int, str, str], dict[str, int]]:
    """(year, state, surname) -> {reference column: votes}; also keeps the reference's spelling."""
    out: dict[tuple[int, str, str], dict[str, int]] = defaultdict(dict)
    for column, name in STATE_REFERENCES.items():
        for row in read_csv(REFERENCE / name):
            key = (int(row["year"]), row["state"], surname(row["candidate"]))
            out[key][column] = int(row["votes"])
            out[key].setdefault("name", row["candidate"])  # type: ignore[arg-type]
    return out


def fec_2024_rows() -> list[dict[str, str]]:
    """The candidate columns of FEC's 2024 results as official state rows (write-ins, "none of these
    candidates", totals and the Total row left out)."""
    return [dict(year="2024", state=row["state"], candidate=FEC_2024_NAMES[row["column"]], votes=row["votes"],
                 official_source=FEC_2024_SOURCE, read_from=FEC_2024_READ_FROM)
            for row in read_csv(REFERENCE / FEC_2024) if row["column"] in FEC_2024_NAMES and row["state"] != "TOTAL"]


# FEC's per-line results of a whole year, transcribed in full from public parses of FEC's spreadsheets
# (``reference/fec_results_YEAR.csv``: ``year,state,label,party,votes,vote_share``; provenance in SOURCES.md).
FEC_FULL_YEARS = {
    "2000": ("FEC, 2000 Official Presidential General Election Results (2000presge.xls, sheet 'Master By State')",
             "fec_presidential_general_2000.json (commit 890d7573)"),
    "2004": ("FEC, 2004 Official Presidential General Election Results (2004pres.xls, sheet '2004 PRES GENERAL RESULTS')",
             "fec_presidential_general_2004.json (commit cf9999f7)"),
    "2008": ("FEC, Federal Elections 2008 (federalelections2008.xls), presidential general election results",
             "fec_presidential_general_2008.json (commit 5182c327)"),
    "2012": ("FEC, Federal Elections 2012 (federalelections2012.xls), presidential general election results",
             "fec_presidential_general_2012.json (commit e75c3fd7)"),
    "2016": ("FEC, Federal Elections 2016 (federalelections2016.xlsx), sheet '2016 Pres General Results'",
             "fec_presidential_general_2016.json (commit d08c43eb)"),
    "2020": ("FEC, Federal Elections 2020 (federalelections2020.xlsx), presidential general election results",
             "fec_presidential_general_2020.json (commit 5ece5362)"),
}
# FEC surnames written in full where the record uses the short form (California 2020's line).
FEC_SURNAMES = {"De La Fuente Guerra": "De La Fuente"}
# Lines of a return that name no candidate (their votes are an aggregate, not a person's).
FEC_AGGREGATE = re.compile(r"^(scattered|all others|others?|miscellaneous|none of these candidates|none of the above|"
                           r"no name|none|write-?ins?\b.*)[,.]?$", re.IGNORECASE)


def fec_label_name(label: str) -> str:
    """FEC's ``Last, First M. "Nick"`` -> ``First M. Last`` (a running mate after ``/`` dropped).

    >>> fec_label_name('Baldwin, Charles O. "Chuck"'), fec_label_name("Goode, Virgil / Clymer, Jim")
    ('Charles O. Baldwin', 'Virgil Goode')
    >>> fec_label_name("Goode, Virgil H., Jr."), fec_label_name('De La Fuente Guerra, Roque "Rocky"')
    ('Virgil H. Goode Jr.', 'Roque De La Fuente')
    """
    label = re.sub(r'"[^"]*"', "", label).split("/")[0]
    last, _, first = (part.strip(" ,") for part in label.partition(","))
    suffix = re.search(r",?\s*\b(Jr|Sr|II|III)\.?$", first)
    if suffix:
        first = first[: suffix.start()].strip(" ,")
    name = f"{first} {FEC_SURNAMES.get(last, last)}".strip()
    return f"{name} {suffix.group(1)}." if suffix and suffix.group(1) in ("Jr", "Sr") else name


def fec_full_lines(year: str) -> list[dict[str, str]]:
    """The lines of a full FEC year, without the rows that combine a candidate's lines (New York's
    "Combined Parties:" rows, or in 2004 rows with no party whose label has lines of its own)."""
    rows = read_csv(REFERENCE / f"fec_results_{year}.csv")
    with_party = {(r["state"], r["label"]) for r in rows if r["party"]}
    return [r for r in rows if not r["party"].startswith("Combined") and (r["party"] or (r["state"], r["label"]) not in with_party)]


def _person_surname(name: str) -> str:
    """The surname key, with a "Sr." line kept apart: 2004 Rhode Island's 9 write-ins for "Bush, George,
    Sr." are not George W. Bush's."""
    return surname(name) + (" sr" if re.search(r"\bSr\b", name) else "")


def fec_full_people(year: str) -> dict[tuple[str, str], dict[str, object]]:
    """(state, surname) -> {"name", "votes"}: a person's lines summed within a state.

    Rows that combine a candidate's lines (New York's "Combined Parties:") and aggregate lines are left out.
    Lines of one surname are one person unless their first initials differ from the initial the surname
    has nationally where a line with that initial exists in the state (so 2016's "McMullin, David" in
    Massachusetts is Evan McMullin, and Illinois's "Johnson, Nathan" is not Gary Johnson: he is kept
    as a person of his own, keyed by surname and initial)."""
    lines = [(row["state"], fec_label_name(row["label"]), int(row["votes"]))
             for row in fec_full_lines(year) if not FEC_AGGREGATE.match(row["label"].strip())]

    by_initial: dict[str, Counter] = defaultdict(Counter)
    for _, name, votes in lines:
        by_initial[_person_surname(name)][initial(name)] += votes
    usual = {last: counts.most_common(1)[0][0] for last, counts in by_initial.items()}
    in_state = {(state, _person_surname(name), initial(name)) for state, name, _ in lines}
    people: dict[tuple[str, str], dict[str, object]] = {}
    for state, name, votes in lines:
        last = _person_surname(name)
        if initial(name) != usual[last] and (state, last, usual[last]) in in_state:
            last = f"{last} {initial(name)}"  # a namesake in a state where the usual person also has a line
        entry = people.setdefault((state, last), {"name": name, "votes": 0})
        entry["votes"] = int(entry["votes"]) + votes  # type: ignore[call-overload]
    return people


def fec_compared_surnames(year: str) -> tuple[set[str], set[str]]:
    """(compared, smaller): the surnames of a full FEC year with at least 0.1% of its votes other than the
    two leading ones, whose state cells are official figures here, and those of every smaller candidate."""
    national: Counter = Counter()
    for (_, last), entry in fec_full_people(year).items():
        national[last] += int(entry["votes"])  # type: ignore[call-overload]
    total = sum(int(r["votes"]) for r in fec_full_lines(year))
    ranked = [key for key, _ in national.most_common()]
    return {key for key in ranked[2:] if national[key] >= 0.001 * total}, {k for k in ranked[2:] if national[k] < 0.001 * total}


def smaller_candidates_summary(packaged: "Packaged | None" = None) -> Counter:
    """How the candidates below 0.1% fare against the full FEC years, cell by cell: ``cells``, ``equal``,
    ``differ`` (compared as official figures by ``fec_full_rows``, so 0 once corrected) and ``missing``
    (no packaged row: the raw returns leave many small write-ins in an unnamed line; not adjudicated)."""
    packaged = packaged or Packaged.load()
    counts: Counter = Counter()
    for year in FEC_FULL_YEARS:
        _, smaller = fec_compared_surnames(year)
        for (state, last), entry in fec_full_people(year).items():
            if last not in smaller or " " in last:
                continue
            match = packaged.person(int(year), state, str(entry["name"]))
            counts["cells"] += 1
            counts["missing" if match is None else "equal" if match[1] == entry["votes"] else "differ"] += 1
    return counts


def fec_full_rows(packaged: "Packaged | None" = None) -> list[dict[str, str]]:
    """Official state rows from the full FEC years: every candidate with at least 0.1% of that year's
    votes, except the two leading candidates (whose state figures come from ``official_state_votes.csv``),
    and every smaller candidate in a state where the packaged record names the same person."""
    packaged = packaged or Packaged.load()
    out = []
    for year, (document, parse) in FEC_FULL_YEARS.items():
        chosen, smaller = fec_compared_surnames(year)
        for (state, last), entry in sorted(fec_full_people(year).items()):
            if " " in last:
                continue  # a namesake or a "Sr." line: compared by no one (the cross-check keys cells by surname)
            named = last in smaller and packaged.person(int(year), state, str(entry["name"])) is not None
            if last in chosen or named:
                out.append(dict(year=year, state=state, candidate=str(entry["name"]), votes=str(entry["votes"]),
                                official_source=document,
                                read_from=f"rubenviolinha/us-government-data-atlas data/normalized/{parse}, every line of the "
                                          f"candidate in the state summed (transcribed in full: reference/fec_results_{year}.csv)"))
    return out


def official_state_rows() -> list[dict[str, str]]:
    """Every official state row: the FEC state tables' extract, FEC's full years and FEC's 2024 results."""
    return read_csv(REFERENCE / OFFICIAL_STATE) + fec_full_rows() + fec_2024_rows()


def load_official_state() -> dict[tuple[int, str, str], dict[str, object]]:
    """Official state figures (FEC state tables): (year, state, surname) -> official value and its source."""
    out: dict[tuple[int, str, str], dict[str, object]] = {}
    for row in official_state_rows():
        key = (int(row["year"]), row["state"], surname(row["candidate"]))
        assert key not in out or out[key]["official"] == int(row["votes"]), (
            f"two official state figures for {key}: {out[key]['official']} and {row['votes']}")
        out[key] = {"official": int(row["votes"]), "official_source": f"{row['official_source']}; read from {row['read_from']}",
                    "name": row["candidate"]}
    return out


def load_national_references() -> dict[tuple[int, str, str], dict[str, int]]:
    """National totals: APP's printed totals (A), Leip state sums (B), Wikipedia winners (D), FEC."""
    out: dict[tuple[int, str, str], dict[str, int]] = defaultdict(dict)
    for row in read_csv(REFERENCE / "app_national_totals.csv"):
        key = (int(row["year"]), NATIONAL, surname(row["candidate"]))
        out[key]["ref_a_app"] = int(row["votes"])
        out[key].setdefault("name", row["candidate"])  # type: ignore[arg-type]
    leip: Counter = Counter()
    names: dict[tuple[int, str], str] = {}
    for row in read_csv(REFERENCE / "leip_state_votes.csv"):
        leip[(int(row["year"]), surname(row["candidate"]))] += int(row["votes"])
        names[(int(row["year"]), surname(row["candidate"]))] = row["candidate"]
    for (year, key), votes in leip.items():
        out[(year, NATIONAL, key)]["ref_b_leip"] = votes
        out[(year, NATIONAL, key)].setdefault("name", names[(year, key)])  # type: ignore[arg-type]
    for row in read_csv(REFERENCE / "leip_national_totals_1856_1972.csv"):  # the same lineage, state sums before 1976
        key = (int(row["year"]), NATIONAL, surname(row["candidate"]))
        out[key]["ref_b_leip"] = int(row["votes"])
        out[key].setdefault("name", row["candidate"])  # type: ignore[arg-type]
    for row in read_csv(REFERENCE / "wikipedia_winner_national_totals.csv"):
        key = (int(row["year"]), NATIONAL, surname(row["candidate"]))
        out[key]["ref_d_wikipedia"] = int(row["votes"])
        out[key].setdefault("name", row["candidate"])  # type: ignore[arg-type]
    totals_2024 = [dict(year="2024", candidate=FEC_2024_NAMES[row["column"]], votes=row["votes"],
                        official_source=f"{FEC_2024_SOURCE}, 'Total:' row")
                   for row in read_csv(REFERENCE / FEC_2024) if row["state"] == "TOTAL" and row["column"] in FEC_2024_NAMES]
    for row in read_csv(REFERENCE / "official_national_totals.csv") + totals_2024:
        key = (int(row["year"]), NATIONAL, surname(row["candidate"]))
        assert out[key].get("official", int(row["votes"])) == int(row["votes"]), f"two official totals for {key}"
        out[key]["official"] = int(row["votes"])
        out[key]["official_source"] = row["official_source"]  # type: ignore[assignment]
        out[key].setdefault("name", row["candidate"])  # type: ignore[arg-type]
    return out


@dataclass
class Adjudications:
    """Cell rows by (year, state, surname); rule rows (state ``*``) with a year, ``*`` or ``FIRST-LAST``."""

    cells: dict[tuple[int, str, str], dict[str, str]]
    rules: list[dict[str, str]]

    def find(self, year: int, state: str, key: str, kind: str) -> dict[str, str] | None:
        if (year, state, key) in self.cells:
            return self.cells[(year, state, key)]
        for rule in self.rules:  # the first matching rule, in file order
            first, _, last = rule["year"].partition("-")
            if rule["category"] == kind and (first == "*" or int(first) <= year <= int(last or first)):
                return rule
        return None


def load_adjudications(path: Path = ADJUDICATIONS) -> Adjudications:
    cells: dict[tuple[int, str, str], dict[str, str]] = {}
    rules: list[dict[str, str]] = []
    for row in read_csv(path):
        if row["state"] == "*":
            assert not row["official_value"], f"a rule row never sets an official value: {row}"
            rules.append(row)
            continue
        key = (int(row["year"]), row["state"], surname(row["candidate"]))
        assert key not in cells, f"two adjudications for {key}"
        cells[key] = row
    return Adjudications(cells, rules)


def category(state: str, ours: int | None, refs: dict[str, int]) -> str:
    """The kind of a difference (see the module docstring)."""
    if state == NATIONAL:
        return "national"
    if ours is None:
        return "missing"
    if all(v == ours for v in refs.values()):
        return "official-differs"  # only the official figure differs (or no compilation gives the cell)
    if len(refs) == 1:
        return "single-ref"
    if len(set(refs.values())) == 1:
        return "refs-agree"
    for column in ("ref_a_app", "ref_b_leip"):
        if refs.get(column) == ours:
            return f"ours={column}"
    return "refs-disagree"


@dataclass
class Result:
    rows: list[dict[str, object]]
    counts: Counter


def compare(packaged: Packaged | None = None, adjudications: Adjudications | None = None) -> Result:
    """Every compared cell; the rows returned are the differences, each with its verdict."""
    packaged = packaged or Packaged.load()
    adjudications = load_adjudications() if adjudications is None else adjudications
    counts: Counter = Counter()
    rows: list[dict[str, object]] = []
    cells = {**load_state_references(), **load_national_references()}
    for key, official in load_official_state().items():
        cells.setdefault(key, {}).update({k: v for k, v in official.items() if k != "name"})
        cells[key].setdefault("name", official["name"])  # type: ignore[arg-type]
    for (year, state, key), refs in sorted(cells.items()):
        name = str(refs["name"])
        match = packaged.match(year, state, name)
        ours = match[1] if match else 0
        references = {c: v for c, v in refs.items() if c.startswith("ref_")}
        values = list(references.values()) + ([refs["official"]] if "official" in refs else [])
        counts["national compared" if state == NATIONAL else "cells compared"] += 1
        if all(v == ours for v in values):
            continue
        kind = category(state, match[1] if match else None, references)
        # The official state figure decides; a cell's own adjudication row adds its reason (and must agree);
        # without either, the first matching rule leaves the difference unresolved.
        adjudication = adjudications.cells.get((year, state, key))
        if state != NATIONAL and "official" in refs:
            own = adjudication
            assert not (own and own["official_value"] and int(own["official_value"]) != refs["official"]), (
                f"{(year, state, key)}: adjudication {own['official_value'] if own else ''} != official state table {refs['official']}")
            same = [LABELS[c] for c, v in references.items() if v == refs["official"]]
            reason = (f"Official state table has {refs['official']:,}"
                      + (f" (as {' and '.join(same)})" if same else " (no compilation here has it)")
                      + (": the packaged value is the official one" if refs["official"] == ours
                         else f": the packaged value differs by {ours - refs['official']:+,}"))
            adjudication = {"official_value": str(refs["official"]), "official_source": str(refs["official_source"]),
                            "reason": f"{own['reason']}. {reason}" if own else reason}
        if adjudication is None:
            adjudication = adjudications.find(year, state, key, kind)
        official = adjudication["official_value"] if adjudication else ""
        if "official" in refs and not official:
            official = str(refs["official"])
        if adjudication is None:
            verdict = "unadjudicated"
        elif state == NATIONAL and adjudication.get("category") == "explained" and official and int(official) != ours:
            # A national total that differs from the official one for reasons its own row traces (state cells
            # left unresolved, write-ins the official total includes and the state returns do not itemize).
            verdict = "explained"
        elif official == "":
            verdict = "unresolved"
        else:
            verdict = "ours-correct" if int(official) == ours else "correction-needed"
        counts["differences"] += 1
        counts[verdict] += 1
        rows.append(dict(
            year=year, state=state, candidate=match[0] if match else name, ours=ours if match else "",
            ref_a_app=refs.get("ref_a_app", ""), ref_b_leip=refs.get("ref_b_leip", ""),
            ref_c_tonmcg=refs.get("ref_c_tonmcg", ""), ref_d_wikipedia=refs.get("ref_d_wikipedia", ""),
            official=official, category=kind, verdict=verdict,
            adjudication=adjudication["reason"] if adjudication else "",
            official_source=(adjudication["official_source"] if adjudication and adjudication["official_source"]
                             else refs.get("official_source", "")),
        ))
    return Result(rows, counts)


FIELDS = ["year", "state", "candidate", "ours", "ref_a_app", "ref_b_leip", "ref_c_tonmcg", "ref_d_wikipedia", "official",
          "category", "verdict", "adjudication", "official_source"]


def write(result: Result) -> None:
    DIFFERENCES.parent.mkdir(parents=True, exist_ok=True)
    with open(DIFFERENCES, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.rows)
    with open(NEEDED, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "state", "candidate", "packaged", "official", "official_source", "reason"])
        for row in result.rows:  # state cells only: a national total follows from its state cells
            if row["verdict"] == "correction-needed" and row["state"] != NATIONAL:
                writer.writerow([row[k] for k in ("year", "state", "candidate", "ours", "official", "official_source",
                                                  "adjudication")])


def extract_2024(kit: Path) -> None:
    """2024 Harris/Trump by state, summed from the tonmcg county file of the data kit."""
    codes = {row["name"]: row["code"] for row in read_csv(REPO / "src" / "electoral" / "data" / "states.csv")}
    votes: Counter = Counter()
    for row in read_csv(kit / "results" / "2024_US_County_Level_Presidential_Results.csv"):
        state = codes[row["state_name"]]
        votes[(state, "Kamala Harris")] += int(float(row["votes_dem"]))
        votes[(state, "Donald Trump")] += int(float(row["votes_gop"]))
    with open(REFERENCE / STATE_REFERENCES["ref_c_tonmcg"], "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "state", "candidate", "votes"])
        for (state, name), count in sorted(votes.items()):
            writer.writerow([2024, state, name, count])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract-2024", action="store_true", help="rebuild the 2024 extract from the data kit")
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data", help="raw data kit folder")
    args = parser.parse_args()
    if args.extract_2024:
        extract_2024(args.kit)
    result = compare()
    write(result)
    c = result.counts
    print(f"state cells compared      {c['cells compared']}")
    print(f"national totals compared  {c['national compared']}")
    print(f"differences               {c['differences']}")
    print(f"  ours correct            {c['ours-correct']}")
    print(f"  correction needed       {c['correction-needed']}")
    print(f"  explained (national)    {c['explained']}")
    print(f"  unresolved              {c['unresolved']}")
    print(f"  unadjudicated           {c['unadjudicated']}")
    small = smaller_candidates_summary()
    print(f"candidates below 0.1%, 2000-2020 (not adjudicated): {small['cells']} FEC state cells, {small['equal']} equal, "
          f"{small['differ']} differ, {small['missing']} with no packaged row")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
