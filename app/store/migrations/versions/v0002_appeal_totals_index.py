"""appeal totals index: the case list's "sent" counts come from an index alone

Revision ID: 0002_appeal_totals_index
Revises: 0001_baseline
Create Date: 2026-11-28 15:15:00

The case list sums sent appeals per case. Without this covering index SQLite reads every
appeal row (letter texts included): 100,000 appeals took 150-350 ms on every start; with it,
about 10 ms (bench/bench_startup.py). Creating it is a plain CREATE INDEX (no table rebuild).
"""

from alembic import op

revision = "0002_appeal_totals_index"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_appeals_totals", "appeals", ["status", "kind", "case_id", "count"])


def downgrade() -> None:
    op.drop_index("ix_appeals_totals", table_name="appeals")
