"""Rank detection and the per-language salutation rules (data files, not code)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.domain.errors import TemplateProblem
from app.letters.model_letter import salutation_languages
from app.letters.rendering import SHIPPED_TEMPLATES
from app.letters.salutations import (
    Rank,
    courtesy,
    family_name_first_in,
    load_rules,
    name_for_letter,
    office_data_problems,
    office_of,
    official_gender,
    rank_of,
    rules_problems,
    salutation_half,
)


@pytest.mark.parametrize(
    ("title", "rank"),
    [
        ("President of the Republic", Rank.HEAD_OF_STATE),
        ("Prime Minister", Rank.HEAD_OF_GOVERNMENT),
        ("Presidente de la República", Rank.HEAD_OF_STATE),
        ("King of Arcadia", Rank.MONARCH),
        ("Minister of Justice", Rank.MINISTER),
        ("Ministra del Interior", Rank.MINISTER),
        ("Chief Justice", Rank.COURT_PRESIDENT),
        ("President of the Supreme Court", Rank.COURT_PRESIDENT),
        ("Attorney General", Rank.ATTORNEY_GENERAL),
        ("Fiscal de la Nación", Rank.ATTORNEY_GENERAL),
        ("Fiscal Provincial de Lima", Rank.PROSECUTOR),
        ("Administrator of the Detention Centre", Rank.PRISON_DIRECTOR),
        ("Administrateur général", Rank.INSTITUTION_HEAD),
        ("Secretary General of the Ministry of Interior", Rank.INSTITUTION_HEAD),
        ("President of the National Institute of Statistics", Rank.INSTITUTION_HEAD),
        ("رئيس المعهد الوطني", Rank.INSTITUTION_HEAD),
        ("Deputy Minister of Defence", Rank.DEPUTY_MINISTER),
        ("Chief of Army Staff", Rank.MILITARY),
        ("Mayor of Istanbul", Rank.MAYOR),
        ("Presidente Municipal de Oaxaca", Rank.MAYOR),
        ("Presidente da Câmara Municipal de Lisboa", Rank.MAYOR),
        ("Presidente da Câmara dos Deputados", Rank.INSTITUTION_HEAD),
        ("Bourgmestre de Liège", Rank.MAYOR),
        ("Stadtpräsidentin von Zürich", Rank.MAYOR),
        ("رئيسة بلدية طرابلس", Rank.MAYOR),
        ("Justizministerin", Rank.MINISTER),
        ("Governor of the Eastern Province", Rank.GOVERNOR),
        ("Director of the National Penitentiary Institute", Rank.PRISON_DIRECTOR),
        ("Ambassador of Arcadia", Rank.AMBASSADOR),
        ("Inspector General of Police", Rank.POLICE_CHIEF),
        ("Head of the Land Office", Rank.GENERIC),
        (None, Rank.GENERIC),
    ],
)
def test_rank_of_title(title: str | None, rank: Rank) -> None:
    assert rank_of(title) is rank


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_every_rank_has_a_neutral_salutation_and_a_closing(locale: str) -> None:
    rules = load_rules([locale, "en"] if locale != "en" else ["en"])
    for gender in ("f", "m", None):
        polite = courtesy(rules, None, gender)
        assert polite.salutation and polite.closing
    raw = tomllib.loads(
        (SHIPPED_TEMPLATES / locale / "salutations.toml").read_text(encoding="utf-8")
    )
    for rank in Rank:
        entry = raw["salutation"].get(rank.value)
        assert entry is not None, f"{locale}: no salutation for {rank.value}"
        assert isinstance(entry, str) or "neutral" in entry


def test_gendered_forms_only_when_the_document_states_gender() -> None:
    rules = load_rules(["es", "en"])
    assert courtesy(rules, "Ministro de Defensa", "m").salutation == "Señor Ministro:"
    assert courtesy(rules, "Ministra de Defensa", "f").salutation == "Señora Ministra:"
    # unknown: both forms, as Spanish administrative letters write them (never "Excelencia:",
    # which Spanish keeps for heads of state and government and for ambassadors)
    unknown = "Señora Ministra, Señor Ministro:"
    assert courtesy(rules, "Ministro de Defensa", None).salutation == unknown
    assert courtesy(rules, "Minister of Defence", None).salutation == unknown
    assert courtesy(rules, "Fiscal General", None).salutation == (
        "Señora Fiscal General, Señor Fiscal General:"
    )
    assert courtesy(rules, "Presidente de la República", None).salutation == "Excelencia:"
    # a feminine office word is sure evidence; the masculine one is used for everybody
    assert courtesy(rules, "Ministra de Defensa", None).salutation == "Señora Ministra:"


def test_german_names_the_surname_of_an_official_without_a_title() -> None:
    rules = load_rules(["de", "en"])
    assert courtesy(rules, None, "m", name="Thomas Weber").salutation == (
        "Sehr geehrter Herr Weber,"
    )
    assert courtesy(rules, "", "f", name="Anna Maria KELLER").salutation == (
        "Sehr geehrte Frau Keller,"
    )
    # no name to greet by, or none that ends in a surname: the neutral form, never "Herr,"
    for name in (None, "", "Weber", "Thomas Weber Jr."):
        assert courtesy(rules, None, "m", name=name).salutation == (
            "Sehr geehrte Damen und Herren,"
        ), name
    # a title still decides the salutation
    assert courtesy(rules, "Innenminister", "m", name="Thomas Weber").salutation == (
        "Sehr geehrter Herr Minister,"
    )


def test_english_greets_a_named_official_without_a_title_by_the_surname() -> None:
    rules = load_rules(["en"])
    greeted = courtesy(rules, None, "m", name="Anatoly Ivanov")
    assert (greeted.salutation, greeted.closing) == ("Dear Mr Ivanov,", "Yours sincerely,")
    assert courtesy(rules, "", "f", name="Leila Haddad").salutation == "Dear Ms Haddad,"
    # a degree printed before the name is how to greet them, whatever their gender
    doctor = courtesy(rules, None, None, name="Dr Amara Nwosu")
    assert (doctor.salutation, doctor.closing) == ("Dear Dr Nwosu,", "Yours sincerely,")
    # nobody to greet by name: the words for either gender, and the closing that goes with them
    for gender, name in ((None, "Weber"), (None, "Dr. A."), (None, "Aisha Bello")):
        anybody = courtesy(rules, None, gender, name=name)
        assert (anybody.salutation, anybody.closing) == (
            "Dear Sir or Madam,",
            "Yours faithfully,",
        ), name
    # no surname to name, but the UA shows the gender ("Mr Nguyen Van An"): Sir or Madam alone
    for gender, name, greeting in (
        ("m", "Weber", "Dear Sir,"),
        ("m", "Mr Nguyen Van An", "Dear Sir,"),
        ("f", "Ms Tran Thi Mai", "Dear Madam,"),
        ("m", "Mr John Smith Jr.", "Dear Sir,"),
    ):
        unnamed = courtesy(rules, None, gender, name=name)
        assert (unnamed.salutation, unnamed.closing) == (greeting, "Yours faithfully,"), name
        assert unnamed.form_of_address == greeting.removeprefix("Dear ").rstrip(",")


@pytest.mark.parametrize("locale", ["en", "de"])
def test_only_a_certain_surname_is_greeted(locale: str) -> None:
    """Two surnames, a family name first or an Arabic name: greeting the last word would name
    the wrong person ("Dear Mr Pérez" for Carlos Muestra Pérez, whose first surname is Muestra)."""
    rules = load_rules([locale])
    mister = {"en": "Dear Mr {},", "de": "Sehr geehrter Herr {},"}[locale]
    # English greets a man it cannot name "Dear Sir"; German has no such form ("Sehr geehrter
    # Herr," alone is no greeting) and writes the words for either gender.
    anybody = {"en": "Dear Sir,", "de": "Sehr geehrte Damen und Herren,"}[locale]
    for name, greeted in (
        ("Mr Carlos Muestra Pérez", None),
        ("Mr Nguyen Van An", None),
        ("Sheikh Mohammed bin Example Al Sample", None),
        ("Prince Faisal bin Example Al Sample", None),
        ("Carlos MUESTRA PÉREZ", "Muestra Pérez"),  # capitals mark the family name
        ("HUANG Example", "Huang"),
        ("Juan de la Cruz", "de la Cruz"),
        ("Mr Anatoly Ivanov", "Ivanov"),
    ):
        expected = anybody if greeted is None else mister.format(greeted)
        assert courtesy(rules, None, "m", name=name).salutation == expected, name


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_a_sheikh_or_a_prince_is_a_man_and_keeps_the_title_in_every_language(locale: str) -> None:
    for name in ("Sheikh Khalid bin Ahmed Al Example", "Prince Faisal bin Example"):
        assert official_gender(None, title="Minister of Interior", name=name) == "m"
        assert name_for_letter(name, locale) == name
    assert official_gender(None, name="Sheikha Mariam Al Example") == "f"
    assert (
        courtesy(
            load_rules(["fr"]), "Ministre de l'Intérieur", None, name="Cheikh Khalid Al Example"
        ).salutation
        == "Monsieur le Ministre,"
    )


def test_german_greets_a_professor_or_doctor_by_the_degree() -> None:
    rules = load_rules(["de"])
    assert courtesy(rules, None, "f", name="Frau Prof. Dr. Ulrike Brandt").salutation == (
        "Sehr geehrte Frau Professorin Brandt,"
    )
    assert courtesy(rules, None, "m", name="Dr. Thomas Richter").salutation == (
        "Sehr geehrter Herr Dr. Richter,"
    )
    # an office decides before a degree does
    assert courtesy(rules, "Kanzler der Universität Leipzig", "m", name="Dr. Thomas Richter") == (
        courtesy(rules, "Kanzler der Universität Leipzig", "m", name="Thomas Richter")
    )


@pytest.mark.parametrize(
    ("locale", "title", "salutation"),
    [
        ("en", "Crown Prince of the Kingdom of Arcadia", "Your Royal Highness,"),
        ("fr", "Prince héritier du Royaume d'Arcadie", "Monseigneur,"),
        ("de", "Kronprinz des Königreichs Arkadien", "Königliche Hoheit,"),
        ("fr", "Préfet de police", "Monsieur le Préfet,"),
        ("de", "Ministerpräsident des Landes Hessen", "Sehr geehrter Herr Ministerpräsident,"),
        (
            "de",
            "Generalbundesanwalt beim Bundesgerichtshof",
            "Sehr geehrter Herr Generalbundesanwalt,",
        ),
        ("en", "Lord Chief Justice of England and Wales", "Dear Lord Chief Justice,"),
        ("pt", "Reitor da Universidade de Coimbra", "Magnífico Reitor,"),
    ],
)
def test_offices_with_forms_of_their_own(locale: str, title: str, salutation: str) -> None:
    assert courtesy(load_rules([locale]), title, "m").salutation == salutation


def test_french_closing_repeats_the_form_of_address() -> None:
    rules = load_rules(["fr", "en"])
    polite = courtesy(rules, "Ambassador", "f")
    assert polite.salutation == "Madame l'Ambassadrice,"
    assert "Madame l'Ambassadrice" in polite.closing


def test_printed_salutation_wins() -> None:
    rules = load_rules(["en"])
    polite = courtesy(rules, "Minister of Justice", "f", "Dear Minister/Señora Ministra,")
    assert polite.salutation == "Dear Minister/Señora Ministra,"
    assert polite.salutation_from_document


def test_user_file_overrides_single_entries(tmp_path: Path) -> None:
    own = tmp_path / "en"
    own.mkdir()
    (own / "salutations.toml").write_text(
        '[salutation]\nminister = "Honourable Minister,"\n', encoding="utf-8"
    )
    rules = load_rules(["en"], tmp_path)
    assert courtesy(rules, "Minister", None).salutation == "Honourable Minister,"
    assert courtesy(rules, "Governor", None).salutation == "Dear Governor,"  # shipped entry kept


def test_an_edited_user_file_is_used_by_the_next_letter(tmp_path: Path) -> None:
    own = tmp_path / "en"
    own.mkdir()
    rules_file = own / "salutations.toml"
    rules_file.write_text('[salutation]\nminister = "Honourable Minister,"\n', encoding="utf-8")
    assert courtesy(load_rules(["en"], tmp_path), "Minister", None).salutation == (
        "Honourable Minister,"
    )
    assert office_of("Grand Vizier", tmp_path).rank is Rank.GENERIC
    rules_file.write_text('[salutation]\nminister = "Right Honourable Minister,"\n', "utf-8")
    (own / "offices.toml").write_text(
        '[offices]\n"grand vizier" = "head_of_government"\n', encoding="utf-8"
    )
    assert courtesy(load_rules(["en"], tmp_path), "Minister", None).salutation == (
        "Right Honourable Minister,"
    )
    assert office_of("Grand Vizier", tmp_path).rank is Rank.HEAD_OF_GOVERNMENT


def test_broken_rules_file_names_the_line(tmp_path: Path) -> None:
    own = tmp_path / "en"
    own.mkdir()
    (own / "salutations.toml").write_text('[salutation]\nminister = "unclosed\n', encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_rules(["en"], tmp_path)
    assert caught.value.filename.endswith("salutations.toml") and caught.value.lineno == 2


def test_a_spanish_letter_never_gets_english_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.letters import salutations

    monkeypatch.setattr(
        salutations, "search_path", lambda chain, user: [tmp_path / loc for loc in chain]
    )
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "salutations.toml").write_text(
        '[salutation]\ngeneric = "Dear Sir,"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateProblem, match="no salutations file for es"):
        load_rules(["es", "en"])


@pytest.mark.parametrize(
    ("title", "name", "printed", "stated", "expected"),
    [
        ("Minister of Interior", None, "Sehr geehrte Damen und Herren", "f", "neutral"),
        ("Ministro da Justiça", None, "Excelentíssimo(a) Senhor(a)", "m", "neutral"),
        ("Minister of Interior", "Ms Leila Haddad", None, None, "f"),
        ("Minister of Interior", "H.E. Mr Karim Haddad", None, None, "m"),
        ("Minister of Interior", "Ahmed M. Ali", None, None, "neutral"),
        ("Procureur général du Roi", None, None, None, "neutral"),
        ("Bundesministerin der Justiz", None, None, None, "f"),
        ("Minister of Interior", None, None, "f", "f"),
    ],
)
def test_gender_comes_only_from_sure_evidence(
    title: str, name: str | None, printed: str | None, stated: str | None, expected: str
) -> None:
    assert official_gender(stated, title=title, name=name, salutation=printed) == expected


@pytest.mark.parametrize(
    ("printed", "language", "half"),
    [
        ("Dear Minister/Señor Ministro", "es", "Señor Ministro"),
        ("Dear Minister/Señor Ministro", "en", "Dear Minister"),
        ("Dear Minister/Señor Ministro", "fr", None),
        ("Monsieur le Président / Your Excellency", "fr", "Monsieur le Président"),
        ("Monsieur le Président / Your Excellency", "en", "Your Excellency"),
        ("Dear Sir/Madam", "en", "Dear Sir/Madam"),
        ("Señor/a Ministro/a", "es", "Señor/a Ministro/a"),
    ],
)
def test_a_bilingual_printed_salutation_gives_only_its_half(
    printed: str, language: str, half: str | None
) -> None:
    assert salutation_half(printed, language, salutation_languages) == half


def test_french_closing_names_the_office_of_the_printed_salutation() -> None:
    rules = load_rules(["fr", "en"])
    polite = courtesy(rules, "Minister of Justice", "m", "Monsieur le Président,")
    assert polite.salutation == "Monsieur le Président,"
    assert "agréer, Monsieur le Président, l'expression" in polite.closing


def test_military_grade_printed_before_the_name() -> None:
    rules = load_rules(["en"])
    assert courtesy(rules, "Chief of Army Staff", None, name="Gen. Amadou Diallo").salutation == (
        "Dear General,"
    )
    assert courtesy(rules, None, None, name="Colonel Ana Ruiz").salutation == "Dear Colonel,"


def test_an_entry_for_one_country_wins_there_only() -> None:
    rules = load_rules(["en"])
    assert courtesy(rules, "Governor of Lagos State", "m", country="NG").style == "His Excellency"
    assert courtesy(rules, "Governor of Oklahoma", "f", country="US").style == "The Honorable"
    assert courtesy(rules, "Governor of Kano State", "m").style == ""
    arabic = load_rules(["ar"])
    speaker = courtesy(arabic, "رئيس مجلس النواب", "m", country="LB")
    assert (speaker.salutation, speaker.style) == ("دولة الرئيس،", "دولة الرئيس")
    assert courtesy(arabic, "رئيس مجلس النواب", "m", country="IQ").style == "معالي"


def test_of_the_republic_makes_only_a_president_a_head_of_state() -> None:
    assert rank_of("President of the Republic") is Rank.HEAD_OF_STATE
    assert rank_of("Ombudsman of the Republic of the Philippines") is Rank.INSTITUTION_HEAD
    french = courtesy(load_rules(["fr", "en"]), "Médiateur de la République", None)
    assert french.salutation == "Madame, Monsieur,"


def test_offices_of_their_own_in_the_fourth_table() -> None:
    english = load_rules(["en"])
    assert courtesy(english, "Deputy Prime Minister", "m").salutation == (
        "Dear Deputy Prime Minister,"
    )
    assert courtesy(english, "Speaker of Parliament", "f").salutation == "Dear Madam Speaker,"
    pope = courtesy(english, "Pope", None, name="His Holiness Pope Clement XV")
    assert (pope.salutation, pope.closing, pope.style) == (
        "Your Holiness,",
        "Yours respectfully,",
        "His Holiness",
    )
    senior = courtesy(english, "Commander-in-Chief", None, name="Senior General Aung Thet Naing")
    assert senior.salutation == "Dear General,"


@pytest.mark.parametrize(
    ("locale", "title", "salutation"),
    [
        ("fr", "Pape", "Très Saint-Père,"),
        ("es", "Papa", "Santísimo Padre:"),
        ("de", "Papst", "Heiliger Vater,"),
        ("pt", "Papa", "Santíssimo Padre,"),
        ("ar", "البابا", "قداسة البابا،"),
        ("fr", "Cardinal, archevêque de Kinshasa", "Éminence,"),
        ("fr", "Président de l'Assemblée nationale", "Madame la Présidente,"),
        ("es", "Presidenta del Congreso de la República", "Excelentísima Señora Presidenta:"),
        ("de", "Präsidentin des Nationalrates", "Sehr geehrte Frau Präsidentin,"),
        ("pt", "Presidente da Assembleia Nacional", "Excelentíssima Senhora Presidente,"),
        ("de", "Stellvertretende Ministerpräsidentin", "Sehr geehrte Frau Ministerin,"),
        ("fr", "Vice-Premier ministre", "Madame la Vice-Première ministre,"),
    ],
)
def test_every_language_knows_the_new_offices(locale: str, title: str, salutation: str) -> None:
    """An office word added for one language is read in every language's titles: each letter
    language has its own words for it, instead of the rank's ("Monsieur le Directeur")."""
    rules = load_rules([locale] if locale == "en" else [locale, "en"])
    assert courtesy(rules, title, "f").salutation == salutation


