"""``python -m app``: the same entry point as the ``appeal-desk`` command."""

from app.main import entry

entry()
