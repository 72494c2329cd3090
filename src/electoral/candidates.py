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

    The name is matched in this order: the full name, a party initial, a surname, a unique part of a
    name (all case- and accent-insensitive). ``candidates`` are ranked (a party initial or a surname
    shared by several picks the leading one: "Harris" in 2024 is Kamala Harris, not a write-in); ``parties``
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
    found = _match(wanted, candidates, parties)
    if found is not None:
        return found
    known = ", ".join(candidates[:6])
    raise InvalidInput(f"unknown or ambiguous candidate {_shown(text)} in {year} (candidates: {known})")


def _match(wanted: str, candidates: Sequence[str], parties: Mapping[str, str]) -> str | None:
    """The candidate a folded name means (see :func:`resolve_candidate` for the order), None if none or several."""
    exact = [n for n in candidates if fold(n) == wanted]
    if exact:
        return exact[0]
    if len(wanted) <= 2 and wanted.isalpha():
        by_party = [n for n in candidates if parties.get(n, "").casefold().startswith(wanted)]
        if by_party:
            return by_party[0]  # candidates come ranked: the leading candidate of that party
    by_surname = [n for n in candidates if surname(n) == wanted]
    if by_surname:
        return by_surname[0]  # candidates come ranked: the leading one of that surname ("Harris" in 2024)
    partial = [n for n in candidates if wanted in fold(n)]
    return partial[0] if len(partial) == 1 else None


MAX_NAME = 100  # characters of a person named who is not a candidate of the year


def resolve_person(text: str, candidates: Sequence[str], parties: Mapping[str, str], year: int) -> str:
    """A candidate of ``year`` as :func:`resolve_candidate` finds one, else a person named in full.

    Anyone may receive an elector's vote (Colin Powell received three in 2016 without running), so a
    name that is no candidate of the year is taken as a new person if it is explicit and sane: a given
    name and a surname (two words or more) of letters, spaces, ``.``, ``'`` and ``-``, at most
    ``MAX_NAME`` characters, and no surname of a candidate of the year ("Kamal Harris" in 2024 is a
    typo, not a new person). Anything else is :class:`~electoral.errors.InvalidInput`.

    >>> resolve_person("harris", ["Donald Trump", "Kamala Harris"], {}, 2024)
    'Kamala Harris'
    >>> resolve_person("colin  powell", ["Joe Biden", "Donald Trump"], {}, 2020)
    'colin powell'
    """
    try:
        return resolve_candidate(text, candidates, parties, year)
    except InvalidInput as unknown:
        name = " ".join(str(text).split())
        words = name.replace(".", " ").split()
        if len(name) > MAX_NAME or len(words) < 2 or not all(w.replace("'", "").replace("-", "").isalpha()
                                                               for w in words):
            raise InvalidInput(f"{unknown}; someone else must be named in full (given name and surname, letters,"
                               f" at most {MAX_NAME} characters)") from None
        same = [n for n in candidates if surname(n) == surname(name)]
        if same:
            raise InvalidInput(f"{_shown(text)} is not a candidate of {year} but shares a surname with {same[0]}"
                               f"; name {same[0]} as recorded") from None
        return name


def _shown(text: str) -> str:
    """``text`` quoted for an error, cut to ``MAX_NAME`` characters."""
    text = str(text)
    return repr(text) if len(text) <= MAX_NAME else f"{text[:MAX_NAME]!r}... ({len(text)} characters)"


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def surname(name: str) -> str:
    """The folded last word of a name, generational suffixes skipped ("" for an empty name).

    >>> surname("Robert F. Kennedy Jr."), surname("John C. Frémont")
    ('kennedy', 'fremont')
    """
    words = [w for w in fold(name).replace(",", " ").split() if w not in _SUFFIXES]
    return words[-1] if words else ""


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Frémont" matches "fremont".

    >>> fold(" Frémont ")
    'fremont'
    """
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).strip()) if not unicodedata.combining(c)).casefold()
