"""The server's settings: the pool of expensive work and the request-body limits (options of ``electoral serve``).

``electoral serve`` passes them to the application (which uvicorn imports in each worker process) through
environment variables; :func:`settings_from_env` reads them back, checked with the same parser as the
command line, so a bad value fails at start with a message naming it.

>>> settings_from_env({"ELECTORAL_POOL_WORKERS": "2"}).pool.workers
2
>>> settings_from_env({}).body_bytes == LIMITS["request_body_bytes"].value
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from electoral.api.pool import PoolSettings
from electoral.errors import InvalidInput
from electoral.limits import LIMITS
from electoral.parse import whole_number


@dataclass(frozen=True)
class ServerSettings:
    """Pool of expensive work; the largest request body (bytes) and the time to receive it (seconds)."""

    pool: PoolSettings = field(default_factory=PoolSettings)
    body_bytes: int = LIMITS["request_body_bytes"].value
    body_seconds: float = 10.0


# option of `electoral serve` -> (environment variable, smallest value)
OPTIONS: dict[str, tuple[str, int]] = {
    "--pool-workers": ("ELECTORAL_POOL_WORKERS", 1),
    "--pool-queue": ("ELECTORAL_POOL_QUEUE", 0),
    "--time-limit": ("ELECTORAL_TIME_LIMIT", 1),
    "--body-limit": ("ELECTORAL_BODY_LIMIT", 1),
    "--body-timeout": ("ELECTORAL_BODY_TIMEOUT", 1),
}


def server_settings(values: Mapping[str, object]) -> ServerSettings:
    """Settings from option values (``{"--pool-workers": "2", ...}``; options not given keep their default).

    Raises :class:`InvalidInput` naming the option and the bad value; ``--body-limit`` may not exceed the
    cost model's ``request_body_bytes``.

    >>> pool = server_settings({"--time-limit": "5", "--pool-queue": "0"}).pool
    >>> pool.queue, pool.seconds
    (0, 5.0)
    """
    default = ServerSettings()
    number = {option: whole_number(values[option], option, OPTIONS[option][1])
              for option in OPTIONS if values.get(option) is not None}
    body = LIMITS["request_body_bytes"].check(number.get("--body-limit", default.body_bytes), "--body-limit")
    pool = PoolSettings(workers=number.get("--pool-workers", default.pool.workers),
                        queue=number.get("--pool-queue", default.pool.queue),
                        seconds=float(number.get("--time-limit", default.pool.seconds)))
    if pool.workers > 64 or pool.queue > 10_000 or pool.seconds > 3600:
        raise InvalidInput(f"--pool-workers must be at most 64, --pool-queue at most 10,000 and --time-limit at "
                           f"most 3,600 s, got {pool.workers}, {pool.queue} and {pool.seconds:g}")
    return ServerSettings(pool, body, float(number.get("--body-timeout", default.body_seconds)))


def settings_from_env(environ: Mapping[str, str] | None = None) -> ServerSettings:
    """The settings ``electoral serve`` put in the environment (defaults where it put none)."""
    env = os.environ if environ is None else environ
    return server_settings({option: env.get(variable) for option, (variable, _) in OPTIONS.items()})


def settings_env(values: Mapping[str, object]) -> dict[str, str]:
    """The environment variables that carry option values to the application (checked first)."""
    server_settings(values)
    return {OPTIONS[option][0]: str(value) for option, value in values.items() if value is not None}
