"""Mailing-list digests, page breaks inside an official's address, and section pages in
languages the importer learnt late (Swedish, Danish, Polish, Catalan, Turkish, Arabic).
Everything here is invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.model import OutputKind
from app.importing import parse_file_documents, parse_text
from app.importing.countries import canonical_country
from app.importing.dates import parse_date
from app.importing.languages import detect_language

LIST_DIGEST = """From: Appeals Digest <appeals@lists.network.example>
Subject: Appeals Digest, Vol 3, Issue 9

Today's Topics:

   1. UA 7/05 Ruritania: teacher detained
   2. FI on UA 2/05 Borduria: released

----------------------------------------------------------------------

Message: 1
Date: Mon, 3 Jan 2005 10:00:00 +0000
From: Coordinator <coord@network.example>
Subject: UA 7/05 Ruritania: teacher detained

PUBLIC                                         AI Index: EUR 99/001/2005

2 January 2005

UA 7/05      Fear of torture

CHILE         Anna Exempel (f), teacher

Anna Exempel was arrested on 1 January 2005 and is held incommunicado.

APPEALS TO:
Minister of Justice
Petr Beispiel
Ministry of Justice, Ruritania City, Ruritania
Salutation: Dear Minister

PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section
office, if sending appeals after 14 February 2005.

------------------------------

Message: 2
Date: Mon, 3 Jan 2005 10:05:00 +0000
From: Coordinator <coord@network.example>
Subject: FI on UA 2/05 Borduria: released

PUBLIC                                         AI Index: EUR 98/002/2005

Further information on UA 2/05 (EUR 98/001/2005, 1 January 2005) - Fear of torture

BOLIVIA      Karl Muster (m)

Karl Muster was released on 2 January. No further action is requested.

------------------------------

End of Appeals Digest, Vol 3, Issue 9
*************************************
"""


def test_a_mailing_list_digest_gives_one_document_per_message(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text(LIST_DIGEST, encoding="utf-8")
    documents = [parsed for _name, parsed in parse_file_documents(path)]
    assert [d.ua_number for d in documents] == ["7/05", "2/05"]
    first, second = documents
    assert first.kind is OutputKind.INITIAL
    assert [p.name for p in first.persons] == ["Anna Exempel"]
    assert [t.name for t in first.targets] == ["Petr Beispiel"]
    assert str(first.deadline) == "2005-02-14"
    assert second.kind is OutputKind.FINAL
    assert [p.name for p in second.persons] == ["Karl Muster"]


PAGE_BREAK = """UA: 12/13 Index: ASA 99/001/2013 Ruritania Date: 3 May 2013

URGENT ACTION
TEACHER HELD WITHOUT CHARGE
Anna Exempel, a teacher, has been held without charge since 1 May 2013.

PLEASE SEND APPEALS BEFORE 14 JUNE 2013 TO:
Prime Minister
Petr Beispiel
Office of the Prime Minister
Ruritania City, Ruritania
Email: pm@gov.example
Salutation: Dear Prime Minister

Minister of Justice
Karla Muster
Ministry of Justice
                                                                    1

UA: 12/13 Index: ASA 99/001/2013 Ruritania Date: 3 May 2013

URGENT ACTION
TEACHER HELD WITHOUT CHARGE
12 Castle Street
Ruritania City, Ruritania
Salutation: Dear Minister

ADDITIONAL INFORMATION
Teachers have been detained before.
"""


def test_an_address_cut_by_the_page_foot_goes_on_after_the_next_page_top() -> None:
    targets = parse_text(PAGE_BREAK).targets
    assert [(t.title, t.name) for t in targets] == [
        ("Prime Minister", "Petr Beispiel"),
        ("Minister of Justice", "Karla Muster"),
    ]
    assert targets[1].address == "Ministry of Justice, 12 Castle Street, Ruritania City, Ruritania"
    assert targets[1].salutation == "Dear Minister"


RUNNING_FOOTER = """Amnistía Internacional · Sección Ejemplo                                  Acción Urgente
AU: 5/17 Índice: AMR 99/0001/2017 Ruritania Fecha: 3 de abril de 2017

ACCIÓN URGENTE
MAESTRA AMENAZADA
La maestra Ana Ejemplo ha recibido amenazas de muerte.

ENVÍEN LLAMAMIENTOS ANTES DEL 15 DE MAYO DE 2017 A:
Fiscal General
Sr. Pedro Ejemplo
Calle 1, Ciudad, Ruritania
Correo-e: fiscal@mp.example
Tratamiento: Señor Fiscal General

