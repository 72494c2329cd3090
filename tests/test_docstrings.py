"""Every docstring example in the package runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import electoral

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(electoral.__path__, "electoral.")
    if not m.name.startswith(("electoral.web",))
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_docs_api_lists_the_limits_the_code_enforces():
    from pathlib import Path

    from electoral.limits import limits_table

    docs = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    assert limits_table() in docs, "regenerate the table in docs/api.md with: python -m electoral.limits"
