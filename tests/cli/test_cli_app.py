"""The ``electoral`` command itself: --version, and help that shows placeholders a user can read."""

from __future__ import annotations

import re

import pytest

import electoral
from electoral.cli.app import app, main


def _run(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    return exit_info.value.code, capsys.readouterr().out


def test_version(capsys):
    code, out = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"electoral {electoral.__version__}"


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_help_has_no_python_type_placeholders(capsys, command):
    code, out = _run(capsys, command, "--help")
    assert code == 0
    assert not re.search(r"<(str|bool|int|float)>", out), out