Ministra del Interior
Sra. Carla Modelo

Amnistía Internacional · Sección Ejemplo                                  Página 1 de 2
Amnistía Internacional · Sección Ejemplo                                  Acción Urgente
Calle 2, Ciudad, Ruritania
Tratamiento: Señora Ministra

Amnistía Internacional · Sección Ejemplo                                  Página 2 de 2
"""


def test_a_running_footer_and_header_between_a_name_and_its_address_are_skipped() -> None:
    targets = parse_text(RUNNING_FOOTER).targets
    assert [t.name for t in targets] == ["Pedro Ejemplo", "Carla Modelo"]
    assert targets[1].address == "Calle 2, Ciudad, Ruritania"
    assert targets[1].salutation == "Señora Ministra"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publicerad 4 april 2019", date(2019, 4, 4)),
        ("senest den 20. august 2021", date(2021, 8, 20)),
        ("15 marca 2021", date(2021, 3, 15)),
        ("3 października 2020", date(2020, 10, 3)),
        ("abans del 23 d'abril de 2020", date(2020, 4, 23)),
        ("14 Temmuz 2022", date(2022, 7, 14)),
        ("التاريخ: 2 مارس/آذار 2023", date(2023, 3, 2)),
        ("before the twenty-first of May 2009", date(2009, 5, 21)),
    ],
)
def test_dates_of_the_later_section_languages_and_in_words(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def _page(number_line: str, story: str, instruction: str) -> str:
    return f"""URGENT ACTION
Ruritania: Teacher held
{number_line}

{story}

{instruction}

Minister of Justice
Petr Beispiel
Ministry of Justice, Ruritania City, Ruritania
Email: minister@justice.example
"""


@pytest.mark.parametrize(
    ("number_line", "instruction", "index", "deadline"),
    [
        (
            "UA 63/19 | Index: MDE 99/0277/2019 | Publicerad 4 april 2019",
            "Skicka ditt brev senast 16 maj 2019.",
            "MDE 99/0277/2019",
            date(2019, 5, 16),
        ),
        (
            "UA 118/21 – Indeks: AMR 99/4410/2021 – 9. juli 2021",
            "Skriv venligst til myndighederne senest den 20. august 2021.",
            "AMR 99/4410/2021",
            date(2021, 8, 20),
        ),
        (
            "UA 29/21 | Indeks: EUR 99/3811/2021 | 15 marca 2021",
            "Napisz apel i wyślij go do 26 kwietnia 2021 roku.",
            "EUR 99/3811/2021",
            date(2021, 4, 26),
        ),
        (
            "AU 52/20 · Índex: MDE 99/1967/2020 · 12 de març de 2020",
            "Escriu al ministre abans del 23 d'abril de 2020.",
            "MDE 99/1967/2020",
            date(2020, 4, 23),
        ),
        (
            "UA 87/22 | Endeks: EUR 99/5871/2022 | 14 Temmuz 2022",
            "25 Ağustos 2022 tarihine kadar başsavcıya yazın.",
            "EUR 99/5871/2022",
            date(2022, 8, 25),
        ),
        (
            "UA 118/09 (AI Index AFR 99/004/2009), issued 30 April 2009",
            "Letters should be sent before the twenty-first of May 2009.",
            "AFR 99/004/2009",
            date(2009, 5, 21),
        ),
        (
            "AU 77/18 · Índice: AFR 99/8123/2018 · 5 de junho de 2018",
            "Escreve em francês ou inglês, até 17 de julho de 2018, à ministra.",
            "AFR 99/8123/2018",
            date(2018, 7, 17),
        ),
    ],
)
def test_a_section_pages_index_after_the_number_and_its_deadline_wording(
    number_line: str, instruction: str, index: str, deadline: date
) -> None:
    parsed = parse_text(_page(number_line, "Anna Exempel was arrested.", instruction))
    assert parsed.ai_index == index
    assert parsed.deadline == deadline


def test_a_follow_ups_bracketed_original_index_stays_the_original() -> None:
    text = """PUBLIC                                         AI Index: EUR 99/009/2005

