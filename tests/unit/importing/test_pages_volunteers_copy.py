"""Layouts met on real pages volunteers copy from (the snippets here are invented): a Spanish
update numbered in brackets, addresses set one paragraph per line, a letter's place and date
between an address and its greeting, a group's note under the banner."""

from __future__ import annotations

from datetime import date

from app.domain.model import OutputKind
from app.importing.parser import parse_text

_SPANISH_UPDATE = """\
Acción Urgente
Público - Índice AI: AMR 99/012/2008 - 4 de marzo de 2008
Más información (actualización núm. 2) sobre AU 55/08 (AMR 99/007/2008, de 2 de febrero de 2008) - Temor por la seguridad
PAÍS IMAGINARIO Rosa Elvira Quintanilla (m), sindicalista
Rosa Elvira Quintanilla ha vuelto a recibir amenazas de muerte por teléfono.
"""


def test_a_spanish_update_numbered_in_brackets_is_an_update() -> None:
    doc = parse_text(_SPANISH_UPDATE, "update.txt")
    assert doc.kind is OutputKind.UPDATE
    assert doc.ua_number == "55/08"


_PARAGRAPH_LINES = """\
Urgent Action

Please see below for the Urgent Actions that our group writes this month.

Teacher detained after a union meeting

On 2 May 2023 teacher Ansel Dorrego Vinter was detained in Valmora, Chile, after a union meeting.

Minister Carmela I. Ortúzar,

Ministry of the Interior,

Palacio de Gobierno,


Santiago 8340000,


Email: ministra@interior.cl.example

Dear Minister Ortúzar,

I am writing to ask you to release Ansel Dorrego Vinter.
"""


def test_an_address_set_one_paragraph_per_line_is_one_official_without_the_commas() -> None:
    doc = parse_text(_PARAGRAPH_LINES, "page.txt")
    assert doc.title == "Teacher detained after a union meeting"
    [target] = doc.targets
    assert (target.title, target.name) == ("Minister", "Carmela I. Ortúzar")
    assert target.address == "Ministry of the Interior, Palacio de Gobierno, Santiago 8340000"
    assert target.email == "ministra@interior.cl.example"
    assert target.salutation == "Dear Minister Ortúzar"


def test_a_closing_line_above_an_address_stays_out_of_it() -> None:
    text = _PARAGRAPH_LINES.replace(
        "Minister Carmela I. Ortúzar,", "Kind regards,\n\nMinister Carmela I. Ortúzar,"
    )
    [target] = parse_text(text, "page.txt").targets
    assert (target.title, target.name) == ("Minister", "Carmela I. Ortúzar")


_DUTCH_LETTER = """\
Schrijfactie Verzonnen Land: dichter vastgezet om gedicht

Dichter Joris Amand Velde zit sinds 3 maart vast. Schrijf vóór 1 juni 2022 naar de minister.

Minister of Justice Hendrika Vos-Amari
Ministry of Justice
12 Harbour Road
PORT ELDEN

Zwolle, april 2022.

Dear Minister,

I ask you to release Joris Amand Velde.
"""


def test_a_letter_date_between_the_address_and_the_greeting_keeps_them_together() -> None:
    doc = parse_text(_DUTCH_LETTER, "brief.txt")
    [target] = doc.targets
    assert target.name == "Hendrika Vos-Amari"
    assert target.salutation == "Dear Minister"
    assert doc.deadline == date(2022, 6, 1)


_NO_BLANK_LINES = """\
Briefe gegen das Vergessen: Jeden Monat stellen wir Menschen vor, die zu Unrecht in Haft sind, und bitten Sie, für sie zu schreiben.
Drucken Sie den Brief aus, unterschreiben Sie ihn und schicken Sie ihn mit ausreichendem Porto an die folgende Adresse ab.
Tomasz Erwin Wielgosz
Prosecutor General
Office of the Prosecutor General
7 Harbour Lane
Port Elden
VERZONNEN LAND
Im März 2026
Sehr geehrter Herr Generalstaatsanwalt,
die Journalistin Ilka Marie Sandoval wurde am 2. Februar festgenommen. Bitte lassen Sie sie frei.
"""


def test_a_bare_address_between_prose_and_the_letters_date_without_blank_lines() -> None:
    [target] = parse_text(_NO_BLANK_LINES, "brief.txt").targets
    assert (target.title, target.name) == ("Prosecutor General", "Tomasz Erwin Wielgosz")
    assert (
        target.address
        == "Office of the Prosecutor General, 7 Harbour Lane, Port Elden, VERZONNEN LAND"
    )
    assert target.salutation == "Sehr geehrter Herr Generalstaatsanwalt"


_GROUP_ON_THE_COUNTRY_LINE = """\
URGENT ACTION APPEAL
- From a fictional group blog

12 March 2010

UA 77/10 Risk of forced eviction

BRAZIL Community of Vila Esperança

The community of Vila Esperança in Belo Horizonte faces eviction for a road. Council workers in Belo Horizonte began demolishing shops on 8 March, and residents of Belo Horizonte were told that their houses are next.
"""


def test_a_group_after_the_country_on_one_space_is_the_person() -> None:
    doc = parse_text(_GROUP_ON_THE_COUNTRY_LINE, "blog.txt")
    assert doc.country == "Brazil"
    assert [p.name for p in doc.persons] == ["Community of Vila Esperança"]


def test_a_full_stop_alone_on_a_line_stays_out_of_the_address() -> None:
    text = """\
URGENT ACTION

UA 12/11 Legal concern

SEND APPEALS BEFORE 25 JANUARY 2011 TO:

State Attorney General
Marlon T. Quiroga Jr
.
Office of the Attorney General
12 Capitol Square
Springfield, IL 62701, USA
Salutation: Dear Attorney General
"""
    [target] = parse_text(text, "note.txt").targets
    assert (
        target.address
        == "Office of the Attorney General, 12 Capitol Square, Springfield, IL 62701, USA"
    )
