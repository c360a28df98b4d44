"""Whole documents of every layout family parse into the expected fields (fictional fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.domain.errors import ImportRejected
from app.domain.model import OutputKind
from app.importing import parse_text
from tests.conftest import SEED_FINAL


def test_modern_pdf_text_with_two_targets_and_a_copy(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("modern_pdf_initial.txt"), "modern.txt")
    assert (doc.ua_number, doc.ai_index, doc.kind, doc.action_requested) == (
        "45/25", "ASA 41/0123/2025", OutputKind.INITIAL, True,
    )  # fmt: skip
    assert doc.title == "POET DETAINED FOR A SATIRICAL VERSE"
    assert (doc.country, doc.issued_on, doc.deadline) == (
        "Viet Nam",
        date(2025, 3, 12),
        date(2025, 4, 23),
    )
    assert [(t.title, t.name, t.salutation) for t in doc.targets] == [
        ("Minister of Public Security", "To Van Example", "Dear Minister"),
        ("Chairperson of the Provincial People’s Committee", "Pham Van Sample", "Dear Chairperson"),
    ]
    assert doc.targets[0].name_as_printed == "General To Van Example"
    assert doc.targets[0].social == ("@MPS_example",)
    assert doc.preferred_languages == ("Vietnamese", "English")
    assert [(p.name, p.pronouns) for p in doc.persons] == [("Nguyen Thi Lan", "she/her")]
    assert doc.model_letter is not None
    assert doc.model_letter.startswith("Dear Minister,") and doc.model_letter.endswith(
        "Yours sincerely,"
    )
    assert doc.summary is not None and doc.summary.startswith("Fictional fixture: Nguyen Thi Lan")
    assert "publishing" in doc.summary  # the hyphenated word was rejoined
    assert len(doc.copies_to) == 1


def test_1990s_follow_up_in_a_news_wrapper(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("network_1990s_update.txt"))
    assert (doc.ua_number, doc.ai_index, doc.kind) == ("12/96", "AMR 46/15/96", OutputKind.UPDATE)
    assert doc.title == "Fear of torture"
    assert doc.issued_on == date(1996, 4, 4)  # not the wrapper's Date: header
    assert doc.deadline == date(1996, 5, 16)
    assert doc.country == "Peru"
    assert {p.name for p in doc.persons} == {"Juan Example Quispe", "Rosa Sample Mamani"}
    assert [(t.title, t.name) for t in doc.targets] == [
        ("President of the Republic", "Alberto Ficticio")
    ]
    assert doc.targets[0].address == "Palacio de Gobierno, Lima 1, Peru"
    assert doc.preferred_languages == ("Spanish",)


def test_spanish_final_update(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("spanish_2013_final.txt"))
    assert (doc.kind, doc.action_requested, doc.deadline) == (OutputKind.FINAL, False, None)
    assert (doc.country, doc.document_language) == ("Mexico", "es")
    assert doc.issued_on == date(2013, 12, 2)
    assert doc.previous_ua_link == "http://www.amnesty.org/es/library/info/AMR41/044/2013/es"
    assert [p.name for p in doc.persons] == ["Ana Ejemplo Ruiz"]
    assert doc.targets == ()


def test_french_modern_layout(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("french_2019_initial.txt"))
    assert (doc.ua_number, doc.ai_index, doc.country) == ("17/24", "AFR 57/7001/2024", "Togo")
    assert (doc.issued_on, doc.deadline) == (date(2024, 2, 14), date(2024, 3, 27))
    assert doc.document_language == "fr"
    assert [(t.name, t.salutation) for t in doc.targets] == [("Yao Fictif", "Monsieur le Ministre")]
    assert [(p.name, p.pronouns) for p in doc.persons] == [("Koffi Exemple", "il")]
    assert doc.preferred_languages == ("French",)


def test_german_section_page(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("german_web.txt"))
    assert (doc.ua_number, doc.kind, doc.country) == ("301/23", OutputKind.UPDATE, "Turkey")
    assert (doc.issued_on, doc.deadline) == (date(2023, 12, 5), date(2024, 1, 16))
    assert doc.title == "Journalistin in Untersuchungshaft"
    assert [t.name for t in doc.targets] == ["Mehmet Muster"]
    assert doc.preferred_languages == ("Turkish", "English", "German")
    assert [p.name for p in doc.persons] == ["Elif Beispiel"]


def test_us_section_page(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("aiusa_web.txt"))
    assert (doc.ua_number, doc.ai_index, doc.country) == ("77/25", None, "Iran")
    assert doc.title == "Student Activist Held Incommunicado"
    assert (doc.issued_on, doc.deadline) == (date(2025, 6, 3), date(2025, 7, 15))
    assert [(t.title, t.name) for t in doc.targets] == [
        ("Head of the Judiciary", "Hossein Placeholder")
    ]
    assert [p.name for p in doc.persons] == ["Sara Example"]


def test_template_with_split_words(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("template_split.txt"))
    assert (doc.ua_number, doc.ai_index) == ("231/17", "AMR 46/7123/2017")
    assert doc.title == "Leader of farmers threatened"
    assert (doc.issued_on, doc.deadline) == (date(2017, 10, 3), date(2017, 11, 14))
    assert doc.targets[0].email == "despacho@mininter.gob.pe.example"
    assert [p.name for p in doc.persons] == ["Carla Example Huamán"]


def test_the_seed_final_output() -> None:
    doc = parse_text(SEED_FINAL.read_text(encoding="utf-8"), SEED_FINAL.name)
    assert (doc.ua_number, doc.country, doc.kind, doc.action_requested) == (
        "119/21", "Peru", OutputKind.FINAL, False,
    )  # fmt: skip
    assert [(t.title, t.name) for t in doc.targets] == [
        ("Minister of Foreign Affairs", "Adrián Valcárcel De Olazábal")
    ]
    assert [(p.name, p.pronouns) for p in doc.persons] == [
        ("Refugee children and adolescents", "they/them/their")
    ]
    assert doc.previous_ua_link == "https://www.amnesty.org/en/documents/amr46/5033/2021/en/"


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(ImportRejected, match="empty"):
        parse_text(text, "empty.txt")


def test_a_text_that_is_not_a_ua_is_rejected() -> None:
    with pytest.raises(ImportRejected, match="does not look like an Urgent Action"):
        parse_text("Shopping list\n\nMilk, eggs and bread for Saturday.\n", "list.txt")


def test_a_document_page_of_a_report_is_still_refused() -> None:
    """A document page sums up a UA when its headline names what is feared; a report's page,
    with the same language line under its summary, is no UA."""
    report = (
        "Burundi. Un pays au bord de la crise\n\nCe rapport fictif décrit dix ans de "
        "réformes manquées dans un pays inventé.\n\nChoisir une langue pour afficher le rapport\n"
    )
    with pytest.raises(ImportRejected, match="does not look like an Urgent Action"):
        parse_text(report, "report.txt")
    summed_up = report.replace(
        "Burundi. Un pays au bord de la crise", "Guatémala. Craintes pour la sécurité"
    )
    assert parse_text(summed_up, "ua.txt").title == "Craintes pour la sécurité"


def test_a_friendly_letter_is_no_appeal_letter() -> None:
    """A page that holds only a model appeal letter is imported; a letter that greets someone
    but appeals to no official about anyone held is still refused."""
    letter = "Dear Anna,\n\nI am writing to thank you for the flowers. The garden looks lovely.\n\nLove, Sam\n"
    with pytest.raises(ImportRejected, match="does not look like an Urgent Action"):
        parse_text(letter, "thanks.txt")


def test_ocr_noise_in_a_scanned_1990s_text(fixture_text: Callable[[str], str]) -> None:
    doc = parse_text(fixture_text("network_1990s_ocr.txt"))
    assert (doc.ua_number, doc.ai_index, doc.country) == ("61/96", "EUR 46/03/96", "Russia")
    assert (doc.issued_on, doc.deadline) == (date(1996, 3, 12), date(1996, 4, 23))
    assert [(t.name, t.salutation) for t in doc.targets] == [
        ("Yury Sample", "Dear Procurator General")
    ]
    assert doc.preferred_languages == ("English", "Russian")
    assert doc.summary is not None and doc.summary.startswith("Amnesty International is concerned")


def test_web_page_breadcrumb_and_published_line_are_not_the_headline() -> None:
    text = (
        "Home › Our work › Urgent Actions\nPublished: 3 May 2024\n\nEgypt: Lawyer detained for a tweet\n\n"
        "Human rights lawyer Mona Example has been held since 12 January 2024 over a tweet.\n\n"
        "This is the first update of UA 12/24.\n"
    )
    doc = parse_text(text)
    assert (doc.title, doc.country, doc.kind) == (
        "Lawyer detained for a tweet",
        "Egypt",
        OutputKind.UPDATE,
    )
    assert doc.issued_on == date(2024, 5, 3)
