"""Every command with generated junk arguments: exit code 0 or 2, never a traceback.

Each command's arguments and options are read from the Typer app itself (a new command is covered
without editing this file) and filled with junk: odd numbers (``2_020``, full-width digits, ``1e400``,
``nan``), odd text, valid-looking values. The command runs in this process (``electoral.cli.app.main``)
in a temporary folder, with the ledger in a temporary database and ``serve`` not starting a server.
"""

from __future__ import annotations

import contextlib
import io
import os

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from electoral.cli.app import app, main

JUNK = ["2020", "1824", "2_020", "２０２０", "٢٠٢٠", "-1", "0", "1e400", "inf", "nan", "1e18", "99999999999999999999",
        "1.5", "0x10", "", " ", "PA", "ME-2", "R", "PA=R", "GA=D,AZ", "TX=100", "D+2", "webster", "district",
        "example-2020", "2020-12-15", "2024-11-06T05:34:00-05:00", "[[[[", "{}", "a" * 300, "\x00", "--json"]
NOT_GENERATED = {"--address", "--backend"}  # would reach for a cluster on the network


def _commands() -> dict[str, list]:
    found: dict[str, list] = {}

    def walk(command, path: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            found[" ".join(path)] = command.params

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()
value = st.one_of(st.sampled_from(JUNK), st.text(max_size=12).filter(lambda text: text != "-"))


@st.composite
def invocation(draw, command: str) -> list[str]:
    argv = command.split()
    options = []
    for param in COMMANDS[command]:
        if param.param_type_name == "argument":
            argv.append(draw(value))
        elif param.opts[-1] not in NOT_GENERATED and draw(st.booleans()):
            options += [param.opts[-1]] if getattr(param, "is_flag", False) else [param.opts[-1], draw(value)]
    return argv + options


def test_every_command_is_covered() -> None:
    assert {"tally", "whatif", "simulate", "odds", "serve", "ledger ingest", "paths"} <= set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_junk_arguments_exit_0_or_2_without_traceback(command: str, tmp_path, monkeypatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setenv("ELECTORAL_LEDGER_URL", f"sqlite:///{tmp_path / 'ledger.db'}")
    monkeypatch.chdir(tmp_path)
    saved = dict(os.environ)  # serve passes its settings to the server in the environment

    @settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(invocation(command))
    def run(argv: list[str]) -> None:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(argv)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
        os.environ.clear()
        os.environ.update(saved)
        assert code in (0, 2), (argv, code, err.getvalue()[-500:])
        assert "Traceback" not in err.getvalue(), (argv, err.getvalue()[-2000:])
        if code == 2:
            assert len(err.getvalue().strip().splitlines()) == 1, (argv, err.getvalue())

    run()
