"""``electoral serve [--host 127.0.0.1] [--port 8000]``: the map page and the HTTP API."""

from __future__ import annotations

import ipaddress
import os
import socket

import typer

from electoral.api.settings import ServerSettings, settings_env
from electoral.cli.common import console, print_json
from electoral.errors import InvalidInput
from electoral.parse import whole_number


def parse_port(text: str) -> int:
    """A TCP port number 1-65535 from text; raises :class:`InvalidInput` naming the bad value.

    >>> parse_port("8000")
    8000
    """
    try:
        port = int(text.strip())
    except ValueError:
        raise InvalidInput(f"--port must be a whole number, got {text!r}") from None
    if not 1 <= port <= 65535:
        raise InvalidInput(f"--port must be between 1 and 65535, got {port}")
    return port


def parse_host(text: str) -> str:
    """A host to bind: an IP address or a plain host name such as ``localhost``.

    >>> parse_host("127.0.0.1"), parse_host("localhost")
    ('127.0.0.1', 'localhost')
    """
    host = text.strip()
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if not host or len(host) > 253 or not all(label and label.replace("-", "").isalnum() for label in labels):
        raise InvalidInput(f"--host must be an IP address or a host name, got {text!r}")
    return host


def page_url(host: str, port: int) -> str:
    """The URL to open for a bound host (IPv6 in brackets; the wildcard addresses via localhost).

    >>> page_url("0.0.0.0", 8000), page_url("::1", 80)
    ('http://localhost:8000/', 'http://[::1]:80/')
    """
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def ensure_bindable(host: str, port: int) -> None:
    """Raise :class:`InvalidInput` if ``host:port`` cannot be bound (in use, or not this machine's address).

    uvicorn would only log such a failure and exit 1; checking first gives the one-line error.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as exc:
        raise InvalidInput(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


DEFAULTS = ServerSettings()


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
    port: str = typer.Option("8000", "--port", help="TCP port, 1-65535."),
    workers: str = typer.Option("1", "--workers", help="Server processes (2 on a 2-core machine roughly doubles throughput)."),
    pool_workers: str | None = typer.Option(None, "--pool-workers", metavar="N",
                                            show_default="every core but one, at least 1",
                                     help="Worker processes per server process for expensive requests (odds, "
                                          "simulations, forecasts, paths, power, minimum votes, contingent what-ifs)."),
    pool_queue: str | None = typer.Option(None, "--pool-queue", metavar="N", show_default=str(DEFAULTS.pool.queue),
                                   help="Expensive requests that may wait for a worker; more are answered 429."),
    time_limit: str | None = typer.Option(None, "--time-limit", metavar="SECONDS",
                                          show_default=f"{DEFAULTS.pool.seconds:g}",
                                   help="Seconds an expensive request may take, waiting included; then 503."),
    body_limit: str | None = typer.Option(None, "--body-limit", metavar="BYTES", show_default=str(DEFAULTS.body_bytes),
                                   help="Largest request body in bytes (413 beyond it)."),
    body_timeout: str | None = typer.Option(None, "--body-timeout", metavar="SECONDS",
                                            show_default=f"{DEFAULTS.body_seconds:g}",
                                     help="Seconds to receive a request body (408 beyond it)."),
    json: bool = typer.Option(False, "--json", help="Print the URL as JSON before serving."),
) -> None:
    """Serve the interactive map at / and the JSON API at /api (OpenAPI docs at /docs)."""
    import uvicorn  # imported here: keep the other commands fast to start

    bind_host, bind_port, processes = parse_host(host), parse_port(port), whole_number(workers, "--workers")
    os.environ.update(settings_env({"--pool-workers": pool_workers, "--pool-queue": pool_queue,
                                    "--time-limit": time_limit, "--body-limit": body_limit,
                                    "--body-timeout": body_timeout}))
    url = page_url(bind_host, bind_port)
    ensure_bindable(bind_host, bind_port)
    if json:
        from electoral.output.serve import addresses_out

        print_json(addresses_out(url))
    else:
        console.print(f"electoral: serving the map at [bold]{url}[/bold] (API docs at {url}docs); Ctrl+C stops")
    uvicorn.run("electoral.api.app:app", host=bind_host, port=bind_port, log_level="warning",
                workers=processes)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""
    app.command()(serve)
