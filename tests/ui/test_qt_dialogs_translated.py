"""Qt's own dialogs (the file dialog, standard buttons) speak the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton, QWidget


def _save_dialog_labels(
    parent: QWidget, mode: QFileDialog.AcceptMode = QFileDialog.AcceptMode.AcceptSave
) -> list[str]:
    dialog = QFileDialog(parent, "Save")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    labels += [button.text() for button in dialog.findChildren(QPushButton) if button.text()]
    dialog.deleteLater()
    return labels


@pytest.mark.parametrize(
    ("language", "look_in", "file_type", "cancel"),
    [
        ("es", "&Ver en:", "&Ficheros de tipo:", "Cancelar"),
        ("fr", "&Voir dans\u00a0:", "&Fichiers de type\u00a0:", "Annuler"),
        ("pt", "&Procurar em:", "Arquivos &do tipo:", "Cancelar"),  # &Abrir has the A
    ],
)
def test_the_save_dialog_labels_are_in_the_interface_language(
    qtbot, language: str, look_in: str, file_type: str, cancel: str
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        apply_language(language)
        labels = _save_dialog_labels(parent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent)
        assert look_in in labels
        assert file_type in labels
        assert not any("Look in" in text or "Files of" in text for text in labels)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    finally:
        apply_language("en")


def test_switching_back_to_english_shows_qt_s_english_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    parent = QWidget()
    qtbot.addWidget(parent)
    apply_language("es")
    assert "&Ver en:" in _save_dialog_labels(parent)
    apply_language("en")
    labels = _save_dialog_labels(parent)
    assert "&Look in:" in labels
    assert all(labels)


@pytest.mark.parametrize("language", ["es", "fr", "pt", "ar", "de"])
@pytest.mark.parametrize("mode", list(QFileDialog.AcceptMode))
def test_every_file_dialog_label_keeps_a_mnemonic_of_its_own(
    qtbot, language: str, mode: QFileDialog.AcceptMode
) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter reaches each field of the translated file dialog, as it does in English,
    though Qt's catalog translates some labels only without their mnemonic."""
    from app.ui.language import apply_language, mnemonic_letter

    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        apply_language(language)
        labels = _save_dialog_labels(parent, mode)
    finally:
        apply_language("en")
    shown = [text for text in labels if mnemonic_letter(text) or text.endswith(":")]
    letters = [mnemonic_letter(text) for text in shown]
    assert len(shown) >= 4 and all(letters), labels  # three labels and the accept button
    assert len(set(letters)) == len(letters), labels
