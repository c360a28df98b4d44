"""What a CLI handler gets: resolved paths, options and a lazily opened database."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.domain.errors import StoreProblem
    from app.settings import Settings
    from app.store.database import Database


@dataclass
class CliContext:
    paths: AppPaths
    database_url: str | None = None  # --database-url, as given
    lang: str | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    reads_only: bool = False  # the command changes nothing: a read-only folder may be read
    _database: Database | None = None

    def database(self) -> Database:
        """Open (and migrate) the store on first use. A command that only reads (``reads_only``)
        still works on a data folder that cannot be written (read-only, or on a full disk):
        the store is read as it is, and a note on stderr says that nothing can be changed."""
        if self._database is None:
            from app.domain.errors import StoreUnavailable
            from app.services.database import open_store

            url = self.database_address()
            try:
                self._database = open_store(self.paths, url=url)
            except StoreUnavailable as refused:
                if not self.reads_only:
                    raise
                from app.services.database import open_to_read_only

                self._database = open_to_read_only(self.paths, url, refused)
                print(self._read_only_note(self._database.read_only), file=self.err)
        return self._database

    def database_address(self) -> str | None:
        """The database the window would open: --database-url, or the correction of it the
        window's Connection settings saved; without one, the address in the settings (None:
        the SQLite file in the data folder)."""
        from app.settings import database_address, read_settings

        return database_address(self.database_url, read_settings(self.paths)[0])

    def _read_only_note(self, problem: StoreProblem | None) -> str:
        from app.domain.errors import StoreProblem
        from app.i18n import _

        if problem is StoreProblem.DISK_FULL:
            return _(
                "note: the disk of {folder} is full: your data is shown as it is, and nothing "
                "can be changed until some space is freed."
            ).format(folder=self.paths.data_dir)
        return _(
            "note: {folder} is read-only: your data is shown as it is, and nothing can be "
            "changed until the folder can be written again."
        ).format(folder=self.paths.data_dir)

    def settings(self) -> Settings:
        """The settings; a setting of the wrong type stops the command with one line (a
        letter written with a default the user did not choose, e.g. no caution countries,
        could put them at risk)."""
        from app.domain.errors import N_, InvalidInput
        from app.settings import read_settings

        settings, ignored = read_settings(self.paths)
        if ignored:
            raise InvalidInput(
                N_(
                    "{file}: the value of {names} has the wrong type; correct it in the "
                    "window's Settings or remove it from the file."
                ),
                file=self.paths.settings_file,
                names=", ".join(ignored),
            )
        return settings

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