def test_a_cardinal_named_before_the_name_outranks_the_see() -> None:
    spanish = load_rules(["es"])
    name = "Su Eminencia el Cardenal Octavio Rivas Solórzano"
    assert courtesy(spanish, "Arzobispo de Managua", "m", name=name).salutation == (
        "Eminencia Reverendísima:"
    )
    # a surname is no dignity
    plain = courtesy(spanish, "Arzobispo de Managua", "m", name="Ernesto Cardenal")
    assert plain.salutation == "Excelencia Reverendísima:"


def test_an_arabic_greeting_may_name_the_official() -> None:
    arabic = load_rules(["ar"])
    emir = courtesy(arabic, "أمير دولة قطر", "m", name="الشيخ منصور بن جاسم آل ثاني")
    assert emir.salutation == "صاحب السمو الشيخ منصور بن جاسم آل ثاني،"
    repeated = courtesy(arabic, "أمير دولة قطر", "m", name="صاحب السمو الشيخ منصور آل ثاني")
    assert repeated.salutation == "صاحب السمو الشيخ منصور آل ثاني،"
    styled = courtesy(arabic, "أمير دولة قطر", "m", name="سمو الشيخ منصور آل ثاني")
    assert styled.salutation == "صاحب السمو الشيخ منصور آل ثاني،"
    assert courtesy(arabic, "أمير دولة قطر", "m", name="Sheikh Mansour").salutation == (
        "صاحب السمو،"
    )
    assert courtesy(arabic, "أمير دولة قطر", "m").salutation == "صاحب السمو،"


