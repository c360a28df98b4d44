"""Officials to write to: block layouts, honorifics, salutations; copies are never targets."""

from __future__ import annotations

import pytest

from app.importing import parse_text
from app.importing.document import Document
from app.importing.names import gender_from_salutation, strip_honorifics
from app.importing.narrative import narrative_targets
from app.importing.targets import block_targets

APPEALS = """APPEALS TO:
Minister of the Interior
Mr Kemal Example
Ministry Building
06644 Ankara, Turkey
Telegrams: Interior Minister, Ankara, Turkey
Faxes: + 90 312 555 1846
Salutation: Dear Minister

Chief District Officer
District Administration Office
Dhangadhi, Kailali District
Salutation: Dear Chief District Officer

COPIES TO:
Chairman of the Human Rights Commission
Mr Sabri Sample
06543 Ankara, Turkey

and to diplomatic representatives of Turkey accredited to your country.
"""


def test_appeal_blocks_become_targets_and_copies_do_not() -> None:
    targets, copies = block_targets(Document(APPEALS))
    assert [(t.title, t.name) for t in targets] == [
        ("Minister of the Interior", "Kemal Example"),
        ("Chief District Officer", None),
    ]
    first = targets[0]
    assert first.name_as_printed == "Mr Kemal Example"
    assert first.address == "Ministry Building, 06644 Ankara, Turkey"
    assert first.salutation == "Dear Minister"
    assert first.fax == "+ 90 312 555 1846"
    assert first.gender == "m"
    assert targets[1].address == "District Administration Office, Dhangadhi, Kailali District"
    assert copies == ["Chairman of the Human Rights Commission, Mr Sabri Sample"]


def test_model_letter_greeting_is_the_salutation_and_social_handles_are_kept() -> None:
    text = """TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USING THIS MODEL LETTER

Fiscal General del Estado
Verónica Example Paredes
Av. Patria 1
Quito, Ecuador
Correo-e: despacho@fiscalia.example
Twitter: @FiscaliaEC_x

Señora Fiscal General:

Me dirijo a usted para expresarle mi preocupación por el proceso penal abierto contra una persona.

Atentamente,

ENVÍEN COPIA A:
Defensoría del Pueblo
Correo-e: denuncias@dpe.example
"""
    targets, copies = block_targets(Document(text))
    assert len(targets) == 1
    target = targets[0]
    assert target.salutation == "Señora Fiscal General"
    assert target.gender == "f"
    assert target.social == ("@FiscaliaEC_x",)
    assert target.email == "despacho@fiscalia.example"
    assert copies == ["Defensoría del Pueblo"]


def test_name_first_block_and_ambassador_copy() -> None:
    text = """Contact
Abdul Example Sarkar
Minister of Home Affairs
Bangladesh Secretariat, Building 8
Dhaka 1000, Bangladesh
Email: minister@mha.example
Salutation: Dear Minister

Please send a copy to:
H.E. Khondaker Sample
Ambassador of Bangladesh
Washington DC 20007
Email: embassy@bd.example
"""
    targets, copies = block_targets(Document(text))
    assert [(t.title, t.name, t.address) for t in targets] == [
        (
            "Minister of Home Affairs",
            "Abdul Example Sarkar",
            "Bangladesh Secretariat, Building 8, Dhaka 1000, Bangladesh",
        )
    ]
    assert len(copies) == 1


def test_bracketed_german_salutation_and_honorifics() -> None:
    text = """APPELLE AN
GENERALSTAATSANWALT
Herrn Gennadi Beispiel
125993 Moskau
E-Mail: a@b.example
(Anrede: Dear Prosecutor General / Sehr geehrter Herr Generalstaatsanwalt)
(Standardbrief Luftpost: 0,90 €)
"""
    (target,), _copies = block_targets(Document(text))
    assert target.title == "GENERALSTAATSANWALT"
    assert target.name == "Gennadi Beispiel"
    assert target.salutation == "Dear Prosecutor General / Sehr geehrter Herr Generalstaatsanwalt"
    assert target.address == "125993 Moskau"


