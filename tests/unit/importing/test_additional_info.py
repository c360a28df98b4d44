"""The UA's background section ("ADDITIONAL INFORMATION" and its forms) is read as printed,
without the parts that follow it (names, languages, the deadline, a page's chrome)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importing import parse_file, parse_pasted
from app.importing.additional_info import additional_info

HERE = Path(__file__).resolve().parent
REAL = HERE / "real_layouts"

PDF_2014 = """URGENT ACTION
FISHERS HELD AFTER PROTEST
Three fishers were arrested on 2 May after a protest.

PLEASE SEND APPEALS BEFORE 30 JUNE 2014 TO:
Minister of the Interior
Please check with your section office if sending appeals after the above date.
URGENT ACTION
FISHERS HELD AFTER PROTEST
ADDITIONAL INFORMATION
Sand dredging has grown along the coast since 2008. Fishing villages say
the licences were granted without consulting them.

3
URGENT ACTION
FISHERS HELD AFTER PROTEST
Community leaders who complain are often summoned by the police.

Names: Sok Fictional, Chan Invented
Gender m/f: m
"""


def test_the_section_is_read_across_a_page_break_and_ends_at_the_names() -> None:
    assert additional_info(PDF_2014, "FISHERS HELD AFTER PROTEST") == (
        "Sand dredging has grown along the coast since 2008. Fishing villages say the licences "
        "were granted without consulting them.\n\n"
        "Community leaders who complain are often summoned by the police."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "INFORMACIÓN ADICIONAL\nLas comunidades denuncian la minería ilegal desde 2019.\n\n"
            "Nombre: Ana Ficticia\n",
            "Las comunidades denuncian la minería ilegal desde 2019.",
        ),
        (
            "COMPLÉMENT D’INFORMATION\nLes syndicalistes sont régulièrement menacés au Tchad.\n"
            "LANGUE À PRIVILÉGIER POUR LA RÉDACTION DE VOS APPELS : français\n",
            "Les syndicalistes sont régulièrement menacés au Tchad.",
        ),
        (
            "Hintergrundinformationen\nSeit 2018 protestieren Tausende Menschen gegen eine "
            "Deponie.\nSchreiben Sie bitte an den Minister.\n",
            "Seit 2018 protestieren Tausende Menschen gegen eine Deponie.",
        ),
        (
            "BACKGROUND INFORMATION (400 WORDS + RELEVANT LINKS):\nJournalists are often "
            "arrested under the Official Secrets Act.\nNAME AND PRONOUN: Ko Fictional (he/him)\n",
            "Journalists are often arrested under the Official Secrets Act.",
        ),
        (
            "Additional information: Teachers' unions have been banned since 2020.\n"
            "Share this: Facebook X Email\n© 2022 A section\n",
            "Teachers' unions have been banned since 2020.",
        ),
        (
            "معلومات إضافية\nتحتجز السلطات عشرات المدافعين عن حقوق الإنسان منذ عام 2019.\n"
            "الاسم: سارة المتخيلة\n",
            "تحتجز السلطات عشرات المدافعين عن حقوق الإنسان منذ عام 2019.",
        ),
    ],
)
def test_the_section_in_each_language_and_layout(text: str, expected: str) -> None:
    assert additional_info(text) == expected


def test_no_section_no_text() -> None:
    assert additional_info("URGENT ACTION\nA teacher was arrested on 2 May.\n") is None
    # a heading followed by nothing of substance is not a section
    assert additional_info("ADDITIONAL INFORMATION\n...\nUA 142.19 | AFR 25/0811/2019\n") is None
    # "Background" inside a sentence is not the heading
    assert additional_info("The background of the case is unclear to everyone here.\n") is None


def test_imported_documents_carry_their_section() -> None:
    flat = parse_file(REAL / "649_pdf_one_line_egypt_students_pdf_2012.txt")
    assert (flat.additional_info or "").startswith("The Supreme Council of the Armed Forces")
    assert "Names:" not in (flat.additional_info or "")
    ((_, pasted),) = parse_pasted(
        (REAL / "605_mailing_list_belarus_students_modern_2020.txt").read_text()
    )
    assert pasted.additional_info == (
        "Since the presidential election of 9 August 2020, the Belarusian authorities have "
        "detained more than 30,000 people for taking part in peaceful protests."
    )


def test_a_huge_section_is_cut_with_an_ellipsis() -> None:
    from app.importing.additional_info import MAX_CHARS

    text = "ADDITIONAL INFORMATION\n" + "A sentence of background text here.\n" * 50_000
    found = additional_info(text) or ""
    assert len(found) == MAX_CHARS and found.endswith("\u2026")
    assert found.startswith("A sentence of background text here. A sentence")
