"""The officials of layouts found on real pages (fictional copies in real_layouts/): the
fields a letter's address block is made of, which the corpus score does not compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import Target
from app.importing import parse_file, parse_text

REAL = Path(__file__).parent / "real_layouts"


def _only_official(prefix: str) -> Target:
    (path,) = REAL.glob(f"{prefix}_*.txt")
    (official,) = parse_file(path).targets
    return official


def test_an_official_run_onto_one_line_keeps_each_part_in_its_field() -> None:
    official = _only_official("671")
    assert official.title == "Minister"
    assert official.name == "Daulet Example"
    assert (
        official.address == "Ministry of Justice, 8 Mangilik El Avenue, Astana 010000, Kazakhstan"
    )
    assert official.email == "minister@justice.example"
    assert official.salutation == "Dear Minister"


def test_an_ambassador_run_onto_one_line_without_commas_gets_name_mission_and_street() -> None:
    official = _only_official("675")
    assert official.name == "Pavel Exampleovich"
    assert official.title == "Permanent Mission of the Republic of Belarus"
    assert official.address is not None
    assert official.address.startswith("136 East 67th Street")
    assert official.email == "mission@belarus-un.example"


@pytest.mark.parametrize(
    ("prefix", "address"),
    [
        ("674", "c/o Botschaft der Republik Kasachstan, Beispielstraße 12, 1010 Wien"),
        ("676", "Ministry of Interior, 1 Example Street, Cairo, ÄGYPTEN"),
    ],
)
def test_a_model_letter_page_address_ends_before_the_letter(prefix: str, address: str) -> None:
    assert _only_official(prefix).address == address


def test_a_page_holding_only_the_letter_writes_to_the_office_its_greeting_names() -> None:
    official = _only_official("670")
    assert official.title == "Procureure générale"
    assert official.name is None
    assert official.salutation == "Madame la Procureure générale"


def test_an_official_run_onto_one_line_beside_a_long_row_of_separators() -> None:
    """A pasted spreadsheet row of semicolons or a line of spaces does not end up in the
    official's fields, and the separators before a contact label are not part of the
    address (a run of them once took seconds to read: bench figures in the history)."""
    text = (REAL / next(p.name for p in REAL.glob("671_*.txt"))).read_text(encoding="utf-8")
    text = (
        text.replace("Kazakhstan Email:", "Kazakhstan ;, \t Email:")
        + "\n"
        + ";" * 4000
        + "\n"
        + " ," * 2000
        + "\n"
    )
    (official,) = parse_text(text, "invented.txt").targets
    assert official.name == "Daulet Example"
    assert (
        official.address == "Ministry of Justice, 8 Mangilik El Avenue, Astana 010000, Kazakhstan"
    )
    assert official.email == "minister@justice.example"
    assert official.salutation == "Dear Minister"
