"""When the group's database server cannot be opened: what went wrong, in the user's words,
with a way to try again or to correct the address, without restarting Appeal Desk.

The window shows ``ConnectionProblemPage`` in place of its case list while no store is open;
``ConnectionDialog`` edits the parts of the address a volunteer is told (server, port,
database, user name, password), and the corrected address is saved in the settings so the
next start uses it too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppealDeskError
from app.i18n import _, add_language_listener, remove_language_listener
from app.services.database import ServerAddress, server_address, with_server_address
from app.ui.accessibility import QuietStack
from app.ui.app_context import AppContext
from app.ui.style import Role, apply_role

if TYPE_CHECKING:
    from app.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432  # PostgreSQL's own, when the address names none


class ConnectionProblemPage(QWidget):
    """Why the group's database could not be opened, and the two ways on."""

    retry_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionProblem")
        self.heading = QLabel()
        apply_role(self.heading, Role.EMPTY_HEADING)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.setDefault(True)
        self.settings_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("The group's database could not be opened"))
        self.retry_button.setText(_("&Try again"))
        self.settings_button.setText(_("&Connection settings…"))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.retry_button.setFocus()


class ConnectionDialog(QDialog):
    """The server's address in parts; ``address()`` is what the user typed."""

    def __init__(
        self, address: ServerAddress, kept_for: str = "", parent: QWidget | None = None
    ) -> None:
        """``kept_for``: when the corrected address is used (``where_kept``)."""
        super().__init__(parent)
        self.setWindowTitle(_("Connection settings"))
        self.setMinimumWidth(440)
        self.host = QLineEdit(address.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port or DEFAULT_PORT)
        self.database = QLineEdit(address.database)
        self.user = QLineEdit(address.user)
        self.password = QLineEdit(address.password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        explanation = QLabel(
            _(
                "The address of the group's database, as whoever set up the server gave it. "
                "It is saved in this computer's settings."
            )
        )
        explanation.setWordWrap(True)
        self.kept_for = QLabel(kept_for)
        self.kept_for.setObjectName("keptFor")
        self.kept_for.setWordWrap(True)
        self.kept_for.setVisible(bool(kept_for))
        form = QFormLayout()
        form.addRow(_("&Server:"), self.host)
        form.addRow(_("&Port:"), self.port)
        form.addRow(_("&Database:"), self.database)
        form.addRow(_("&User name:"), self.user)
        form.addRow(_("Pass&word:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.kept_for)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password.setFocus()

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )


def where_kept(settings: Settings, in_use: str) -> str:
    """When a correction of ``in_use`` will be used, if not from every start on: a start
    without an address keeps opening the database the settings name."""
    from app.settings import address_kept_apart

    kept_apart = address_kept_apart(settings, in_use)
    if kept_apart is None:
        return ""
    saved = server_address(kept_apart)
    if saved is None:  # a SQLite file named in the settings
        kept = kept_apart
    else:
        server = f"{saved.host}:{saved.port}" if saved.port else saved.host
        kept = f"{saved.database} ({server})"
    return _(
        "The correction is used whenever Appeal Desk is started with the address it "
        "corrects. Started without an address, Appeal Desk still opens {database}, as "
        "before."
    ).format(database=kept)


class ConnectionProblem(QObject):
    """Shows ``ConnectionProblemPage`` among the window's ``pages`` while the server's store
    cannot be opened; Try again calls ``retry``, and so does a corrected address (saved in
    the settings first)."""

    def __init__(
        self,
        context: AppContext,
        pages: QuietStack,
        retry: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._pages = pages
        self._retry = retry
        self._parent = parent
        self.page = ConnectionProblemPage()
        pages.addWidget(self.page)
        self.page.retry_requested.connect(retry)
        self.page.settings_requested.connect(self.edit_address)
        self.dialog: ConnectionDialog | None = None
        add_language_listener(self._on_language_changed)
        self.destroyed.connect(lambda *_a: remove_language_listener(self._on_language_changed))

    def _on_language_changed(self, _locale: str) -> None:
        self.page.retranslate_ui()

    def show_failure(self, error: BaseException) -> None:
        """Say why the store could not be opened (the log has the server's own words)."""
        from app.ui.errors import error_text, unexpected_error_text

        if isinstance(error, AppealDeskError):
            text = error_text(error)
        else:
            log.error("the server's store could not be opened", exc_info=error)
            text = unexpected_error_text()
        self.page.show_problem(text)
        self._pages.setCurrentWidget(self.page)

    def edit_address(self) -> None:
        """Connection settings: the address in parts; Connect saves it and tries again."""
        url = self._context.database_url
        address = server_address(url)
        if url is None or address is None:
            return
        dialog = ConnectionDialog(address, where_kept(self._context.settings, url), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._use_address(dialog.address()))
        dialog.destroyed.connect(lambda *_a: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _use_address(self, address: ServerAddress) -> None:
        from app.settings import corrected_address, save_settings
        from app.ui.errors import report_failure

        url = self._context.database_url
        assert url is not None  # only a server's store has a connection problem
        corrected = with_server_address(url, address)
        settings = corrected_address(self._context.settings, url, corrected)
        try:
            save_settings(self._context.paths, settings)
        except Exception as error:
            report_failure(self._parent, _("Settings not saved"), error)
            return
        log.info("the server's address was corrected; opening the store again")
        self._context.set_settings(settings)
        self._context.database_url = corrected
        self._retry()
