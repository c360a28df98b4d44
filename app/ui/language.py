"""The interface language: gettext, Qt's own dialogs and the layout direction switched together."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication


class _QtDialogTranslator(QTranslator):
    """Qt's ``qtbase`` catalog, also for the labels of its file dialog whose mnemonic
    ("&Look in:", "Files of t&ype:") Qt's Spanish, French, Portuguese and Arabic catalogs
    lack while they translate the same words without it ("Look in:" -> "Ver en:")."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "", says "not here": Qt would show an empty string as the translation
        text = super().translate(context, source_text, disambiguation, n)
        if text:
            return text
        plain = source_text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if plain != source_text:
            text = super().translate(context, plain, disambiguation, n)
        return text or None


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
        QLocale.setDefault(qt_locale(chosen))
        if _qt_translator is not None:
            app.removeTranslator(_qt_translator)
        translator = _QtDialogTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's English catalog is empty (its texts are English already): installed, it would
        # only have every text Qt shows ask this translator, in Python, for nothing.
        if translator.load(QLocale(chosen), "qtbase", "_", folder) and not translator.isEmpty():
            app.installTranslator(translator)
            _qt_translator = translator
        else:
            _qt_translator = None
        rtl = is_rtl(chosen)
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    return chosen


def qt_locale(locale_id: str) -> QLocale:
    """Qt's locale for the interface language, writing the digits CLDR (through Babel) gives
    that language: Qt reads "ar" as Egyptian Arabic, with Arabic-Indic digits, while Babel's
    "ar" writes 0-9; then the language's world-wide variant ("ar_001") is used, so dates and
    numbers Qt formats (the case list, date fields) match the details and the letters."""
    from app.dates import numbering_system

    locale = QLocale(locale_id)
    latin = numbering_system(locale_id) == "latn"
    if latin == (locale.zeroDigit() == "0"):
        return locale
    world = QLocale(locale_id.split("_")[0] + "_001")
    if latin == (world.zeroDigit() == "0") and world.language() == locale.language():
        return world
    return locale


def unknown_language_notice(requested: str | None, used: str) -> str | None:
    """What the window says when ``--lang`` named a language it has no catalog for (the
    command line says it on stderr); None when the language asked for is the one shown."""
    import os

    from app.i18n import TEST_PO_ENV, _, available_languages

    if not requested or os.environ.get(TEST_PO_ENV):
        return None
    asked_for = requested.replace("-", "_").split("_")[0].lower()
    if used.split("_")[0] == asked_for:
        return None
    return _(
        "There is no translation for \u201c{wanted}\u201d: Appeal Desk is shown in English. "
        "Languages: {choices}."
    ).format(wanted=requested, choices=", ".join(sorted(available_languages())))
