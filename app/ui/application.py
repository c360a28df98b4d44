"""Start the desktop app: paths, logging, QApplication, language, main window, error hook."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.paths import APP_ID, APP_NAME, AppPaths, resolve_paths

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
_qt_translator: QTranslator | None = None


def create_application(argv: list[str] | None = None, *, with_icon: bool = True) -> QApplication:
    """The QApplication with the names the desktop uses to match the window to its entry;
    ``with_icon=False`` leaves the icon to ``set_application_icon`` (after the first frame)."""
    from app.pyside_none_guard import protect_none

    protect_none()  # PySide6 6.12.0 + Python 3.11: see the module
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Appeal Desk")
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    from app import __version__
    from app.ui.style import apply_style

    app.setApplicationVersion(__version__)
    if with_icon:
        set_application_icon(app)
    apply_style(app)
    return app


def set_application_icon(app: QApplication) -> None:
    icon = Path(__file__).resolve().parents[1] / "resources" / f"{APP_ID}.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def choose_language(requested: str | None) -> str:
    """``--lang`` or the saved choice, else the best shipped match for the system languages."""
    from app.i18n import negotiate

    if requested:
        return requested
    return negotiate(QLocale.system().uiLanguages())


def apply_language(requested: str | None) -> str:
    """Switch gettext, Qt's own dialogs and buttons (Qt's catalogs) and the layout direction."""
    global _qt_translator
    from app.i18n import is_rtl, set_language

    chosen = set_language(choose_language(requested))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        QLocale.setDefault(QLocale(chosen))
        if _qt_translator is not None:
            app.removeTranslator(_qt_translator)
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(chosen), "qtbase", "_", folder):
            app.installTranslator(translator)
            _qt_translator = translator
        else:
            _qt_translator = None
        rtl = is_rtl(chosen)
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    return chosen


def install_excepthook(paths: AppPaths) -> None:
    """A bug anywhere on the GUI thread: log the traceback, show a friendly message, keep running."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if showing:
            return
        showing = True
        try:
            from app.ui.errors import report_failure

            report_failure(QApplication.activeWindow(), _title(), error.with_traceback(tb))
        finally:
            showing = False

    sys.excepthook = hook


def _title() -> str:
    from app.i18n import _

    return _("Something went wrong")


def warm_up_letters(window: MainWindow) -> None:
    """Draft one letter in the background, so the first "Write a letter" opens at once.

    The first draft starts the sandboxed template worker (about a second); doing it here, off
    the GUI thread and after the list is on screen, takes that wait out of the user's path.
    """
    db, cases, sender = window.db, window.model.cases(), window.settings.sender
    if db is None or not cases:
        return
    ua_number = cases[0].ua_number

    def draft_once(_progress: object) -> None:
        from app.services.cases import get_case
        from app.services.letters import draft_letter

        case = get_case(db, ua_number)
        if case.targets:
            draft_letter(case, 1, sender)

    window.runner.start(draft_once, lambda _result: None, lambda _error: None, name="warm-up")


def _polish(window: MainWindow) -> None:
    from app.ui.polish_hooks import install_polish

    if not hasattr(window, "polish"):  # once, whichever comes first
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_application_icon(app)
        install_polish(window)


def _after_window_shown(window: MainWindow) -> None:
    from app.ui.polish_hooks import after_window_shown

    _polish(window)  # in case the cases came before the first frame was announced
    after_window_shown(window)


def run(args: argparse.Namespace) -> int:
    """Entry point of ``appeal-desk`` / ``appeal-desk gui``; returns the exit status."""
    # Start-up allocates much and frees little: no cyclic garbage collection until the cases
    # are loaded (the collector's passes over the new rows cost 20-30 ms before the first
    # paint with 10,000 cases). Reference counting frees memory as usual meanwhile.
    gc.disable()
    paths = resolve_paths(getattr(args, "data_dir", None))
    from app.logging_setup import configure_logging

    configure_logging(paths, console=False)
    from app.settings import load_settings

    settings = load_settings(paths)
    database_url = getattr(args, "database_url", None) or settings.database_url
    from app.ui.early_list import EarlyCaseList

    # The case list is read while Qt starts and the window is built, so the two overlap.
    early_list = EarlyCaseList.start(paths, database_url)
    app = create_application(with_icon=False)  # the icon follows the first frame
    apply_language(getattr(args, "lang", None) or settings.ui_language)
    install_excepthook(paths)
    from app.ui.main_window import MainWindow

    window = MainWindow(paths, settings, database_url=database_url, early_list=early_list)
    window.show()
    # View > Write today, Help > About / shortcuts / diagnostics, the window's icon: added
    # just after the first frame, which comes about 10 ms sooner without them.
    window.first_painted.connect(lambda: _polish(window), Qt.ConnectionType.SingleShotConnection)
    window.cases_loaded.connect(gc.enable)
    window.load_failed.connect(gc.enable)
    QTimer.singleShot(10_000, gc.enable)  # whatever happens to the store meanwhile
    if getattr(args, "quit_after_first_paint", False):
        window.cases_loaded.connect(lambda: QTimer.singleShot(0, app.quit))
        window.load_failed.connect(lambda: QTimer.singleShot(0, lambda: app.exit(1)))
    else:
        # First-run welcome and deadline reminders, once the cases are on screen.
        window.cases_loaded.connect(
            lambda: _after_window_shown(window), Qt.ConnectionType.SingleShotConnection
        )
        window.cases_loaded.connect(
            lambda: warm_up_letters(window), Qt.ConnectionType.SingleShotConnection
        )
    QTimer.singleShot(0, window.start)
    status = app.exec()
    log.info("window closed with status %s", status)
    return int(status)
