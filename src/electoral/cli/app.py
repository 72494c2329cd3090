"""The ``electoral`` command. Each command group lives in its own module, listed in COMMAND_MODULES.

Errors: any :class:`~electoral.errors.ElectoralError` or usage error becomes one line on stderr
(``error: ...``) and exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer
import typer.core
from typer.exceptions import Abort, Exit, TyperException

from electoral import __version__
from electoral.errors import ElectoralError


def _help_placeholder(self: typer.core.TyperOption | typer.core.TyperArgument, ctx: object) -> str | None:
    """What ``--help`` shows after a parameter: an option's metavar or its name in capitals (``--swing SWING``);
    nothing for a flag or an argument (its name is already shown). Typer 0.29 shows the Python type instead
    (``<str>``, ``<bool>``), which tells a user nothing: every value is typed as text and parsed by the library."""
    if isinstance(self, typer.core.TyperArgument) or getattr(self, "is_flag", False):
        return None
    return self.metavar or (self.name or "value").upper()


typer.core.TyperOption.display_type_rich = _help_placeholder  # type: ignore[method-assign]
typer.core.TyperArgument.display_type_rich = _help_placeholder  # type: ignore[method-assign]

app = typer.Typer(
    name="electoral",
    help="The U.S. Electoral College: record, rules, what-ifs, analytics, probabilities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; add a module here to add its commands.
COMMAND_MODULES: tuple[str, ...] = (
    "electoral.cli.tally",
    "electoral.cli.rules",
    "electoral.cli.calendar",
    "electoral.cli.analysis",
    "electoral.cli.probability",
    "electoral.cli.forecast",
    "electoral.cli.serve",
    "electoral.cli.contingent",
    "electoral.cli.ledger",
)

for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


def _show_version(value: bool) -> None:
    if value:
        print(f"electoral {__version__}")
        raise Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """The U.S. Electoral College: record, rules, what-ifs, analytics, probabilities."""


def fail(message: str) -> None:
    """Print one error line and exit with code 2."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    try:
        result = app(args=argv, standalone_mode=False)
    except ElectoralError as exc:
        fail(str(exc))
    except UnicodeDecodeError as exc:  # an input file that is not text (a reader that does not say which)
        fail(f"an input file is not UTF-8 text ({exc.reason} at byte {exc.start})")
    except Exit as exc:
        raise SystemExit(exc.exit_code)
    except Abort:
        fail("aborted")
    except TyperException as exc:  # Typer's (vendored Click) usage errors: bad option, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(exc.format_message())
            raise SystemExit(0)
        fail(exc.format_message())
    raise SystemExit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
