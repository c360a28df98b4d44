"""Forms of the Dutch and Flemish sections (their deadlines, honorifics, office lines, mail
headers, follow-up and closing sentences, the Dutch woman's mark), deadlines printed without
a year, the Swiss "bis am", the Spanish "LLAMAMIENTOS A:" heading and languages named per
official. Everything here is invented."""

from __future__ import annotations

from datetime import date

from app.domain.case_records import ParsedDocument
from app.domain.model import OutputKind
from app.importing import parse_text
from app.importing.dates import yearless_date_at_start

DUTCH_PAGE = """URGENT ACTION

Ruritanië: journaliste vastgezet

UA 12/18  |  AI-index: EUR 99/1234/2018  |  1 februari 2018

De journaliste Anna Voorbeeld Jansen is op 24 januari 2018 aangehouden.

{deadline}

{heading}

Premier
De heer Karel Voorbeeld Smit
Regeringsgebouw 1
1000 Hoofdstad, Ruritanië
Aanhef: Dear Prime Minister

Procureur-generaal van de Republiek
Monsieur Jean Voorbeeld Dubois
Parquet Général
2000 Hoofdstad, Ruritanië
Aanhef: Monsieur le Procureur Général

Minister van Justitie
Mevrouw Eva Voorbeeld Bakker
Justitieplein 3
1000 Hoofdstad, Ruritanië
Aanhef: Dear Minister

Stuur een kopie naar:
Ambassade van Ruritanië
Z.E. de heer Piet Voorbeeld Vos
Laan 15, 2514 BS Den Haag

Naam: Anna Voorbeeld Jansen (zij/haar)
"""


def _dutch(deadline: str, heading: str = "Stuur je brief naar:") -> ParsedDocument:
    return parse_text(DUTCH_PAGE.format(deadline=deadline, heading=heading), "invented.txt")


def test_dutch_voor_and_uiterlijk_give_the_deadline() -> None:
    written = _dutch("Schrijf zo snel mogelijk, en in elk geval vóór 14 maart 2018, een brief.")
    uppercase = _dutch("GELIEVE BRIEVEN TE STUREN VÓÓR 21 MAART 2018.")
    latest = _dutch("Stuur je brief uiterlijk 28 maart 2018.")
    assert written.deadline == date(2018, 3, 14)
    assert uppercase.deadline == date(2018, 3, 21)
    assert latest.deadline == date(2018, 3, 28)


def test_dutch_honorifics_are_not_part_of_the_name_and_dutch_offices_stay_titles() -> None:
    parsed = _dutch("Schrijf vóór 14 maart 2018.", heading="BRIEVEN AAN:")
    officials = [(t.title, t.name) for t in parsed.targets]
    assert officials == [
        ("Premier", "Karel Voorbeeld Smit"),
        ("Procureur-generaal van de Republiek", "Jean Voorbeeld Dubois"),
        ("Minister van Justitie", "Eva Voorbeeld Bakker"),
    ]


FOLLOW_UP_MAIL = """Van: Urgent Actions <ua@section.example>
Aan: ua-netwerk@lists.example
Onderwerp: Verdere informatie UA 112/04 - Ruritanië
Datum: vrijdag 11 juni 2004 16:02

Beste UA-schrijver,

EXTERN                                             AI Index: AFR 99/014/2004
9 juni 2004

Verdere informatie over UA 112/04 (AFR 99/009/2004, 7 mei 2004) - Vrees voor
foltering / Incommunicado-detentie

DEMOCRATISCHE REPUBLIEK CONGO   Jan Voorbeeld Kalonji (m), mensenrechtenverdediger
                                Marie Voorbeeld Nsimire (v), advocate - vrijgelaten

Jan Voorbeeld Kalonji wordt nog altijd incommunicado vastgehouden.

AANBEVOLEN ACTIE: Stuur zo snel mogelijk brieven in het Frans of in je eigen taal.

{closing}
"""


def test_a_dutch_further_information_is_an_update_titled_by_its_concern_line() -> None:
    parsed = parse_text(FOLLOW_UP_MAIL.format(closing=""), "invented.txt")
    assert parsed.kind is OutputKind.UPDATE
    assert parsed.title == "Vrees voor foltering / Incommunicado-detentie"
    assert parsed.issued_on == date(2004, 6, 9)
    assert parsed.country == "Democratic Republic of the Congo"
    assert [(p.name, p.pronouns) for p in parsed.persons] == [
        ("Jan Voorbeeld Kalonji", "m"),
        ("Marie Voorbeeld Nsimire", "f"),
    ]


def test_dutch_closing_sentences_end_the_action() -> None:
    network = parse_text(
        FOLLOW_UP_MAIL.format(closing="Verdere actie van het UA-netwerk is niet meer nodig."),
        "invented.txt",
    )
    last_update = parse_text(
        FOLLOW_UP_MAIL.format(
            closing="Dit is de eerste en laatste update van UA 112/04. Meer informatie:\n"
            "http://www.amnesty.org/en/library/info/AFR99/009/2004/en"
        ),
        "invented.txt",
    )
    assert network.kind is OutputKind.FINAL
    assert last_update.kind is OutputKind.FINAL
    assert last_update.previous_ua_link == (
        "http://www.amnesty.org/en/library/info/AFR99/009/2004/en"
    )