def test_initials_and_regnal_numbers_are_not_read_as_words_of_a_name() -> None:
    assert official_gender(None, name="M. C. Ibarra Soto") == "neutral"
    assert official_gender(None, name="M. Ibrahim Ag Mohamed") == "m"
    king = courtesy(load_rules(["de"]), None, "m", name="Alfonso XIV")
    assert king.salutation == "Sehr geehrte Damen und Herren,"


def test_rules_data_is_validated() -> None:
    problems = rules_problems(
        {
            "salutation": {"minister": {"m": "Dear {nickname},", "f": "Dear Minister,"}},
            "closing": {"minister": "Yours, {address}{office}", "ministre": "x"},
            "colour": {},
        }
    )
    text = "\n".join(problems)
    assert "unknown table [colour]" in text
    assert "neutral form is missing" in text
    assert "unknown rank 'ministre'" in text
    assert not any("{address}" in p for p in problems)
    problems = rules_problems({"salutation": {"minister": {"neutral": "Dear {nickname},"}}})
    assert problems == [
        "[salutation] minister.neutral: unknown placeholder {nickname} "
        "(allowed: {name}, {office}, {surname})"
    ]
    assert rules_problems({"style": {"governor@NG": "His Excellency"}}) == []
    problems = rules_problems({"style": {"governor@Nigeria": "x", "ministre@NG": "x"}})
    assert "\n".join(problems).count("unknown rank") == 2


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de", "pt", "ar"])
def test_shipped_rules_are_complete(locale: str) -> None:
    data = tomllib.loads(
        (SHIPPED_TEMPLATES / locale / "salutations.toml").read_text(encoding="utf-8")
    )
    assert rules_problems(data, complete=True) == []
    offices = tomllib.loads((SHIPPED_TEMPLATES / locale / "offices.toml").read_text("utf-8"))
    assert office_data_problems(offices) == []


