"""What the window's start-up does before Qt is loaded: paths, log, settings, lock, case list.

None of it needs Qt, and all of it comes before the first screen, so ``appeal-desk gui``
does it first (``app.main.run_gui``): the first screen of cases is read before PySide6 loads
(see ``app.ui.early_list``), the rest of the list on its own thread after that screen is
painted. Importing a module
before PySide6 does not spare it PySide6's look at its source (for ``__feature__`` imports):
once loaded, PySide6 reads the source of each module the first time an ``import`` statement
names it, whenever the module was loaded. This module imports no Qt.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from app.settings import Settings
    from app.ui.early_list import EarlyCaseList

log = logging.getLogger(__name__)


class StartUp(NamedTuple):
    """Where the window's data is, what it was asked to open, and what was read already.

    A named tuple rather than a frozen dataclass: as immutable, and made about eight times
    faster at start-up (no methods generated from source text)."""

    paths: AppPaths
    files: Sequence[Path]  # documents named on the command line, offered for import
    settings: Settings
    ignored_settings: Sequence[str]  # settings left at their defaults (a wrong type)
    database_url: str | None
    early_list: EarlyCaseList | None  # None: another copy holds the data folder

    @property
    def already_open(self) -> bool:
        """Another running copy holds this data folder: this one says so and exits."""
        return self.early_list is None


def start_up(args: argparse.Namespace) -> StartUp:
    """Resolve the paths, hold the log's records, read the settings, claim the data folder
    (a SQLite store: one copy per folder) and begin reading the case list."""
    paths = resolve_paths(getattr(args, "data_dir", None))
    files = tuple(path.absolute() for path in getattr(args, "files", None) or ())
    from app.logging_setup import configure_logging

    configure_logging(paths, console=False, hold=True)  # the file opens once the window is ready
    from app.settings import database_address, read_settings

    settings, ignored = read_settings(paths)
    database_url = database_address(getattr(args, "database_url", None), settings)
    if database_url is None:
        from app.services.single_copy import claim_data_folder

        if not claim_data_folder(paths):  # before any window: none that looks usable
            log.info("another copy holds %s; this one exits", paths.data_dir)
            return StartUp(paths, files, settings, ignored, database_url, None)
    from app.ui.early_list import EarlyCaseList

    # The first screen of cases is read now, before Qt loads; the rest of the list once it
    # is painted.
    early_list = EarlyCaseList.start(paths, database_url)
    return StartUp(paths, files, settings, ignored, database_url, early_list)
