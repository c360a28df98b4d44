"""One place for message boxes, so every question and notice can be replaced in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Messages:
    """Modal notices and questions; tests monkeypatch these static methods (no click needed)."""

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    @staticmethod
    def ask(parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; True when the user said yes."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
