"""What a CLI handler gets: resolved paths, options and a lazily opened database."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.settings import Settings
    from app.store.database import Database


@dataclass
class CliContext:
    paths: AppPaths
    database_url: str | None = None
    lang: str | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _database: Database | None = None

    def database(self) -> Database:
        """Open (and migrate) the store on first use."""
        if self._database is None:
            from app.services.database import open_store

            self._database = open_store(self.paths, url=self.database_url)
        return self._database

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
