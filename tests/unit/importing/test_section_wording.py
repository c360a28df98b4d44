"""Wording met in section pages and relays: each rule read from a short fictional UA, as the
importer shows it to a volunteer (the official to write to, the people, the dates)."""

from __future__ import annotations

from datetime import date

from app.importing import parse_text

_SPANISH_PAGE = """Primera AU 063/26: 063/26 | Índice: AMR 37/0001/2026 | Fecha: 2 de marzo de 2026 | Honduras
Acción Urgente
DEFENSORA AMENAZADA
La defensora Ana Ejemplo Prueba recibió el 1 de marzo una amenaza de muerte por defender las
tierras de su comunidad. Las autoridades deben protegerla de inmediato.
Actúa: redacta tu propio llamamiento o utiliza esta carta modelo
Fiscal General de Honduras Pedro Ejemplo Muestra
Edificio Ministerio Público, Colonia Ejemplo
Tegucigalpa, Honduras
Correo-e: fiscal@mp.example
Señor Fiscal General:
Me dirijo a usted para expresarle mi preocupación por la seguridad de Ana Ejemplo Prueba.
Atentamente,
Fecha límite para enviar llamamientos: 13 de abril de 2026
NOMBRE Y PRONOMBRE: Ana Ejemplo Prueba (ella)
"""


def test_an_office_and_name_on_one_line_under_actua_is_the_official() -> None:
    parsed = parse_text(_SPANISH_PAGE)
    [official] = parsed.targets
    assert (official.title, official.name) == (
        "Fiscal General de Honduras",
        "Pedro Ejemplo Muestra",
    )
    assert official.salutation == "Señor Fiscal General"


def test_a_fecha_limite_label_gives_the_deadline() -> None:
    assert parse_text(_SPANISH_PAGE).deadline == date(2026, 4, 13)


def test_a_portuguese_deadline_and_names_label_are_read() -> None:
    parsed = parse_text(
        "AÇÃO URGENTE\nATIVISTAS DETIDOS\n"
        "Dois ativistas foram detidos a 2 de março de 2026 durante um protesto pacífico e "
        "permanecem detidos sem acusação.\n"
        "AJA: ESCREVA UM APELO COM AS SUAS PRÓPRIAS PALAVRAS\n"
        "Procurador-Geral da República\nDr. Rui Exemplo Teste\nRua Exemplo, 7\nLuanda, Angola\n"
        "Email: pgr@pgr.example\n"
        "POR FAVOR, AJA O MAIS RAPIDAMENTE POSSÍVEL ATÉ: 14 de abril de 2026\n"
        "NOMES E PRONOMES: Tiago Exemplo (ele), Rosa Exemplo (ela)\n"
        "AU 12/26, AFR 12/0001/2026, Angola, 3 de março de 2026\n"
    )
    assert parsed.deadline == date(2026, 4, 14)
    assert [p.name for p in parsed.persons] == ["Tiago Exemplo", "Rosa Exemplo"]
    assert [t.name for t in parsed.targets] == ["Rui Exemplo Teste"]


def test_a_final_names_the_official_supporters_wrote_to_on_a_persons_behalf() -> None:
    parsed = parse_text(
        "Urgent action\nTeacher freed after two years\n"
        "Teacher Olga Exemplova was released on 2 March 2026. She thanked everyone who wrote to "
        "President Ivan Examplov on her behalf.\n"
        "No further action is required of the UA network at this time.\n"
        "This is the second update of UA 12/25.\nName: Olga Exemplova\n"
    )
    assert [(t.title, t.name) for t in parsed.targets] == [("President", "Ivan Examplov")]


def test_a_german_page_date_under_its_headline_and_a_rank_before_a_name() -> None:
    parsed = parse_text(
        "UA-204-1/2026\nAI-Index: AFR 54/0001/2026\nSudan\n"
        "Studierende weiterhin ohne Kontakt zur Außenwelt\n28. Februar 2026\n"
        "Die Studierenden werden seit Wochen ohne Kontakt zur Außenwelt festgehalten.\n"
        "Bitte schicken Sie Ihre Appelle bis zum 9. April 2026.\n"
        "APPELLE AN\nDIREKTOR DES SICHERHEITSDIENSTES\nGeneralleutnant Abbas Beispiel Muster\n"
        "PO Box 1\nKhartum, SUDAN\n(Anrede: Your Excellency / Exzellenz)\n"
        "Namen: Ali Beispiel, Sara Muster\n"
    )
    assert parsed.issued_on == date(2026, 2, 28)
    assert parsed.deadline == date(2026, 4, 9)
    assert [t.name for t in parsed.targets] == ["Abbas Beispiel Muster"]
    assert [p.name for p in parsed.persons] == ["Ali Beispiel", "Sara Muster"]


def test_other_members_in_a_names_column_and_a_radio_station_are_no_persons() -> None:
    column = parse_text(
        "PUBLIC                    AI Index: AMR 34/001/2026\n\n"
        "UA 18/26       Death threats\n\n"
        "GUATEMALA       Ana Ejemplo Tzul (f), trade unionist\n"
        "                Other members of the Sindicato de Ejemplo\n\n"
        "Ana Ejemplo Tzul received a death threat on 9 March 2026.\n"
    )
    assert [p.name for p in column.persons] == ["Ana Ejemplo Tzul"]
    story = parse_text(
        "Journalist Held Incommunicado (Nicaragua: UA 41.26)\n"
        "Octavio Ejemplo Prueba, a journalist with the radio station Voz del Ejemplo, has been "
        "held incommunicado since January 19, 2026.\n"
        "Several outlets, including the radio station Voz del Ejemplo, were closed. Octavio "
        "Ejemplo Prueba has not been seen since.\n"
    )
    assert [p.name for p in story.persons] == ["Octavio Ejemplo Prueba"]
