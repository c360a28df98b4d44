"""event edit times: a letter's last edit and its deletion travel between laptops

Revision ID: 0012_event_edit_times
Revises: 0011_import_before_restore
Create Date: 2026-12-07 23:10:00

A merge compared two copies of an event letter without knowing which was newer: a letter
corrected on one laptop stayed uncorrected on the organiser's, and a letter deleted on one
laptop came back with any file that still held it. Each appeal now has ``edited_at`` (when a
field that travels in event files last changed), and ``event_deletions`` keeps the UUID and
the time of each deleted event letter, so the newer of two copies wins and a deletion beats
every copy older than it.

The stored appeals get their ``updated_at`` (the last change this store knows of), which is
never earlier than their creation. The column is added with a constant default (no table
rebuild on SQLite: the appeals and their earlier texts stay where they are); the new table
starts empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_event_edit_times"
down_revision = "0011_import_before_restore"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeals") as batch:
        batch.add_column(
            sa.Column(
                "edited_at",
                sa.DateTime(timezone=True),
                nullable=False,
                # a constant (a SQL expression would make SQLite rebuild the table)
                server_default="1970-01-01 00:00:00",
            )
        )
    op.execute("UPDATE appeals SET edited_at = updated_at")
    op.create_table(
        "event_deletions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_deletions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_deletions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_deletions_uuid")),
    )
    op.create_index(
        op.f("ix_event_deletions_event_id"), "event_deletions", ["event_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_event_deletions_event_id"), table_name="event_deletions")
    op.drop_table("event_deletions")
    with op.batch_alter_table("appeals") as batch:
        batch.drop_column("edited_at")
