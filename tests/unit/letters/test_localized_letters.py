"""Letters a native reader would sign: the country in the letter's language, no foreign
honorifics, the sender's country, group labels with their article, the date form of the
sender's country, and a language the official reads."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.model import Person, SenderProfile, Target
from app.output.address import with_country_last
from app.services.letters import default_letter_locale, draft_letter
from tests.unit.letters.conftest import TODAY, make_case


@pytest.mark.parametrize(
    ("locale", "country"),
    [
        ("en", "(Cambodia)"),
        ("es", "(Camboya)"),
        ("fr", "(Cambodge)"),
        ("de", "(Kambodscha)"),
        ("pt", "(Camboja)"),
        ("ar", "(كمبوديا)"),
    ],
)
def test_the_country_is_named_in_the_letters_language(
    sender: SenderProfile, locale: str, country: str
) -> None:
    case = make_case(country="Cambodia", model_letter=None)
    text = draft_letter(case, 1, sender, locale=locale, today=TODAY).text
    assert country in text
    if locale != "en":
        assert "Cambodia" not in text


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_a_case_without_a_country_gets_no_empty_brackets(
    sender: SenderProfile, locale: str
) -> None:
    case = make_case(country="", model_letter=None)
    text = draft_letter(case, 1, sender, locale=locale, today=TODAY).text
    assert "()" not in text and "( )" not in text


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_every_template_prints_the_senders_country(sender: SenderProfile, locale: str) -> None:
    text = draft_letter(make_case(), 1, sender, locale=locale, today=TODAY).text
    head = text.split(TODAY.strftime("%Y"))[0]
    assert "Nowhereland" in head


@pytest.mark.parametrize(
    ("locale", "printed", "shown"),
    [
        ("es", "Herrn Rui Costa", "\nRui Costa\n"),
        ("de", "Herrn Rui Costa", "\nHerrn Rui Costa\n"),
        ("fr", "Mr Rui Costa", "\nRui Costa\n"),
        ("es", "Colonel Ana Ruiz", "\nAna Ruiz\n"),
        ("fr", "Colonel Ana Ruiz", "\nColonel Ana Ruiz\n"),
        ("en", "H.E. Mr Karim Haddad", "\nH.E. Mr Karim Haddad\n"),
        ("pt", "H.E. Mr Karim Haddad", "\nKarim Haddad\n"),
    ],
)
def test_an_address_line_never_starts_with_a_foreign_honorific(
    sender: SenderProfile, locale: str, printed: str, shown: str
) -> None:
    target = Target("Minister of Justice", printed.split()[-1], name_as_printed=printed)
    text = draft_letter(make_case(targets=(target,)), 1, sender, locale=locale).text
    assert shown in text


def test_the_office_line_starts_with_a_capital(sender: SenderProfile) -> None:
    target = Target("ministre de la Justice", "Rui Costa")
    text = draft_letter(make_case(targets=(target,)), 1, sender, locale="fr").text
    assert "\nRui Costa\nMinistre de la Justice\n" in text


@pytest.mark.parametrize(
    ("locale", "phrase"),
    [
        ("en", "about the group “Refugee children and adolescents” (Arcadia)"),
        ("es", "con el grupo «Refugee children and adolescents»"),
        ("fr", "au sujet du groupe « Refugee children and adolescents »"),
        ("de", "wegen der Gruppe „Refugee children and adolescents“"),
        ("pt", "a respeito do grupo «Refugee children and adolescents»"),
        ("ar", "بشأن مجموعة «Refugee children and adolescents»"),
    ],
)
def test_a_group_label_gets_a_noun_with_its_article(
    sender: SenderProfile, locale: str, phrase: str
) -> None:
    case = make_case(persons=(Person("Refugee children and adolescents", None),), model_letter=None)
    assert phrase in draft_letter(case, 1, sender, locale=locale).text


@pytest.mark.parametrize(
    ("country", "system", "date"),
    [
        ("Germany", "en_US.UTF-8", "\n5 March 2026\n"),
        ("United States", "en_GB.UTF-8", "\nMarch 5, 2026\n"),
        # a sender whose country is not known dates as the system locale does
        ("", "en_US.UTF-8", "\nMarch 5, 2026\n"),
        ("", "en_GB.UTF-8", "\n5 March 2026\n"),
        ("", "en_IE.UTF-8", "\n5 March 2026\n"),
        ("Nowhereland", "en_US.UTF-8", "\nMarch 5, 2026\n"),
        ("Nowhereland", "en_AU.UTF-8", "\n5 March 2026\n"),
        ("", "C.UTF-8", "\n5 March 2026\n"),  # no territory: the day comes first
    ],
)
def test_english_dates_follow_the_senders_country_else_the_system_locale(
    sender: SenderProfile,
    country: str,
    system: str,
    date: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LC_ALL", system)
    writer = dataclasses.replace(sender, country=country)
    assert date in draft_letter(make_case(), 1, writer, locale="en", today=TODAY).text


def test_the_default_language_is_one_the_official_reads_preferring_the_documents() -> None:
    french = make_case(document_language="fr", preferred_languages=())
    assert default_letter_locale(french, 1) == "fr"
    german = make_case(document_language="de", preferred_languages=("English", "German"))
    assert default_letter_locale(german, 1) == "de"
    spanish_for_arabic = make_case(document_language="es", preferred_languages=("Arabic",))
    assert default_letter_locale(spanish_for_arabic, 1) == "ar"
    unknown = make_case(document_language="sw", preferred_languages=())
    assert default_letter_locale(unknown, 1) == "en"


def test_an_address_naming_its_country_in_another_language_gets_no_second_one() -> None:
    lines = ["Ulitsa 1", "Moscow", "RUSSISCHE FÖDERATION"]
    assert with_country_last(lines, "Russia") == lines
    assert with_country_last(["Ulitsa 1", "Moscow"], "Russia")[-1] == "RUSSIA"


@pytest.mark.parametrize(
    ("locale", "title"),
    [
        ("ar", "وزير العدل وحقوق الإنسان"),
        ("fr", "Ministre de la Justice et des Droits humains"),
        ("es", "Ministro de Justicia y Derechos Humanos"),
    ],
)
def test_a_french_title_is_named_in_the_letters_language(
    sender: SenderProfile, locale: str, title: str
) -> None:
    official = Target(
        "Ministre de la Justice et des Droits humains",
        "Crispin Lukusa",
        address="228, avenue de Lemera\nKinshasa-Gombe",
    )
    letter = draft_letter(make_case(targets=(official,)), 1, sender, locale=locale, today=TODAY)
    assert title in letter.text
    assert (letter.recipient or official).title == title  # what the envelope prints