def test_french_labels_with_space_before_colon() -> None:
    text = """VEUILLEZ ENVOYER VOS APPELS AVANT LE 23 AVRIL 2013 À :
Ministre de la Justice
Crispin Exemple
Kinshasa-Gombe, République démocratique du Congo
Courriel : cabinet@justice.example
Formule d’appel : Monsieur le Ministre,

Copies à :
Gouverneur de la province
Jean-Claude Exemple
Courriel : gouv@example.org
"""
    targets, copies = block_targets(Document(text))
    assert [(t.name, t.salutation) for t in targets] == [
        ("Crispin Exemple", "Monsieur le Ministre")
    ]
    assert copies == ["Gouverneur de la province, Jean-Claude Exemple"]


def test_honorifics_and_ranks_are_stripped_for_matching() -> None:
    assert strip_honorifics("H.E. General Jane Doe") == "Jane Doe"
    assert strip_honorifics("S. E. Herrn Alexander Beispiel") == "Alexander Beispiel"
    assert strip_honorifics("Colonel Narendra Sample") == "Narendra Sample"
    assert strip_honorifics("Lic. Abog. María Ejemplo") == "María Ejemplo"


def test_gender_from_salutation() -> None:
    assert gender_from_salutation("Señora Ministra") == "f"
    assert gender_from_salutation("Sehr geehrter Herr Minister") == "m"
    assert gender_from_salutation("Dear Minister") is None


def test_officials_named_in_a_final_narrative() -> None:
    flat = (
        "Members wrote to the Minister of Justice, Prison Affairs and Constitutional Reforms, "
        "Ranjith Example, and later to the Inspector General of Police, Sarath Sample, calling for "
        "their release."
    )
    assert [(t.title, t.name) for t in narrative_targets(flat)] == [
        ("Minister of Justice, Prison Affairs and Constitutional Reforms", "Ranjith Example"),
        ("Inspector General of Police", "Sarath Sample"),
    ]
    french = "Des membres ont écrit au ministre de la Justice, Yawo Exemple, pour demander sa libération."
    assert [(t.title, t.name) for t in narrative_targets(french)] == [
        ("ministre de la Justice", "Yawo Exemple")
    ]


def test_an_office_wrapped_over_two_lines_is_one_title() -> None:
    text = """APPEALS TO:
Minister of Justice, Prison Affairs and
Constitutional Reforms
Ranjith Example
Colombo 12, Sri Lanka
Email: a@b.example
"""
    (target,), _copies = block_targets(Document(text))
    assert target.title == "Minister of Justice, Prison Affairs and Constitutional Reforms"
    assert target.name == "Ranjith Example"


def test_narrative_variants_name_first_and_sent_to() -> None:
    first = "Supporters wrote to Ranjith Example, the Minister of Justice, calling for his release."
    assert [(t.title, t.name) for t in narrative_targets(first)] == [
        ("Minister of Justice", "Ranjith Example")
    ]
    sent = "Appeals were sent to the Governor of Lagos State, Babajide Example, and to Mr John Roe."
    assert [(t.title, t.name) for t in narrative_targets(sent)] == [
        ("Governor of Lagos State", "Babajide Example"),
        (None, "John Roe"),
    ]


def test_gender_from_a_sex_marker_or_a_feminine_office() -> None:
    marked = "APPEALS TO:\nMinister of Justice\nAna Example (f)\nStreet 1\nEmail: a@b.example\n"
    (target,), _copies = block_targets(Document(marked))
    assert (target.name, target.gender) == ("Ana Example", "f")
    office = "APPEALS TO:\nMinistra de Justicia\nAna Ejemplo\nCalle 1\nEmail: a@b.example\n"
    assert block_targets(Document(office))[0][0].gender == "f"


