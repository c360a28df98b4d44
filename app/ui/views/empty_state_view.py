"""The first-run page: what Urgent Actions are, and the two ways to get started."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.style import Role, apply_role


class EmptyStateContent:
    """The page's heading, explanation and buttons, laid out on ``page``."""

    def __init__(self, page: EmptyStateView) -> None:
        self.heading = QLabel()
        apply_role(self.heading, Role.EMPTY_HEADING)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.import_button = QPushButton()
        apply_role(self.import_button, Role.PRIMARY_BUTTON)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(page.import_requested)
        self.samples_button = QPushButton()
        self.samples_button.clicked.connect(page.samples_requested)
        self.paste_button = QPushButton()
        self.paste_button.setFlat(True)
        self.paste_button.clicked.connect(page.paste_requested)
        self.samples_note = QLabel()
        apply_role(self.samples_note, Role.HINT)
        self.samples_note.setWordWrap(True)
        self.samples_note.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        card = QWidget()
        card.setMaximumWidth(600)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.heading)
        card_layout.addSpacing(8)
        card_layout.addWidget(self.explanation)
        card_layout.addSpacing(20)
        for button in (self.import_button, self.samples_button):
            button.setMinimumHeight(38)
            card_layout.addWidget(button)
        card_layout.addWidget(self.paste_button)
        card_layout.addSpacing(6)
        card_layout.addWidget(self.samples_note)
        outer = QHBoxLayout()
        outer.addStretch(1)
        outer.addWidget(card, 4)
        outer.addStretch(1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addStretch(2)
        layout.addLayout(outer)
        layout.addStretch(3)
        # In a window made small the page scrolls instead of cutting the explanation off
        # mid-line (a wrapped label's height does not reach the window's minimum size).
        self.scroll = QScrollArea()
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons; they scroll
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.scroll)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("No Urgent Actions yet"))
        self.explanation.setText(
            _(
                "Amnesty sections send Urgent Actions to their members by email and publish them "
                "on their websites. Save one as a text, Markdown or PDF file, then import it here "
                "or drag it onto this window. Appeal Desk lists its deadline, the officials to "
                "write to and a model letter."
            )
        )
        self.import_button.setText(_("Import an Urgent Action document…"))
        self.import_button.setAccessibleDescription(_("Import an Urgent Action document"))
        self.samples_button.setText(_("Open the fictional sample pack to practise"))
        self.paste_button.setText(_("…or paste a UA you copied from an email or a web page"))
        self.paste_button.setAccessibleDescription(_("Paste an Urgent Action from the clipboard"))
        self.samples_note.setText(
            _(
                "The sample cases are invented for practice; they are marked as fictional everywhere."
            )
        )
        self.fit_width()

    def fit_width(self) -> None:
        """The page is as wide as its words and buttons need (the scroll area would hide
        them); measured again when it is shown, once the style has set its fonts."""
        inner = self.scroll.widget()
        layout = inner.layout() if inner is not None else None
        if inner is None or layout is None:
            return
        layout.activate()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(inner.minimumSizeHint().width() + bar)


class EmptyStateView(QWidget):
    """Shown while the store holds no case at all.

    Most starts show cases, not this page: its widgets are made when it is first shown (or
    :meth:`content` is asked for), so the first screen of a store with cases does not wait for
    them. The page's own interface is the three ``..._requested`` signals; its widgets are
    reached through :meth:`content`, e.g. ``page.content().import_button``."""

    import_requested = Signal()
    samples_requested = Signal()
    paste_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._content: EmptyStateContent | None = None

    def content(self) -> EmptyStateContent:
        """The page's widgets, made now if they were not yet."""
        if self._content is None:
            self._content = EmptyStateContent(self)
        return self._content

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        if visible:
            self.content()  # made while still hidden: shown with the page, in one layout
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._content is not None:
            self._content.fit_width()

    def retranslate_ui(self) -> None:
        if self._content is not None:
            self._content.retranslate_ui()
