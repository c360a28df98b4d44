"""reply attachment: the file name of a scanned reply from an official

Revision ID: 0003_reply_attachment
Revises: 0002_appeal_totals_index
Create Date: 2026-11-28 16:55:00

A nullable text column on ``appeals``: the scan's file name, relative to the data folder's
``attachments/`` directory. Existing rows keep NULL (no scan).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_reply_attachment"
down_revision = "0002_appeal_totals_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeals") as batch:
        batch.add_column(sa.Column("reply_attachment", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("appeals") as batch:
        batch.drop_column("reply_attachment")