def test_office_words_are_whole_words() -> None:
    assert rank_of("Administrator of the Land Registry") is Rank.INSTITUTION_HEAD
    assert rank_of("Administrador de Aduanas") is Rank.INSTITUTION_HEAD
    assert rank_of("Ministry of Justice") is Rank.MINISTER
    assert rank_of("Kingdom Tower Manager") is Rank.GENERIC


@pytest.mark.parametrize(
    ("titles", "letter", "expected"),
    [
        (
            (
                "President of the Republic",
                "Presidente de la República",
                "Presidente da República",
                "Präsident der Republik",
            ),
            "es",
            "Excelencia:",
        ),
        (
            (
                "President of the Supreme Court",
                "Presidente de la Corte Suprema",
                "Presidente do Supremo Tribunal",
                "Président de la Cour suprême",
            ),
            "fr",
            "Madame, Monsieur,",
        ),
    ],
)
def test_the_same_office_gets_the_same_salutation_whatever_the_source_language(
    titles: tuple[str, ...], letter: str, expected: str
) -> None:
    """The salutation follows the office in the letter's language: a Spanish or Portuguese
    "Presidente" (anybody) is not the French "présidente" (a woman)."""
    rules = load_rules([letter])
    assert {courtesy(rules, title, None).salutation for title in titles} == {expected}
    # what the source does say about the official still counts, from any language
    assert courtesy(rules, "Presidente de la República", "m").salutation != expected
    assert official_gender(None, title="Présidente de la République") == "neutral"
    assert official_gender(None, title="Presidenta de la República") == "f"