def test_a_bare_address_followed_by_the_letter_is_a_target() -> None:
    text = (
        "Write to the minister today.\n\nMinister of the Interior\nJane Example\n"
        "Ministry of the Interior\n1 Example Street\nSample City\n\nDear Minister,\n\n"
        "I am writing to you about the detention of a fictional person held without charge.\n"
    )
    (target,), _copies = block_targets(Document(text))
    assert (target.title, target.name, target.salutation) == (
        "Minister of the Interior",
        "Jane Example",
        "Dear Minister",
    )
    assert target.address == "Ministry of the Interior, 1 Example Street, Sample City"


ONE_LINE_BLOCKS = """PLEASE SEND APPEALS BEFORE 13 AUGUST 2013 TO:
President Jane Sampleova Office of the President 19 Example Street Baku AZ1066, Azerbaijan Email: office@president.example Salutation: Dear President
Prosecutor General Rufat Placeholder 7 Sample Street Baku AZ1005, Azerbaijan Fax: +994 12 000 Salutation: Dear Prosecutor General
And copies to: Ombudsman Leyla Example 40 Sample Street Baku AZ1000, Azerbaijan
"""


def test_blocks_run_together_on_one_line_give_office_name_and_contacts() -> None:
    targets, _copies = block_targets(Document(ONE_LINE_BLOCKS))
    assert [(t.title, t.name, t.salutation) for t in targets] == [
        ("President", "Jane Sampleova", "Dear President"),
        ("Prosecutor General", "Rufat Placeholder", "Dear Prosecutor General"),
    ]
    assert targets[0].email == "office@president.example"
    assert targets[0].address.startswith("Office of the President")


def test_an_office_printed_before_the_name_is_split_from_it() -> None:
    text = (
        "TAKE ACTION:\nPublic Prosecutor Samir Example Placeholder\nCourt of First Instance\n"
        "PO Box 1, Amman, Jordan\nSalutation: Dear Public Prosecutor\n\n"
        "APPEALS TO:\nAttorney General\nAbogado Rubén Muestra\nEdificio Ejemplo\n"
        "Tegucigalpa, Honduras\nSalutation: Dear Attorney General\n"
    )
    targets, _copies = block_targets(Document(text))
    assert [(t.title, t.name) for t in targets] == [
        ("Public Prosecutor", "Samir Example Placeholder"),
        ("Attorney General", "Rubén Muestra"),
    ]


def test_an_office_ending_in_its_remit_keeps_the_name_on_the_next_line() -> None:
    text = (
        "APPEALS TO:\nMinistro del Poder Popular para Relaciones Interiores\nGustavo Ejemplo\n"
        "Av. Urdaneta\nCaracas, Venezuela\nTratamiento: Señor Ministro\n"
    )
    targets, _copies = block_targets(Document(text))
    assert [(t.title, t.name) for t in targets] == [
        ("Ministro del Poder Popular para Relaciones Interiores", "Gustavo Ejemplo")
    ]


GERMAN_BLOCKS = """Appell an
OBERHAUPT DER JUSTIZ
Karim Beispielzadeh
c/o Botschaft
Musterallee 1
14195 Berlin
(korrekte Anrede: Your Excellency / Exzellenz)

Sende eine Kopie an
STÄNDIGE VERTRETUNG BEI DEN VEREINTEN NATIONEN
Chemin de l'Exemple 28
1209 Genf
SCHWEIZ
"""


def test_german_appell_an_is_a_target_and_sende_eine_kopie_an_a_copy() -> None:
    targets, copies = block_targets(Document(GERMAN_BLOCKS))
    assert [(t.title, t.name, t.salutation) for t in targets] == [
        ("OBERHAUPT DER JUSTIZ", "Karim Beispielzadeh", "Your Excellency / Exzellenz")
    ]
    assert copies == ["STÄNDIGE VERTRETUNG BEI DEN VEREINTEN NATIONEN"]


