"""Officials' titles in the letter's language: from our office data, the name left as it is.

The expected titles are the official designations each language uses (the French
government's "ministre de la Justice", the Spanish "Fiscal General", the German
"Generalstaatsanwalt", the Portuguese "Procurador-Geral", the Arabic "وزير العدل").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import SenderProfile, Target
from app.domain.output_options import PageSize
from app.letters.salutations import office_data_problems, title_for_letter
from app.output.paper import write_letter_pdf
from app.services.letters import draft_letter
from tests.unit.letters.conftest import TODAY, make_case
from tests.unit.output.pdf_reading import pdf_text


@pytest.mark.parametrize(
    ("title", "gender", "locale", "shown"),
    [
        ("Minister of Justice", "m", "es", "Ministro de Justicia"),
        ("Minister of Justice", "f", "es", "Ministra de Justicia"),
        ("Minister of Justice", None, "es", "Ministro de Justicia"),
        ("Minister of Justice", "f", "fr", "Ministre de la Justice"),
        ("Minister of Justice", "f", "de", "Justizministerin"),
        ("Minister of Justice", "m", "pt", "Ministro da Justiça"),
        ("Minister of Justice", "f", "ar", "وزيرة العدل"),
        ("Prosecutor General", "m", "es", "Fiscal General"),
        ("Prosecutor General", "f", "fr", "Procureure générale"),
        ("Prosecutor General", "m", "de", "Generalstaatsanwalt"),
        ("Prosecutor General", None, "pt", "Procurador-Geral"),
        ("Prosecutor General", "m", "ar", "النائب العام"),
        ("Chief of Police", "f", "es", "Jefa de Policía"),
        ("Chief of Police", "m", "fr", "Chef de la police"),
        ("Chief of Police", "m", "de", "Polizeichef"),
        ("Chief of Police", "f", "pt", "Chefe da Polícia"),
        ("Chief of Police", "m", "ar", "قائد الشرطة"),
        ("the Minister of the Interior.", "m", "fr", "Ministre de l'Intérieur"),
        ("Minister of Home Affairs", "m", "fr", "Ministre de l'Intérieur"),
        ("Home Minister", "f", "es", "Ministra del Interior"),
        ("Justizministerin", "f", "en", "Minister of Justice"),
        ("Fiscal General de la Nación", "f", "fr", "Procureure générale"),
    ],
)
def test_a_known_title_is_written_in_the_letters_language(
    title: str, gender: str | None, locale: str, shown: str
) -> None:
    assert title_for_letter(title, locale, gender) == shown


@pytest.mark.parametrize(
    ("title", "locale"),
    [
        ("Minister of Justice of Peru", "es"),  # not in our data: kept whole, never half done
        ("Director of Evin Prison", "fr"),
        ("Ministro de Justicia", "es"),  # already in the letter's language: as printed
        ("Minister for Justice", "en"),
    ],
)
def test_an_unknown_title_or_one_in_the_letters_language_stays_as_printed(
    title: str, locale: str
) -> None:
    assert title_for_letter(title, locale, "f") == title


@pytest.mark.parametrize(
    ("locale", "title_line", "closing_word"),
    [
        ("es", "Ministra de Justicia", "Respetuosamente"),
        ("fr", "Ministre de la Justice", "Madame la Ministre"),
        ("de", "Justizministerin", "Hochachtungsvoll"),
        ("pt", "Ministra da Justiça", ""),
        ("ar", "وزيرة العدل", ""),
        ("en", "Minister of Justice", "Yours sincerely"),
    ],
)
def test_the_letter_names_the_office_in_its_language_and_the_name_unchanged(
    tmp_path: Path, qapp, sender: SenderProfile, locale: str, title_line: str, closing_word: str
) -> None:
    target = Target(
        "Minister of Justice",
        "Ana Pérez Gómez",
        address="Ministry of Justice\nAv. Ejemplo 123\nLima 1",
        gender="f",
    )
    case = make_case(targets=(target,), country="Peru")
    letter = draft_letter(case, 1, sender, locale=locale, today=TODAY)
    assert f"\nAna Pérez Gómez\n{title_line}\n" in letter.text
    assert closing_word in letter.closing
    path = tmp_path / "letter.pdf"
    write_letter_pdf(letter, path, sender=sender, target=target, page_size=PageSize.A4)
    printed = pdf_text(path)
    if locale != "ar":  # Arabic text comes back from the PDF in visual order
        assert title_line in printed
    if locale != "en":
        assert "Minister of Justice" not in printed, "the window shows the translated title"
    assert printed.count("Ana Pérez Gómez") == 1, "the address is printed once, in the window"


def test_the_translators_check_catches_a_broken_title_entry() -> None:
    data = {
        "titles": {
            "minister_of_justice": {"f": "Ministra de Justicia"},
            "prime_minister": {"m": "Primer Ministro", "neutral": "Primer/a", "plural": "x"},
            "governor": 12,
        }
    }
    problems = office_data_problems(data)
    assert any("minister_of_justice: the neutral form is missing" in p for p in problems)
    assert any("prime_minister: unknown key(s) plural" in p for p in problems)
    assert any(p.startswith("[titles] governor:") for p in problems)


@pytest.mark.parametrize(
    ("locale", "title_line"),
    [
        ("pt", "Governador do Maranhão"),
        ("fr", "Gouverneur du Maranhão"),
        ("de", "Gouverneur von Maranhão"),
        ("es", "Gobernador de Maranhão"),
        ("en", "Governor of Maranhão"),
    ],
)
def test_a_governor_of_a_state_is_named_in_the_letters_language_with_the_place_as_printed(
    sender: SenderProfile, locale: str, title_line: str
) -> None:
    target = Target(
        "Governor of Maranhão",
        "Carlos Exemplo",
        address="Palácio dos Leões\nAv. Dom Pedro II\nSão Luís - MA",
        gender="m",
    )
    case = make_case(targets=(target,), country="Brazil")
    letter = draft_letter(case, 1, sender, locale=locale, today=TODAY)
    assert f"\nCarlos Exemplo\n{title_line}\n" in letter.text
    if locale != "en":
        assert "Governor of" not in letter.text


@pytest.mark.parametrize(
    ("title", "gender", "locale", "shown"),
    [
        ("Governor of the State of Bahia", "f", "pt", "Governadora da Bahia"),
        ("Governor of São Paulo", None, "fr", "Gouverneur de São Paulo"),
        ("Governor of Lagos State", "m", "de", "Gouverneur von Lagos"),
        ("Governor of Oaxaca", "f", "es", "Gobernadora de Oaxaca"),
        ("Gobernador del Estado de Oaxaca", "m", "en", "Governor of Oaxaca"),
    ],
)
def test_a_title_naming_a_place_keeps_the_place_as_printed(
    title: str, gender: str | None, locale: str, shown: str
) -> None:
    assert title_for_letter(title, locale, gender) == shown


@pytest.mark.parametrize(
    ("title", "locale"),
    [
        ("Governor of Lagos State", "pt"),  # which preposition goes before Lagos: not known
        ("Governor of Oaxaca", "fr"),
        ("Governor of Koh Kong Province", "es"),  # "Province" would stay English
        ("Governor of Northern Province", "de"),
        ("Governor of Mexico City", "es"),
        ("Governor of the Central Bank of Nigeria", "fr"),  # an institution, not a place
        ("Gobernador de Oaxaca", "es"),  # already in the letter's language
    ],
)
def test_a_title_naming_a_place_the_letter_cannot_keep_stays_as_printed(
    title: str, locale: str
) -> None:
    assert title_for_letter(title, locale, "m") == title


def test_the_translators_check_catches_a_place_that_is_not_a_text() -> None:
    problems = office_data_problems({"places": {"Maranhão": 3, "Bahia": "da Bahia"}})
    assert [p for p in problems if p.startswith("[places]")] == [
        "[places] 'Maranhão': write the place as a title names it (a text)"
    ]


@pytest.mark.parametrize(
    ("title", "gender", "locale", "shown"),
    [
        ("Mayor", "f", "es", "Alcaldesa"),
        ("Mayor", "m", "fr", "Maire"),
        ("Mayor", "f", "de", "Bürgermeisterin"),
        ("Mayor", "m", "pt", "Prefeito"),
        ("Mayor", "f", "ar", "رئيسة البلدية"),
        ("Bürgermeister", "m", "en", "Mayor"),
        ("Mayor of Istanbul", "m", "es", "Alcalde de Istanbul"),
        ("Mayor of Istanbul", "f", "fr", "Maire d'Istanbul"),
        ("Mayor of Istanbul", "m", "de", "Bürgermeister von Istanbul"),
        ("Mayor of Istanbul", "f", "pt", "Prefeita de Istambul"),
        ("Mayor of Istanbul", "m", "ar", "رئيس بلدية Istanbul"),
        ("Mayor of the City of São Paulo", None, "fr", "Maire de São Paulo"),
        ("Alcaldesa de Lima", "f", "en", "Mayor of Lima"),
        ("Ambassador of Nigeria", "f", "es", "Embajadora de Nigeria"),
        ("Ambassador of Nigeria", "m", "fr", "Ambassadeur du Nigeria"),
        ("Ambassador of Iran", "f", "fr", "Ambassadrice d'Iran"),
        ("Ambassador of Nigeria", "f", "de", "Botschafterin von Nigeria"),
        ("Ambassador of Nigeria", "m", "pt", "Embaixador da Nigéria"),
        ("Ambassador of Nigeria", "f", "ar", "سفيرة Nigeria"),
        ("Embajador de El Salvador", "m", "fr", "Ambassadeur du Salvador"),
        (
            "Governor of the City of Buenos Aires",
            "m",
            "es",
            "Gobernador de la Ciudad de Buenos Aires",
        ),
        ("Governor of the City of Buenos Aires", "f", "de", "Gouverneurin der Stadt Buenos Aires"),
        ("Governor of Maranhão", "m", "ar", "محافظ Maranhão"),
    ],
)
def test_mayors_ambassadors_and_governors_of_a_city_are_named_in_the_letters_language(
    title: str, gender: str | None, locale: str, shown: str
) -> None:
    assert title_for_letter(title, locale, gender) == shown


@pytest.mark.parametrize(
    ("title", "locale"),
    [
        ("Mayor of Ankara", "fr"),  # which words go before Ankara in French: not known
        ("Ambassador of the Republic of Honduras", "es"),  # "Republic" would stay English
        ("Mayor of Mexico City", "de"),
    ],
)
def test_a_mayor_or_ambassador_of_a_place_the_letter_cannot_keep_stays_as_printed(
    title: str, locale: str
) -> None:
    assert title_for_letter(title, locale, "m") == title


@pytest.mark.parametrize(
    ("locale", "title_line", "salutation"),
    [
        ("es", "Alcaldesa de Istanbul", "Señora Alcaldesa:"),
        ("fr", "Maire d'Istanbul", "Madame la Maire,"),
        ("de", "Bürgermeisterin von Istanbul", "Sehr geehrte Frau Bürgermeisterin,"),
        ("pt", "Prefeita de Istambul", "Senhora Prefeita,"),
        ("ar", "رئيسة بلدية Istanbul", "سعادة رئيسة البلدية،"),
        ("en", "Mayor of Istanbul", "Dear Mayor,"),
    ],
)
def test_a_letter_to_a_mayor_names_her_office_in_its_language(
    sender: SenderProfile, locale: str, title_line: str, salutation: str
) -> None:
    target = Target("Mayor of Istanbul", "Ayşe Örnek", address="Belediye Sarayı", gender="f")
    case = make_case(targets=(target,), country="Turkey", model_letter="")
    letter = draft_letter(case, 1, sender, locale=locale, today=TODAY)
    assert f"\nAyşe Örnek\n{title_line}\n" in letter.text
    assert letter.salutation == salutation
    if locale != "en":
        assert "Mayor" not in letter.text


@pytest.mark.parametrize(
    ("title", "gender", "locale", "salutation"),
    [
        ("Oberbürgermeister von München", "m", "de", "Sehr geehrter Herr Oberbürgermeister,"),
        ("Oberbürgermeisterin von Köln", "f", "de", "Sehr geehrte Frau Oberbürgermeisterin,"),
        (
            "Regierende Bürgermeisterin von Berlin",
            "f",
            "de",
            "Sehr geehrte Frau Regierende Bürgermeisterin,",
        ),
        ("Stadtpräsidentin von Zürich", "f", "de", "Sehr geehrte Frau Stadtpräsidentin,"),
        ("Presidente da Câmara Municipal de Lisboa", "m", "pt", "Senhor Presidente da Câmara,"),
        ("Presidente da Câmara Municipal do Porto", "f", "pt", "Senhora Presidente da Câmara,"),
        ("Prefeita de São Paulo", "f", "pt", "Senhora Prefeita,"),
        ("Presidente Municipal de Oaxaca", "m", "es", "Señor Presidente Municipal:"),
        ("Presidenta Municipal de Oaxaca", "f", "es", "Señora Presidenta Municipal:"),
        ("Alcaldesa de Lima", "f", "es", "Señora Alcaldesa:"),
        ("Bourgmestre de Liège", "f", "fr", "Madame la Bourgmestre,"),
        ("Maire de Lyon", "m", "fr", "Monsieur le Maire,"),
        ("Lord Mayor of London", "m", "en", "Dear Lord Mayor,"),
        ("رئيسة بلدية طرابلس", "f", "ar", "سعادة رئيسة البلدية،"),
        ("عمدة القاهرة", "m", "ar", "سعادة العمدة،"),
    ],
)
def test_a_mayor_is_greeted_by_the_office_the_title_names(
    sender: SenderProfile, tmp_path: Path, title: str, gender: str, locale: str, salutation: str
) -> None:
    """The title line keeps the printed title and the salutation names the same office, as
    each language's protocol greets it (a German Oberbürgermeister is not a Bürgermeister, a
    Portuguese Presidente da Câmara not a Brazilian Prefeito, a Mexican Presidente Municipal
    not the President of the Republic)."""
    target = Target(title, "Dana Ortiz", address="Town Hall", gender=gender)
    case = make_case(targets=(target,), country="Elsewhere", model_letter="")
    letter = draft_letter(case, 1, sender, locale=locale, today=TODAY)
    assert f"\nDana Ortiz\n{title}\n" in letter.text
    assert letter.salutation == salutation
    assert f"\n{salutation}\n" in letter.text
    path = tmp_path / "letter.pdf"
    write_letter_pdf(letter, path, sender=sender, target=target, page_size=PageSize.A4)
    if locale != "ar":  # Arabic text comes back from the PDF in visual order
        assert salutation in pdf_text(path)


@pytest.mark.parametrize(
    ("locale", "title_line", "salutation"),
    [
        ("es", "Embajador de Nigeria", "Señor Embajador:"),
        ("fr", "Ambassadeur du Nigeria", "Monsieur l'Ambassadeur,"),
        ("de", "Botschafter von Nigeria", "Exzellenz,"),
        ("pt", "Embaixador da Nigéria", "Senhor Embaixador,"),
        ("ar", "سفير Nigeria", "سعادة السفير،"),
        ("en", "Ambassador of Nigeria", "Your Excellency,"),
    ],
)
def test_a_letter_to_an_ambassador_names_his_office_in_its_language(
    sender: SenderProfile, locale: str, title_line: str, salutation: str
) -> None:
    target = Target("Ambassador of Nigeria", "Musa Example", address="Embassy", gender="m")
    case = make_case(targets=(target,), country="Nigeria", model_letter="")
    letter = draft_letter(case, 1, sender, locale=locale, today=TODAY)
    assert f"\nMusa Example\n{title_line}\n" in letter.text
    assert letter.salutation == salutation
    if locale != "en":
        assert "Ambassador" not in letter.text