def test_the_president_of_brazils_chamber_of_deputies_is_no_mayor() -> None:
    """ "Presidente da Câmara" is Portugal's mayor; the Chamber of Deputies' president is
    greeted by his own office."""
    rules = load_rules(["pt", "en"])
    assert courtesy(rules, "Presidente da Câmara dos Deputados", "m").salutation == (
        "Senhor Presidente,"
    )
    assert courtesy(rules, "Presidente da Câmara Municipal de Braga", "m").salutation == (
        "Senhor Presidente da Câmara,"
    )


@pytest.mark.parametrize(
    ("title", "locale", "expected"),
    [
        ("Lord Mayor of London", "en", "Dear Lord Mayor,"),
        ("Lord Mayor of London", "fr", "Madame, Monsieur,"),
        ("Lord Mayor of London", "de", "Sehr geehrte Damen und Herren,"),
        ("Lord Advocate", "en", "Dear Lord Advocate,"),
        ("Lord Advocate", "fr", "Madame, Monsieur,"),
        ("Lord Provost of Glasgow", "en", "Dear Lord Provost,"),
    ],
)
def test_an_office_named_with_lord_says_nothing_of_the_holders_gender(
    title: str, locale: str, expected: str
) -> None:
    """A Lord Mayor or Lord Advocate may be a woman: only a stated gender or an honorific
    before the name decides."""
    rules = load_rules([locale, "en"])
    assert courtesy(rules, title, None).salutation == expected


