"""A read and a write that SQLite refuses are both said as StoreUnavailable, in the same words,
and leave the store as it was (a real SQLite file)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.domain.errors import StoreUnavailable
from app.store.database import Database


def test_a_refused_read_and_a_refused_write_say_the_same(db: Database) -> None:
    with db.unit_of_work() as session:
        session.execute(text("CREATE TABLE notes (note TEXT)"))
    said = []
    for scope in (db.reading, db.unit_of_work):
        with pytest.raises(StoreUnavailable) as refused, scope() as session:
            if scope == db.unit_of_work:
                session.execute(text("INSERT INTO notes (note) VALUES ('kept?')"))
            session.execute(text("SELECT note FROM no_such_table"))
        assert isinstance(refused.value.__cause__, OperationalError)
        said.append(refused.value.message)
    assert said[0] == said[1]
    assert "no such table: no_such_table" in said[0]
    assert "Nothing was changed" in said[0]
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM notes")).scalar_one() == 0
