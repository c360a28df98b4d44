"""People at risk: pronouns, sex markers, groups, released persons and the narrative."""

from __future__ import annotations

import pytest

from app.domain.model import Person
from app.importing import parse_text
from app.importing.document import Document
from app.importing.persons import column_persons, labelled_persons, split_person_list
from app.importing.story_persons import narrative_persons
from app.letters.context import person_gender


def test_pronouns_and_sex_markers_are_kept_as_printed() -> None:
    assert split_person_list("Tharani Example (she/her), Keerthanan Sample (he/him)") == [
        Person("Tharani Example", "she/her"),
        Person("Keerthanan Sample", "he/him"),
    ]
    assert split_person_list("Chhim Example (f), Roeun Sample (m)") == [
        Person("Chhim Example", "f"),
        Person("Roeun Sample", "m"),
    ]
    assert split_person_list("Lukas Beispiel (er/ihm), Rosa Ejemplo (femenino)") == [
        Person("Lukas Beispiel", "er/ihm"),
        Person("Rosa Ejemplo", "femenino"),
    ]
    assert split_person_list("Manuel Ejemplo (él) y Ana Ejemplo (ella)") == [
        Person("Manuel Ejemplo", "él"),
        Person("Ana Ejemplo", "ella"),
    ]


def test_a_group_is_one_entry_and_its_description_is_dropped() -> None:
    assert split_person_list("Refugee children and adolescents (they/them/their)") == [
        Person("Refugee children and adolescents", "they/them/their")
    ]
    assert split_person_list("Comunidad ava guaraní Yvy Ejemplo (unas 40 familias)") == [
        Person("Comunidad ava guaraní Yvy Ejemplo")
    ]


def test_labelled_list_may_wrap_onto_the_next_line() -> None:
    doc = Document(
        "NAME AND PRONOUN: Tharani Example (she/her) and Keerthanan\nSample (he/him)\n\nNEXT: x"
    )
    assert [p.name for p in labelled_persons(doc)] == ["Tharani Example", "Keerthanan Sample"]


def test_old_country_column_with_roles_released_and_new_names() -> None:
    text = (
        "NEPAL           Ram Example (m), aged 26, student union leader\n"
        "                Sunita Sample (f), aged 22, schoolteacher - released\n"
        "New name:       Zeynep Example (f), aged 19, student\n\nStory.\n"
    )
    assert [p.name for p in column_persons(Document(text))] == [
        "Ram Example",
        "Sunita Sample",
        "Zeynep Example",
    ]


def test_narrative_person_is_the_repeated_name_not_a_place() -> None:
    text = (
        "Rosângela Ejemplo dos Santos, whose son was killed in São Example, has been threatened.\n\n"
        "I ask you to protect Rosângela Ejemplo dos Santos, who lives in São Example.\n"
        "Rosângela Ejemplo dos Santos must be safe.\n"
    )
    summary = text.split("\n\n")[0]
    assert narrative_persons(Document(text), summary, set()) == [
        Person("Rosângela Ejemplo dos Santos")
    ]


def test_descriptive_tail_after_a_name_is_dropped() -> None:
    assert split_person_list("Padre Example Solís and staff of the migrant shelter") == [
        Person("Padre Example Solís")
    ]
    assert split_person_list("Maria Example Lopez and three other members") == [
        Person("Maria Example Lopez")
    ]


def test_country_alone_on_its_line_with_names_below() -> None:
    text = "NEPAL\n                Ram Example (m), aged 26\n                Sita Sample (f)\n\nStory.\n"
    assert [p.name for p in column_persons(Document(text))] == ["Ram Example", "Sita Sample"]


def test_a_name_mentioned_once_in_the_first_sentence() -> None:
    text = (
        "Der Student Luis Beispiel ist am 28. April 2021 wieder aufgetaucht. Er war verschwunden.\n"
    )
    assert narrative_persons(Document(text), text, set()) == [Person("Luis Beispiel")]


def _story_persons(text: str) -> list[str]:
    return [p.name for p in narrative_persons(Document(text), text.split("\n\n")[0], set())]


def test_both_names_joined_by_und_are_persons_even_when_only_the_first_repeats() -> None:
    text = (
        "Die Brüder Samir Beispielow und Anton Beispielow wurden am 2. März festgenommen. "
        "Samir Beispielow ist Lehrer.\n\nBitte schreiben Sie für Samir Beispielow.\n"
    )
    assert _story_persons(text) == ["Samir Beispielow", "Anton Beispielow"]


def test_two_names_joined_by_y_are_split_and_a_compound_surname_is_kept() -> None:
    text = (
        "Los periodistas Gerardo Ejemplo Ruiz y Lucía Muestra Olvera fueron amenazados. "
        "Lucía Muestra Olvera y Gerardo Ejemplo Ruiz denunciaron las amenazas.\n\n"
        "La lideresa María Ortega y Gasset no fue amenazada.\n"
    )
    assert _story_persons(text) == ["Gerardo Ejemplo Ruiz", "Lucía Muestra Olvera"]


def test_an_armed_group_a_street_and_a_role_noun_are_not_persons() -> None:
    text = (
        "Musician Ana Ejemplo received a leaflet signed by the armed group Los Vigilantes del Sur. "
        "Los Vigilantes del Sur gave Ana Ejemplo 48 hours to leave. The section office at "
        "Ramón Placeholder 14 sent a letter; Ramón Placeholder 14 is in Madrid.\n\n"
        "Write for Ana Ejemplo.\n"
    )
    assert _story_persons(text) == ["Ana Ejemplo"]


