"""A deadline written without its year in a writing instruction ("Write … before 30 June",
"Escribe antes del 30 de abril"), page dates printed year first (2022.02.08) or with the
Austrian month name (12. Jänner 2022), and a list of languages that runs on into the rest of
its sentence ("in English or Khmer before …", "auf Russisch, Englisch oder Deutsch an den …").
Everything here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from app.importing import parse_text

PAGE = """Urgent Action
Teacher detained without charge
Published 12 May 2022 | UA 61/22 | AI Index: ASA 99/1234/2022

Teacher Karel Voorbeeld was detained by police in Capital City on 3 May 2022 after a meeting
about unpaid wages, and has not been allowed to see his family since then.

{instruction}

Minister of Home Affairs
Piet Voorbeeld Smit
Ministry of Home Affairs
Capital City, Ruritania
Salutation: Dear Minister

Name and pronoun: Karel Voorbeeld (he/him)
"""


@pytest.mark.parametrize(
    ("instruction", "deadline", "languages"),
    [
        ("Write in English or Khmer before 30 June.", date(2022, 6, 30), ["English", "Khmer"]),
        (
            "Write to the Minister before 15 October, calling for his release.",
            date(2022, 10, 15),
            [],
        ),
        # a day already past in the year of the page falls in the next year
        ("Write in English before 30 January.", date(2023, 1, 30), ["English"]),
    ],
)
def test_a_writing_instruction_gives_a_yearless_deadline_and_its_languages(
    instruction: str, deadline: date, languages: list[str]
) -> None:
    parsed = parse_text(PAGE.format(instruction=instruction), "invented.txt")
    assert parsed.deadline == deadline
    assert list(parsed.preferred_languages) == languages


def test_a_spanish_instruction_without_a_year() -> None:
    text = """ACCIÓN URGENTE
PERIODISTA DETENIDO EN CIUDAD CAPITAL
Fecha: 21 de marzo de 2023

El periodista Karel Voorbeeld fue detenido el 9 de marzo de 2023 en Ciudad Capital.

Escribe antes del 30 de abril al ministro cuyos datos aparecen abajo. Escribe en español
o en francés.
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.deadline == date(2023, 4, 30)
    assert list(parsed.preferred_languages) == ["Spanish", "French"]


@pytest.mark.parametrize(
    ("sentence", "languages"),
    [
        (
            "Schreiben Sie bis 23. Februar 2022 höflich formulierte Briefe auf Russisch, "
            "Englisch oder Deutsch an den Generalstaatsanwalt.",
            ["Russian", "English", "German"],
        ),
        (
            "AGISSEZ : écrivez en turc, en anglais ou en français au ministre ci-dessous.",
            ["Turkish", "English", "French"],
        ),
        (
            "Envoyez un courriel au Procureur avant le 28 juin 2019, en français ou en wolof, "
            "pour demander sa libération.",
            ["French", "Wolof"],
        ),
    ],
)
def test_the_last_language_of_a_list_is_read_before_the_rest_of_the_sentence(
    sentence: str, languages: list[str]
) -> None:
    parsed = parse_text(PAGE.format(instruction=sentence), "invented.txt")
    assert list(parsed.preferred_languages) == languages


@pytest.mark.parametrize(
    ("line", "issued"),
    [
        ("2022.02.08", date(2022, 2, 8)),
        ("UA-004/2022 | AI-Index: EUR 99/5102/2022 | 12. Jänner 2022", date(2022, 1, 12)),
    ],
)
def test_a_page_date_year_first_or_in_austrian_german(line: str, issued: date) -> None:
    text = f"""URGENT ACTION
TEACHER DETAINED WITHOUT CHARGE
{line}

UA 14/22  AI Index: ASA 99/5208/2022

Teacher Karel Voorbeeld was detained by police in Capital City and has not been allowed to see
his family since then.
"""
    assert parse_text(text, "invented.txt").issued_on == issued


def test_an_office_line_above_an_honoured_name_is_the_whole_office() -> None:
    text = """ACCIÓN URGENTE
ESTUDIANTE HERIDO POR LA POLICÍA
AU 7/20 | Índice: AMR 99/1702/2020

El estudiante Karel Voorbeeld perdió la visión de un ojo tras un disparo policial.

ACTÚA
Envía tu llamamiento solo por correo electrónico.

Fiscal Regional de Ciudad Capital
Sr. Piet Voorbeeld Smit
Correo-e: fiscal@fiscalia.example
Tratamiento: Señor Fiscal Regional
"""
    (target,) = parse_text(text, "invented.txt").targets
    assert (target.title, target.name) == (
        "Fiscal Regional de Ciudad Capital",
        "Piet Voorbeeld Smit",
    )
    assert target.address is None


@pytest.mark.parametrize(
    "banner",
    [
        "ACTION URGENTE – 2E MISE À JOUR",
        "URGENT ACTION – 2nd UPDATE",
        "ACCIÓN URGENTE – SEGUNDA ACTUALIZACIÓN",
    ],
)
def test_a_banner_with_the_number_of_its_update_is_not_the_headline(banner: str) -> None:
    text = f"""{banner}
TURQUIE : UNE AVOCATE TOUJOURS EMPRISONNÉE
AU 88/20-2 – Index AI : EUR 99/3390/2020 – 12 novembre 2020

L’avocate Karel Voorbeeld est toujours détenue à Ville-Capitale malgré sa maladie.
"""
    assert parse_text(text, "invented.txt").title == "UNE AVOCATE TOUJOURS EMPRISONNÉE"


@pytest.mark.parametrize(
    ("announcing", "entries"),
    [
        (
            "Están recluidos sin abogado. Son:",
            ["- Karel Voorbeeld, de 44 años", "- Piet Smit Voorbeeld"],
        ),
        ("Los detenidos son:", ["Karel Voorbeeld, 34 años", "Piet Smit Voorbeeld, 22 años"]),
        ("Betroffen sind:", ["• Karel Voorbeeld (54)", "• Piet Smit Voorbeeld (41)"]),
    ],
)
def test_people_listed_under_a_sentence_announcing_them(
    announcing: str, entries: list[str]
) -> None:
    listed = "\n".join(entries)
    text = f"""URGENT ACTION
TEACHERS DETAINED WITHOUT CHARGE
UA 33/23 | AI Index: AFR 99/6611/2023

Two teachers were detained by police in Capital City after a strike over unpaid wages.
{announcing}
{listed}

Write to the Minister of Home Affairs and call for their release.
"""
    names = [person.name for person in parse_text(text, "invented.txt").persons]
    assert sorted(names) == ["Karel Voorbeeld", "Piet Smit Voorbeeld"]


@pytest.mark.parametrize(
    ("story", "group"),
    [
        (
            "Nine members of the Ruritanian Dockers Union (RDU) have been held since 3 May.",
            "Members of the Ruritanian Dockers Union",
        ),
        (
            "Onze membres de l’Union des étudiants de Ville-Capitale (UEVC) ont été arrêtés le 14 mai.",
            "Membres de l’Union des étudiants de Ville-Capitale",
        ),
    ],
)
def test_members_of_a_named_body_are_one_group_when_no_one_is_named(story: str, group: str) -> None:
    text = f"""URGENT ACTION
UNION MEMBERS DETAINED
UA 48/22 | AI Index: ASA 99/5571/2022

{story} They are held without access to lawyers.

Write to the Minister of Justice and call for their release.
"""
    names = [person.name for person in parse_text(text, "invented.txt").persons]
    assert names == [group]
