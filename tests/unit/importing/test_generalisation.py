"""Label and wording variants found by the held-out corpus, one small fixture each."""

from __future__ import annotations

import pytest

from app.domain.model import OutputKind
from app.importing import parse_text
from app.importing.countries import canonical_country
from app.importing.document import Document
from app.importing.names import looks_like_person_name, split_office_prefix, strip_honorifics
from app.importing.normalize import normalize_text
from app.importing.status import document_kind


@pytest.mark.parametrize(
    "closing",
    [
        "No se requiere ninguna otra acción por parte de la red.",
        "Aucune autre action n’est requise.",
        "Bitte schicken Sie keine weiteren Appelle mehr.",
        "Please do not send any further appeals.",
        "The UA network need not send further appeals on this case.",
    ],
)
def test_closing_sentences_in_four_languages_make_a_final(closing: str) -> None:
    text = f"URGENT ACTION\nFREED\nThe prisoner was freed on 2 May 2020.\n\n{closing}\n"
    assert document_kind(Document(text)) is OutputKind.FINAL


def test_a_german_deadline_sentence_is_not_a_closing() -> None:
    text = (
        "Bitte schicken Sie Appelle. Nach dem 4. September 2019 keine Appelle mehr verschicken.\n"
    )
    assert document_kind(Document(text)) is OutputKind.INITIAL


def test_ocr_letters_in_numbers_and_capital_i_read_as_l() -> None:
    assert normalize_text("if sending appeals after l4 July l995 to the lnterior") == (
        "if sending appeals after 14 July 1995 to the Interior\n"
    )


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("His Majesty King Fahd bin Abdul Aziz", "Fahd bin Abdul Aziz"),
        ("His Royal Highness Prince Nayef bin Abdul Aziz", "Nayef bin Abdul Aziz"),
        ("Senior General Min Aung Hlaing", "Min Aung Hlaing"),
        ("Counsellor Hamada el-Sawy", "Hamada el-Sawy"),
    ],
)
def test_royal_and_military_honorifics_are_stripped(printed: str, name: str) -> None:
    assert looks_like_person_name(printed)
    assert strip_honorifics(printed) == name


def test_an_office_printed_before_the_name() -> None:
    assert split_office_prefix("Governor Rick Example") == ("Governor", "Rick Example")
    assert split_office_prefix("Minister of Justice") is None


@pytest.mark.parametrize(
    ("printed", "english"),
    [
        ("WEISSRUSSLAND", "Belarus"),
        ("Reino de Arabia Saudí", "Saudi Arabia"),
        ("USA (Texas)", "USA"),
    ],
)
def test_more_country_names(printed: str, english: str) -> None:
    assert canonical_country(printed) == english


def test_a_wrapped_concern_line_and_a_follow_up_bracket_over_two_lines() -> None:
    text = (
        "PUBLIC                    AI Index: AMR 23/091/2003\n2 October 2003\n\n"
        "Further Information on UA 112/03 (AMR 23/040/2003, 15 April 2003) and follow-up "
        "(AMR 23/067/2003,\n30 July 2003) - Fear for\nsafety / Death threats\n\n"
        "COLOMBIA        Ana Example Ruiz (f)\n\nStory of the case.\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "Fear for safety / Death threats"
    assert parsed.ai_index == "AMR 23/091/2003"


def test_an_appeal_heading_broken_before_its_to() -> None:
    text = (
        "UA: 7/13 Index: ASA 41/005/2013 Viet Nam Date: 27 March 2013\n\nURGENT ACTION\nHEADLINE\n"
        "Story of the case that is long enough to be a paragraph of prose for the parser here.\n\n"
        "PLEASE SEND APPEALS BEFORE 8 MAY\n2013 TO:\nPrime Minister\nJane Example\n"
        "Office of the Prime Minister\nHa Noi, Viet Nam\nSalutation: Your Excellency\n"
    )
    parsed = parse_text(text)
    assert [(t.title, t.name) for t in parsed.targets] == [("Prime Minister", "Jane Example")]
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "2013-05-08"


def test_a_serial_comma_and_a_role_before_the_pronouns() -> None:
    from app.importing.persons import split_person_list

    assert [
        p.name for p in split_person_list("Ana Example (f), Luis Sample (m), and Eva Test (f)")
    ] == [
        "Ana Example",
        "Luis Sample",
        "Eva Test",
    ]
    persons = split_person_list("Ana Example, journalist (she/her), Luis Sample, lawyer (he/him)")
    assert [(p.name, p.pronouns) for p in persons] == [
        ("Ana Example", "she/her"),
        ("Luis Sample", "he/him"),
    ]


@pytest.mark.parametrize(
    ("sentence", "official"),
    [
        (
            "Activists sent more than 20,000 letters to President Jane Example.",
            ("President", "Jane Example"),
        ),
        (
            "Supporters wrote to Governor Rick Example, calling for clemency.",
            ("Governor", "Rick Example"),
        ),
    ],
)
def test_officials_named_in_a_final_with_the_office_before_the_name(
    sentence: str, official: tuple[str, str]
) -> None:
    from app.importing.narrative import narrative_targets

    assert [(t.title, t.name) for t in narrative_targets(sentence)] == [official]


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("14 Febr uary 2023", "2023-02-14"),
        ("18 July 20 17", "2017-07-18"),
        ("26 Octo ber 2017", "2017-10-26"),
    ],
)
def test_stray_spaces_inside_a_date_are_ignored(printed: str, iso: str) -> None:
    from app.importing.dates import parse_date

    found = parse_date(printed)
    assert found is not None and found.isoformat() == iso
