"""The interface language: gettext, Qt's own dialogs and the layout direction switched together."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication


class _QtDialogTranslator(QTranslator):
    """Qt's ``qtbase`` catalog, also for the labels of its file dialog whose mnemonic
    ("&Look in:", "Files of &type:") Qt's Spanish, French, Portuguese and Arabic catalogs
    lack while they translate the same words without it ("Look in:" -> "Ver en:"). Such a
    label gets a mnemonic of its own ("&Ver en:"): a letter no other label or button of the
    dialog uses, so Alt+letter still reaches every field."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: dict[tuple[str, str], str] = {}  # (context, source) -> text with its &

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
        if plain == source_text:
            return None
        text = super().translate(context, plain, disambiguation, n)
        if not text:
            return None
        given = self._given.get((context, source_text))
        if given is None:
            taken = {
                mnemonic_letter(super(_QtDialogTranslator, self).translate(context, other) or "")
                for other in _MNEMONIC_NEIGHBOURS.get(context, ())
                if other != source_text
            }
            taken |= {mnemonic_letter(t) for (c, _s), t in self._given.items() if c == context}
            given = with_mnemonic(text, taken - {""})
            self._given[(context, source_text)] = given
        return given


# The labels and buttons shown together in Qt's file dialog, whose mnemonics a label given
# one must not repeat.
_MNEMONIC_NEIGHBOURS = {
    "QFileDialog": (
        "&Look in:",
        "File &name:",
        "Files of &type:",
        "Files of t&ype:",
        "&Open",
        "&Save",
        "&Choose",
    ),
}


def mnemonic_letter(text: str) -> str:
    """The letter after the single ``&`` of a label, in lower case ("" when it has none)."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return ""
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with ``&`` before a letter not in ``taken``: the first letter of a word if one
    is free, else any letter; unchanged when every letter is taken."""
    starts = [
        i for i, c in enumerate(text) if c.isalpha() and (i == 0 or not text[i - 1].isalpha())
    ]
    others = [i for i, c in enumerate(text) if c.isalpha() and i not in starts]
    for index in starts + others:
        if text[index].lower() not in taken:
            return text[:index] + "&" + text[index:]
    return text


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
    from app.i18n import is_rtl, regional_locale, set_language

    chosen = set_language(choose_language(requested))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        QLocale.setDefault(qt_locale(regional_locale()))  # dates in the user's region too
        if _qt_translator is not None:
            app.removeTranslator(_qt_translator)
        _qt_translator = _qt_catalog(chosen, app)
        if _qt_translator is not None:
            app.installTranslator(_qt_translator)
        rtl = is_rtl(chosen)
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    return chosen


def _qt_catalog(locale_id: str, app: QApplication) -> QTranslator | None:
    """Qt's ``qtbase`` catalog for ``locale_id``; None when it has none, or only an empty one.

    Qt's English catalog is empty (its texts are English already): installed, it would only
    have every text Qt shows ask this translator, in Python, for nothing. So English does
    not look for it, which also spares the window's first screen the lookup."""
    from app.i18n import SOURCE_LANGUAGE, base_language

    if base_language(locale_id) == SOURCE_LANGUAGE:
        return None
    from PySide6.QtCore import QLibraryInfo

    translator = _QtDialogTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(locale_id), "qtbase", "_", folder) and not translator.isEmpty():
        return translator
    return None


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
