"""The schema revision this code expects, apart from the migrator so reading it is cheap.

``app.store.case_list`` compares it with the file's ``alembic_version`` without importing
SQLAlchemy or Alembic; ``app.store.migrator`` re-exports it as ``HEAD`` (a unit test checks
it against Alembic's own head). Bump it with every new migration.
"""

HEAD = "0012_event_edit_times"
