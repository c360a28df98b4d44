"""Save dialogs, shared by the letter editor and the batch outputs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(
    parent: QWidget | None, title: str, name: str, suffix: str, filter_text: str
) -> Path | None:
    """The save dialog; the chosen name gets ``suffix`` when the user left it off."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, name, filter_text)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)
