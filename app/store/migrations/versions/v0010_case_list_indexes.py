"""case list indexes: a case's persons and officials come in order from an index

Revision ID: 0010_case_list_indexes
Revises: 0009_event_tally_index
Create Date: 2026-12-07 09:00:00

The case list reads each case's persons and officials in their order. With an index on
``case_id`` alone every case's rows were sorted by position, and each was read from its
table row (an official's row holds its address, e-mail and phones too). An index on
``(case_id, position)`` gives them in order; in SQLite it also holds what the list shows
(a person's name; an official's title, name and printed name), so the list reads the index
alone: the start-up preview of the first screen sorts nothing, and the whole list of 10,000
cases takes about an eighth less. A PostgreSQL index entry must stay under about 2.7 kB
(a long text there would make a write fail), so a server's indexes hold the order alone.
They serve a lookup by case as the old ones did, which they replace. Plain CREATE and DROP
INDEX (no table rebuild).
"""

from alembic import op

revision = "0010_case_list_indexes"
down_revision = "0009_event_tally_index"
branch_labels = None
depends_on = None

LISTED = {"persons": ["name"], "targets": ["title", "name", "name_as_printed"]}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, shown in LISTED.items():
        columns = ["case_id", "position", *(shown if sqlite else [])]
        op.create_index(f"ix_{table}_case_list", table, columns)
        op.drop_index(f"ix_{table}_case_id", table_name=table)


def downgrade() -> None:
    for table in LISTED:
        op.create_index(f"ix_{table}_case_id", table, ["case_id"])
        op.drop_index(f"ix_{table}_case_list", table_name=table)
