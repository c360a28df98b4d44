"""The letter editor's left column with everything shown at once (a passed deadline, five asks,
the UA's own words, the advice): nothing is squeezed over its neighbour; the column scrolls."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter

DEMANDS = (
    "reveal at once where Ana Lima is held;",
    "protect Ana Lima from torture and other ill-treatment;",
    "give Ana Lima immediate access to a lawyer of her choice;",
    "let Ana Lima see her family regularly;",
    "give Ana Lima all the medical care she needs without delay.",
)


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_every_control_of_a_full_column_keeps_its_height_and_its_place(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    document = replace(
        fictional_document(
            "212/96",
            deadline=date.today() - timedelta(days=30),
            official="Lic. Rogelio Ocampos Vera de la Fuente y Montevideo",
        ),
        recommended_actions=DEMANDS,
        model_letter=None,
    )
    store_documents(app_paths, document)
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the notices shown with the draft are laid out
    side = dialog.side
    assert side.case_notice_label.isVisible()  # "The deadline of this UA has passed..."
    assert len([box for box in side.ask_boxes.values() if box.isVisible()]) >= 4
    assert side.demands_label.isVisible() and side.nudge_label.isVisible()
    shown = [
        widget
        for widget in (
            side.sender_label,
            side.sender_button,
            side.case_notice_label,
            side.safety_box,
            side.large_print_box,
            side.note_caption,
            side.note_edit,
            side.asks_caption,
            *side.ask_boxes.values(),
            side.demands_label,
            side.regenerate_button,
            side.nudge_label,
        )
        if widget.isVisible()
    ]
    for widget in shown:  # a label shorter than its text cuts its lines in half
        assert widget.height() >= widget.minimumSizeHint().height(), widget
    viewport = dialog.side_scroll.viewport()
    combos = [side.target_combo, side.language_combo]
    for widget in [*combos, *shown]:  # nothing runs off the column's right edge
        assert _rect_in(widget, viewport).right() < viewport.width(), widget
    assert side.target_combo.width() >= side.target_combo.minimumSizeHint().width()
    rects = [_rect_in(widget, side) for widget in shown]
    for index, rect in enumerate(rects):
        for other in rects[index + 1 :]:
            assert not rect.intersects(other), (shown[index], rect, other)
    scroll_bar = dialog.side_scroll.verticalScrollBar()
    assert scroll_bar.maximum() > 0  # the rest of the column is a scroll away


def test_an_officials_long_office_and_name_leave_the_letter_the_wider_part_of_the_editor(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """A French UA's official runs to 90 letters: the combo box shows its start, its list and
    its tip the whole of it, and the letter keeps most of the editor's width (it had a third)."""
    from PySide6.QtWidgets import QApplication

    long_name = "Dieudonné Makaya Tshibangu de la Fuente y Montevideo"
    document = fictional_document("213/96", official=long_name)
    offices = ("Administrateur général de l'Agence nationale de renseignements",)
    targets = (replace(document.targets[0], title=offices[0]), *document.targets[1:])
    store_documents(app_paths, replace(document, targets=targets))
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    qtbot.waitExposed(dialog)
    combo = dialog.side.target_combo
    full = f"{offices[0]}, {long_name}"
    assert combo.currentText() == full and combo.toolTip() == full
    assert dialog.letter_edit.width() > dialog.side_scroll.width()
    combo.showPopup()
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    assert popup.width() >= popup.sizeHintForColumn(0)  # the list names every official whole
    combo.hidePopup()
    QApplication.processEvents()
    combo.setCurrentIndex(1)
    assert combo.toolTip() == combo.currentText() == "Prosecutor General, Mara Vento"


def test_an_official_whose_printed_name_looks_like_markup_is_shown_literally_in_the_tip(
    make_window, app_paths, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Imported text is never markup: the tip shows the angle brackets, not bold type."""
    from PySide6.QtGui import QTextDocument

    document = fictional_document("214/96", official="<b>Ana</b> Ruiz")
    store_documents(app_paths, document)
    window = make_window()
    window.menu_actions.write_letter.trigger()
    dialog = wait_for_letter(window.case_actions.letter_dialog)
    combo = dialog.side.target_combo
    assert "<b>Ana</b> Ruiz" in combo.currentText()
    shown = QTextDocument()
    shown.setHtml(combo.toolTip())
    assert shown.toPlainText() == combo.currentText()  # what the user reads in the tip
