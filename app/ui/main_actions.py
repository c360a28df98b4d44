"""The main window's actions, menus and toolbar, with shortcuts and translated labels.

The menu bar is whole from the first frame: the Edit and Events menus are here with their
titles, and the pieces that own their entries fill them (``EditActions``, ``EventsMenu``).
The keyboard shortcuts come just after the first frame (``give_shortcuts``), which shows none
of them: PySide6 makes the Python side of ``QKeySequence`` (its enums) on its first use, about
5 M instructions that the first screen need not wait for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.i18n import _, pgettext
from app.ui.style import Role, apply_role

HELP_TEXT = "shortcutHelpText"  # an action property: what Help > Keyboard shortcuts calls it


class MainActions:
    """Every action of the main window; triggered signals are connected by the window.

    A plain class that makes its actions and menus itself, not a dataclass: the methods a
    dataclass generates for 27 fields (none of them used) cost start-up about 7 M
    instructions."""

    import_files: QAction
    paste_import: QAction
    load_samples: QAction
    labels: QAction
    report: QAction
    envelopes: QAction
    settings: QAction
    backups: QAction
    quit: QAction
    find: QAction
    show_closed: QAction
    write_letter: QAction
    mark_sent: QAction
    history: QAction
    next_case: QAction
    previous_case: QAction
    write_today: QAction
    shortcuts: QAction
    copy_diagnostics: QAction
    about: QAction
    file_menu: QMenu
    edit_menu: QMenu  # filled by EditActions
    case_menu: QMenu
    events_menu: QMenu  # filled by EventsMenu
    view_menu: QMenu
    help_menu: QMenu
    toolbar: QToolBar

    def __init__(self, window: QMainWindow) -> None:
        # Each action's keys until ``give_shortcuts``: as written ("Ctrl+I"), or the name of
        # a ``QKeySequence.StandardKey`` (the platform's own keys) after ``standard``.
        self._keys_to_give: list[tuple[QAction, str, bool]] | None = []
        self._tips: dict[QAction, str] = {}  # each action's tooltip, without its keys

        def action(
            keys: str | None = None, standard: str | None = None, checkable: bool = False
        ) -> QAction:
            created = QAction(window)
            waiting = self._keys_to_give
            if keys is not None and waiting is not None:
                waiting.append((created, keys, False))
            if standard is not None and waiting is not None:
                waiting.append((created, standard, True))
            created.setCheckable(checkable)
            return created

        menu_bar = window.menuBar()
        self.toolbar = toolbar = QToolBar(window)
        apply_role(toolbar, Role.MAIN_TOOLBAR)
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(toolbar)
        self.import_files = action("Ctrl+I")
        self.paste_import = action("Ctrl+Shift+V")
        self.load_samples = action()
        self.labels = action()
        self.report = action()
        self.envelopes = action()
        self.settings = action("Ctrl+,")
        self.backups = action()
        self.quit = action(standard="Quit")
        self.find = action("Ctrl+F")
        self.show_closed = action("Ctrl+Shift+C", checkable=True)
        self.write_letter = action("Ctrl+L")
        self.mark_sent = action("Ctrl+M")
        self.history = action("Ctrl+H")
        self.next_case = action("Ctrl+Down")
        self.previous_case = action("Ctrl+Up")
        self.write_today = action("Ctrl+T")
        self.shortcuts = action(standard="HelpContents")
        self.copy_diagnostics = action()
        self.about = action()
        self.file_menu = menu_bar.addMenu("")
        self.edit_menu = menu_bar.addMenu("")
        self.case_menu = menu_bar.addMenu("")
        self.events_menu = menu_bar.addMenu("")
        self.view_menu = menu_bar.addMenu("")
        self.help_menu = menu_bar.addMenu("")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.file_menu.addActions([self.import_files, self.paste_import, self.load_samples])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.envelopes, self.labels, self.report])
        self.file_menu.addSeparator()
        self.backups.setObjectName("backupsAction")
        self.file_menu.addActions([self.backups, self.settings])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.case_menu.addActions([self.find, self.show_closed])
        self.case_menu.addSeparator()
        self.case_menu.addActions([self.write_letter, self.mark_sent, self.history])
        self.case_menu.addSeparator()
        self.case_menu.addActions([self.next_case, self.previous_case])
        self.view_menu.addAction(self.write_today)
        self.help_menu.addActions([self.shortcuts, self.copy_diagnostics])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)
        toolbar.addActions([self.import_files, self.write_letter, self.mark_sent, self.history])
        toolbar.addSeparator()
        toolbar.addAction(self.settings)
        self.retranslate_ui()

    def give_shortcuts(self) -> None:
        """Give the actions their keyboard shortcuts, and name them in their tooltips (once;
        the window does it just after its first frame, or at a command that comes before)."""
        waiting, self._keys_to_give = self._keys_to_give, None
        if waiting is None:
            return
        from PySide6.QtGui import QKeySequence

        for qaction, keys, standard in waiting:
            if standard:
                qaction.setShortcut(QKeySequence(getattr(QKeySequence.StandardKey, keys)))
            else:
                qaction.setShortcut(QKeySequence(keys))
        self._show_tips()

    def _show_tips(self) -> None:
        """Each tooltip with the action's keys once it has them ("Move to the search box
        (Ctrl+F)")."""
        if self._keys_to_give is not None:  # no keys yet: the tips alone
            for qaction, tip in self._tips.items():
                qaction.setToolTip(tip)
            return
        from PySide6.QtGui import QKeySequence

        native = QKeySequence.SequenceFormat.NativeText
        for qaction, tip in self._tips.items():
            shortcut = qaction.shortcut().toString(native)
            qaction.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(pgettext("menu", "&File"))
        self.edit_menu.setTitle(pgettext("menu", "&Edit"))
        self.case_menu.setTitle(pgettext("menu", "&Case"))
        # Alt+E is the Edit menu's, as in every desktop application.
        self.events_menu.setTitle(pgettext("menu", "Even&ts"))
        self.view_menu.setTitle(pgettext("menu", "&View"))
        self.help_menu.setTitle(pgettext("menu", "&Help"))
        self.toolbar.setWindowTitle(_("Main toolbar"))
        labels = (
            (
                self.import_files,
                _("&Import…"),
                _("Import Urgent Action documents (text, Markdown or PDF)"),
            ),
            (
                self.paste_import,
                _("&Paste an Urgent Action"),
                _("Import a UA copied from an email or a web page"),
            ),
            (
                self.envelopes,
                _("&Envelopes for the listed cases…"),
                _("One envelope PDF for every official of the cases in the list"),
            ),
            (
                self.report,
                _("&Report for your section…"),
                _("Letters sent per UA and channel, without names, as CSV or on paper"),
            ),
            (
                self.labels,
                _("Address &labels for the listed cases…"),
                _("A sheet of address labels for every official of the cases in the list"),
            ),
            (
                self.load_samples,
                _("Open the &fictional sample pack"),
                _("Add invented cases to practise with"),
            ),
            (self.settings, _("&Settings…"), _("Your sender details, page size and language")),
            (
                self.write_today,
                _("&Write today…"),
                _("Open cases by the last day to post, with advice when post is too slow"),
            ),
            (
                self.copy_diagnostics,
                _("Copy &diagnostic info"),
                _("Copy versions and settings for a bug report (no personal data)"),
            ),
            (self.quit, _("&Quit"), _("Close Appeal Desk")),
            (self.find, _("&Find a case"), _("Move to the search box")),
            (
                self.show_closed,
                _("Show &closed cases"),
                _("Also list cases that need no more action"),
            ),
            (self.write_letter, _("&Write a letter…"), _("Write a letter for the selected case")),
            (
                self.mark_sent,
                _("&Mark as sent…"),
                _("Record an appeal you sent for the selected case"),
            ),
            (
                self.history,
                _("Appeal &history…"),
                _("Every appeal you recorded, with its letter and replies"),
            ),
            (self.next_case, _("&Next case"), _("Select the next case in the list")),
            (self.previous_case, _("&Previous case"), _("Select the previous case in the list")),
            (self.shortcuts, _("&Keyboard shortcuts"), _("List the keyboard shortcuts")),
            (self.about, _("&About Appeal Desk"), _("Version, licence and where your data lives")),
        )
        self.backups.setText(_("&Backups…"))
        for qaction, text, tip in labels:
            qaction.setText(text)
            qaction.setStatusTip(tip)
            self._tips[qaction] = tip
        self._show_tips()
        self.import_files.setIconText(_("Import"))
        self.write_letter.setIconText(_("Write a letter"))
        self.mark_sent.setIconText(_("Mark as sent"))
        self.history.setIconText(_("History"))
        self.settings.setIconText(_("Settings"))

    def set_store_actions_enabled(self, enabled: bool) -> None:
        """Everything that needs the store; Backups, Settings, Help and Quit always work."""
        for qaction in (
            self.import_files,
            self.paste_import,
            self.load_samples,
            self.labels,
            self.envelopes,
            self.report,
            self.write_letter,
            self.mark_sent,
            self.history,
            self.next_case,
            self.previous_case,
            self.write_today,
        ):
            qaction.setEnabled(enabled)
