"""Ledgers to test against: a SQLite file always, and a real PostgreSQL when ELECTORAL_TEST_POSTGRES_URL is set
(``bash scripts/install_postgres.sh`` prints one); each PostgreSQL test gets a schema of its own."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from electoral.ledger.store import database_url, open_store

POSTGRES_VARIABLE = "ELECTORAL_TEST_POSTGRES_URL"
NO_POSTGRES = (f"{POSTGRES_VARIABLE} is not set: run `export {POSTGRES_VARIABLE}=$(bash scripts/install_postgres.sh)` "
               "to test against PostgreSQL")


@pytest.fixture
def postgres_url():
    """A PostgreSQL URL whose search path is a fresh schema (dropped afterwards)."""
    base = os.environ.get(POSTGRES_VARIABLE)
    if not base:
        pytest.skip(NO_POSTGRES)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(database_url(base))
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """The URL of an empty ledger on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(ledger_url):
    """An open, empty ledger on each backend."""
    opened = open_store(ledger_url)
    yield opened
    opened.close()
