"""UA number, own AI Index, issue date, deadline and previous link of a document."""

from __future__ import annotations

from datetime import date

import pytest

from app.importing import identity
from app.importing.document import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UA 98/95        Fear of torture", "98/95"),
        ("UA: 53/14 Index: MDE 24/011/2014 Syria Date: 7 March 2014", "53/14"),
        ("AU : 45/13 Index : AFR 62/003/2013", "45/13"),
        ("Subject: stop action to ua 088/02 on zimbabwe", "88/02"),
        ("Title (Iran: UA 103.22)", "103/22"),
        ("UA-313/2014", "313/14"),
        ("UA-257-1/2014", "257/14"),
        ("URGENT ACTION TYPE AND NUMBER: UA 1 27/17", "127/17"),
        ("Second UA: 28/23 Index: ASA 37/6702/2023", "28/23"),
    ],
)
def test_ua_number_forms(text: str, expected: str) -> None:
    assert identity.ua_number(Document(text)) == expected


def test_no_ua_number_inside_a_link() -> None:
    doc = Document("See https://www.example.org/ua/12/20/ for more.\nURGENT ACTION\n")
    assert identity.ua_number(doc) is None


def test_bracketed_original_index_is_not_the_own_index() -> None:
    doc = Document(
        "PUBLIC     AI Index: ASA 31/035/2005\n\n7 April 2005\n\n"
        "Further Information on UA 72/05 (ASA 31/027/2005, 18 March 2005) Fear for safety\n"
    )
    assert identity.ai_index(doc) == "ASA 31/035/2005"


def test_index_only_inside_a_link_is_not_the_own_index() -> None:
    doc = Document("Link to previous UA: www.amnesty.org/en/documents/amr28/5849/2022/en/\n")
    assert identity.ai_index(doc) is None


def test_stray_spaces_inside_the_index_are_removed() -> None:
    assert identity.ai_index(Document("INDEX NUMBER: AMR 19/6 388/2017")) == "AMR 19/6388/2017"


def test_french_footer_gives_index_and_date() -> None:
    doc = Document("Texte.\n\nAU 83/23, AFR 57/7590/2023, Togo, 21 novembre 2023\n")
    assert identity.ai_index(doc) == "AFR 57/7590/2023"
    assert identity.issued_on(doc) == date(2023, 11, 21)


