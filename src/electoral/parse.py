"""Parsing of user-typed numbers, shared by the library, the CLI and the API.

Every parser raises :class:`~electoral.errors.InvalidInput` naming the option and the bad value.
"""

from __future__ import annotations

import math

from electoral.errors import InvalidInput, UnknownYear


def whole_number(value: object, what: str, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` from an int or text (``"600"``, ``"1_000_000"``, ``"1e6"``).

    >>> whole_number("600", "--house-size"), whole_number("1e6", "-n"), whole_number(" 0 ", "--set PA", 0)
    (600, 1000000, 0)
    >>> whole_number("ten", "--limit")
    Traceback (most recent call last):
    electoral.errors.InvalidInput: --limit must be a whole number >= 1, got 'ten'
    """
    if isinstance(value, bool):
        raise InvalidInput(f"{what} must be a whole number >= {minimum}, got {value!r}")
    raw = str(value).strip()
    if not raw.isascii():  # int() and float() also read full-width and other scripts' digits
        raise InvalidInput(f"{what} must be a whole number >= {minimum} written in digits 0-9, got {value!r}")
    text = raw.replace("_", "").replace(",", "")
    try:
        number = int(text)
    except ValueError:
        try:  # scientific notation for large counts ("1e6"), only if it is a whole number
            as_float = float(text)
        except ValueError:
            raise InvalidInput(f"{what} must be a whole number >= {minimum}, got {value!r}") from None
        if not math.isfinite(as_float) or as_float != int(as_float):
            raise InvalidInput(f"{what} must be a whole number >= {minimum}, got {value!r}")
        number = int(as_float)
    if number < minimum:
        raise InvalidInput(f"{what} must be a whole number >= {minimum}, got {value!r}")
    return number


def year_number(value: object, what: str = "year") -> int:
    """A year written in plain ASCII digits (``int`` would also read ``"2_020"``, full-width or Arabic-Indic
    digits, and ``True``); raises :class:`~electoral.errors.UnknownYear` naming the value.

    >>> year_number(" 2020 ")
    2020
    >>> year_number("２０２０")
    Traceback (most recent call last):
    electoral.errors.UnknownYear: year must be a whole number written in digits 0-9, got '２０２０'
    """
    text = str(value).strip()
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()):
        raise UnknownYear(f"{what} must be a whole number written in digits 0-9, got {value!r}")
    return int(text)
