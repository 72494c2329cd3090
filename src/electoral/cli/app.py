"""The ``electoral`` command. Each command group lives in its own module, listed in COMMAND_MODULES.

Errors: any :class:`~electoral.errors.ElectoralError` or usage error becomes one line on stderr
(``error: ...``) and exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer.exceptions import Abort, Exit, TyperException

from electoral.errors import ElectoralError

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
    "electoral.cli.serve",
)

for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


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
