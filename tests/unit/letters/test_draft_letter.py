"""draft_letter: what the volunteer sees in the letter, in each language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli.errors import notice_text
from app.domain.errors import InvalidInput
from app.domain.model import AppealKind, CaseDetail, Person, SenderProfile, Target
from app.services.letters import available_letter_locales, default_letter_locale, draft_letter
from tests.builders import make_case
from tests.unit.letters.conftest import TODAY


def test_english_letter_has_every_part_in_order(
    case: CaseDetail, sender: SenderProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # the sender's country is not one we know
    letter = draft_letter(
        case, 1, sender, locale="en", today=TODAY, personal_note="I am a teacher too."
    )
    text = letter.text
    parts = [
        "Jo Example\n4 Linden Walk\nAshford, Nowhereland",
        "March 5, 2026",
        "Hon. Oren Castell\nMinister of Public Security\nMinistry of Public Security\n1 Harbour Road",
        "Re: UA 28/23: appeal for Tharani Selvanayagam",
        "Dear Minister,",  # the model letter's own greeting wins
        "I am writing to ask you to release Tharani Selvanayagam",
        "I am a teacher too.",
        "Yours sincerely,",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    assert text.rstrip().endswith("Jo Example")
    assert text.endswith("\n")
    assert "[Your name]" not in text and text.count("Yours sincerely") == 1  # model closing dropped
    assert letter.subject == "UA 28/23: appeal for Tharani Selvanayagam"
    assert (letter.locale, letter.template_name, letter.right_to_left, letter.warnings) == (
        "en",
        "letter.txt.j2",
        False,
        (),
    )
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    british = draft_letter(case, 1, sender, locale="en", today=TODAY)
    assert "\n5 March 2026\n" in british.text and "March 5" not in british.text


def test_language_defaults_to_a_preferred_language_with_a_template(
    case: CaseDetail,
) -> None:
    assert default_letter_locale(case, 1) == "en"  # the model letter's, and the official reads it
    assert default_letter_locale(make_case(document_language="fr"), 1) == "es"
    assert default_letter_locale(make_case(preferred_languages=("Sinhala", "Tamil")), 1) == "en"
    assert default_letter_locale(make_case(preferred_languages=("Tamil", "French")), 1) == "fr"
    assert default_letter_locale(make_case(preferred_languages=()), 1) == "en"


def test_spanish_letter_with_an_english_model_letter_warns_and_uses_its_own_body(
    case: CaseDetail, sender: SenderProfile
) -> None:
    letter = draft_letter(case, 1, sender, locale="es", today=TODAY)
    assert letter.locale == "es"
    assert "Ashford, 5 de marzo de 2026" in letter.text
    assert "Señor Ministro:" in letter.text  # gender stated in the document
    assert "Me dirijo a usted en relación con Tharani Selvanayagam" in letter.text
    assert "I am writing" not in letter.text  # never mix languages
    # the model letter asks for a release: the Spanish letter asks for it in Spanish
    assert letter.asks == ("release",)
    assert "Le pido que ponga en libertad a Tharani Selvanayagam de inmediato" in letter.text
    assert letter.warnings == ()
    assert letter.subject == "AU 28/23: llamamiento en favor de Tharani Selvanayagam"
    unknown = make_case(model_letter="Dear Minister,\n\nI write about the fishing quotas.\n")
    letter = draft_letter(unknown, 1, sender, locale="es", today=TODAY)
    assert [notice_text(w) for w in letter.warnings] == [
        "The model letter is in English but this letter is in Spanish; "
        "write the body yourself or choose English."
    ]


def test_regional_locale_uses_the_base_template_and_regional_dates(
    case: CaseDetail, sender: SenderProfile
) -> None:
    letter = draft_letter(case, 2, sender, locale="es-PE", today=TODAY)
    assert letter.locale == "es_PE"
    assert "Excelentísima Señora Presidenta:" in letter.text
    assert "5 de marzo de 2026" in letter.text


@pytest.mark.parametrize(
    ("locale", "target", "salutation", "closing"),
    [
        ("en", 2, "Your Excellency,", "Yours sincerely,"),
        (
            "fr",
            1,
            "Monsieur le Ministre,",
            "Je vous prie d'agréer, Monsieur le Ministre, l'expression de ma haute considération.",
        ),
        (
            "fr",
            2,
            "Madame la Présidente,",
            "Je vous prie d'agréer, Madame la Présidente, l'expression de ma très haute considération.",
        ),
        ("de", 1, "Sehr geehrter Herr Minister,", "Hochachtungsvoll"),
        ("pt", 2, "Excelentíssima Senhora Presidente da República,", "Respeitosamente,"),
        ("ar", 1, "معالي الوزير،", "وتفضلوا بقبول فائق الاحترام والتقدير،"),
    ],
)
def test_salutation_and_closing_follow_rank_gender_and_language(
    case: CaseDetail, sender: SenderProfile, locale: str, target: int, salutation: str, closing: str
) -> None:
    text = draft_letter(case, target, sender, locale=locale, today=TODAY).text
    assert f"\n{salutation}\n" in text
    assert f"\n{closing}\n" in text


def test_unknown_gender_gets_the_neutral_form(sender: SenderProfile) -> None:
    case = make_case(targets=(Target("Minister of the Interior", "Sam Rook"),), model_letter=None)
    assert "\nDear Minister,\n" in draft_letter(case, 1, sender, locale="en").text
    # both forms, never a slash form, when the UA does not say who holds the office
    german = draft_letter(case, 1, sender, locale="de").text
    assert "\nSehr geehrte Frau Ministerin, sehr geehrter Herr Minister,\n" in german
    french = draft_letter(case, 1, sender, locale="fr").text
    assert "\nMadame la Ministre, Monsieur le Ministre,\n" in french
    assert "\nمعالي الوزير،\n" in draft_letter(case, 1, sender, locale="ar").text


def test_salutation_printed_in_the_ua_wins(sender: SenderProfile) -> None:
    case = make_case(
        targets=(
            Target("Minister of Justice", "Ana Ruiz", salutation="Dear Minister Ruiz,", gender="f"),
        ),
    )
    assert "\nDear Minister Ruiz,\n" in draft_letter(case, 1, sender, locale="en").text


def test_no_model_letter_uses_the_template_body_with_pronouns(sender: SenderProfile) -> None:
    case = make_case(model_letter=None, persons=(Person("Haldor Quin", "they/them"),))
    letter = draft_letter(case, 1, sender, locale="en", today=TODAY)
    assert "I am deeply concerned for their safety" in letter.text
    assert letter.warnings == ()


def test_several_persons_are_listed_with_the_language_list_format(sender: SenderProfile) -> None:
    persons = (Person("Ana"), Person("Luis"), Person("Marta"))
    case = make_case(persons=persons, model_letter=None)
    assert "Ana, Luis y Marta" in draft_letter(case, 1, sender, locale="es").text
    assert "Ana, Luis et Marta" in draft_letter(case, 1, sender, locale="fr").text
    assert draft_letter(case, 1, sender, locale="es").subject == (
        "AU 28/23: llamamiento en favor de Ana, Luis y Marta"
    )


def test_arabic_letter_is_right_to_left(case: CaseDetail, sender: SenderProfile) -> None:
    letter = draft_letter(case, 1, sender, locale="ar", today=TODAY)
    assert letter.right_to_left
    assert "الموضوع: تحرك عاجل 28/23" in letter.text
    assert "مارس" in letter.text  # the month in Arabic


def test_bilingual_letter_puts_the_target_language_first(
    case: CaseDetail, sender: SenderProfile
) -> None:
    letter = draft_letter(case, 1, sender, locale="es", bilingual_with="en", today=TODAY)
    spanish = letter.text.index("Señor Ministro:")
    english = letter.text.index("Dear Minister,")
    assert spanish < english
    # the same letter in both parts: the UA's demand as our sentence in each language
    assert "Le pido que ponga en libertad a Tharani Selvanayagam" in letter.text[:english]
    assert "I urge you to release Tharani Selvanayagam immediately" in letter.text[english:]
    assert letter.locale == "es"


def test_solidarity_card_speaks_to_the_person(case: CaseDetail, sender: SenderProfile) -> None:
    card = draft_letter(case, 1, sender, locale="es", kind=AppealKind.SOLIDARITY)
    assert card.text.startswith("Querida Tharani Selvanayagam:")
    assert card.template_name == "solidarity.txt.j2"
    assert "Ministro" not in card.text and card.warnings == ()


def test_target_out_of_range_is_invalid_input(case: CaseDetail, sender: SenderProfile) -> None:
    for index in (0, 3, -1):
        with pytest.raises(InvalidInput, match="has no official number"):
            draft_letter(case, index, sender)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "en_US.UTF-8/..", "C:\\x", "zz"])
def test_hostile_locale_is_refused(case: CaseDetail, sender: SenderProfile, bad: str) -> None:
    with pytest.raises(InvalidInput):
        draft_letter(case, 1, sender, locale=bad)


def test_language_without_templates_falls_back_to_english_and_says_so(
    case: CaseDetail, sender: SenderProfile
) -> None:
    letter = draft_letter(case, 1, sender, locale="ru")
    assert letter.locale == "en"
    assert "Dear Minister," in letter.text
    assert letter.warnings and "Russian" in notice_text(letter.warnings[0])


def test_user_template_overrides_the_shipped_one(
    case: CaseDetail, sender: SenderProfile, tmp_path: Path
) -> None:
    own = tmp_path / "templates" / "fr"
    own.mkdir(parents=True)
    (own / "letter.txt.j2").write_text(
        "{{ letter.salutation }}\nNotre section vous écrit.\n", encoding="utf-8"
    )
    letter = draft_letter(case, 1, sender, locale="fr", user_templates=tmp_path / "templates")
    assert letter.text == "Monsieur le Ministre,\nNotre section vous écrit.\n"
    # a user's French template never replaces the Spanish one
    spanish = draft_letter(case, 1, sender, locale="es", user_templates=tmp_path / "templates")
    assert "Señor Ministro:" in spanish.text and "Notre section" not in spanish.text


def test_available_letter_locales() -> None:
    locales = available_letter_locales()
    assert locales[0] == "en"
    assert set(locales) >= {"en", "es", "fr", "de", "pt", "ar"}


def test_no_leftover_template_syntax(case: CaseDetail, sender: SenderProfile) -> None:
    for locale in available_letter_locales():
        text = draft_letter(case, 1, sender, locale=locale).text
        assert not re.search(r"\{\{|\{%|%\(|\bNone\b", text), locale


def test_printed_salutation_in_another_language_is_not_mixed_in(sender: SenderProfile) -> None:
    case = make_case(
        targets=(
            Target(
                "Fiscal General de la Nación",
                "Dolores Ficticia",
                salutation="Señora Fiscal General",
                gender="f",
            ),
        ),
    )
    english = draft_letter(case, 1, sender, locale="en").text
    assert "Señora" not in english and "\nDear Attorney General,\n" in english
    spanish = draft_letter(case, 1, sender, locale="es").text
    assert "\nSeñora Fiscal General:\n" in spanish  # the UA's own wording, Spanish punctuation


def test_bilingual_printed_salutation_gives_each_letter_its_half(sender: SenderProfile) -> None:
    case = make_case(
        targets=(
            Target("Minister of Justice", "Ana Ruiz", salutation="Dear Minister/Señora Ministra"),
        )
    )
    english = draft_letter(case, 1, sender, locale="en").text
    spanish = draft_letter(case, 1, sender, locale="es").text
    assert "\nDear Minister,\n" in english and "Señora" not in english
    assert "\nSeñora Ministra:\n" in spanish and "Dear" not in spanish
    french = draft_letter(case, 1, sender, locale="fr").text
    assert "\nMadame la Ministre,\n" in french  # neither half is French: the engine's form


def test_a_new_user_template_is_used_without_a_restart(
    case: CaseDetail, sender: SenderProfile, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    first = draft_letter(case, 1, sender, locale="de", user_templates=user)
    assert "Sehr geehrter Herr Minister," in first.text
    (user / "de").mkdir(parents=True)
    (user / "de" / "letter.txt.j2").write_text(
        "Unsere Gruppe: {{ letter.salutation }}\n", encoding="utf-8"
    )
    second = draft_letter(case, 1, sender, locale="de", user_templates=user)
    assert second.text == "Unsere Gruppe: Sehr geehrter Herr Minister,\n"


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt"])
def test_the_senders_email_follows_the_town_line_without_a_gap(
    case: CaseDetail, locale: str
) -> None:
    sender = SenderProfile(
        name="Jo Example", city="Ashford", country="Nowhereland", email="jo@example.org"
    )
    text = draft_letter(case, 1, sender, locale=locale, today=TODAY).text
    head = text.split("\n\n", 1)[0]  # the sender's block, up to the first blank line
    assert head.splitlines()[0] == "Jo Example"
    assert head.splitlines()[-1] == "jo@example.org"


@pytest.mark.parametrize(
    ("locale", "style"),
    [("en", "Her Excellency"), ("es", "Excma. Sra."), ("fr", "Son Excellence"), ("ar", "فخامة")],
)
def test_the_words_of_honour_stand_right_above_the_name_and_the_office_below_it(
    sender: SenderProfile, locale: str, style: str
) -> None:
    target = Target("President of the Republic", "Lise Amaro", gender="f")
    text = draft_letter(make_case(targets=(target,)), 1, sender, locale=locale, today=TODAY).text
    lines = [line.strip("\u2066\u2067\u2068\u2069\u200e\u200f") for line in text.splitlines()]
    at = lines.index(style)
    assert lines[at + 1] == "Lise Amaro"
    assert lines[at + 2] != "" and "Lise Amaro" not in lines[at + 2], "the office follows"


def test_an_official_of_a_country_naming_the_family_first_is_greeted_by_it(
    sender: SenderProfile,
) -> None:
    """In China, "Wang Jianguo" is Mr Wang; the same name elsewhere reads as given name and
    surname. A man the letter cannot name is "Dear Sir", not "Dear Sir or Madam"."""
    for country, name, greeting in (
        ("China", "Mr Wang Jianguo", "Dear Mr Wang,"),
        ("Republic of Korea", "Ms Park Ji-yeon", "Dear Ms Park,"),
        ("Viet Nam", "Mr Nguyen Van An", "Dear Sir,"),
    ):
        case = make_case(targets=(Target(None, name),), country=country, model_letter=None)
        letter = draft_letter(case, 1, sender, locale="en", today=TODAY)
        assert letter.salutation == greeting, country
        assert greeting in letter.text
