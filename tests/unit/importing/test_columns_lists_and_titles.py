"""Officials printed side by side, people named in a list, honorifics that are given names,
slashed dates and the follow-up labels that stand where a concern or a headline would."""

from __future__ import annotations

from datetime import date

import pytest

from app.importing import parse_text
from app.importing.dates import parse_date
from app.importing.names import strip_honorifics

SIDE_BY_SIDE = """UA: 12/16 Index: ASA 99/1234/2016 Examplia          Date: 8 March 2016

URGENT ACTION
TWO TEACHERS HELD IN SECRET
Two teachers, Ana Sample and Ben Example, have been held since 19 February. Their families
fear that Ana Sample and Ben Example are at risk of torture.

PLEASE SEND APPEALS BEFORE 19 APRIL 2016 TO:
Minister of the Interior                       Director of Police
Carla Beispiel                                 Dario Muster
Ministry of the Interior                       Police Headquarters
1 Example Road                                 2 Sample Street
Example City                                   Example City
Salutation: Dear Minister                      Salutation: Dear Director
"""


def test_officials_printed_side_by_side_are_two_officials() -> None:
    parsed = parse_text(SIDE_BY_SIDE)
    officials = {(t.name, t.title, t.salutation, t.address) for t in parsed.targets}
    assert officials == {
        (
            "Carla Beispiel",
            "Minister of the Interior",
            "Dear Minister",
            "Ministry of the Interior, 1 Example Road, Example City",
        ),
        (
            "Dario Muster",
            "Director of Police",
            "Dear Director",
            "Police Headquarters, 2 Sample Street, Example City",
        ),
    }


def test_every_name_of_a_list_that_holds_a_repeated_name_is_a_person() -> None:
    text = (
        "Urgent Action\n\nExamplia: Nurses acquitted\n\nPublished 21 November 2023\n\n"
        "The court acquitted the union leaders, Ana Sample, Ben Example, Carla Beispiel and "
        'Dario Muster, of all charges. Ben Example told us: "Your letters helped."\n\n'
        "No further action is requested. This is the first update of UA 97/23.\n"
    )
    names = [p.name for p in parse_text(text).persons]
    assert names == ["Ana Sample", "Ben Example", "Carla Beispiel", "Dario Muster"]


def test_a_number_word_group_is_no_person_and_a_list_named_once_is_read() -> None:
    text = (
        "Examplia: Village elders held without charge\n\nUA 188/17 | AI Index: ASA 99/6954/2017\n"
        "Issue date: 2017-08-17\nAppeals until: 2017-09-28\n\n"
        "Three village elders from Sample Creek, Ana Sample Rahman, Ben Example Sultan and "
        "Carla Beispiel Hashim, have been held without charge since 2 August.\n"
    )
    parsed = parse_text(text)
    assert [p.name for p in parsed.persons] == [
        "Ana Sample Rahman",
        "Ben Example Sultan",
        "Carla Beispiel Hashim",
    ]
    assert parsed.deadline == date(2017, 9, 28)


def test_a_new_name_label_adds_to_the_people_the_story_names() -> None:
    text = (
        "Weitere Informationen zu UA-112/2018\n\nEXAMPLIEN\nAktivistinnen weiter in Haft\n\n"
        "Datum: 24.08.2018\n\nDie Aktivistinnen Ana Sample, Berta Example und Carla Beispiel "
        "sind seit Mai ohne Anklage in Haft. Am 1. August wurde Dora Muster festgenommen.\n\n"
        "Neuer Name: Dora Muster\n\nAppelle bis: 05.10.2018\n"
    )
    names = {p.name for p in parse_text(text).persons}
    assert names == {"Ana Sample", "Berta Example", "Carla Beispiel", "Dora Muster"}


def test_bare_name_lines_under_a_german_headline_are_the_people() -> None:
    text = (
        "URGENT ACTION\nJOURNALISTEN IN HAFT\nÄTHIOPIEN\n"
        "UA-Nr: UA-041/2020    AI-Index: AFR 25/2109/2020    Datum: 2. April 2020\n\n"
        "Dawit Sample\nHirut Example\n\n"
        "Die Journalist_innen Dawit Sample und Hirut Example wurden am 18. März festgenommen, "
        "nachdem sie über Polizeigewalt berichtet hatten.\n"
    )
    parsed = parse_text(text)
    assert [p.name for p in parsed.persons] == ["Dawit Sample", "Hirut Example"]
    assert parsed.title == "JOURNALISTEN IN HAFT"
    assert parsed.country == "Ethiopia"


