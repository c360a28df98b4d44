"""Alembic environment: always runs on the connection the app hands over (and its lock)."""

from alembic import context

from app.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("Run migrations through Appeal Desk (it opens the store safely).")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
context.run_migrations()
