"""Persistence: SQLAlchemy 2 typed mappings, engine setup, migrations and repositories."""
