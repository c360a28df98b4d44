"""The case pane shows the whole UA a volunteer imported: the story, what it asks for, the
officials to write to and, apart from them, who only gets a copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import import_files
from app.store.database import Database, open_database
from app.ui.views.case_detail_view import CaseDetailView

BLIND3 = Path(__file__).resolve().parents[1] / "unit" / "importing" / "blind3"
SRI_LANKA = BLIND3 / "617_sri_lanka_fisherman_blog_update_2016.txt"
JORDAN = BLIND3 / "615_jordan_teacher_en_public_prosecutor_2020.txt"
CHAD_FINAL = BLIND3 / "607_chad_students_fr_final_2017.txt"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path / "data"))
    yield database
    database.close()


def _pane_text(qtbot: QtBot, db: Database, ua_number: str) -> str:
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show_case(get_case(db, ua_number))
    return view.body.toPlainText()


def test_the_pane_shows_the_story_the_officials_and_the_copies_apart(
    qtbot: QtBot, db: Database
) -> None:
    import_files(db, [SRI_LANKA])
    text = _pane_text(qtbot, db, "88/16")
    story = text.index("The story")
    write_to = text.index("Write to")
    copies = text.index("Send copies to")
    assert story < write_to < copies
    assert "remains in detention in Boosa prison" in text[story:write_to]
    asks = text.index("What the UA asks for")  # the UA's own bullets, as printed
    assert story < asks < write_to
    assert "Calling on them to stop harassing his family." in text[asks:write_to]
    assert "Jayantha Perera Gunasekera" in text[write_to:copies]
    assert "Nimal Dissanayake Perera" in text[copies:]
    assert "Nimal Dissanayake Perera" not in text[:copies]


def test_the_pane_says_what_the_ua_asks_for_before_the_officials(
    qtbot: QtBot, db: Database
) -> None:
    import_files(db, [JORDAN])
    text = _pane_text(qtbot, db, "118/20")
    asks = text.index("What the UA asks for")
    write_to = text.index("Write to")
    assert asks < write_to
    assert "Release" in text[asks:write_to]
    assert "Nasser Fawwaz Al-Majali" in text[write_to:]


def test_a_closed_case_asks_for_nothing_and_the_pane_speaks_the_interface_language(
    qtbot: QtBot, db: Database
) -> None:
    import_files(db, [CHAD_FINAL])
    i18n.set_language("fr")
    try:
        text = _pane_text(qtbot, db, "112/17")
    finally:
        i18n.set_language("en")
    assert "Le tribunal de N'Djamena a relaxé" in text
    assert "Ce que demande l'AU" not in text and "What the UA asks for" not in text
    assert "Les faits" in text and "Écrire à" in text  # the headings are French
