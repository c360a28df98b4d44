"""PDF text flattened onto one line and text layers that lost their accented letters.

A one-line text layer runs each official's office, name and address together; the name ends
where the address or an institution begins, even when the street's own name comes first. A
damaged text layer has its labels, month names and ranks restored, but names stay as printed.
All people, officials and addresses here are invented.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.importing import parse_text
from app.importing.damage import repair_accent_damage
from app.importing.names import split_office_and_name


@pytest.mark.parametrize(
    ("line", "office", "name"),
    [
        (
            "Prosecutor General Jana Examplova Internatsyanalnaya Street 22 220030 Minsk",
            "Prosecutor General",
            "Jana Examplova",
        ),
        (
            "Minister of Internal Affairs Ivan Examplou Haradski Val Street 4 220030 Minsk",
            "Minister of Internal Affairs",
            "Ivan Examplou",
        ),
        (
            "Supreme Leader Kim Ex-un Central People’s Committee Pyongyang",
            "Supreme Leader",
            "Kim Ex-un",
        ),
        (
            "Prosecutor of the Region Leonid Petrovich Examplov Ul. Krasnaya 13 Krasnodar",
            "Prosecutor of the Region",
            "Leonid Petrovich Examplov",
        ),
        (
            "Ministro del Poder Popular para Relaciones Interiores Gustavo Ejemplo López "
            "Av. Urdaneta, Caracas",
            "Ministro del Poder Popular para Relaciones Interiores",
            "Gustavo Ejemplo López",
        ),
        (
            "Minister of Justice Mr Adama Example Coulibaly Ministère de la Justice BP 107",
            "Minister of Justice",
            "Mr Adama Example Coulibaly",
        ),
    ],
)
def test_an_office_name_and_address_on_one_line_are_told_apart(
    line: str, office: str, name: str
) -> None:
    split = split_office_and_name(line)
    assert split is not None
    assert split[:2] == (office, name)


_STORY = (
    "Three students from Minsk, Alena Example, Dzmitry Example and Yana Example, were sentenced "
    "on 2 December 2020 to two years in prison for taking part in a peaceful march. They are "
    "prisoners of conscience and must be released immediately and unconditionally. "
)
ONE_LINE = (
    "URGENT ACTION STUDENTS JAILED FOR PEACEFUL PROTEST " + _STORY * 2 + "TAKE ACTION: WRITE AN "
    "APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER Prosecutor General Andrei Examplou "
    "Internatsyanalnaya Street 22 220030 Minsk Belarus Email: info@prosecutor.example "
    "Salutation: Dear Prosecutor General / Uvazhaemyi prokuror Minister of Internal Affairs "
    "Ivan Examplau Haradski Val Street 4 220030 Minsk, Belarus Email: mvd@ministry.example "
    "Salutation: Dear Minister Please copy: Embassy of Belarus in your country 1 "
    "UA: 167/20 Index: EUR 49/3442/2020 Belarus Date: 9 December 2020 "
    "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 3 February 2021"
)


def test_one_line_pdf_text_gives_each_official_without_the_street() -> None:
    parsed = parse_text(ONE_LINE)
    assert parsed.ua_number == "167/20"
    assert [(t.title, t.name) for t in parsed.targets] == [
        ("Prosecutor General", "Andrei Examplou"),
        ("Minister of Internal Affairs", "Ivan Examplau"),
    ]
    assert parsed.targets[0].salutation == "Dear Prosecutor General / Uvazhaemyi prokuror"


DAMAGED = """AU : 118/14 Index : AFR 20/004/2014 Tchad Date : 23 mai 2014

ACTION URGENTE
UN SYNDICALISTE MENAC DE MORT
Le syndicaliste Mahamat Exemple Abakar a reu plusieurs menaces de mort par tlphone depuis
qu’il a appel  une grve des enseignants le 12 mai. Il craint pour sa vie.

crivez immdiatement en franais ou dans votre propre langue :
▪ demandez aux autorits de protger Mahamat Exemple Abakar.

VEUILLEZ ENVOYER VOS APPELS AVANT LE 19 AOT 2014  :
Ministre de la Scurit publique
Gnral Ahmat Exemple Bachir
BP 6300 N’Djamena, Tchad
Formule d’appel : Monsieur le Ministre,

Copies  :
Union des syndicats exemple
Courriel : union@syndicats.example

Nom : Mahamat Exemple Guaran
"""


def test_a_damaged_text_layer_keeps_names_as_printed_and_reads_its_labels() -> None:
    parsed = parse_text(DAMAGED)
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "2014-08-19"
    assert [t.name for t in parsed.targets] == ["Ahmat Exemple Bachir"]  # "Gnral" is a rank
    # "guaraní" is a language the repair knows, but the text printed "Guaran".
    assert [p.name for p in parsed.persons] == ["Mahamat Exemple Guaran"]


def test_a_damaged_spanish_link_label_still_gives_the_previous_ua() -> None:
    text = DAMAGED.replace(
        "Nom :",
        "Ms informacin:\nhttps://www.amnesty.example/es/documents/afr20/001/2014/es/\n\nNom :",
    )
    parsed = parse_text(text)
    assert parsed.previous_ua_link == "https://www.amnesty.example/es/documents/afr20/001/2014/es/"


FRENCH_SHORT = Path(__file__).parent / "fixtures" / "french_short_flattened.txt"


def test_a_short_french_ua_flattened_onto_one_line_reads_as_its_lines_do() -> None:
    """``MERCI D'AGIR``, ``Écrivez à :``, ``NOM ET PRONOM :`` and the letter's own greeting
    after ``Formule d'appel`` each start a line again (a short UA has too few other labels)."""
    text = FRENCH_SHORT.read_text(encoding="utf-8")
    flat = " ".join(text.split())
    with_lines, one_line = parse_text(text), parse_text(flat)
    assert "\n" not in flat and len(flat) >= 800
    [official] = one_line.targets
    assert (official.title, official.name) == ("Ministre de la Justice", "Paul Modèle")
    assert official.salutation == "Monsieur le Ministre"
    assert official.email == "ministre@justice.example"
    assert one_line.targets[0].salutation == with_lines.targets[0].salutation
    assert one_line.deadline == with_lines.deadline == date(2027, 4, 14)
    assert [(p.name, p.pronouns) for p in one_line.persons] == [("Maëlle Exemple", "elle")]
    [copy] = one_line.copies_to  # the embassy's address stays on its line: nothing ends it
    assert with_lines.copies_to == ("Ambassade de Belmont",)
    assert copy.startswith("Ambassade de Belmont ")


def test_a_lost_accent_is_restored_the_same_way_on_every_run() -> None:
    # "inglés"/"inglês" and "última"/"Última" lose the same letters; which word comes back must
    # not depend on the interpreter's string hashing, which changes from run to run.
    script = "from app.importing.damage import _vocabulary\nprint(sorted(_vocabulary().items()))\n"
    root = Path(__file__).resolve().parents[3]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


def test_a_lost_capital_comes_back_where_a_line_or_sentence_begins() -> None:
    text = (
        "Esta es la segunda y ltima actualizacin de la AU 58/13.\n"
        "ltima actualizacin: 3 de mayo. ltima vez vista en casa.\n"
        "Idioma preferido: ingls, espaol.\n"
    )
    assert repair_accent_damage(text) == (
        "Esta es la segunda y última actualización de la AU 58/13.\n"
        "Última actualización: 3 de mayo. Última vez vista en casa.\n"
        "Idioma preferido: inglés, español.\n"
    )