def test_pronouns_after_a_name_in_the_story_are_read() -> None:
    text = (
        "Der fiktive Gewerkschafter Lukas Beispiel (er/ihm) wurde am 2. März festgenommen.\n\n"
        "Bitte schreiben Sie für Lukas Beispiel.\n"
    )
    assert narrative_persons(Document(text), text.split("\n\n")[0], set()) == [
        Person("Lukas Beispiel", "er/ihm")
    ]


def test_a_spanish_ua_marks_a_woman_m_and_a_man_h() -> None:
    text = (
        "AU: 31/14 Índice: AMR 41/0031/2014 México Fecha: 3 de marzo de 2014\n\n"
        "ACCIÓN URGENTE\nDOS DEFENSORES AMENAZADOS\n\n"
        "Los defensores Rosa Ejemplo Tapia y Mario Muestra Cruz recibieron amenazas de muerte "
        "por su trabajo en defensa de la tierra de su comunidad.\n\n"
        "Nombres: Rosa Ejemplo Tapia (m), Mario Muestra Cruz (h)\nSexo h/m: ambos\n"
    )
    persons = parse_text(text).persons
    assert [(p.name, p.pronouns) for p in persons] == [
        ("Rosa Ejemplo Tapia", "f"),
        ("Mario Muestra Cruz", "m"),
    ]
    assert [person_gender(p.pronouns) for p in persons] == ["f", "m"]


def test_the_footers_gender_line_gives_the_one_person_their_mark() -> None:
    text = (
        "UA: 58/15 Index: EUR 00/0058/2015 Exampleland Date: 2 March 2015\n\n"
        "URGENT ACTION\nJOURNALIST DETAINED FOR HER REPORTING\n\n"
        "Journalist Lena Example was detained on 1 March 2015 after reporting on corruption.\n\n"
        "Name: Lena Example\nGender m/f: f\n\nUA: 58/15 Index: EUR 00/0058/2015 "
        "Issue Date: 2 March 2015\n"
    )
    assert [(p.name, p.pronouns) for p in parse_text(text).persons] == [("Lena Example", "f")]
    several = text.replace("Name: Lena Example", "Names: Lena Example, Ivo Sample").replace(
        "Gender m/f: f", "Gender m/f: both"
    )
    assert [(p.name, p.pronouns) for p in parse_text(several).persons] == [
        ("Lena Example", None),
        ("Ivo Sample", None),
    ]


def test_a_line_that_only_says_the_persons_sex_is_not_part_of_the_name() -> None:
    for label, sex in (
        ("NOM", "HOMME"),
        ("NOMBRE", "MUJER"),
        ("Nome", "Mulher"),
        ("Name", "female"),
    ):
        doc = Document(f"{label}: Ana Exemple (elle)\n{sex}\nAU : 88/26 Index : AFR 00/8801/2026\n")
        assert labelled_persons(doc) == [Person("Ana Exemple", "elle")], sex
    wrapped = Document("NAME: Lena Example and Ivo\nSample\n\nNEXT: x")
    assert [p.name for p in labelled_persons(wrapped)] == ["Lena Example", "Ivo Sample"]


def test_a_country_alone_on_its_line_heads_the_names_below_it_indented_or_not() -> None:
    text = (
        "UA 131/99 Fear for safety 2 June 1999\n\nPERU\n"
        "Rosa Elena Ejemplo Quispe, Human Rights Ombudsperson of Example Province\n\n"
        "Amnesty International is concerned for the safety of the ombudsperson.\n"
    )
    assert [p.name for p in column_persons(Document(text))] == ["Rosa Elena Ejemplo Quispe"]


def test_a_dash_between_the_country_and_the_name_is_the_column_s_gap() -> None:
    text = (
        "Further Information on UA 118/09 (18 May 2009) - Incommunicado detention\n\n"
        "LAOS – Bounmy Ejemplo (m), aged 52, community activist\n\n"
        "During a visit by his brother, the activist said he had been questioned for hours.\n"
    )
    assert column_persons(Document(text)) == [Person("Bounmy Ejemplo", "m")]


@pytest.mark.parametrize(
    "headline",
    ["EGYPT – Blogger Held Without Charge", "MYANMAR — Journalists Must Be Released Now"],
)
def test_a_headline_after_the_country_and_a_dash_names_nobody(headline: str) -> None:
    """The dash stands for the column's gap only before a name with its details ("Name (m),
    aged 52"): a title-case headline after it is not a person."""
    text = (
        "UA 55/09 Index: MDE 12/003/2009\n\n"
        f"{headline}\n\n"
        "Police arrested the blogger on 1 March at his home.\n"
    )
    assert column_persons(Document(text)) == []


def test_a_long_run_of_spaces_inside_a_name_line_keeps_the_name_and_drops_and_others() -> None:
    """A name line padded by a long run of spaces (a wide PDF column) reads as a short one."""
    for padding in ("", " " * 800):
        text = (
            "UA 12/95   Death threats   12 January 1995\n\n"
            f"GUATEMALA      Ana Ejemplo{padding} and others\n\n"
            "Ana Ejemplo was threatened on 10 January 1995 by armed men.\n"
        )
        assert [p.name for p in column_persons(Document(text))] == ["Ana Ejemplo"], padding
