"""A what-if as data: :class:`Scenario`, and the text grammar of its parts (swings, flips, codes).

The grammar is what the CLI and the API take: a swing is ``R+1.5`` (a candidate or party, a
sign, margin points), flips and added states are ``GA,AZ`` or ``GA=Trump,NE-2=R``; method specs
are the allocation registry's (:func:`electoral.rules.allocation.parse_method`). Parsing only
checks the form; names, codes and methods are resolved against a year's record when the scenario
is planned (:mod:`electoral.scenario.plan`).

>>> Scenario(2020, flips=parse_optional_pairs("GA,AZ=R", "--flip"), swing=parse_swing("D+1")).flips
{'GA': None, 'AZ': 'R'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from electoral.errors import InvalidInput
from electoral.margins import DEFAULT_MARGIN
from electoral.units import normalize_code, states


@dataclass(frozen=True)
class Swing:
    """A shift of the two-party margin by ``points`` percentage points toward ``toward`` (a candidate or party letter).

    >>> parse_swing("R+1.5"), parse_swing("Biden-2")
    (Swing(toward='R', points=1.5), Swing(toward='Biden', points=-2.0))
    """

    toward: str
    points: float


_SWING = re.compile(r"^\s*([A-Za-z][A-Za-z .'-]*?)\s*([+-])\s*(\d+(?:\.\d+)?)\s*$")


def parse_swing(text: str) -> Swing:
    """Parse ``"R+1.5"``, ``"D-2"``, ``"Trump+0.7"`` into a :class:`Swing`; anything else is :class:`InvalidInput`.

    >>> parse_swing("D-2")
    Swing(toward='D', points=-2.0)
    """
    match = _SWING.match(str(text))
    if not match:
        raise InvalidInput(f"swing must look like R+1.5 or D-2 (candidate or party, sign, points), got {text!r}")
    who, sign, points = match.groups()
    value = float(points)
    if value > 200:
        raise InvalidInput(f"a swing of {value} points exceeds the 200-point range of a margin, got {text!r}")
    return Swing(who.strip(), value if sign == "+" else -value)


def parse_optional_pairs(text: str, option: str) -> dict[str, str | None]:
    """Parse ``"GA,AZ,WI"`` or ``"GA=Trump,PR"`` into ``{code: value or None}``; malformed items are errors.

    ``option`` names the option in the error (``--flip`` on the command line, ``flips`` in the API).
    Codes are normalized (``ne2`` -> ``NE-2``).

    >>> parse_optional_pairs("ga, az=R", "--flip")
    {'GA': None, 'AZ': 'R'}
    """
    result: dict[str, str | None] = {}
    for part in filter(None, (p.strip() for p in str(text).split(","))):
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not re.fullmatch(r"[A-Za-z]{2}(-?\d{1,2})?", key) or (sep and not value):
            raise InvalidInput(f"{option}: expected state or district codes (GA, NE-2), optionally CODE=VALUE, got {part!r}")
        code = normalize_code(key)
        if code in result:
            raise InvalidInput(f"{option}: {code!r} is given twice")
        result[code] = value or None
    return result


@dataclass(frozen=True)
class Defection:
    """``electors`` of a unit vote for ``to`` (None: someone unnamed) instead of the candidate they were pledged to.

    >>> parse_faithless("WA=4,TX=2:Ron Paul")["TX"]
    Defection(electors=2, to='Ron Paul')
    """

    electors: int
    to: str | None = None


def parse_faithless(text: str, option: str = "faithless") -> dict[str, Defection]:
    """Parse ``"WA=4,TX=2:Ron Paul"`` (unit, faithless electors, optionally whom they vote for) into defections.

    Only the form is checked here (``N:Name:x`` is malformed); the name is resolved when the scenario
    is planned (:func:`electoral.candidates.resolve_person`). ``option`` names the input in errors: the
    scenario field (``faithless``, as the API names it) unless the caller gives its own (``--faithless``).
    Errors the planner raises name scenario fields the same way (``flips GA: ...``); the command line
    translates them to its flags (:func:`electoral.cli.common.with_flags`).

    >>> parse_faithless("ME-2=1")
    {'ME-2': Defection(electors=1, to=None)}
    """
    out: dict[str, Defection] = {}
    for code, value in parse_optional_pairs(text, option).items():
        count, colon, to = (value or "").partition(":")
        if not re.fullmatch(r"\d{1,3}", count.strip()) or int(count) < 1 or ":" in to or (colon and not to.strip()):
            raise InvalidInput(f"{option}: expected UNIT=N or UNIT=N:candidate with N electors (1 or more), "
                               f"got {code}={value or ''}")
        out[code] = Defection(int(count), to.strip() or None)
    return out


COMPACT_MODES = {
    "members": "the compact's members on Election Day; in force only if they hold a majority of electors",
    "as-if": "the compact's members on Election Day, applied as if in force whatever electors they hold",
    "all": "every state and DC joins the compact",
}


@dataclass(frozen=True)
class Scenario:
    """A what-if over the election of ``year`` (see :mod:`electoral.scenario` for each field).

    >>> Scenario(2016, method="npvic").reapportions
    False
    """

    year: int
    flips: Mapping[str, str | None] = field(default_factory=dict)
    swing: Swing | None = None
    state_swings: Mapping[str, Swing] = field(default_factory=dict)
    method: str | None = None
    methods: Mapping[str, str] = field(default_factory=dict)
    house_size: int | None = None
    apportionment_method: str | None = None
    census: int | None = None
    add_states: Mapping[str, float | None] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    blank: bool = False
    margin: str = DEFAULT_MARGIN  # what a swing's points are shares of (electoral.margins)
    faithless: Mapping[str, Defection] = field(default_factory=dict)  # unit -> electors voting against their pledge
    compact: str | None = None  # the popular-vote compact: a key of COMPACT_MODES (None: only methods chosen)

    @property
    def reapportions(self) -> bool:
        """Whether the House (and so the electors) is apportioned anew."""
        return reapportions(self)


REAPPORTIONING = ("house_size", "apportionment_method", "census", "add_states")


def reapportions(fields: object) -> bool:
    """Whether a scenario, or anything with its field names (the API's request body), apportions the House anew.

    >>> reapportions(Scenario(2020, house_size=600)), reapportions(Scenario(2020, flips={"GA": None}))
    (True, False)
    """
    return any(getattr(fields, name) for name in REAPPORTIONING)


def replace_year(scenario: Scenario, year: int) -> Scenario:
    """The same scenario over another year's record.

    >>> replace_year(Scenario(2016, method="npvic"), 2000).year
    2000
    """
    return replace(scenario, year=year)


def upper_codes(codes: object) -> list[str]:
    """Normalized unit codes of an iterable of codes (``["pr", "ne2"]`` -> ``["PR", "NE-2"]``).

    >>> upper_codes({"pr": None, "ne2": None})
    ['PR', 'NE-2']
    """
    return [normalize_code(c) for c in codes]


def state_names() -> dict[str, str]:
    """USPS code -> name, for display.

    >>> state_names()["GA"]
    'Georgia'
    """
    return {code: s.name for code, s in states().items()}
