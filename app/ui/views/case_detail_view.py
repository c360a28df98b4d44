"""The right pane: one case's header, actions and details (or a hint when nothing is selected)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import CaseStatus
from app.i18n import _
from app.services.country_names import shown_country_name
from app.ui.accessibility import QuietStack, readable_by_keyboard
from app.ui.formatting import days_left_text, format_date, interface_mark, isolated
from app.ui.style import Role, apply_role

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from app.domain.model import CaseDetail


class CasePage(QWidget):
    """Page 1 of the pane: the case's heading, banners, actions and details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ua_label = QLabel()
        self.ua_label.setTextFormat(Qt.TextFormat.PlainText)
        apply_role(self.ua_label, Role.CASE_KICKER)
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # document text, never markup
        apply_role(self.title_label, Role.CASE_TITLE)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample_banner = QLabel()
        apply_role(self.sample_banner, Role.SAMPLE_BANNER)
        self.sample_banner.setWordWrap(True)
        self.closed_banner = QLabel()
        apply_role(self.closed_banner, Role.CLOSED_BANNER)
        self.closed_banner.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        apply_role(self.facts_label, Role.CASE_FACTS)
        self.facts_label.setWordWrap(True)
        self.letter_button = QPushButton()
        apply_role(self.letter_button, Role.PRIMARY_BUTTON)
        self.mark_sent_button = QPushButton()
        self.original_button = QPushButton()
        self.body = QTextBrowser()
        # a pane made narrow wraps the buttons and headings onto more lines: the story gives up
        # its room first, down to three lines, and scrolls
        self.body.setMinimumHeight(3 * self.body.fontMetrics().lineSpacing() + 20)
        self.body.setOpenExternalLinks(False)
        self.body.setObjectName("caseBody")
        # A caret in the details: arrow keys read them line by line, and the headings (h2)
        # split them into parts; without it the arrows only scroll, silently.
        readable_by_keyboard(self.body)
        self.body.document().setDefaultStyleSheet(
            "h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; } p { margin-top: 2px; }"
            " th { font-weight: 600; }"
        )
        self.body.document().setDocumentMargin(10)

        # the buttons wrap onto a second row in a narrow pane rather than widen the window (the
        # layout's module loads with this page, after the first frame: it names QStyle, whose
        # Python enums PySide6 makes when the class is first imported)
        from app.ui.wrapping_row import WrappingRowLayout

        buttons = WrappingRowLayout()
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.mark_sent_button)
        buttons.addWidget(self.original_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 10, 8)
        layout.addWidget(self.ua_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.sample_banner)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.facts_label)
        layout.addLayout(buttons)
        layout.addWidget(self.body, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.sample_banner.setText(
            _("Fictional sample - not a real case. Practise with it; do not send these letters.")
        )
        self.sample_banner.setAccessibleName(_("Fictional sample - not a real case"))
        self.closed_banner.setText(
            _(
                "Closed: the UA asks for no further action. Read its final output below; your appeals stay in your history."
            )
        )
        self.letter_button.setText(_("&Write a letter…"))
        self.letter_button.setAccessibleDescription(_("Write a letter"))
        self.letter_button.setToolTip(
            _("Write a letter to an official named in this case (Ctrl+L)")
        )
        self.mark_sent_button.setText(_("&Mark as sent…"))  # Alt+S is the search box
        self.mark_sent_button.setAccessibleDescription(_("Mark an appeal as sent"))
        self.mark_sent_button.setToolTip(_("Record that you sent an appeal for this case (Ctrl+M)"))
        self.original_button.setText(_("Open &original"))
        self.original_button.setAccessibleDescription(_("Open the original document"))
        self.original_button.setToolTip(
            _("Open the document this case was imported from, as it was imported")
        )
        self.body.setAccessibleName(_("Case details"))

    def fill(self, case: CaseDetail) -> None:
        """Show ``case``: its heading, banners, facts, actions and details."""
        status = _("Closed") if case.status == CaseStatus.CLOSED else _("Open")
        self.ua_label.setText(
            _("UA {ua_number} \u00b7 {status}").format(ua_number=case.ua_number, status=status)
        )
        self.title_label.setText(case.title)
        self.sample_banner.setVisible(case.is_sample)
        self.closed_banner.setVisible(case.status == CaseStatus.CLOSED)
        facts = [isolated(shown_country_name(case.country))] if case.country else []
        if case.deadline is not None and case.status != CaseStatus.CLOSED:  # nothing to act on
            facts.append(_("Act before {date}").format(date=format_date(case.deadline, long=True)))
        facts.append(days_left_text(case.deadline, case.status, date.today()))
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.facts_label.setText(interface_mark(right_to_left) + " \u00b7 ".join(facts))
        has_targets = bool(case.targets)
        self.letter_button.setEnabled(has_targets)
        self.mark_sent_button.setEnabled(has_targets)
        scroll = self.body.verticalScrollBar().value()
        from app.ui.views.case_detail_html import case_detail_html  # once a case is shown

        self.body.setHtml(case_detail_html(case))
        self.body.verticalScrollBar().setValue(
            scroll if self.body.property("ua") == case.ua_number else 0
        )
        self.body.setProperty("ua", case.ua_number)
        self.body.setAccessibleName(_("Details of UA {ua_number}").format(ua_number=case.ua_number))


class _PageScroll(QScrollArea):
    """The case page, scrolled up and down when the pane is shorter than its wrapped lines."""

    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's own widgets take the focus
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(page)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the page can be beside a scroll bar (its widest button stays whole), and
        as tall as the page with one line a label: longer wrapped lines scroll."""
        page = self.widget()
        if page is None:
            return super().minimumSizeHint()
        # Named here, once the page is made (after the first frame): PySide6 makes the Python
        # enums of QStyle, dozens of them, when a module first takes the class.
        from PySide6.QtWidgets import QStyle

        hint = page.minimumSizeHint().expandedTo(page.minimumSize())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(hint.width() + bar, hint.height())


class CaseDetailView(QuietStack):
    """Page 0: "select a case"; page 1: the case.

    The case page is not on the first screen (the hint is, until the store opens), so it is
    built just after the pane's first paint, or earlier when a case is shown or
    :meth:`case_page` is asked for: its text browser, buttons and banners (the banners carry a
    style sheet each) then cost the first screen nothing. The pane's own interface is the
    three ``..._requested`` signals, :meth:`show_case` and :attr:`case`."""

    write_letter_requested = Signal()
    mark_sent_requested = Signal()
    open_original_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case: CaseDetail | None = None
        self._waiting = False  # a case is selected, the store not open yet
        self._page: CasePage | None = None
        self._page_planned = False
        self.placeholder = QLabel()
        apply_role(self.placeholder, Role.HINT)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)
        self.retranslate_ui()

    def case_page(self) -> CasePage:
        """The case page (heading, banners, buttons, details), built now if it was not yet.

        The widgets a case shows live there, e.g. ``view.case_page().body``."""
        if self._page is None:
            page = CasePage()
            page.letter_button.clicked.connect(self.write_letter_requested)
            page.mark_sent_button.clicked.connect(self.mark_sent_requested)
            page.original_button.clicked.connect(self.open_original_requested)
            # a pane made small scrolls the page: its wrapped heading and rows of buttons never
            # sit under the story, and the window's minimum height stays small
            self.addWidget(_PageScroll(page))
            self._page = page
        return self._page

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._page is None and not self._page_planned:  # once the first frame is out
            self._page_planned = True
            QTimer.singleShot(0, self.case_page)

    @property
    def case(self) -> CaseDetail | None:
        return self._case

    def show_case(self, case: CaseDetail | None, *, waiting: bool = False) -> None:
        """``case``'s details; none: a hint, which says the cases are still opening when
        ``waiting`` (a case is selected but the store is not open yet)."""
        self._case = case
        if case is None:
            self._waiting = waiting
            self._set_placeholder_text()
            self.setCurrentIndex(0)
            return
        self.case_page().fill(case)
        self.setCurrentIndex(1)

    def _set_placeholder_text(self) -> None:
        opening = self._waiting
        text = _("Opening your cases…") if opening else _("Select a case to see its details.")
        self.placeholder.setText(text)

    def retranslate_ui(self) -> None:
        self._set_placeholder_text()
        if self._page is not None:  # a case is shown only on a built page
            self._page.retranslate_ui()
            if self._case is not None:
                self._page.fill(self._case)
