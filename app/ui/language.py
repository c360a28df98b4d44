"""The interface language: gettext, Qt's own dialogs and the layout direction switched together."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

_qt_translator: QTranslator | None = None


def choose_language(requested: str | None) -> str:
    """``--lang`` or the saved choice, else the best shipped match for the system languages."""
    from app.i18n import negotiate, remember_platform_locale

    remember_platform_locale(QLocale.system().name())  # English letters date as the user does
    if requested:
        return requested
    return negotiate(QLocale.system().uiLanguages())


def apply_language(requested: str | None) -> str:
    """Switch gettext, Qt's own dialogs (their ``qtbase`` catalog) and the layout direction."""
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