Further information on UA 2/05 (AI Index: EUR 99/001/2005, 1 January 2005) - Fear of torture
"""
    assert parse_text(text).ai_index == "EUR 99/009/2005"


@pytest.mark.parametrize(
    ("story", "language"),
    [
        (
            "Studenten greps i sitt hem och hans familj vet inte var han hålls efter gripandet.",
            "sv",
        ),
        ("Familierne har ikke fået besked, og de er blevet truet af en gruppe fra byen.", "da"),
        ("Dziennikarka została skazana przez sąd, jest więźniarką sumienia od roku.", "pl"),
        ("El periodista va ser detingut després de publicar un reportatge amb dades.", "ca"),
        ("Editör polisler tarafından gözaltına alındı ve avukatı ile görüşemiyor.", "tr"),
        ("اعتُقل الناشط في منزله بعد أن نشر تغريدات انتقد فيها أوضاع السجون.", "ar"),
        ("El periodista fue detenido por la policía y no ha visto a su abogado.", "es"),
    ],
)
def test_the_language_of_a_section_page(story: str, language: str) -> None:
    assert detect_language(story) == language


@pytest.mark.parametrize(
    ("printed", "country"),
    [
        ("Egypten", "Egypt"),
        ("Białoruś", "Belarus"),
        ("Marroc", "Morocco"),
        ("Azerbaycan", "Azerbaijan"),
        ("البحرين", "Bahrain"),
    ],
)
def test_country_names_of_the_later_section_languages(printed: str, country: str) -> None:
    assert canonical_country(printed) == country


@pytest.mark.parametrize(
    ("heading", "instruction", "languages"),
    [
        (
            "SKRIV TILL",
            "Skriv gärna på arabiska, engelska eller svenska.",
            ["Arabic", "English", "Swedish"],
        ),
        (
            "SKRIV TIL",
            "Skriv venligst på spansk eller engelsk til ministeren.",
            ["Spanish", "English"],
        ),
        ("ADRES", "Pisz po rosyjsku, angielsku lub polsku.", ["Russian", "English", "Polish"]),
        (
            "ADRECES",
            "Escriu en àrab, francès o anglès al ministre.",
            ["Arabic", "French", "English"],
        ),
        (
            "MEKTUP GÖNDERİLECEK ADRES",
            "Rusça veya İngilizce olarak bakana yazın.",
            ["Russian", "English"],
        ),
    ],
)
def test_officials_and_languages_under_the_later_section_languages_headings(
    heading: str, instruction: str, languages: list[str]
) -> None:
    text = f"""URGENT ACTION
Ruritania: Teacher held
UA 63/19 | Index: MDE 99/0277/2019 | 4 April 2019

Anna Exempel was arrested.

{instruction}

{heading}
Minister of Justice
Petr Beispiel
ul. Castle 5
Ruritania City, Ruritania
E-post: minister@justice.example

KOPIA TILL
Embassy of Ruritania
Strandvägen 1, Stockholm
"""
    parsed = parse_text(text)
    assert list(parsed.preferred_languages) == languages
    assert [(t.title, t.name) for t in parsed.targets] == [("Minister of Justice", "Petr Beispiel")]
    assert parsed.targets[0].address == "ul. Castle 5, Ruritania City, Ruritania"


def test_the_office_of_an_ombudswoman_is_no_name() -> None:
    text = """URGENT ACTION
UA 118/21 – Indeks: AMR 99/4410/2021 – 9. juli 2021

SKRIV TIL
Defensora del Pueblo
Sra. Lucía Ejemplo
Calle 55, Bogotá, Colombia
Tratamiento: Señora Defensora
"""
    targets = parse_text(text).targets
    assert [(t.title, t.name) for t in targets] == [("Defensora del Pueblo", "Lucía Ejemplo")]


def test_people_in_a_markdown_table_with_a_name_column() -> None:
    text = """# Ruritania: Three activists held

**UA 131/20** | **Index: AFR 99/2790/2020** | Published 6 August 2020

Three members of a fictional front have been held since 14 July 2020.

| Name | Age | Role |
|---|---|---|
| Anna Exempel | 34 | coordinator |
| Karl Muster | 28 | student leader |
| Petra Beispiel | 51 | teacher |
"""
    names = [p.name for p in parse_text(text).persons]
    assert names == ["Anna Exempel", "Karl Muster", "Petra Beispiel"]


def test_a_list_of_people_after_a_blank_line_under_the_sentence_announcing_it() -> None:
    text = """RURITANIA: THREE JOURNALISTS CHARGED
UA 118/09 (AI Index AFR 99/004/2009), issued 30 April 2009

Three journalists of a community radio were charged with sedition. The three journalists are:

