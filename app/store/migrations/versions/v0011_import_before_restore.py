"""import before restore: a restored backup's imports are marked, so none is undone as the last

Revision ID: 0011_import_before_restore
Revises: 0010_case_list_indexes
Create Date: 2026-12-07 17:00:00

"Undo last import" takes back what the user's newest import did. After a backup is restored,
the newest import in the store is one the backup holds, made before it was taken, not the one
the user just made (that went with the data it went into). A restore marks every import of
the restored store ``before_restore``, and such an import is not offered as the last import,
by the window or the command line, before or after a restart. One boolean column on
``import_batches``; the imports already stored keep false (no restore has marked them).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_import_before_restore"
down_revision = "0010_case_list_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_batches") as batch:
        batch.add_column(
            sa.Column("before_restore", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("import_batches") as batch:
        batch.drop_column("before_restore")