US_PAGE = """Contact these two officials by September 17, 2019:

Attorney General Jane Example
PO Box 1370, Addis Ababa, Ethiopia
Salutation: Dear Attorney General

Ambassador John Placeholder, Embassy of Ethiopia, 1 Sample Drive NW, Washington DC 20008
Phone: 202 000 0000 I Email: info@embassy.example
Salutation: Dear Ambassador

And copies to:
Ambassador Ann Sample
Embassy of Ethiopia
2 Sample Drive NW
Washington DC 20008
"""


def test_an_ambassador_listed_among_the_officials_is_a_target_but_not_under_copies() -> None:
    targets, copies = block_targets(Document(US_PAGE))
    assert [(t.title, t.name) for t in targets] == [
        ("Attorney General", "Jane Example"),
        ("Ambassador", "John Placeholder"),
    ]
    assert targets[1].email == "info@embassy.example"
    assert len(copies) == 1


def test_a_flattened_block_ends_where_the_model_letter_begins() -> None:
    text = (
        "TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USING THIS MODEL LETTER\n"
        "King and Prime Minister King Salim bin Abdul Aziz Al Example Office of His Majesty "
        "the King Royal Court, Riyadh Kingdom of Saudi Arabia\n"
        "Fax: +966 11 000 0000\n"
        "Your Majesty, I am writing to ask you to lift the travel ban on the activist who has "
        "done nothing but speak.\nYours sincerely,\n"
    )
    targets, _copies = block_targets(Document(text))
    assert [(t.name, t.salutation) for t in targets] == [
        ("Salim bin Abdul Aziz Al Example", "Your Majesty")
    ]


NUMBERED_COURT = """URGENT ACTION
RURITANIA: JOURNALIST FACES PRISON
UA 55/24 Index: AMR 99/1234/2024 Ruritania Date: 3 March 2024

Journalist Ana Example faces prison for her reporting.

PLEASE WRITE IMMEDIATELY:

Presiding Judge
{court}
Juan Carlos Example
Av. Ejemplo 123
Lima, Ruritania
Salutation: Dear Judge

PLEASE TAKE ACTION BEFORE 14 APRIL 2024.
"""


@pytest.mark.parametrize(
    "court", ["5th Criminal Court of Lima", "2ª Sala Penal de Lima", "3er Juzgado Penal de Lima"]
)
def test_a_numbered_court_on_the_titles_second_line_keeps_the_name(court: str) -> None:
    (official,) = parse_text(NUMBERED_COURT.format(court=court), "invented.txt").targets
    assert official.title == f"Presiding Judge {court}"
    assert official.name == "Juan Carlos Example"
    assert official.address == "Av. Ejemplo 123, Lima, Ruritania"


@pytest.mark.parametrize("town", ["Mexico City", "Buenos Aires", "Ciudad de Guatemala"])
def test_a_town_under_the_fax_line_is_the_officials_address_not_another_official(
    town: str,
) -> None:
    """Only a name with an honorific ("The Honourable X") under a contact line opens the next
    official; a town printed after the fax number is the end of the same official's address."""
    text = (
        "UA 77/21 Index: AMR 41/1234/2021 Mexico Date: 3 May 2021\n\nURGENT ACTION\n"
        "JOURNALIST THREATENED AFTER REPORT\n\n"
        "Journalist Ana Ejemplo Ruiz has received death threats since 20 April.\n\n"
        "PLEASE SEND APPEALS BEFORE 14 JUNE 2021 TO:\n"
        "Presidente Andrés Ejemplo\nPalacio Nacional\nFax: +52 55 1234 5678\n"
        f"{town}\nSalutation: Señor Presidente\n"
    )
    officials = parse_text(text).targets
    assert [(t.name, t.salutation) for t in officials] == [("Andrés Ejemplo", "Señor Presidente")]
