"""Candidate lookup: a name as a user types it (a part of it, a party initial) -> the record's full name.

What-ifs (:mod:`electoral.scenario`) take candidates this way in flips and swings (``GA=Trump``,
``R+1.5``). The candidates and parties come from an election of the record
(:class:`electoral.record.Election`): its ranked candidates and ``parties``.

>>> resolve_candidate("fremont", ["James Buchanan", "John C. Frémont"], {}, 1856)
'John C. Frémont'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from electoral.errors import InvalidInput


def resolve_candidate(text: str, candidates: Sequence[str], parties: Mapping[str, str], year: int) -> str:
    """A candidate's full name from a name, a unique part of it, or a party initial (``"R"``, ``"D"``).

    ``candidates`` are ranked (a party initial picks that party's leading candidate); ``parties``
    maps a name to its party; ``year`` only names the election in errors. An empty, unknown or
    ambiguous name is :class:`~electoral.errors.InvalidInput`.

    >>> resolve_candidate("trump", ["Joe Biden", "Donald Trump"], {}, 2020)
    'Donald Trump'
    >>> resolve_candidate("D", ["Joe Biden", "Donald Trump"], {"Joe Biden": "Democratic"}, 2020)
    'Joe Biden'
    """
    wanted = fold(text)
    if not wanted:
        raise InvalidInput("empty candidate name")
    exact = [n for n in candidates if fold(n) == wanted]
    if exact:
        return exact[0]
    if len(wanted) <= 2 and wanted.isalpha():
        by_party = [n for n in candidates if parties.get(n, "").casefold().startswith(wanted)]
        if len(by_party) >= 1:
            return by_party[0]  # candidates come ranked: the leading candidate of that party
    partial = [n for n in candidates if wanted in fold(n)]
    if len(partial) == 1:
        return partial[0]
    known = ", ".join(candidates[:6])
    raise InvalidInput(f"unknown or ambiguous candidate {text!r} in {year} (candidates: {known})")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Frémont" matches "fremont".

    >>> fold(" Frémont ")
    'fremont'
    """
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).strip()) if not unicodedata.combining(c)).casefold()
