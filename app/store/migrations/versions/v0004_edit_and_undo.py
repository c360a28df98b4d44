"""edit and undo: user corrections, later documents' differences, appeal text versions,
import batches, and cases removed with their appeals kept as history

Revision ID: 0004_edit_and_undo
Revises: 0003_reply_attachment
Create Date: 2026-12-06 07:30:00

New tables only, plus one nullable column on ``cases`` (``removed_at``); existing rows keep
NULL there (not removed) and the new tables start empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_edit_and_undo"
down_revision = "0003_reply_attachment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "case_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("user_value", sa.Text(), nullable=False),
        sa.Column("document_value", sa.Text(), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_corrections_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_corrections")),
        sa.UniqueConstraint("case_id", "field", name=op.f("uq_case_corrections_case_id")),
    )
    op.create_index(
        op.f("ix_case_corrections_case_id"), "case_corrections", ["case_id"], unique=False
    )
    op.create_table(
        "case_differences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("document_value", sa.Text(), nullable=False),
        sa.Column("noticed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_differences_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_differences")),
        sa.UniqueConstraint("case_id", "field", name=op.f("uq_case_differences_case_id")),
    )
    op.create_index(
        op.f("ix_case_differences_case_id"), "case_differences", ["case_id"], unique=False
    )
    op.create_table(
        "appeal_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["appeal_id"],
            ["appeals.id"],
            name=op.f("fk_appeal_versions_appeal_id_appeals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_versions")),
    )
    op.create_index(
        op.f("ix_appeal_versions_appeal_id"), "appeal_versions", ["appeal_id"], unique=False
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "import_batch_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("ua_number", sa.String(length=16), nullable=False),
        sa.Column("created", sa.Boolean(), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_batch_cases_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch_cases")),
        sa.UniqueConstraint("batch_id", "case_id", name=op.f("uq_import_batch_cases_batch_id")),
    )
    op.create_index(
        op.f("ix_import_batch_cases_batch_id"), "import_batch_cases", ["batch_id"], unique=False
    )


def downgrade() -> None:
    for table in (
        "import_batch_cases",
        "import_batches",
        "appeal_versions",
        "case_differences",
        "case_corrections",
    ):
        op.drop_table(table)
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("removed_at")