ENGLISH_PAGE = """Urgent action
Ruritania: Blogger still held
Further information on UA 45/16  |  AI Index: ASA 99/3412/2016  |  {issued}

Blogger John Example Doe remains in jail.

{instruction}

Prime Minister
Ms Jane Example Roe
Prime Minister's Office
Capital 1215, Ruritania
Salutation: Honourable Prime Minister

{languages}

Name: John Example Doe (he/him)
"""


def test_a_deadline_without_a_year_falls_on_or_after_the_document_date() -> None:
    this_year = parse_text(
        ENGLISH_PAGE.format(
            issued="2 February 2016",
            instruction="Write a letter, as soon as possible and before 14 March:",
            languages="",
        ),
        "invented.txt",
    )
    next_year = parse_text(
        ENGLISH_PAGE.format(
            issued="20 December 2016",
            instruction="Write a letter, as soon as possible and before 10 January:",
            languages="",
        ),
        "invented.txt",
    )
    assert this_year.deadline == date(2016, 3, 14)
    assert next_year.deadline == date(2017, 1, 10)


def test_a_yearless_date_needs_a_full_month_name() -> None:
    issued = date(2016, 2, 2)
    assert yearless_date_at_start("14 March:", issued) == date(2016, 3, 14)
    assert yearless_date_at_start("March 14, please", issued) == date(2016, 3, 14)
    assert yearless_date_at_start("5 out of ten", issued) is None
    assert yearless_date_at_start("14 March 2016", issued) is None  # a full date is read whole


def test_swiss_bis_am_gives_the_deadline() -> None:
    parsed = parse_text(
        ENGLISH_PAGE.format(
            issued="8 September 2020",
            instruction="Bitte schreiben Sie bis am 20. Oktober 2020 höflich formulierte Briefe.",
            languages="",
        ),
        "invented.txt",
    )
    assert parsed.deadline == date(2020, 10, 20)


def test_languages_named_per_official_are_all_read() -> None:
    parsed = parse_text(
        ENGLISH_PAGE.format(
            issued="14 March 2019",
            instruction="PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 25 April 2019",
            languages="PREFERRED LANGUAGE TO ADDRESS TARGET: English or French for the Prime "
            "Minister; Spanish for the Governor of the Province.",
        ),
        "invented.txt",
    )
    assert parsed.preferred_languages == ("English", "French", "Spanish")


def test_the_spanish_llamamientos_a_heading_is_not_the_officials_title() -> None:
    text = """EXTERNO                                        Índice AI: AMR 99/008/2006
19 de abril de 2006

AU 61/06        Temor por la seguridad

RURITANIA     Marcos Ejemplo Lagos (h), dirigente campesino

ACCIÓN RECOMENDADA: Envíen llamamientos en español o en su propio idioma.

LLAMAMIENTOS A:
Ministra de Seguridad
Sra. Ana Ejemplo Paz
Secretaría de Seguridad
Colonia Casamata, Capital
Tratamiento: Señora Ministra
"""
    parsed = parse_text(text, "invented.txt")
    assert [(t.title, t.name) for t in parsed.targets] == [
        ("Ministra de Seguridad", "Ana Ejemplo Paz")
    ]


def _two_columns(rows: list[tuple[str, str]]) -> str:
    return "\n".join((left.ljust(48) + right).rstrip() for left, right in rows)


def test_salutations_wrapped_inside_two_merged_columns_are_read_whole() -> None:
    columns = _two_columns(
        [
            ("Prime Minister", "Minister of Justice"),
            ("Mr John Example Doe", "Ms Jane Example Roe"),
            ("Office of the Prime Minister", "Ministry of Justice"),
            ("1 Example Street", "2 Example Avenue"),
            ("Capital, Ruritania", "Capital, Ruritania"),
            ("Email: pm@pm.gov.example", "Email: justice@moj.gov.example"),
            ("Salutation: Dear Prime Minister /", "Salutation: Dear Minister / Madame la"),
            ("Monsieur le Premier ministre", ""),
            ("", "Ministre"),
        ]
    )
    text = (
        "URGENT ACTION\nACTIVIST HELD\nJohn Example Smith was arrested on 2 March 2019.\n\n"
        f"PLEASE SEND APPEALS BEFORE 25 APRIL 2019 TO:\n{columns}\n\n"
        "NAME AND PRONOUN: John Example Smith (he/him)\n\n"
        "UA: 45/19 Index: AMR 99/0212/2019 Ruritania Date: 14 March 2019\n"
    )
    parsed = parse_text(text, "invented.txt")
    assert [(t.name, t.salutation, t.email) for t in parsed.targets] == [
        (
            "John Example Doe",
            "Dear Prime Minister / Monsieur le Premier ministre",
            "pm@pm.gov.example",
        ),
        ("Jane Example Roe", "Dear Minister / Madame la Ministre", "justice@moj.gov.example"),
    ]


def test_a_french_house_number_keeps_its_comma_when_an_address_line_is_split() -> None:
    text = """URGENT ACTION
Ruritanie : le militant reste en détention
AU 118/21  |  Index AI : MDE 99/4631/2021  |  12 août 2021

Le militant Jean Exemple Martin est toujours détenu.

Écrivez à :

Ministre de la Justice
M. Paul Exemple Durand
Ministère de la Justice
8, place Bir Exemple, El Biar
16030 Capitale, Ruritanie
Formule d'appel : Monsieur le Ministre,

Nom : Jean Exemple Martin (il)
"""
    parsed = parse_text(text, "invented.txt")
    assert [t.address for t in parsed.targets] == [
        "Ministère de la Justice, 8, place Bir Exemple, El Biar, 16030 Capitale, Ruritanie"
    ]