- Anna Exempel, news editor
- Karl Muster, presenter
- Petra Beispiel, reporter

Write to:
"""
    names = [p.name for p in parse_text(text).persons]
    assert names == ["Anna Exempel", "Karl Muster", "Petra Beispiel"]


def test_an_arabic_name_and_pronoun_line() -> None:
    text = """تحرك عاجل
UA: 44/23   رقم الوثيقة: MDE 99/6602/2023   التاريخ: 2 مارس/آذار 2023

اعتُقل الناشط في منزله بعد أن نشر تغريدات.

الاسم والضمير: حسن المثال (هو)
"""
    parsed = parse_text(text)
    assert [(p.name, p.pronouns) for p in parsed.persons] == [("حسن المثال", "هو")]
    assert parsed.document_language == "ar"
    assert parsed.ai_index == "MDE 99/6602/2023"


def test_the_number_under_the_index_then_on_its_concern_line() -> None:
    text = """PUBLIC                                                 AI Index: ASA 99/021/2008
                                                        UA 214/08
17 July 2008

UA 214/08          Fear for safety / Incommunicado detention

SRI LANKA          Anna Exempel (f), aged 29, aid worker
"""
    assert parse_text(text).title == "Fear for safety / Incommunicado detention"


def test_a_polish_role_before_the_name_is_no_part_of_it() -> None:
    text = """PILNA AKCJA
Białoruś: dziennikarka skazana
UA 29/21 | Indeks: EUR 99/3811/2021 | 15 marca 2021

Dziennikarka Anna Exempel, 27 lat, została skazana przez sąd na dwa lata kolonii karnej.
"""
    assert [p.name for p in parse_text(text).persons] == ["Anna Exempel"]


def test_a_salutation_beside_the_fax_and_a_fax_label_with_a_full_stop() -> None:
    text = """PUBLIC                                              AI Index: ASA 99/011/2006

UA 172/06       Fear for safety

APPEALS TO:
President
Her Excellency Anna Exempel
Palace Road, Ruritania City, Ruritania
Fax: +63 2 555 2301          Salutation: Your Excellency
Email: office@president.example ; letters@president.example

Minister of Justice
Hon. Karl Muster
Ministry of Justice, Ruritania City, Ruritania
Fax. : +94 11 2 555 910
Salutation: Dear Minister
"""
    first, second = parse_text(text).targets
    assert first.salutation == "Your Excellency"
    assert first.fax == "+63 2 555 2301"
    assert first.email == "office@president.example, letters@president.example"
    assert second.address == "Ministry of Justice, Ruritania City, Ruritania"
    assert second.fax == "+94 11 2 555 910"


def test_a_portuguese_pages_appeal_and_copy_headings_and_mail_label() -> None:
    text = """AÇÃO URGENTE
Ruritânia: defensora condenada
AU 77/18 · Índice: AFR 99/8123/2018 · 5 de junho de 2018

ENVIA OS TEUS APELOS PARA:
Ministre de la Justice
Mme Anna Exempel
BP 1880, Ruritania City, Ruritania
Correio eletrónico: cabinet@justice.example
Tratamento: Madame la Ministre

COM CÓPIA PARA:
Embaixada da Ruritânia
Avenue de Tervuren 1, 1040 Bruxelas, Bélgica
"""
    targets = parse_text(text).targets
    assert [(t.title, t.name, t.email) for t in targets] == [
        ("Ministre de la Justice", "Anna Exempel", "cabinet@justice.example")
    ]


def test_an_arabic_model_letters_greeting_is_the_officials_salutation() -> None:
    text = """تحرك عاجل
UA: 44/23   رقم الوثيقة: MDE 99/6602/2023   التاريخ: 2 مارس/آذار 2023

اعتُقل الناشط في منزله بعد أن نشر تغريدات.

اتخذوا إجراءً: اكتبوا مناشدة بكلماتكم الخاصة أو باستخدام نموذج الرسالة هذا

Minister of Interior
Karl Muster
Ministry of Interior, Ruritania City, Ruritania
Email: info@interior.example

معالي الوزير،

أكتب إليكم للتعبير عن قلقي البالغ إزاء اعتقال الناشط بسبب تغريدات سلمية، وأحثكم على الإفراج عنه.

وتفضلوا بقبول فائق الاحترام،
"""
    parsed = parse_text(text)
    assert [(t.name, t.salutation) for t in parsed.targets] == [("Karl Muster", "معالي الوزير")]
