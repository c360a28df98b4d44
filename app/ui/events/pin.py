"""The organiser's PIN: chosen when event mode starts, asked before anyone can leave it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.accessibility import announce

MIN_PIN_LENGTH = 4


class PinLock:
    """Keeps only a salted hash of the PIN: the PIN itself is never written anywhere. The
    hash is kept in the data folder while event mode runs, so a crash cannot open it."""

    def __init__(self, pin: str) -> None:
        self._salt = secrets.token_bytes(16)
        self._digest = self._hash(pin)

    @classmethod
    def from_hash(cls, salt: bytes, digest: bytes) -> PinLock:
        """The lock of a PIN chosen earlier (event mode resumed after a crash)."""
        lock = cls.__new__(cls)
        lock._salt, lock._digest = salt, digest
        return lock

    @property
    def salt(self) -> bytes:
        return self._salt

    @property
    def digest(self) -> bytes:
        return self._digest

    def _hash(self, pin: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), self._salt, 50_000)

    def matches(self, pin: str) -> bool:
        return hmac.compare_digest(self._digest, self._hash(pin))


def pin_problem(pin: str, repeated: str) -> str | None:
    """Why a new PIN cannot be used, or None when it is fine."""
    if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
        return _("Choose a PIN of at least %(n)d digits.") % {"n": MIN_PIN_LENGTH}
    if pin != repeated:
        return _("The two PINs are not the same.")
    return None


class ChoosePinDialog(QDialog):
    """Asked of the organiser when event mode starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Organiser PIN"))
        self.pin_edit = _pin_edit()
        self.repeat_edit = _pin_edit()
        self.problem = QLabel()
        self.problem.setObjectName("pinProblem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("PIN:"), self.pin_edit)
        form.addRow(_("PIN again:"), self.repeat_edit)
        explain = QLabel(
            _(
                "Participants cannot leave event mode without this PIN. It is kept only "
                "until event mode ends."
            )
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problem = pin_problem(self.pin_edit.text(), self.repeat_edit.text())
        if problem:
            self.problem.setText(problem)
            announce(self.problem, problem, assertive=True)  # said even when it is the same
            return
        super().accept()

    def lock(self) -> PinLock:
        return PinLock(self.pin_edit.text())


class AskPinDialog(QDialog):
    """Asked before leaving event mode or opening the organiser's tools."""

    def __init__(self, lock: PinLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.setWindowTitle(_("Organiser PIN"))
        self.pin_edit = _pin_edit()
        self.problem = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        caption = QLabel(_("Enter the organiser PIN:"))
        caption.setBuddy(self.pin_edit)  # the field's spoken name
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self._lock.matches(self.pin_edit.text()):
            self.pin_edit.clear()
            self.problem.setText(_("That is not the organiser PIN."))
            announce(self.problem, self.problem.text(), assertive=True)
            return
        super().accept()


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(12)
    return edit
