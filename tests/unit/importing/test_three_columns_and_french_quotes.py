"""Address blocks printed in three columns (two officials and the copies) in PDF text, a rank
and a given name whose surname went down to the next line of a narrow column, a French story
quoting a charge in « » under a headline printed above its banner, and a commander's office
line under a ranked name in a 1990s block; the German "Schreiben Sie bis", an English "Write
before" and closing sentences in German, French and Spanish. Everything here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.model import OutputKind
from app.importing import parse_text

THREE_COLUMNS = """UA: 12/15 Index: EUR 99/1234/2015 Ruritania Date: 9 September 2015

URGENT ACTION
BLOGGER FACES PRISON FOR HIS POSTS
Blogger Karel Voorbeeld Smit faces up to seven years in prison for posts criticizing a land sale.

Please write immediately in Ruritanian or your own language:
■ Calling on the authorities to release Karel Voorbeeld Smit.

PLEASE SEND APPEALS BEFORE 21 OCTOBER 2015 TO:
Prosecutor General                    Minister of Internal Affairs          And copies to:
Anna Beispiel Novak                   Lieutenant General Piet               Human Rights Commissioner
Prosecutor General's Office           Voorbeeld Kowalski                    Eva Voorbeeld Bakker
14 Main Avenue                        Ministry of Internal Affairs          Office of the Commissioner
Capital 010000, Ruritania             1 Freedom Avenue                      11 Peace Street
Email: pg.office@prosecutor.example  Capital 010000, Ruritania             Capital 010000, Ruritania
Salutation: Dear Prosecutor General   Email: minister@interior.example      Email: ombud@ombud.example
                                      Salutation: Dear Minister

Also send copies to diplomatic representatives accredited to your country.

Name: Karel Voorbeeld Smit
Gender m/f: m

UA: 12/15 Index: EUR 99/1234/2015 Issue Date: 9 September 2015
"""


def test_three_columns_give_two_officials_and_leave_the_copies_out() -> None:
    targets = parse_text(THREE_COLUMNS, "invented.txt").targets
    assert [(t.title, t.name) for t in targets] == [
        ("Prosecutor General", "Anna Beispiel Novak"),
        ("Minister of Internal Affairs", "Piet Voorbeeld Kowalski"),
    ]
    prosecutor, minister = targets
    assert prosecutor.salutation == "Dear Prosecutor General"
    assert prosecutor.email == "pg.office@prosecutor.example"
    assert minister.address == (
        "Ministry of Internal Affairs, 1 Freedom Avenue, Capital 010000, Ruritania"
    )
    assert minister.salutation == "Dear Minister"


FRENCH_PAGE = """Amnesty International France
Accueil > Agir > Actions urgentes > Tchad

Tchad. Un journaliste détenu depuis six mois
Action urgente
Publié le 18.06.2019

Le journaliste Jean Voorbeeld Dubois, qui travaillait pour une radio communautaire du nord, est
détenu depuis le 11 décembre 2018 à la prison centrale. Il est poursuivi pour
« apologie d'actes de terrorisme » et « propagation de fausses nouvelles » devant un tribunal
militaire, en raison d'un reportage sur des violences commises par les forces de sécurité.

Écrivez avant le 30 juillet 2019, en français, aux autorités ci-dessous.

AU 105/19, AFR 99/0552/2019, Tchad, 18 juin 2019
"""


def test_a_french_quotation_in_the_story_is_no_breadcrumb_and_the_headline_is_kept() -> None:
    document = parse_text(FRENCH_PAGE, "invented.txt")
    assert document.title == "Un journaliste détenu depuis six mois"


OLD_BLOCKS = """EXTERNAL (for general distribution)          AI Index: AFR 99/11/95

                                             17 May 1995

UA 123/95         Fear of torture

RURITANIA      Karel Voorbeeld Smit (m), journalist

Karel Voorbeeld Smit was arrested on 12 May 1995 and is held incommunicado.

APPEALS TO:

General Piet Voorbeeld Kowalski
Commandant de la Garde civile
Camp Central
Capital, Ruritania
Telegrams: Commandant Garde civile, Capital, Ruritania
Salutation: Mon Général / Dear General

PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section
office, if sending appeals after 28 June 1995.
"""


def test_a_commander_line_under_a_ranked_name_is_the_office() -> None:
    (target,) = parse_text(OLD_BLOCKS, "invented.txt").targets
    assert target.name == "Piet Voorbeeld Kowalski"
    assert target.title == "Commandant de la Garde civile"
    assert target.address == "Camp Central, Capital, Ruritania"


SHORT_UA = """URGENT ACTION
JOURNALIST HELD WITHOUT CHARGE
UA: 12/20 Index: EUR 49/1234/2020 Belarus Date: 2 March 2020

Journalist Anna Voorbeeld Smit has been held without charge since 1 March 2020.

{}
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "SCHREIBEN SIE BIS 14. APRIL 2020 E-MAILS, FAXE ODER LUFTPOSTBRIEFE",
        "Bitte schreiben Sie bis zum 14. April 2020 höflich formulierte Briefe.",
        "Please write before 14 April 2020.",
        "Write your letters by 14 April 2020.",
    ],
)
def test_write_until_sentences_give_the_deadline(sentence: str) -> None:
    assert parse_text(SHORT_UA.format(sentence), "invented.txt").deadline == date(2020, 4, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bitte schreiben Sie keine Appelle mehr.",
        "Plus aucune action n'est requise.",
        "Ya no es necesario enviar llamamientos.",
        "No es necesario enviar más llamamientos.",
    ],
)
def test_closing_sentences_make_the_document_final(sentence: str) -> None:
    document = parse_text(SHORT_UA.format(sentence), "invented.txt")
    assert document.kind is OutputKind.FINAL
    assert document.deadline is None
