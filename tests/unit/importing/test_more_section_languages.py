"""Section pages in Czech, Hungarian, Greek, Swedish, Danish, Polish, Catalan, Turkish, Arabic
and Chinese: their language, their dates and their appeal deadlines are read. Every text here
is fictional."""

from __future__ import annotations

from datetime import date

import pytest

from app.importing import parse_text
from app.importing.dates import find_dates
from app.importing.languages import detect_language
from app.importing.names import strip_honorifics

_TARGET = """
Prosecutor General
Ivan Example
Example Street 1, Example City
Email: office@prosecutor.example
Salutation: Dear Prosecutor General
"""


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Advokát byl odsouzen k jedenácti letům vězení. Podle jeho rodiny byl ve vazbě bit "
            "a nedostává lékařskou péči, kterou potřebuje, a také nemůže vidět své děti.",
            "cs",
        ),
        (
            "A fiatal újságírót február 11-én tartóztatták le, miután élőben közvetítette a "
            "tüntetést. Azóta csak egyszer beszélhetett vele a családja, és nem kapott ügyvédet.",
            "hu",
        ),
        ("Ο δημοσιογράφος συνελήφθη στις 2 Μαρτίου και κρατείται χωρίς κατηγορία.", "el"),
        # Suffixes after an apostrophe and "al-" before a name are not Spanish or Portuguese.
        (
            "Lama al-Mutairi, 2021'de cezaevinden tahliye edilmesine rağmen hâlâ ülkeden "
            "çıkamıyor. Annesi İstanbul'da tedavi görüyor ve Lama onu ziyaret edemiyor.",
            "tr",
        ),
    ],
    ids=["czech", "hungarian", "greek", "turkish-suffixes"],
)
def test_the_language_of_a_story_is_told(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datum: 12. 5. 2021", date(2021, 5, 12)),
        ("23. června 2021", date(2021, 6, 23)),
        ("2022. március 8.", date(2022, 3, 8)),
        ("14 Μαρτίου 2023", date(2023, 3, 14)),
        ("1 Μαΐου 2024", date(2024, 5, 1)),
    ],
)
def test_czech_hungarian_and_greek_dates_are_read(text: str, expected: date) -> None:
    assert [found for _s, _e, found in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("UA 41/24   Sista datum: 2024-05-03", date(2024, 5, 3)),
        ("Send appeller før 15/03/2024 til:", date(2024, 3, 15)),
        ("Apele wysyłaj do 22 kwietnia 2022 r.", date(2022, 4, 22)),
        ("Son başvuru tarihi: 21 Temmuz 2023", date(2023, 7, 21)),
        ("Pište nejpozději do 23. června 2021 na adresu:", date(2021, 6, 23)),
        ("Kérjük, 2022. április 19-ig küldje el leveleit az alábbi címre:", date(2022, 4, 19)),
        ("Envieu els vostres missatges fins al 14 d'abril de 2021 a:", date(2021, 4, 14)),
        ("يُرجى إرسال المناشدات قبل 23 نوفمبر/تشرين الثاني 2022 إلى:", date(2022, 11, 23)),
        ("Στείλτε τις επιστολές σας έως τις 25 Απριλίου 2023 προς:", date(2023, 4, 25)),
        ("請於2019年6月25日或之前寫信給：", date(2019, 6, 25)),
    ],
    ids=[
        "swedish",
        "danish",
        "polish",
        "turkish",
        "czech",
        "hungarian",
        "catalan",
        "arabic",
        "greek",
        "chinese",
    ],
)
def test_the_deadline_phrase_of_each_section_is_read(line: str, expected: date) -> None:
    text = f"URGENT ACTION\nUA 12/24\n\n{line}\n{_TARGET}"
    assert parse_text(text).deadline == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Preferowane języki: rosyjski, kazachski lub angielski.",
            ["Russian", "Kazakh", "English"],
        ),
        (
            "Mektuplarınızı Arapça, İngilizce ya da kendi dilinizde yazabilirsiniz.",
            ["Arabic", "English"],
        ),
        ("Pište v ruštině, tádžičtině nebo angličtině.", ["Russian", "Tajik", "English"]),
        ("Írjon spanyolul vagy angolul, és kérje a hatóságokat.", ["Spanish", "English"]),
        (
            "Γράψτε στα αραβικά, στα κουρδικά ή στα αγγλικά και ζητήστε από τις αρχές:",
            ["Arabic", "Kurdish", "English"],
        ),
        (
            "يُرجى الكتابة باللغة العربية أو الإنجليزية، ومطالبة السلطات بما يلي:",
            ["Arabic", "English"],
        ),
        ("請以老撾文、英文或你自己的語言寫信，促請當局：", ["Lao", "English"]),
    ],
    ids=["polish-label", "turkish", "czech", "hungarian", "greek", "arabic", "chinese"],
)
def test_the_languages_to_write_in_are_read(line: str, expected: list[str]) -> None:
    text = f"URGENT ACTION\nUA 12/24\n\nSomeone was arrested.\n\n{line}\n{_TARGET}"
    assert list(parse_text(text).preferred_languages) == expected