def test_lord_before_a_name_still_greets_a_man() -> None:
    rules = load_rules(["fr", "en"])
    assert courtesy(rules, "Lord Mayor of London", None, name="Lord Smith").salutation == (
        "Monsieur le Maire,"
    )


@pytest.mark.parametrize(
    ("title", "gender", "locale", "expected"),
    [
        ("Bundeskanzlerin", None, "de", "Sehr geehrte Frau Bundeskanzlerin,"),
        ("Federal Chancellor", "m", "de", "Sehr geehrter Herr Bundeskanzler,"),
        ("Federal Chancellor", "m", "en", "Dear Chancellor,"),
        ("Bundeskanzler", "m", "fr", "Monsieur le Chancelier fédéral,"),
        ("Chancellor of Austria", "f", "es", "Excelentísima Señora Cancillera Federal:"),
        (
            "Vizekanzler und Bundesminister für Wirtschaft",
            "m",
            "de",
            "Sehr geehrter Herr Vizekanzler,",
        ),
        ("Kanzler der Universität Beispielstadt", None, "de", "Sehr geehrte Damen und Herren,"),
        ("Chancellor of the Exchequer", "m", "en", "Dear Chancellor,"),
        ("Chancellor of the Exchequer", "m", "de", "Sehr geehrter Herr Minister,"),
        ("Lord Chancellor and Secretary of State for Justice", None, "en", "Dear Lord Chancellor,"),
    ],
)
def test_only_the_head_of_government_chancellor_is_greeted_as_the_federal_chancellor(
    title: str, gender: str | None, locale: str, expected: str
) -> None:
    rules = load_rules([locale, "en"])
    assert courtesy(rules, title, gender).salutation == expected