def test_wrapper_date_header_is_not_the_issue_date() -> None:
    doc = Document(
        "From: someone@example.org\nSubject: FI on UA 1/95\nDate: Sat, 3 Jun 1995 09:12:44 GMT\n\n"
        "EXTERNAL    AI Index: EUR 44/52/95\n\n             2 June 1995\n"
    )
    assert identity.issued_on(doc) == date(1995, 6, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 11 April 2023", date(2023, 4, 11)),
        (
            "Check with the International Secretariat,\nif sending appeals after 16 June 1995.",
            date(1995, 6, 16),
        ),
        ("This Urgent Action expires on March 22, 2024.", date(2024, 3, 22)),
        ("24. Juli 2019 | Appelle bis 4. September 2019", date(2019, 9, 4)),
        ("ACTÚEN LO ANTES POSIBLE, HASTA EL: 11 de agosto de 2022", date(2022, 8, 11)),
        ("VEUILLEZ ENVOYER VOS APPELS AVANT LE 23 AVRIL 2013 À :", date(2013, 4, 23)),
        ("MERCI D'AGIR LE PLUS RAPIDEMENT POSSIBLE, JUSQU'AU 28 FÉVRIER 2027", date(2027, 2, 28)),
        ("POR FAVOR, AJA O MAIS RÁPIDO POSSÍVEL ATÉ: 10 de fevereiro de 2027", date(2027, 2, 10)),
        ("APPEAL DEADLINE NOTICE: 18 July 2017", date(2017, 7, 18)),
        ("PLEASE SEND APPEALS IMMEDIATELY.", None),
        # "as soon as possible and no later than", however the sentence begins
        (
            "ACTÚEN LO ANTES POSIBLE Y NO MÁS TARDE DEL: 3 de febrero de 2027",
            date(2027, 2, 3),
        ),
        ("Escriban cuanto antes y no más tarde del 9 de marzo de 2027.", date(2027, 3, 9)),
        ("ENVÍEN SUS CARTAS NO MÁS TARDE DE: 12 de abril de 2027", date(2027, 4, 12)),
        (
            "AGISSEZ DÈS QUE POSSIBLE ET AU PLUS TARD LE : 14 février 2027",
            date(2027, 2, 14),
        ),
        ("Écrivez vite, pas plus tard que le 2 mars 2027.", date(2027, 3, 2)),
        (
            "AJAM O MAIS RAPIDAMENTE POSSÍVEL E NÃO MAIS TARDE DO QUE: 5 de abril de 2027",
            date(2027, 4, 5),
        ),
        ("Enviem apelos o mais tardar até 6 de maio de 2027.", date(2027, 5, 6)),
        (
            "BITTE SO SCHNELL WIE MÖGLICH UND SPÄTESTENS AM: 7. Juni 2027 SCHREIBEN",
            date(2027, 6, 7),
        ),
        ("Schreiben Sie nicht später als am 8. Juli 2027.", date(2027, 7, 8)),
        ("TAKE ACTION AS SOON AS POSSIBLE AND NO LATER THAN: 9 August 2027", date(2027, 8, 9)),
        ("Respondan no más tarde de lo posible.", None),
    ],
)
def test_deadline_phrases(text: str, expected: date | None) -> None:
    assert identity.deadline(Document(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LINK TO PREVIOUS UA: https://www.amnesty.org/en/documents/asa37/6508/2023/en/",
         "https://www.amnesty.org/en/documents/asa37/6508/2023/en/"),
        ("Link to previous UA: www.amnesty.org/en/documents/amr28/5849/2022/en/",
         "https://www.amnesty.org/en/documents/amr28/5849/2022/en/"),
        ("This is the first and final update of UA 1/14. Further information:\nhttp://www.amnesty.org/en/library/info/ASA23/\n009/2014/en",
         "http://www.amnesty.org/en/library/info/ASA23/009/2014/en"),
        ("**LINK TO PREVIOUS UA:** [https://x.example/a/](https://x.example/a/)", "https://x.example/a/"),
        ("LIEN VERS L’AU PRÉCÉDENTE : https://www.amnesty.org/fr/documents/afr57/7241/2023/fr/",
         "https://www.amnesty.org/fr/documents/afr57/7241/2023/fr/"),
        ("LINK TO PREVIOUS UA:\n\nBACKGROUND INFORMATION:", None),
    ],
)  # fmt: skip
def test_previous_ua_link(text: str, expected: str | None) -> None:
    assert identity.previous_ua_link(Document(text)) == expected


def test_a_lone_date_line_on_top_is_the_documents_own_date() -> None:
    doc = Document("Date: 5 May 2023\nURGENT ACTION\nHEADLINE\n")
    assert identity.issued_on(doc) == date(2023, 5, 5)


def test_labelled_original_index_in_brackets_is_skipped() -> None:
    doc = Document(
        "Further information on UA 72/05 (AI Index: ASA 31/027/2005, 18 March 2005)\n\n"
        "PUBLIC   AI Index: ASA 31/035/2005\n"
    )
    assert identity.ai_index(doc) == "ASA 31/035/2005"


def test_a_text_flattened_onto_one_line_is_dated_by_the_date_after_its_index() -> None:
    story = (
        "Amnistía Internacional siente preocupación por la seguridad de los habitantes del "
        "municipio de Ejemplo, donde unos cuarenta hombres armados entraron en el pueblo "
        "de San Muestra el 7 de febrero del 2000 y amenazaron a sus vecinos. "
    )
    text = (
        "PÚBLICO AU 31/00 Índice AI: AMR 23/05/00/s 9 de febrero del 2000 Temor por la "
        "seguridad RURITANIA Dirigentes campesinos del municipio de Ejemplo " + story * 2
    )
    doc = Document(text)
    assert len(doc.body_lines[0]) > 300
    assert identity.issued_on(doc) == date(2000, 2, 9)


def test_a_web_date_label_inside_a_sentence_is_not_the_document_s_date() -> None:
    text = (
        "Note: Please write even though you may not have received the original UA when "
        "issued on\n\nJune 12, 2001. Thanks!\n\n24 March 2003\n\n"
        "Further Information on UA 148/01 - Fear for safety\n"
    )
    assert identity.issued_on(Document(text)) == date(2003, 3, 24)
