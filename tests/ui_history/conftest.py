"""The GUI fixtures of tests/ui (real store in tmp_path, real main window offscreen), reused."""

from __future__ import annotations

from tests.ui.conftest import (  # noqa: F401 - pytest finds fixtures by name in this module
    app_paths,
    gui_app,
    make_window,
    messages,
    open_db,
)
