"""The ledger's database: an append-only table, SQLite by default (a file, WAL mode), PostgreSQL by URL.

The schema is versioned by the Alembic migrations shipped in ``electoral/ledger/migrations`` and brought up
to date whenever a store is opened. Each :meth:`Store.append` is one transaction: the batch is checked
against the ledger (retractions need calls, corrections need the corrected event) and either every new event
is stored or none is. An event already in the ledger (the same content hash) is not stored again, so
re-delivering a feed changes nothing. Rows are never updated or deleted (the database refuses it).

>>> import tempfile, pathlib
>>> from electoral.ledger.events import make_event
>>> store = open_store(str(pathlib.Path(tempfile.mkdtemp()) / "ledger.db"))
>>> call = make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"})
>>> store.append([call]), store.append([call])
(Appended(stored=1, duplicates=0, unchanged=0), Appended(stored=0, duplicates=1, unchanged=0))
>>> [r.event.fields["candidate"] for r in store.read(2020)]
['Joe Biden']
>>> store.close()
"""

from __future__ import annotations

import os
import sys
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa

from electoral.errors import InvalidInput
from electoral.ledger.events import Event, check_history, from_us, to_us, zone_name

URL_VARIABLE = "ELECTORAL_LEDGER_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CHUNK = 500  # ids per IN (...) query

