"""A store the window has closed (a restore, the window closing) keeps no connection to the
server: a look at the other laptops' notices still under way then does not open one again."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from tests.postgres.conftest import open_pg


def connections_to(pg_url: str) -> int:
    """How many connections the server holds to the test's database, once those just closed
    have gone (a backend leaves its list a moment after its client closed it)."""
    name = make_url(pg_url).database
    admin = create_engine(make_url(pg_url).set(database="postgres"))
    try:
        deadline = time.monotonic() + 10
        while True:
            with admin.connect() as conn:
                held = conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                ).scalar_one()
            if held == 0 or time.monotonic() > deadline:
                return int(held)
            time.sleep(0.1)
    finally:
        admin.dispose()


def test_a_closed_store_opens_no_connection_to_hear_the_other_laptops(
    pg_url: str, tmp_path: Path
) -> None:
    db = open_pg(pg_url, tmp_path)
    assert not db.changed_elsewhere()  # the first look starts listening
    assert connections_to(pg_url) >= 1
    db.close()
    assert connections_to(pg_url) == 0

    assert not db.changed_elsewhere()  # a look that was on its way when the store closed
    assert connections_to(pg_url) == 0