@pytest.mark.parametrize(
    ("gender", "expected"),
    [
        (None, "Señora Presidenta Municipal, Señor Presidente Municipal:"),
        ("f", "Señora Presidenta Municipal:"),
        ("m", "Señor Presidente Municipal:"),
    ],
)
def test_a_presidente_municipal_is_greeted_by_that_office_whatever_the_gender(
    gender: str | None, expected: str
) -> None:
    rules = load_rules(["es", "en"])
    assert courtesy(rules, "Presidente Municipal de Oaxaca", gender).salutation == expected


@pytest.mark.parametrize(
    ("locale", "highness", "royal"),
    [
        ("en", "Your Highness,", "Your Royal Highness,"),
        ("es", "Alteza:", "Alteza Real:"),
        ("fr", "Monseigneur,", "Monseigneur,"),
        ("de", "Eure Hoheit,", "Königliche Hoheit,"),
        ("pt", "Vossa Alteza,", "Vossa Alteza Real,"),
        ("ar", "صاحب السمو ولي العهد،", "صاحب السمو الملكي ولي العهد،"),
    ],
)
def test_the_heir_of_an_emir_is_styled_highness_and_a_kings_heir_royal_highness(
    locale: str, highness: str, royal: str
) -> None:
    """Kuwait's or Abu Dhabi's crown prince, of a family whose names open with Sheikh, is
    "Highness"; Saudi Arabia's or Jordan's, a prince, "Royal Highness"."""
    rules = load_rules([locale])
    sheikh = courtesy(rules, "Crown Prince of Kuwait", "m", name="Sheikh Fahad Al-Example")
    prince = courtesy(rules, "Crown Prince of Jordan", "m", name="Prince Rashid bin Example")
    assert (sheikh.salutation, prince.salutation) == (highness, royal)
    royal_style = {"en": "Royal", "es": "R.", "fr": "Royale", "de": "K.", "pt": "Real"}
    if locale in royal_style:
        assert royal_style[locale] not in sheikh.style
        assert royal_style[locale] in prince.style
    else:
        assert "الملكي" not in sheikh.style and "الملكي" in prince.style
    # an Arabic title in the construct state ("ولي عهد دولة الكويت") names the office too
    arabic = courtesy(rules, "ولي عهد دولة الكويت", "m", name="الشيخ فهد الصباح")
    assert arabic.salutation == highness