metadata = sa.MetaData()
# The table as migration 0001 creates it (the migrations, not this object, define the schema).
events_table = sa.Table(
    "ledger_events", metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(8), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("effective_us", sa.BigInteger, nullable=False),
    sa.Column("effective_tz", sa.String(64), nullable=False),
    sa.Column("received_us", sa.BigInteger, nullable=False),
    sa.Column("received_tz", sa.String(64), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("fields", sa.Text, nullable=False),
    sa.Column("batch", sa.String(32), nullable=False),
)


COLUMNS = [c.name for c in events_table.columns if c.name != "seq"]
NAMES = ", ".join(COLUMNS)


def data_dir() -> Path:
    """Where the user's data lives: ``$XDG_DATA_HOME/electoral`` or the platform's usual folder.

    >>> data_dir().name
    'electoral'
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "electoral"


def default_url() -> str:
    """``$ELECTORAL_LEDGER_URL``, else a SQLite file ``ledger.db`` in :func:`data_dir`.

    >>> default_url().startswith(("sqlite:///", "postgresql")) or URL_VARIABLE in os.environ
    True
    """
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{data_dir() / 'ledger.db'}"


def database_url(url: str | None) -> str:
    """A SQLAlchemy URL from a URL or a file path; ``postgresql://`` uses the psycopg 3 driver.

    >>> database_url("postgresql://ledger@localhost/ledger")
    'postgresql+psycopg://ledger@localhost/ledger'
    >>> database_url("ledger.db").startswith("sqlite:///") and database_url("ledger.db").endswith("/ledger.db")
    True
    """
    text = (url or default_url()).strip()
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if text.startswith(plain):
            return "postgresql+psycopg://" + text[len(plain):]
    if not text.startswith(("sqlite", "postgresql")):
        raise InvalidInput(f"unsupported database URL {text!r}: use a file path, sqlite:///FILE or postgresql://...")
    return text


def _sqlite_file(url: str) -> Path | None:
    made = sa.engine.make_url(url)
    return Path(made.database) if made.get_backend_name() == "sqlite" and made.database not in (None, "", ":memory:") \
        else None


def _engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
            cursor = dbapi_connection.cursor()
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(connection: sa.Connection) -> None:
            connection.exec_driver_sql(connection.get_execution_options().get("ledger_begin", "BEGIN"))
    return engine


_MIGRATING = threading.Lock()  # Alembic's migration context is one per process: one migration at a time


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (Alembic, run in this process); see the module's example.

    Migrations in one process run one at a time: the server opens a store per request in a thread pool,
    and Alembic's ``context`` is process-global (two at once failed with "no attribute 'config'")."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATING, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class Appended:
    """What one batch did with the events read: ``stored`` new ones, ``duplicates`` the ledger already held
    (stored before, by an earlier batch of the same ingest, or twice in this batch), and ``unchanged`` calls
    that repeat a desk's standing call (an AP page marks a winner on every page; only the first is an event).
    The three add up to the events read."""

    stored: int
    duplicates: int
    unchanged: int = 0

    @property
    def read(self) -> int:
        """Every event the batch held."""
        return self.stored + self.duplicates + self.unchanged


@dataclass(frozen=True)
class Recorded:
    """An event as the ledger holds it, with its arrival order ``seq``."""

    seq: int
    event: Event


def event_row(e: Event, batch: str) -> tuple[Any, ...]:
    """The table row of an event, its values in the order of :data:`COLUMNS`.

    >>> from electoral.ledger.events import make_event
    >>> e = make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"})
    >>> from types import SimpleNamespace
    >>> row = SimpleNamespace(seq=1, **dict(zip(COLUMNS, event_row(e, "b1"))))
    >>> event_row(e, "b1")[2:6], row_event(row).event == e
    (('PA', 'race_call', 1604766300000000, '-05:00'), True)
    """
    return (e.id, e.year, e.unit, e.kind, to_us(e.effective), zone_name(e.effective), to_us(e.received),
            zone_name(e.received), e.actor, e.source, orjson.dumps(dict(e.fields)).decode(), batch)


def row_event(row: Any) -> Recorded:
    """The event of a table row (rows were checked when stored); see :func:`event_row`."""
    return Recorded(row.seq, Event(row.id, row.year, row.unit, row.kind, from_us(row.effective_us, row.effective_tz),
                                   from_us(row.received_us, row.received_tz), row.actor, row.source,
                                   orjson.loads(row.fields)))


@dataclass(frozen=True)
class Filters:
    """Which events to read: all of a year, or those of a unit, kind or actor, in a time range, after a seq."""

    unit: str | None = None
    kind: str | None = None
    actor: str | None = None
    since: datetime | None = None  # effective at or after
    until: datetime | None = None  # effective at or before
    after_seq: int | None = None
    limit: int | None = None

    def where(self, year: int) -> list[Any]:
        """The SQL conditions."""
        c = events_table.c
        conditions = [c.year == year]
        for column, value in ((c.unit, self.unit), (c.kind, self.kind), (c.actor, self.actor)):
            if value is not None:
                conditions.append(column == value)
        if self.since is not None:
            conditions.append(c.effective_us >= to_us(self.since))
        if self.until is not None:
            conditions.append(c.effective_us <= to_us(self.until))
        if self.after_seq is not None:
            conditions.append(c.seq > self.after_seq)
        return conditions


class Store:
    """An open ledger database (the I/O edge: everything else works on lists of events)."""

    def __init__(self, url: str, engine: sa.Engine | None) -> None:
        self.url = url
        self.engine = engine  # None: a SQLite file that does not exist yet, opened to read (reads are empty)

    def append(self, events: Iterable[Event]) -> Appended:
        """Store a batch in one transaction; events the ledger holds already are skipped."""
        if self.engine is None:
            raise InvalidInput(f"the ledger {self.url!r} was opened read-only and does not exist")
        unique = list({e.id: e for e in events}.values())
        if not unique:
            return Appended(0, 0)
        batch = uuid.uuid4().hex
        writer = self.engine.execution_options(ledger_begin="BEGIN IMMEDIATE")
        try:
            with writer.begin() as connection:
                prior = self._calls(connection, {e.year for e in unique})
                check_history(unique, prior, lambda ids: self._known(connection, ids))
                stored = _insert_rows(connection, [event_row(e, batch) for e in unique])
        except sa.exc.DBAPIError as exc:
            raise InvalidInput(f"the database refused the batch, so nothing of it was stored: {_one_line(exc.orig)}") \
                from exc
        return Appended(stored, len(unique) - stored + _repeats(events, unique))

    def _calls(self, connection: sa.Connection, years: set[int]) -> list[Event]:
        c = events_table.c
        rows = connection.execute(sa.select(events_table).where(
            c.year.in_(sorted(years)), c.kind.in_(("race_call", "call_retracted"))))
        return [row_event(r).event for r in rows]

    def _known(self, connection: sa.Connection, ids: set[str]) -> set[str]:
        found: set[str] = set()
        wanted = sorted(ids)
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found.update(connection.execute(sa.select(events_table.c.id).where(events_table.c.id.in_(chunk))).scalars())
        return found

    def read(self, year: int, filters: Filters | None = None) -> list[Recorded]:
        """The events of ``year`` matching ``filters``, in effective order (then arrival order)."""
        if self.engine is None:
            return []
        f = filters or Filters()
        query = sa.select(events_table).where(*f.where(year)).order_by(
            events_table.c.effective_us, events_table.c.seq)
        if f.after_seq is not None:
            query = query.order_by(None).order_by(events_table.c.seq)
        if f.limit is not None:
            query = query.limit(f.limit)
        with self.engine.connect() as connection:
            return [row_event(r) for r in connection.execute(query)]

    def events(self, year: int) -> list[Event]:
        """Every event of ``year``, in effective order."""
        return [r.event for r in self.read(year)]

    def last_seq(self) -> int:
        """The arrival number of the newest event (0 for an empty ledger)."""
        if self.engine is None:
            return 0
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.max(events_table.c.seq))).scalar() or 0

    def close(self) -> None:
        """Release the database connections."""
        if self.engine is not None:
            self.engine.dispose()


INCOMING = ("CREATE TEMP TABLE IF NOT EXISTS ledger_incoming (ord bigint, id varchar(32), year integer, unit varchar(8), "
            "kind varchar(32), effective_us bigint, effective_tz varchar(64), received_us bigint, "
            "received_tz varchar(64), actor text, source text, fields text, batch varchar(32)) ON COMMIT DELETE ROWS")


def _insert_rows(connection: sa.Connection, rows: list[tuple[Any, ...]]) -> int:
    """Insert rows, skipping ids already stored; the number inserted. The driver's own bulk paths: SQLite's
    executemany; PostgreSQL's COPY into a temporary table, then one INSERT ... SELECT (row-by-row inserts, or
    SQLAlchemy building the parameters, take several times longer)."""
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.driver_connection.cursor()
    if connection.dialect.name == "sqlite":
        insert = f"INSERT INTO ledger_events ({NAMES}) VALUES ({', '.join('?' * len(COLUMNS))}) " \
                 "ON CONFLICT (id) DO NOTHING"
    else:
        insert = f"INSERT INTO ledger_events ({NAMES}) SELECT {NAMES} FROM ledger_incoming ORDER BY ord " \
                 "ON CONFLICT (id) DO NOTHING"
    try:
        if connection.dialect.name == "sqlite":
            cursor.executemany(insert, rows)
        else:
            cursor.execute(INCOMING)
            with cursor.copy(f"COPY ledger_incoming (ord, {NAMES}) FROM STDIN") as copy:
                for number, row in enumerate(rows):
                    copy.write_row((number, *row))
            cursor.execute(insert)
    except dbapi.Error as exc:  # the same error types as SQLAlchemy's own statements
        raise sa.exc.DBAPIError.instance(insert, None, exc, dbapi.Error) from exc
    return cursor.rowcount


def _repeats(events: Iterable[Event], unique: Sequence[Event]) -> int:
    """Events delivered twice within one batch (``events`` may be an exhausted iterator: then 0)."""
    return max(0, len(events) - len(unique)) if isinstance(events, Sequence) else 0


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (and migrate) the ledger at ``url`` (default :func:`default_url`); ``create=False`` does not create
    a missing SQLite file: its reads are empty.

    >>> open_store("no-such-folder/ledger.db", create=False).read(2024)
    []
    """
    full = database_url(url)
    path = _sqlite_file(full)
    if path is not None and not path.exists():
        if not create:
            return Store(full, None)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInput(f"cannot create the ledger's folder {str(path.parent)!r}: {exc.strerror}") from None
    engine = _engine(full)
    try:
        migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise InvalidInput(f"cannot open the ledger database {_safe(full)}: {_one_line(exc.orig)}") from None
    return Store(full, engine)


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


def _safe(url: str) -> str:
    """A URL without its password, for messages."""
    return sa.engine.make_url(url).render_as_string(hide_password=True)
