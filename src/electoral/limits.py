"""The cost model: every bound on the work or output one request or command may ask for, in one table.

The library enforces these before any work starts (so an over-large request fails at once, with an error
naming the limit), the CLI and the HTTP API use the same numbers, and docs/api.md lists them. A limit is
data: change its value here, nowhere else.

>>> LIMITS["draws"].value, LIMITS["draws"].check(1_000, "-n")
(1000000000, 1000)
>>> LIMITS["draws"].check(10**18, "-n")
Traceback (most recent call last):
electoral.errors.InvalidInput: -n must be at most 1,000,000,000 draws (per simulation), got 1,000,000,000,000,000,000
"""

from __future__ import annotations

from dataclasses import dataclass

from electoral.errors import InvalidInput


@dataclass(frozen=True)
class Limit:
    """One bound: its ``name``, the largest allowed ``value``, its ``unit``, what it applies to and why; and the
    smallest meaningful number (``minimum``: 1 for counts of work such as draws, 0 for sizes)."""

    name: str
    value: int
    unit: str
    applies_to: str
    reason: str
    minimum: int = 0

    def check(self, number: int, what: str) -> int:
        """``number`` if it is within the limit, else :class:`InvalidInput` naming ``what`` and the limit.

        >>> LIMITS["draws"].check(0, "--draws")
        Traceback (most recent call last):
        electoral.errors.InvalidInput: --draws must be at least 1 draw (per simulation), got 0
        """
        if number < self.minimum:
            unit = self.unit[:-1] if self.minimum == 1 and self.unit.endswith("s") else self.unit
            raise InvalidInput(f"{what} must be at least {self.minimum:,} {unit} ({self.applies_to}), got {number:,}")
        if number > self.value:
            raise InvalidInput(f"{what} must be at most {self.value:,} {self.unit} ({self.applies_to}), got {number:,}")
        return number


LIMITS: dict[str, Limit] = {
    limit.name: limit
    for limit in (
        Limit("draws", 1_000_000_000, "draws", "per simulation",
              "about an hour of two cores; memory stays bounded by the chunk size whatever the count", minimum=1),
        Limit("api_draws", 200_000, "draws", "per simulation request of the HTTP API", "about a second of one core",
              minimum=1),
        Limit("chunk_size", 1_000_000, "draws", "per Monte Carlo chunk",
              "a chunk's work arrays take about 0.5 GB at this size for 56 units"),
        Limit("quadrature_nodes", 1_024, "nodes", "per exact distribution",
              "more nodes change no figure by more than 1e-9 and cost linear time"),
        Limit("path_sets", 100, "sets", "listed per candidate by paths",
              "the count of paths is exact whatever the limit; each listed set is a line of output"),
        Limit("house_size", 10_000, "seats", "per re-apportionment", "well under a second per what-if"),
        Limit("items", 120, "entries", "per mapping or list in a request",
              "more than every unit and state of any year"),
        Limit("json_depth", 8, "levels", "of nesting in a JSON input file",
              "a forecast nests 3 levels; deep nesting would exhaust the parser's recursion"),
        Limit("request_body_bytes", 4 * 1024 * 1024, "bytes", "per HTTP request body, counted while it is read",
              "the largest request, a forecast of 3,000 polls, is about 0.5 MB (4 MB if every text is 200 characters)"),
        Limit("forecast_polls", 3_000, "polls", "per forecast request of the HTTP API",
              "the model factors one square matrix of the polls: 3,000 polls take about 1 s and 0.5 GB at peak"),
        Limit("series_days", 400, "days", "per daily forecast series",
              "a cycle's last 400 days; each day is one forecast of under a second", minimum=1),
        Limit("days_before", 365, "days", "before Election Day per backtest horizon",
              "a cycle's polls start about a year before its Election Day; earlier, no forecast has a poll"),
        Limit("input_file_bytes", 16 * 1024 * 1024, "bytes", "per forecast or correlation input file",
              "a forecast of every unit is under 10 kB, a correlation matrix under 100 kB"),
    )
}


def limits_table() -> str:
    """The limits as a Markdown table (docs/api.md holds it; a test keeps the two equal).

    >>> limits_table().splitlines()[0]
    '| limit | largest value | applies to | why |'
    """
    rows = ["| limit | largest value | applies to | why |", "| --- | ---: | --- | --- |"]
    rows += [f"| `{m.name}` | {m.value:,} {m.unit} | {m.applies_to} | {m.reason} |" for m in LIMITS.values()]
    return "\n".join(rows)


if __name__ == "__main__":  # python -m electoral.limits: print the table for docs/api.md
    print(limits_table())