def test_a_chinese_page_gives_its_index_its_country_and_its_official() -> None:
    text = (
        "國際特赦組織香港分會\n緊急行動\n\n老撾：環保人士被強迫失蹤\n"
        "UA 67/19　AI索引：ASA 26/0451/2019　發佈日期：2019年5月14日\n\n"
        "環保人士於2019年4月28日被帶走。\n\n請寫信給：\n\n"
        "Minister of Public Security\nGen. Vilay Example\nMinistry of Public Security\n"
        "Nongbone Road, Vientiane\nLao PDR\n電郵：minister@mps.gov.la.example\n稱謂：Dear Minister\n"
    )
    parsed = parse_text(text)
    assert parsed.ai_index == "ASA 26/0451/2019"
    assert parsed.country == "Laos"
    assert parsed.title == "環保人士被強迫失蹤"
    [target] = parsed.targets
    assert (target.name, target.salutation, target.email) == (
        "Vilay Example",
        "Dear Minister",
        "minister@mps.gov.la.example",
    )


@pytest.mark.parametrize(
    ("office", "label"),
    [
        ("Prokurator Generalny Republiki Kazachstanu", "Zwrot grzecznościowy"),
        ("Ministre de la Justice", "Tractament"),
        ("Prosecutor General", "Oslovení"),
        ("Fiscal General de la República", "Megszólítás"),
        ("Prime Minister", "Προσφώνηση"),
    ],
)
def test_a_localised_office_and_greeting_label_make_the_block(office: str, label: str) -> None:
    text = (
        f"URGENT ACTION\nUA 12/24\n\nSomeone was arrested.\n\n{office}\nAnna Example\n"
        f"Example Street 1, Example City\nE-mail: office@example.example\n{label}: Dear Sir\n"
    )
    [target] = parse_text(text).targets
    assert (target.title, target.name, target.salutation) == (office, "Anna Example", "Dear Sir")


def test_a_labelled_date_after_the_number_is_no_concern_line() -> None:
    text = (
        "Blixtaktion\nAzerbajdzjan: Journalist gripen efter reportage\nPublicerad 2024-03-22\n\n"
        "UA 41/24   Sista datum: 2024-05-03\n\nJournalisten greps den 14 mars 2024 i Baku.\n"
        f"{_TARGET}"
    )
    parsed = parse_text(text)
    assert parsed.title == "Journalist gripen efter reportage"
    assert parsed.issued_on == date(2024, 3, 22)
    assert parsed.deadline == date(2024, 5, 3)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("S. E. Herrn Gurbanmyrat Orazowiç Beispielow", "Gurbanmyrat Orazowiç Beispielow"),
        ("Z.E. de heer Henri Kasongo Voorbeeld", "Henri Kasongo Voorbeeld"),
        ("H.E. Mr John Example", "John Example"),
        ("M. C. Ibarra Soto", "M. C. Ibarra Soto"),
    ],
)
def test_a_two_letter_style_is_dropped_but_two_initials_are_kept(printed: str, name: str) -> None:
    assert strip_honorifics(printed) == name


@pytest.mark.parametrize(
    ("story", "name"),
    [
        # An age after the name is no house number.
        (
            "Yander Pérez Lugo 23 éves független újságírót február 11-én tartóztatták le, "
            "miután élőben közvetítette a tüntetést. Kérje, hogy engedjék szabadon Yander "
            "Pérez Lugót.",
            "Yander Pérez Lugo",
        ),
        # A Czech role noun before the name is no part of it.
        (
            "Advokát Firdavs Nazarov byl 29. dubna 2021 odsouzen k jedenácti letům vězení. Podle "
            "jeho rodiny byl ve vazbě bit a nedostává potřebnou lékařskou péči.",
            "Firdavs Nazarov",
        ),
    ],
    ids=["hungarian-age", "czech-role"],
)
def test_the_person_of_a_story_is_named_whole(story: str, name: str) -> None:
    text = f"URGENT ACTION\nUA 12/24\n\n{story}\n{_TARGET}"
    assert [p.name for p in parse_text(text).persons] == [name]


@pytest.mark.parametrize(
    "story",
    [
        "Va estar detingut fins al 14 de març de 2021 en una comissaria de Rabat.",
        "Κρατήθηκε έως τις 14 Μαρτίου 2021 σε αστυνομικό τμήμα.",
    ],
    ids=["catalan", "greek"],
)
def test_until_in_the_story_is_no_deadline(story: str) -> None:
    text = f"URGENT ACTION\nUA 12/24\n\n{story}\n{_TARGET}"
    assert parse_text(text).deadline is None
