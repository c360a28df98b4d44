"""The wrapping row of buttons: a window made small keeps room for every row it wraps onto."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QTextEdit, QVBoxLayout, QWidget

from app.ui.wrapping_row import WrappingRowLayout


def test_a_window_made_small_keeps_room_for_every_wrapped_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.add_widget(window)
    buttons = [QPushButton(f"A rather long button label {n}") for n in range(3)]
    row = WrappingRowLayout()
    for button in buttons:
        row.addWidget(button)
    text = QTextEdit()
    text.setMinimumHeight(60)
    layout = QVBoxLayout(window)
    layout.addLayout(row)
    layout.addWidget(text, 1)
    window.show()
    window.resize(1, 1)  # it stops at its minimum size
    qtbot.wait(20)
    places = [QRect(button.pos(), button.size()) for button in buttons]
    assert len({place.y() for place in places}) == 3, "one button a row at the narrowest"
    for place in places:
        assert window.rect().contains(place)
        assert not place.intersects(text.geometry()), (place, text.geometry())
    assert row.minimumSize().height() >= row.heightForWidth(row.minimumSize().width())