def test_honorifics_and_given_names_that_look_like_them() -> None:
    assert strip_honorifics("Dato' Seri Ahmad Sample bin Example") == "Ahmad Sample bin Example"
    assert strip_honorifics("Tan Sri Ahmad Sample") == "Ahmad Sample"
    assert strip_honorifics("Capitaine Ibrahima Example") == "Ibrahima Example"
    assert strip_honorifics("Cheikh Ould Mohamed Sample") == "Cheikh Ould Mohamed Sample"
    assert strip_honorifics("Sheikh Ahmad Sample") == "Ahmad Sample"


def test_slashed_dates_are_day_first_unless_the_second_number_cannot_be_a_month() -> None:
    assert parse_date("Esta acción finaliza el 14/04/2023") == date(2023, 4, 14)
    assert parse_date("el 03/04/2023") == date(2023, 4, 3)
    assert parse_date("through 07/18/2024") == date(2024, 7, 18)
    assert parse_date("AI Index: MDE 24/07/94") is None


def test_a_follow_up_label_or_a_country_after_the_number_is_no_title() -> None:
    text = (
        "Bolivia: Defender released\n\nAU 137/22 - Acción complementaria final\n"
        "Índice: AMR 99/6290/2022\nFecha: 30 de noviembre de 2022\n\n"
        "La defensora Ana Sample Ejemplo fue puesta en libertad el 22 de noviembre. "
        "Ana Sample Ejemplo agradeció las cartas.\n\nYa no es necesario actuar.\n"
        "Más información: amnesty.org/es/documents/amr99/5977/2022/es/\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "Defender released"
    assert parsed.previous_ua_link == "https://amnesty.org/es/documents/amr99/5977/2022/es/"


def test_a_portuguese_model_letter_greeting_is_the_officials_salutation() -> None:
    text = (
        "AÇÃO URGENTE\nJORNALISTA DESAPARECIDO\nMoçambique    AU 23/24   Índice: AFR 41/7755/2024\n\n"
        "O jornalista Arlindo Exemplo está desaparecido desde 7 de fevereiro. Receia-se que "
        "Arlindo Exemplo corra risco de tortura.\n\n"
        "AJA: ESCREVA UM APELO POR SUAS PRÓPRIAS PALAVRAS OU USE ESTE MODELO DE CARTA\n\n"
        "Procuradora-Geral da República\nBeatriz Amostra\nAv. Exemplo, n.º 1\nMaputo, Moçambique\n"
        "Email: pgr@example.org\n\nSenhora Procuradora-Geral,\n\n"
        "Escrevo-lhe para expressar a minha profunda preocupação.\n"
    )
    (official,) = parse_text(text).targets
    assert official.salutation == "Senhora Procuradora-Geral"


OLD_NUMBER_LINE = """EXTERNAL (for general distribution)   AI Index: AMR 34/12/94
Distr: UA/SC
UA 387/94 {concern}
RURITANIA      Juan Example, trade unionist

Juan Example was detained by soldiers. Amnesty International fears for his safety.

APPEALS TO:
President Ramiro Example
Palacio Nacional
Ciudad Ejemplo, Ruritania
Salutation: Dear President

PLEASE SEND APPEALS IMMEDIATELY.
"""


@pytest.mark.parametrize(
    ("concern", "title"),
    [
        ("Fear for safety 27 October 1994", "Fear for safety"),
        (
            "Detention without charge since 27 October 1994",
            "Detention without charge since 27 October 1994",
        ),
        ("Hunger strike from 2 March 1994", "Hunger strike from 2 March 1994"),
    ],
)
def test_a_date_ending_the_concern_line_is_cut_unless_the_concern_leads_to_it(
    concern: str, title: str
) -> None:
    parsed = parse_text(OLD_NUMBER_LINE.format(concern=concern), "invented.txt")
    assert parsed.title == title


REISSUED_FOLLOW_UP = """15 March 1999

Further information on EXTRA 31/99 issued 2 March 1999{wrapped}
Fear for safety/Death threats

PERU Rosa Amelia Quispe, community leader
"""


@pytest.mark.parametrize(
    "wrapped",
    [
        " and\nre-\nissued 9 March 1999",
        "\nand\nre-\nissued 9 March 1999",
        "\nand re-\nissued 9 March 1999",
        "\nAND\nre-issued 9 March 1999",
        "\nand\nreissued 9 March 1999",
    ],
)
def test_the_rest_of_an_issued_and_reissued_line_is_not_the_concern(wrapped: str) -> None:
    parsed = parse_text(REISSUED_FOLLOW_UP.format(wrapped=wrapped), "invented.txt")
    assert parsed.title == "Fear for safety/Death threats"
