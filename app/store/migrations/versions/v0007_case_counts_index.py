"""case counts index: the open and closed counts come from an index alone

Revision ID: 0007_case_counts_index
Revises: 0006_additional_info
Create Date: 2026-12-06 19:30:00

The window's first screen says how many cases are open and closed (removed cases left out).
With an index on ``status`` alone SQLite read every case row to see ``removed_at``: about
13 ms at 10,000 cases, on every start. An index on ``(status, removed_at)`` holds both, so
the count reads it alone (under 1 ms); it serves a lookup by status as the old one did, which
it replaces. Plain CREATE and DROP INDEX (no table rebuild).
"""

from alembic import op

revision = "0007_case_counts_index"
down_revision = "0006_additional_info"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_status_removed_at", "cases", ["status", "removed_at"])
    op.drop_index("ix_cases_status", table_name="cases")


def downgrade() -> None:
    op.create_index("ix_cases_status", "cases", ["status"])
    op.drop_index("ix_cases_status_removed_at", table_name="cases")
