"""The case pane shows the whole UA a volunteer imported: the story, what it asks for, the
officials to write to and, apart from them, who only gets a copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import i18n
from app.domain.model import Target
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import import_files
from app.store.database import Database, open_database
from app.ui.views.case_detail_view import CaseDetailView
from tests.builders import make_case

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
    return view.case_page().body.toPlainText()


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


EGYPT = Path(__file__).resolve().parents[1] / "unit" / "importing" / "real_layouts"
EGYPT_2012 = EGYPT / "602_mailing_list_egypt_students_pdf_2012.txt"


def test_the_pane_shows_the_additional_information_and_the_deadline_rule(
    qtbot: QtBot, db: Database
) -> None:
    import_files(db, [EGYPT_2012])
    text = _pane_text(qtbot, db, "301/12")
    deadline = text.index("Deadline\n")
    background = text.index("Additional information")
    appeals = text.index("Your appeals")
    assert text.index("Send copies to") < deadline < background < appeals
    assert (
        "The deadline was November 30, 2012. Before you send an appeal now, check with your "
        "section that it is still useful." in text[deadline:background]
    )
    assert (
        "The Supreme Council of the Armed Forces ruled Egypt from February 2011 to June 2012. "
        "During that time military courts tried civilians" in text[background:appeals]
    )
    # the background is not mistaken for the story, nor the names line for background
    assert "Supreme Council" not in text[:deadline]
    assert "Gender m/f" not in text


def test_every_document_of_the_case_is_listed_in_order_with_its_date(
    qtbot: QtBot, db: Database
) -> None:
    from tests.builders import INITIAL_901, UPDATE_901

    import_files(db, [UPDATE_901, INITIAL_901])  # the update arrives first
    text = _pane_text(qtbot, db, "901/27")
    documents = text[text.index("Documents of this case") :]
    initial = documents.index("Initial UA \u00b7 March 4, 2027")
    update = documents.index("Update 1 \u00b7 April 28, 2027")
    assert initial < update
    assert "TWO TEACHERS HELD AFTER UNION MEETING" in documents[initial:update]
    assert "appeals until October 15, 2027" in documents[initial:update]
    assert "ONE TEACHER FREED, ONE STILL HELD" in documents[update:]


def test_the_deadline_rule_follows_the_day() -> None:
    from datetime import date

    from app.ui.views.case_detail_html import deadline_rule
    from tests.builders import make_case

    case = make_case(deadline=date(2026, 4, 1))
    assert deadline_rule(case, date(2026, 3, 2)) == (
        "Send your appeal by April 1, 2026. After that date, check with your section before "
        "you send one."
    )
    assert deadline_rule(case, date(2026, 4, 2)).startswith("The deadline was April 1, 2026.")
    assert deadline_rule(make_case(deadline=None), date(2026, 4, 2)) == (
        "The UA gives no deadline: send your appeal as soon as you can."
    )


ECUADOR = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "ua-samples"
    / "113_ecuador_kichwa_leader_es_2022.txt"
)


def test_the_preferred_languages_are_named_in_the_interface_language(
    qtbot: QtBot, db: Database
) -> None:
    import_files(db, [ECUADOR])
    i18n.set_language("de")
    try:
        text = _pane_text(qtbot, db, "71/22")
    finally:
        i18n.set_language("en")
    assert "Bevorzugte Sprachen" in text
    assert "Spanisch und Kichwa" in text  # CLDR names Spanish; Kichwa stays as the UA wrote it
    assert "Spanish" not in text


def test_a_language_change_before_the_first_frame_builds_no_case_page(qtbot: QtBot) -> None:
    """Changing the language retranslates what is built: the hint, not the unbuilt case page."""
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.retranslate_ui()
    view.show_case(None, waiting=True)
    assert view.count() == 1
    assert view.placeholder.text() == "Opening your cases…"


def test_the_case_page_comes_after_the_first_frame_and_works_when_a_case_is_shown(
    qtbot: QtBot, db: Database
) -> None:
    """The first screen shows the hint only; the case page is there once it has painted."""
    import_files(db, [JORDAN])
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show()
    assert view.count() == 1  # the hint alone is built for the first frame
    qtbot.waitUntil(lambda: view.count() == 2)
    assert view.currentIndex() == 0  # built, not shown: the hint stays until a case is chosen
    assert view.placeholder.text() == "Select a case to see its details."
    clicked: list[bool] = []
    view.write_letter_requested.connect(lambda: clicked.append(True))
    view.show_case(get_case(db, "118/20"))
    assert view.currentIndex() == 1
    button = view.case_page().letter_button
    assert button.text() == "&Write a letter…"
    button.click()
    assert clicked == [True]


def test_a_greeting_stored_on_the_wrong_official_is_not_shown_as_theirs(qtbot: QtBot) -> None:
    # A case imported before greetings went to the official they name: the first official's
    # greeting was stored on the second as well.
    case = make_case(
        targets=(
            Target("Prime Minister", "Helena Marsh", salutation="Dear Prime Minister"),
            Target("Minister of Justice", "Arlen Fosse", salutation="Dear Prime Minister"),
            Target("Governor", "Ida Roe", salutation="Your Excellency"),
        ),
    )
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show_case(case)
    # read without the invisible marks that keep each greeting in its own direction
    text = view.case_page().body.toPlainText().replace("\u2068", "").replace("\u2069", "")
    prime_minister = text.index("Helena Marsh")
    minister = text.index("Arlen Fosse")
    governor = text.index("Ida Roe")
    assert "Salutation: Dear Prime Minister" in text[prime_minister:minister]
    assert "Salutation" not in text[minister:governor]
    assert "Salutation: Your Excellency" in text[governor:]
