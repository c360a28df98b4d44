"""Help > About: version, licence, where the data and logs live, and that samples are fictional."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.i18n import _
from app.paths import AppPaths
from app.ui.app_icon import app_icon
from app.ui.style import Role, apply_role

LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


class AboutDialog(QDialog):
    """Non-modal; the paths are selectable text, with buttons to open each folder."""

    def __init__(
        self,
        paths: AppPaths,
        parent: QWidget | None = None,
        copy_diagnostics: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.icon_label = QLabel()
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        self.title_label = QLabel()
        apply_role(self.title_label, Role.DIALOG_HEADING)
        self.version_label = QLabel()
        self.purpose_label = QLabel()
        self.purpose_label.setWordWrap(True)
        self.licence_label = QLabel()
        self.licence_label.setWordWrap(True)
        self.licence_label.setOpenExternalLinks(True)
        self.licence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.samples_label = QLabel()
        self.samples_label.setWordWrap(True)
        self.data_caption, self.log_caption = QLabel(), QLabel()
        self.data_path = self._path_label(str(paths.data_dir))
        self.log_path = self._path_label(str(paths.log_dir))
        self.open_data_button = QPushButton()
        self.open_data_button.clicked.connect(lambda: self._open_folder(str(paths.data_dir)))
        self.open_log_button = QPushButton()
        self.open_log_button.clicked.connect(lambda: self._open_folder(str(paths.log_dir)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.diagnostics_button = QPushButton()
        self.diagnostics_button.setAutoDefault(False)
        self.diagnostics_button.setVisible(copy_diagnostics is not None)
        if copy_diagnostics is not None:
            self.buttons.addButton(self.diagnostics_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.diagnostics_button.clicked.connect(copy_diagnostics)

        header = QHBoxLayout()
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.version_label)
        titles.addWidget(self.purpose_label)
        header.addLayout(titles, 1)
        places = QFormLayout()
        for caption, path, button in (
            (self.data_caption, self.data_path, self.open_data_button),
            (self.log_caption, self.log_path, self.open_log_button),
        ):
            row = QHBoxLayout()
            row.addWidget(path, 1)
            row.addWidget(button)
            places.addRow(caption, row)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(8)
        for label in (self.licence_label, self.samples_label):
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addLayout(places)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.setWindowIcon(app_icon())
        self.retranslate_ui()

    @staticmethod
    def _path_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return label

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("About Appeal Desk"))
        self.title_label.setText(_("Appeal Desk"))
        self.version_label.setText(_("Version {version}").format(version=__version__))
        self.purpose_label.setText(
            _("Write, print, send and track appeal letters for Urgent Actions.")
        )
        self.licence_label.setText(
            _(
                'Free software under the <a href="{url}">GNU General Public Licence, version 3 '
                "or later</a> (GPL-3.0-or-later). You may share and change it under its terms."
            ).format(url=LICENCE_URL)
        )
        self.samples_label.setText(
            _(
                "The sample cases are fictional: their people, officials and places are invented "
                "for practice. Real Urgent Actions come from Amnesty International."
            )
        )
        self.data_caption.setText(_("Your data:"))
        self.log_caption.setText(_("Log files:"))
        self.data_caption.setBuddy(self.data_path)
        self.log_caption.setBuddy(self.log_path)
        # The folders speak their own paths (a name would replace the text); the captions
        # before them say what they are.
        self.data_path.setAccessibleDescription(_("Data folder"))
        self.log_path.setAccessibleDescription(_("Log folder"))
        self.open_data_button.setText(_("Open folder"))
        self.open_data_button.setAccessibleDescription(_("Open the data folder"))
        self.open_log_button.setText(_("Open folder"))
        self.open_log_button.setAccessibleDescription(_("Open the log folder"))
        self.diagnostics_button.setText(_("Copy &diagnostic info"))
        self.diagnostics_button.setAccessibleDescription(_("Copy diagnostic info for a bug report"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setAccessibleName(_("Close"))
        self.icon_label.setAccessibleName(_("Appeal Desk icon"))

    def _open_folder(self, folder: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


def show_about(
    parent: QWidget | None, paths: AppPaths, copy_diagnostics: Callable[[], object] | None = None
) -> AboutDialog:
    """Open the About dialog (non-blocking) and return it."""
    dialog = AboutDialog(paths, parent, copy_diagnostics)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
