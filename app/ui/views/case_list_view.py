"""The left pane: search box, "show closed" switch and the sortable case table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import CaseStatus, CaseSummary
from app.i18n import _, ngettext
from app.ui.accessibility import announce
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel, Column
from app.ui.style import Role, apply_role
from app.ui.table_rows import select_row
from app.ui.views.case_table import CaseTable


class CaseListView(QWidget):
    """Shows the proxy's rows; emits the selected CaseSummary (or None)."""

    current_case_changed = Signal(object)
    activated = Signal(object)  # Enter or double-click on a row
    # The search texts and column orders made in idle time (after the rows changed, or once
    # let go by hold_idle_work) are all made: preparing() is now False.
    idle_work_done = Signal()

    def __init__(
        self, model: CaseTableModel, proxy: CaseFilterProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy
        self._case_signal_held = False  # see same_case_kept
        self._chosen: CaseSummary | None = None  # the case last announced as chosen
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        # however narrow the window (a small screen at 200 %), a word or two typed stays in view
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().averageCharWidth() * 18)
        self.search_box.installEventFilter(self)  # Down goes on to the cases found
        self.search_box.textChanged.connect(proxy.set_search_text)
        self.search_box.textChanged.connect(lambda _text: self._choose_a_listed_case())
        # Once typing pauses, a screen reader hears how many cases the search leaves.
        self.match_timer = QTimer(self, singleShot=True, interval=700)
        self.match_timer.timeout.connect(self._announce_matches)
        self.search_box.textChanged.connect(lambda _text: self.match_timer.start())
        self.show_closed_box = QCheckBox()
        self.show_closed_box.toggled.connect(proxy.set_show_closed)
        self.show_closed_box.toggled.connect(self._on_show_closed_toggled)
        self.show_closed_box.toggled.connect(lambda _checked: self._choose_a_listed_case())
        # Ticked by the app to show one closed case (an imported final document): unticked
        # again when the user chooses an open case, unless the user toggled it meanwhile.
        self._closed_shown_for: CaseSummary | None = None
        self._revealing = False
        self.revealed_label = QLabel()
        apply_role(self.revealed_label, Role.HINT)
        self.revealed_label.setWordWrap(True)
        self.revealed_label.hide()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_box)
        self.no_match_label = QLabel()
        apply_role(self.no_match_label, Role.HINT)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        self.no_match_label.hide()

        self.table = CaseTable()
        self.table.setModel(proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The widths come before the sections sized by Qt (below): with one of those set, each
        # width given makes the header work out every section again first.
        for column, width in (
            (Column.UA_NUMBER, 64),
            (Column.COUNTRY, 96),
            (Column.PERSONS, 140),
            (Column.DEADLINE, 82),
            (Column.DAYS_LEFT, 118),
            (Column.APPEALS_SENT, 46),
        ):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        # The short count column fits its (translated) header, "Sent", "Enviada", "Envoyées"...,
        # and the longest count of the list: a width worked out here from the fonts, kept in
        # step as counts, language and fonts change (fit_sent_column). Sized by Qt to its
        # contents it read every row on screen, role by role, at each of the ten or so layouts
        # before the first paint (about 16 million instructions) and at every search key.
        self._sent_digits = 1  # of the longest count listed
        header.setSectionResizeMode(Column.APPEALS_SENT, QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self._count_sent_digits)
        model.dataChanged.connect(self._on_counts_changed)
        model.headerDataChanged.connect(lambda *_args: self.fit_sent_column())
        header.sortIndicatorChanged.connect(lambda *_args: self.fit_sent_column())
        # Other columns' contents measured (none now) read the rows on screen only: by default
        # Qt reads up to 1,000 rows on every layout change (each key in the search box), which
        # took a search key at 100,000 cases from 9 to 24 ms (bench/bench_search_sort.py).
        header.setResizeContentsPrecision(0)
        # No indicator: the list order (see app.services.cases.list_order); a third click on
        # a sorted column goes back to it.
        header.setSortIndicatorClearable(True)
        sorted_by = model.sort_column
        header.setSortIndicator(-1 if sorted_by is None else sorted_by, model.sort_order)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._select_current_row)
        self.table.activated.connect(self._on_activated)
        proxy.rowsInserted.connect(self._update_no_match)
        proxy.rowsRemoved.connect(self._update_no_match)
        proxy.modelReset.connect(self._update_no_match)
        proxy.layoutChanged.connect(self._update_no_match)
        # a narrow list keeps its titles readable: see _keep_title_readable
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)

        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.show_closed_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(bar)
        layout.addWidget(self.revealed_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match_label)
        self.setTabOrder(self.search_box, self.show_closed_box)
        self.setTabOrder(self.show_closed_box, self.table)
        # "Days left" moves on at midnight even when the app stays open for days.
        self.day_timer = QTimer(self, interval=30 * 60 * 1000)
        self.day_timer.timeout.connect(model.refresh_today)
        self.day_timer.start()
        model.idle_work_done.connect(self._on_idle_part_done)
        proxy.idle_work_done.connect(self._on_idle_part_done)
        self.retranslate_ui()
        self.fit_sent_column()  # (once in its place: measured before, it is styled twice)

    def hold_idle_work(self, held: bool) -> None:
        """Hold (or let go) the work done ahead of a search or a sort in idle time: folded
        texts and column orders are then made when first needed."""
        self.model.hold_idle_work(held)
        self.proxy.hold_idle_work(held)

    def preparing(self) -> bool:
        """True while search texts or sort orders are still being made in idle time."""
        return self.model.preparing() or self.proxy.preparing()

    def after_idle_work(self, then: Callable[[], None], at_most_ms: int = 10_000) -> None:
        """Call ``then`` once, when the texts and orders made in idle time are made
        (``idle_work_done``; at once if they are) or after ``at_most_ms``, whichever comes
        first: idle work held for good (a store that never opens) does not keep it waiting.

        Each column's order makes a sort key per case and drops them once sorted (100,000
        cases: about 12 MB at once); work that loads much Python for good (the store's engine,
        the letter templates) made meanwhile lands beside those keys, and the process keeps
        the memory they held. Started after them, it takes that memory again instead."""
        if not self.preparing():
            then()
            return
        limit = QTimer(self, singleShot=True, interval=at_most_ms)
        pending = [then]

        def once() -> None:
            if not pending:
                return
            limit.stop()
            limit.deleteLater()
            self.idle_work_done.disconnect(once)
            pending.pop()()

        limit.timeout.connect(once)
        self.idle_work_done.connect(once)
        limit.start()

    def _on_idle_part_done(self) -> None:
        if not self.preparing():  # the other part (texts or orders) may still be under way
            self.idle_work_done.emit()

    def fit_sent_column(self) -> None:
        """Size the "Sent" column to its header and its longest count (again after the header
        state is restored: a saved state brings back the sizing it was saved with)."""
        table, column = self.table, int(Column.APPEALS_SENT)
        header = table.horizontalHeader()
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Fixed:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        metrics = table.fontMetrics()
        digit = max(map(metrics.horizontalAdvance, "0123456789"))
        # A digit's width more for the cell's text margins (the style's focus frame margin and
        # a pixel, each side: 6 pixels in Qt's styles), and a pixel to spare. (The style is not
        # asked: naming QStyle loads its dozens of enums, millions of instructions.)
        cells = digit * (self._sent_digits + 1) + 2
        width = max(header.sectionSizeHint(column), cells)
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)

    def _count_sent_digits(self) -> None:
        self._sent_digits = len(str(self.model.most_appeals_sent()))
        self.fit_sent_column()

    def _on_counts_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if not top_left.column() <= Column.APPEALS_SENT <= bottom_right.column():
            return
        most = self.model.most_appeals_sent(top_left.row(), bottom_right.row() + 1)
        if len(str(most)) > self._sent_digits:  # (narrowed again when the list is read anew)
            self._sent_digits = len(str(most))
            self.fit_sent_column()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_sent_column()

    def retranslate_ui(self) -> None:
        self.search_label.setText(_("&Search:"))
        self.search_box.setPlaceholderText(_("Title, country, person, official or UA number"))
        self.search_box.setAccessibleName(_("Search cases"))
        self.search_box.setAccessibleDescription(
            _("Filters the case list as you type: title, country, person, official or UA number.")
        )
        self.show_closed_box.setText(_("Show c&losed cases"))  # Alt+C opens the Case menu
        self.show_closed_box.setAccessibleName(_("Show closed cases"))
        self.table.setAccessibleName(_("Cases"))
        self.table.setAccessibleDescription(_("Urgent Actions sorted by deadline."))
        self._update_no_match()
        self._update_revealed_label()

    # ---- "show closed" ticked for one closed case ------------------------------------------

    def show_closed_case(self, case: CaseSummary) -> None:
        """Make the closed ``case`` visible: tick "Show closed cases" if the user has not, and
        say so until an open case is chosen, which unticks it again."""
        if self.show_closed_box.isChecked() and self._closed_shown_for is None:
            return  # the user's own choice already shows it
        self._revealing = True
        try:
            self.show_closed_box.setChecked(True)
        finally:
            self._revealing = False
        self._closed_shown_for = case
        self._update_revealed_label()
        announce(self.revealed_label, self.revealed_label.text())

    def show_closed_chosen(self) -> bool:
        """Whether the user wants closed cases shown (not only ticked for one closed case)."""
        return self.show_closed_box.isChecked() and self._closed_shown_for is None

    def _on_show_closed_toggled(self, _checked: bool) -> None:
        if not self._revealing and self._closed_shown_for is not None:
            self._closed_shown_for = None  # the user's choice from now on
            self._update_revealed_label()

    def _hide_closed_again(self, chosen: CaseSummary) -> None:
        """An open case was chosen while closed cases were shown for one of them only."""
        self._closed_shown_for = None
        self._update_revealed_label()
        self._revealing = True
        try:
            with self.case_signal_held():
                self.show_closed_box.setChecked(False)
                self.select_case(chosen.case_id)
        finally:
            self._revealing = False

    def _update_revealed_label(self) -> None:
        case = self._closed_shown_for
        if case is not None:
            self.revealed_label.setText(
                _(
                    "UA {ua_number} is closed, so closed cases are shown for now; "
                    "choosing an open case hides them again."
                ).format(ua_number=case.ua_number)
            )
        self.revealed_label.setVisible(case is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Down in the search box moves the keyboard into the list, onto the chosen case."""
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._keep_title_readable()
            return False
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.proxy.rowCount() > 0
        ):
            if not self.table.selectionModel().hasSelection():
                self.select_row(0)
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def title_minimum(self) -> int:
        """The least room a title gets: about eighteen characters of the list's font."""
        return self.table.fontMetrics().averageCharWidth() * 18

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != Column.TITLE:  # the user widened another column
            self._keep_title_readable()

    def _keep_title_readable(self) -> None:
        """The title fills the room the other columns leave, but never less than
        ``title_minimum``: in a narrow window (the details pane beside it) it would shrink to
        a quotation mark and an ellipsis; the list scrolls sideways instead."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != Column.TITLE and not header.isSectionHidden(column)
        )
        room = self.table.viewport().width() - others
        least = self.title_minimum()
        stretched = header.sectionResizeMode(Column.TITLE) == QHeaderView.ResizeMode.Stretch
        if room >= least and not stretched:
            header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        elif room < least:
            if stretched:
                header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
            if header.sectionSize(Column.TITLE) < least:
                header.resizeSection(Column.TITLE, least)

    # ---- selection -----------------------------------------------------------------------

    def current_case(self) -> CaseSummary | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return self.proxy.case_at(index.row())

    def select_case(self, case_id: int) -> bool:
        row = self.proxy.proxy_row_of(case_id)
        if row < 0:
            return False
        self.select_row(row)
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.select_row(0)

    def select_row(self, row: int) -> None:
        """Select ``row`` of the list as it is shown (sorted and filtered)."""
        select_row(self.table, row)

    @contextmanager
    def same_case_kept(self) -> Iterator[None]:
        """Rows replaced by a fresher read of the same cases (the start-up preview by the whole
        list): the selection is made again inside the block, and ``current_case_changed`` is
        emitted at its end only if another case (or none) is then selected, so the details of
        the case still selected are not read and drawn again."""
        before = self.current_case()
        with self.case_signal_held():
            yield
        after = self.current_case()
        if _case_id(before) != _case_id(after):
            self.current_case_changed.emit(after)

    @contextmanager
    def case_signal_held(self) -> Iterator[None]:
        """Rows replaced and a case selected inside the block emit no ``current_case_changed``:
        the caller announces the case then selected when it chooses (``announce_current_case``)."""
        self._case_signal_held = True
        try:
            yield
        finally:
            self._case_signal_held = False

    def announce_current_case(self) -> None:
        """Emit ``current_case_changed`` for the case selected now (or None)."""
        self._emit_chosen(self.current_case())

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._case_signal_held:
            return
        rows = self.table.selectionModel().selectedRows()
        self._emit_chosen(self.proxy.case_at(rows[0].row()) if rows else None)

    def _emit_chosen(self, case: CaseSummary | None) -> None:
        """Emit ``current_case_changed`` for ``case``; an open case chosen while closed cases
        are shown for one closed case only hides them again first."""
        if (
            case is not None
            and self._closed_shown_for is not None
            and case.status is not CaseStatus.CLOSED
        ):
            self._hide_closed_again(case)
        self._chosen = case
        self.current_case_changed.emit(case)

    def _choose_a_listed_case(self) -> None:
        """The search or the "show closed" switch hid the chosen case: the first case the list
        shows is chosen instead (none when it shows none), so the details, "Write a letter" and
        "Mark as sent" never act on a case the list no longer shows."""
        if self._case_signal_held or self.table.selectionModel().hasSelection():
            return
        if self.proxy.rowCount() > 0:
            self.select_row(0)
        elif self._chosen is not None:
            self._emit_chosen(None)

    def _select_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Tabbing into the table makes a row current without selecting it: select it too,
        so the details always show the row the keyboard focus is on."""
        if current.isValid() and not self.table.selectionModel().isRowSelected(
            current.row(), QModelIndex()
        ):
            select_row(self.table, current.row())

    def _on_activated(self, index: QModelIndex) -> None:
        case = self.proxy.case_at(index.row())
        if case is not None:
            self.activated.emit(case)

    def _announce_matches(self) -> None:
        if not self.search_box.text().strip():
            return
        count = self.proxy.rowCount()
        if count == 0:
            text = _("No case matches your search.")
        else:
            text = ngettext(
                "{count} case matches your search.", "{count} cases match your search.", count
            ).format(count=count)
        announce(self.search_box, text)

    def _update_no_match(self, *_args: object) -> None:
        empty = self.proxy.rowCount() == 0 and self.model.rowCount() > 0
        if empty and self.proxy.search_text:
            self.no_match_label.setText(_("No case matches your search."))
        elif empty:
            self.no_match_label.setText(
                _('No open cases. Tick "Show closed cases" to see the closed ones.')
            )
        self.no_match_label.setVisible(empty)


def _case_id(case: CaseSummary | None) -> int | None:
    return None if case is None else case.case_id
