"""Save dialogs and the paper size, shared by the letter editor and the batch outputs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QWidget

from app.settings import Settings


def ask_save_path(
    parent: QWidget | None, title: str, name: str, suffix: str, filter_text: str
) -> Path | None:
    """The save dialog; the chosen name gets ``suffix`` when the user left it off."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, name, filter_text)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def paper_size(settings: Settings) -> str:
    """The user's choice, else the paper of the system locale's region (Letter in the US)."""
    if settings.page_size:
        return settings.page_size
    from app.output.letter_layout import default_page_size

    parts = QLocale.system().name().split("_")
    return default_page_size(parts[-1] if len(parts) > 1 else None)
