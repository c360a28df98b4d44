"""The "Write today" queue as a read-only table model over immutable QueueItem rows."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _, ngettext, pgettext
from app.services.country_names import shown_country_name
from app.services.urgency import Advice, Alternative, QueueItem
from app.ui.formatting import format_date, sample_label
from app.ui.plain_text import plain_tooltip

QUEUE_ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class QueueColumn(IntEnum):
    UA_NUMBER = 0
    TITLE = 1
    COUNTRY = 2
    DEADLINE = 3
    POST_BY = 4
    ADVICE = 5
    SENT = 6


def region_label(key: str | None) -> str:
    labels = {
        "europe": pgettext("region", "Europe"),
        "caucasus_central_asia": pgettext("region", "Caucasus and Central Asia"),
        "north_america": pgettext("region", "North America"),
        "latin_america_caribbean": pgettext("region", "Latin America and the Caribbean"),
        "middle_east_north_africa": pgettext("region", "Middle East and North Africa"),
        "sub_saharan_africa": pgettext("region", "Sub-Saharan Africa"),
        "asia": pgettext("region", "South, East and South-East Asia"),
        "oceania": pgettext("region", "Oceania"),
    }
    if key is None:
        return pgettext("region", "Unknown region")
    return labels.get(key, key.replace("_", " ").capitalize())


def short_advice(item: QueueItem) -> str:
    """A few words for the table cell; the full sentence is in ``advice_sentence``."""
    if item.advice is Advice.POST:
        if item.days_to_post == 0:
            return _("Post today")
        days = item.days_to_post or 0
        return ngettext("Post within %(count)d day", "Post within %(count)d days", days) % {
            "count": days
        }
    if item.advice is Advice.TOO_LATE_FOR_POST:
        return _("Too late for post")
    if item.advice is Advice.DEADLINE_PASSED:
        return _("Deadline passed")
    return _("No deadline")


def advice_sentence(item: QueueItem) -> str:
    """What to do, in a whole sentence (read by screen readers and shown under the table)."""
    if item.advice is Advice.POST and item.region is None:  # no region to name mid-sentence
        return ngettext(
            "Post your letter by {date}: airmail abroad takes about {count} day.",
            "Post your letter by {date}: airmail abroad takes about {count} days.",
            item.transit_days,
        ).format(date=format_date(item.post_by, long=True), count=item.transit_days)
    if item.advice is Advice.POST:
        return ngettext(
            "Post your letter by {date}: airmail to {region} takes about {count} day.",
            "Post your letter by {date}: airmail to {region} takes about {count} days.",
            item.transit_days,
        ).format(
            date=format_date(item.post_by, long=True),
            region=region_label(item.region),
            count=item.transit_days,
        )
    if item.advice is Advice.TOO_LATE_FOR_POST:
        ways = set(item.alternatives)
        if {Alternative.EMAIL, Alternative.FAX} <= ways:
            return _(
                "A posted letter would arrive after the deadline. Send it by email or fax "
                "today, or take a copy to the embassy of {country}."
            ).format(country=shown_country_name(item.case.country))
        if Alternative.EMAIL in ways:
            return _(
                "A posted letter would arrive after the deadline. Send it by email today, "
                "or take a copy to the embassy of {country}."
            ).format(country=shown_country_name(item.case.country))
        if Alternative.FAX in ways:
            return _(
                "A posted letter would arrive after the deadline. Send it by fax today, "
                "or take a copy to the embassy of {country}."
            ).format(country=shown_country_name(item.case.country))
        return _(
            "A posted letter would arrive after the deadline. Send a copy to the embassy of "
            "{country} in your country instead."
        ).format(country=shown_country_name(item.case.country))
    if item.advice is Advice.DEADLINE_PASSED:
        return _("The deadline has passed. Check for an update on this case before you write.")
    return _("This case gives no deadline: write when you can.")


class WriteTodayModel(QAbstractTableModel):
    """Rows in queue order (the service sorts by urgency); no sorting in the view."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[QueueItem] = []

    def set_items(self, items: Sequence[QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[QueueItem]:
        return list(self._items)

    def item_at(self, row: int) -> QueueItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QueueColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            pgettext("column", "UA"),
            pgettext("column", "Title"),
            pgettext("column", "Country"),
            pgettext("column", "Deadline"),
            pgettext("column", "Post by"),
            pgettext("column", "What to do"),
            pgettext("column", "Sent"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == QUEUE_ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(item, index.column())
            if index.column() == QueueColumn.ADVICE:
                text = advice_sentence(item)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == QueueColumn.SENT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, item: QueueItem, column: int) -> str:
        case = item.case
        if column == QueueColumn.UA_NUMBER:
            return case.ua_number
        if column == QueueColumn.TITLE:
            return f"{case.title} \u2014 {sample_label()}" if case.is_sample else case.title
        if column == QueueColumn.COUNTRY:
            return shown_country_name(case.country)
        if column == QueueColumn.DEADLINE:
            return format_date(case.deadline)
        if column == QueueColumn.POST_BY:
            return format_date(item.post_by) if item.advice is Advice.POST else "\u2014"
        if column == QueueColumn.ADVICE:
            return short_advice(item)
        if column == QueueColumn.SENT:
            return str(case.appeals_sent)
        return ""

    def retranslate(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 6))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(QueueColumn) - 1)
