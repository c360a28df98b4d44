"""PostgreSQL fixtures: a throwaway database per test on the server .ci/postgres.sh starts.

APPEAL_DESK_TEST_PG_URL names the server (``eval "$(.ci/postgres.sh)"`` sets it). Without it
these tests fail under CI (CI=true must run them) and are skipped, with the reason, elsewhere.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from app.paths import resolve_paths
from app.store.database import Database, open_database

PG_URL_ENV = "APPEAL_DESK_TEST_PG_URL"
HOW_TO = 'start one with: eval "$(.ci/postgres.sh)"'


def server_url() -> str:
    url = os.environ.get(PG_URL_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{PG_URL_ENV} is not set, but CI must run the PostgreSQL tests; {HOW_TO}")
    pytest.skip(f"{PG_URL_ENV} is not set, so the PostgreSQL tests did not run; {HOW_TO}")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a brand-new, empty database, dropped again after the test."""
    base = make_url(server_url())
    name = f"appeal_desk_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def open_pg(pg_url: str, tmp_path: Path) -> Database:
    return open_database(resolve_paths(tmp_path / "data"), url=pg_url)


@pytest.fixture
def db(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated store on PostgreSQL (the store tests' ``db``)."""
    database = open_pg(pg_url, tmp_path)
    yield database
    database.close()


def _as_owner(pg_url: str, *statements: str) -> None:
    admin = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement), {"name": make_url(pg_url).database})
    finally:
        admin.dispose()


def server_goes_away(pg_url: str) -> None:
    """What a laptop sees when the group's server is down: its connections are closed and
    no new one is taken (the database refuses them; the other tests' databases carry on)."""
    name = make_url(pg_url).database
    _as_owner(
        pg_url,
        f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false',
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name",
    )


def server_comes_back(pg_url: str) -> None:
    name = make_url(pg_url).database
    _as_owner(pg_url, f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
