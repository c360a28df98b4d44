"""The sender's town typed both as the last address line and as the town: the letter's text
names it once in the address block, in every language, as the printed page does."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.model import CaseDetail, SenderProfile
from app.domain.output_options import PageSize
from app.main import main
from app.paths import resolve_paths
from app.services.letters import draft_letter
from app.settings import Settings, save_settings
from tests.conftest import UA_SAMPLES
from tests.unit.letters.conftest import TODAY

BOTH = SenderProfile(
    name="Jane Writer",
    address="12 Example Road\nBristol BS1 4XX",
    city="Bristol",
    country="United Kingdom",
    email="jane@example.org",
)
LOCALES = ["en", "es", "fr", "de", "pt", "ar"]


def head(text: str) -> list[str]:
    """The sender's block: the lines before the first empty line."""
    return text.split("\n\n", 1)[0].splitlines()


@pytest.mark.parametrize("locale", LOCALES)
def test_a_town_typed_in_both_fields_is_written_once_in_the_address(
    case: CaseDetail, locale: str
) -> None:
    text = draft_letter(case, 1, BOTH, locale=locale, today=TODAY).text
    lines = head(text)
    assert lines[:3] == ["Jane Writer", "12 Example Road", "Bristol BS1 4XX"]
    assert "Bristol" not in lines[3]  # the country (in the letter's language) comes next
    assert [line for line in lines if "Bristol" in line] == ["Bristol BS1 4XX"]


@pytest.mark.parametrize("locale", ["es", "fr", "de", "pt", "ar"])
def test_the_date_line_still_names_the_town(case: CaseDetail, locale: str) -> None:
    text = draft_letter(case, 1, BOTH, locale=locale, today=TODAY).text
    [dated] = [line for line in text.splitlines() if "2026" in line and "Bristol" in line]
    assert dated.startswith("Bristol")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_town_the_address_does_not_name_is_still_written(case: CaseDetail, locale: str) -> None:
    apart = replace(BOTH, address="12 Example Road")
    text = draft_letter(case, 1, apart, locale=locale, today=TODAY).text
    comma = "،" if locale == "ar" else ","
    assert head(text)[2].startswith(f"Bristol{comma} ")


def test_the_eml_names_the_town_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    sample = UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"
    assert main(["--data-dir", str(home), "import", str(sample)]) == 0
    save_settings(resolve_paths(home), Settings(sender=BOTH, page_size=PageSize.A4))
    eml = tmp_path / "appeal.eml"
    assert main(["--data-dir", str(home), "letter", "28/23", "--out", str(eml)]) == 0
    capsys.readouterr()
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert head(text)[:4] == ["Jane Writer", "12 Example Road", "Bristol BS1 4XX", "United Kingdom"]
    assert "Bristol, United Kingdom" not in text


@pytest.mark.parametrize(
    ("locale", "dated"),
    [
        ("fr", "Lyon, le "),
        ("es", "Lyon, "),
        ("de", "Lyon, "),
        ("pt", "Lyon, "),
        ("ar", "Lyon، "),
    ],
)
def test_the_date_line_names_the_town_without_its_postcode(
    case: CaseDetail, locale: str, dated: str
) -> None:
    """Settings asks for "Postcode and town": the address keeps the postcode, the place the
    letter is written from does not ("Lyon, le 7 décembre 2026", not "69003 Lyon, le ...")."""
    lyon = replace(BOTH, address="3 rue de l'Exemple", city="69003 Lyon", country="France")
    text = draft_letter(case, 1, lyon, locale=locale, today=TODAY).text
    assert "69003 Lyon" in "\n".join(head(text))
    [line] = [line for line in text.splitlines() if "2026" in line and "Lyon" in line]
    assert line.startswith(dated)


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("28013 Madrid", "Madrid"),
        ("D-10115 Berlin", "Berlin"),
        ("London SW1A 1AA", "London"),
        ("Lyon 69003", "Lyon"),
        ("Bristol", "Bristol"),
        ("New York, NY 10001", "New York, NY"),
        ("10115", "10115"),
    ],
)
def test_the_place_a_letter_is_written_from_leaves_the_postcode_out(typed: str, place: str) -> None:
    from app.letters.sender_address import place_name

    assert place_name(typed) == place
