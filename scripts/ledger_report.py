"""The generated tables of docs/ledger.md: what the packaged ledgers hold, which events rest on one source, and
which facts are still missing (used by build_ledgers.py)."""

from __future__ import annotations

from collections import defaultdict

from electoral.ledger.events import Event, unit_electors

CHECKED = ("confirmed", "corrected")  # a second, independent page agreed (or corrected the row)
TRACKED = ("race_call", "certified", "ascertainment", "electors_voted")
LISTED = ("race_call", "call_retracted", "certified", "recount_started", "recount_finished", "recertified",
          "court_case_decided", "ascertainment", "objection", "chamber_vote", "count_declared")


def _units(events: list[Event]) -> str:
    names = sorted({f"{e.unit}" + ("" if e.fields.get("confidence") == "high" else f" ({e.fields.get('confidence')})")
                    for e in events})
    return " ".join(names)


def single_source(events: list[Event], years: tuple[int, ...]) -> list[str]:
    """Per year and kind: events, events checked by a second page, and the units resting on one page."""
    lines = ["| year | kind | events | checked by a second page | resting on one page: units (confidence if not high) |",
             "|---|---|---|---|---|"]
    groups: dict[tuple[int, str], list[Event]] = defaultdict(list)
    for e in events:
        groups[(e.year, e.kind)].append(e)
    for year in years:
        for kind in LISTED + ("electors_voted",):
            found = groups.get((year, kind), [])
            if not found:
                continue
            one = [e for e in found if e.fields.get("verdict") not in CHECKED]
            units = "statutory day + the record's votes (not listed)" if kind == "electors_voted" else _units(one)
            lines.append(f"| {year} | {kind} | {len(found)} | {len(found) - len(one)} | {units} |")
    return lines


def missing(events: list[Event], years: tuple[int, ...]) -> list[str]:
    """Per year the units (states, DC and districts) with no event of each tracked kind."""
    lines = ["| year | kind | units with no event |", "|---|---|---|"]
    for year in years:
        units = [u for u in unit_electors(year)]
        for kind in TRACKED:
            have = {e.unit for e in events if e.year == year and e.kind == kind
                    and (kind != "race_call" or e.actor == "AP")}
            lacking = [u for u in units if u not in have]
            label = "race_call (AP)" if kind == "race_call" else kind
            shown = "all units" if len(lacking) == len(units) else " ".join(lacking) or "none"
            lines.append(f"| {year} | {label} | {shown} |")
    return lines


def bounds(events: list[Event]) -> list[str]:
    """The events whose time is only a bound ("UPPER BOUND" in their detail): the act came no later."""
    lines = ["| year | unit | kind | no later than | from |", "|---|---|---|---|---|"]
    for e in sorted(events, key=lambda e: (e.year, e.kind, e.unit)):
        if str(e.fields.get("detail", "")).startswith("UPPER BOUND"):
            when = e.effective.isoformat(timespec="minutes") if e.fields.get("time_known", True) \
                else f"{e.effective.date().isoformat()} (end of day)"
            lines.append(f"| {e.year} | {e.unit} | {e.kind} | {when} | {e.fields.get('source_title', e.source)} |")
    return lines


def report(events: list[Event], years: tuple[int, ...]) -> str:
    """The markdown between the generated markers of docs/ledger.md."""
    parts = ["", "#### Events that rest on one page", "",
             "\"Checked\" means verification.csv found a second, independent page that agreed or corrected "
             "the row; every other event rests on the one page it cites (an official page counts as high).", "",
             *single_source(events, years), "", "#### Upper bounds, not the day of the act", "",
             "These events stand where a dated list or report shows the act had happened; the act may have "
             "come earlier (all are low confidence).", "", *bounds(events), "",
             "#### Facts still missing", "",
             "Units (the 51 and the districts of Maine and Nebraska) with no event of the kind "
             "(race calls: AP's only).", "", *missing(events, years), ""]
    return "\n".join(parts) + "\n"