def test_an_heir_is_styled_by_the_country_the_case_names_before_the_word_opening_his_name() -> None:
    """Bahrain is a kingdom whose ruling family's names open with Shaikh: its crown prince is
    "Royal Highness"; Kuwait's is "Highness" whatever opens his printed name."""
    rules = load_rules(["en"])
    title = "Crown Prince"
    bahrain = courtesy(rules, title, "m", name="Shaikh Hamad Al-Example", country="BH")
    kuwait = courtesy(rules, title, "m", name="Mishal Al-Example", country="KW")
    unknown = courtesy(rules, title, "m", name="Shaikh Hamad Al-Example")
    assert bahrain.salutation == "Your Royal Highness,"
    assert kuwait.salutation == "Your Highness,"
    assert unknown.salutation == "Your Highness,"  # no country named: the name decides


def test_a_name_whose_country_puts_the_family_name_first_is_greeted_by_its_first_word() -> None:
    rules = load_rules(["en"])
    assert family_name_first_in("CN") and family_name_first_in("KR")
    assert not family_name_first_in("VN") and not family_name_first_in("US")
    assert not family_name_first_in(None)
    chinese = courtesy(rules, None, "m", name="Mr Wang Jianguo", family_name_first=True)
    assert chinese.salutation == "Dear Mr Wang,"
    # elsewhere the two words are a given name and a surname; capitals decide everywhere
    assert courtesy(rules, None, "m", name="Mr Wang Jianguo").salutation == "Dear Mr Jianguo,"
    capitals = courtesy(rules, None, "f", name="Ms Ji-yeon PARK", family_name_first=True)
    assert capitals.salutation == "Dear Ms Park,"
    german = courtesy(
        load_rules(["de"]), None, "m", name="Herrn Kim Min-jun", family_name_first=True
    )
    assert german.salutation == "Sehr geehrter Herr Kim,"


def test_the_words_of_every_language_are_listed_once() -> None:
    """Sheikh and Prince, in each language's spelling, stand in one [names] table, not in each
    language's [gender] lists; they still show a gender and stay in the name everywhere (see
    ``test_a_sheikh_or_a_prince_is_a_man_and_keeps_the_title_in_every_language``)."""
    tables = {
        folder.name: tomllib.loads((folder / "offices.toml").read_text(encoding="utf-8"))
        for folder in sorted(SHIPPED_TEMPLATES.iterdir())
        if (folder / "offices.toml").is_file()
    }
    shared = [table["names"] for table in tables.values() if "names" in table]
    assert len(shared) == 1
    lists = [shared[0][key] for key in ("f", "m")]
    lists += [words for words in shared[0]["highness"].values()]
    every = [word for words in lists for word in words]
    assert len(every) == len(set(every)), "each word once, the highness words too"
    words = set(every)
    assert {"sheikh", "الشيخ", "prince", "princesa"} <= words
    for language, table in tables.items():
        listed = {*table["gender"].get("f", ()), *table["gender"].get("m", ())}
        assert not listed & words, f"{language} repeats {sorted(listed & words)}"


def test_the_highness_words_are_a_list_or_a_table_of_f_and_m_lists() -> None:
    table = {"f": ["sheikha"], "m": ["sheikh"]}
    assert office_data_problems({"names": {"highness": table}}) == []
    assert office_data_problems({"names": {"highness": ["sheikh", "sheikha"]}}) == []
    for wrong in ({**table, "x": ["emir"]}, {"f": "sheikha"}, "sheikh"):
        problems = office_data_problems({"names": {"highness": wrong}})
        assert [problem.template for problem in problems] == [
            "[names] {key}: only f, m and highness lists"
        ], wrong


def test_a_name_given_name_first_in_a_family_name_first_country_is_read_as_elsewhere() -> None:
    """A Uyghur official in a Chinese case writes the given name first: "Erkin Tuniyaz" is
    Mr Tuniyaz, never Mr Erkin; a Chinese or Korean family name is one syllable."""
    rules = load_rules(["en"])
    for name, greeting in (
        ("Erkin Tuniyaz", "Dear Mr Tuniyaz,"),
        ("Mr Shohrat Zakir", "Dear Mr Zakir,"),
        ("Mr Wang Jianguo", "Dear Mr Wang,"),
        ("Mr Zhao Kezhi", "Dear Mr Zhao,"),
        ("Mr Choi Sang-mok", "Dear Mr Choi,"),
    ):
        polite = courtesy(rules, None, "m", name=name, family_name_first=True)
        assert polite.salutation == greeting, name
