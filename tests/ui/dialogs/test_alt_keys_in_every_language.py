"""Alt+letter reaches one control only in every dialog, in every interface language.

Two controls of one window underlined on the same letter make Alt+letter move between them
instead of acting: in a German letter editor Alt+D would only hop between "Drucken" and
"Als PDF speichern".
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.domain.model import Channel
from app.i18n import available_languages
from app.paths import AppPaths
from app.settings import Settings
from tests.builders import TODAY, numbered_case, store
from tests.ui.dialogs.test_accessibility import mnemonic_clashes

LANGUAGES = sorted(set(available_languages()) | {"en"})


def _dialogs(qtbot, window, paths: AppPaths) -> dict[str, QWidget]:  # type: ignore[no-untyped-def]
    """Every dialog a volunteer reaches from the main window with the keyboard, built in the
    interface language in force."""
    from app.services import cases
    from app.services.database import open_store
    from app.ui.dialogs.case_edit_dialog import CaseEditDialog
    from app.ui.dialogs.welcome_dialog import WelcomeDialog

    actions = window.menu_actions
    actions.write_letter.trigger()
    actions.mark_sent.trigger()
    mark_sent = window.case_actions.mark_sent_dialog
    mark_sent.reject()
    actions.settings.trigger()
    actions.history.trigger()
    actions.report.trigger()
    db = open_store(paths)
    try:
        case_edit = CaseEditDialog(cases.get_case(db, "56/26"))
    finally:
        db.close()
    qtbot.add_widget(case_edit)
    case_edit.show()
    welcome = WelcomeDialog(Settings(), window)
    qtbot.add_widget(welcome)
    welcome.show()
    found: dict[str, QWidget | None] = {
        "main window": window,
        "letter editor": window.case_actions.letter_dialog,
        "mark as sent": mark_sent,
        "settings": window.case_actions.settings_dialog,
        "history": window.case_actions.history_dialog,
        "report": window.case_actions.report_dialog,
        "write today": window.show_write_today(),
        "edit case": case_edit,
        "welcome": welcome,
    }
    missing = [name for name, dialog in found.items() if dialog is None]
    assert missing == []
    return {name: dialog for name, dialog in found.items() if dialog is not None}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_controls_of_a_dialog_share_an_alt_key_in_any_language(
    qtbot, main_window, paths: AppPaths, language: str
) -> None:  # type: ignore[no-untyped-def]
    from app.services.appeals import record_appeal
    from app.services.database import open_store
    from app.ui.application import apply_language

    store(paths, numbered_case(56, "Peru", 12, email="desk@invented.example"))
    db = open_store(paths)
    try:
        record_appeal(db, "56/26", target_index=1, channel=Channel.POST, sent_on=TODAY)
    finally:
        db.close()
    apply_language(language)
    try:
        window = main_window()
        dialogs = _dialogs(qtbot, window, paths)
        clashes = {name: mnemonic_clashes(root) for name, root in dialogs.items()}
        assert {name: found for name, found in clashes.items() if found} == {}
    finally:
        for name, dialog in locals().get("dialogs", {}).items():
            if name != "main window":
                dialog.close()
        apply_language("en")
