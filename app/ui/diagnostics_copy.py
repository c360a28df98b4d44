"""Help > Copy diagnostic info: the services' report plus Qt facts, put on the clipboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from app.paths import AppPaths
from app.settings import Settings

if TYPE_CHECKING:
    from app.services.database import Database


def qt_facts() -> list[tuple[str, str]]:
    """Qt's own version, the windowing platform, screens and style (no personal data)."""
    app = QGuiApplication.instance()
    facts = [("Qt", qVersion()), ("PySide6", pyside_version)]
    if isinstance(app, QGuiApplication):
        facts.append(("Qt platform", QGuiApplication.platformName()))
        screens = QGuiApplication.screens()
        facts.append(
            (
                "screens",
                ", ".join(
                    f"{s.size().width()}x{s.size().height()}@{s.devicePixelRatio():g}"
                    for s in screens
                )
                or "none",
            )
        )
        style = app.style() if hasattr(app, "style") else None
        if style is not None:
            facts.append(("widget style", style.name()))
        facts.append(("layout direction", app.layoutDirection().name))
    return facts


def diagnostic_text(paths: AppPaths, settings: Settings | None, db: Database | None) -> str:
    from app.services.diagnostics import collect, format_report

    return format_report(collect(paths, settings, db, extra=qt_facts()))


def copy_diagnostic_info(paths: AppPaths, settings: Settings | None, db: Database | None) -> str:
    """Put the report on the clipboard and return it (the caller says so in the status bar)."""
    text = diagnostic_text(paths, settings, db)
    QGuiApplication.clipboard().setText(text)
    return text
