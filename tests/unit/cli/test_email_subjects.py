"""The e-mail an appeal is saved as says, in the letter's language, which case it is and whom
it is for ("UA 12/26: appeal for Ana Lima"), so that an official's office can tell the
message from the many others it receives. A UA that names nobody gives its title instead.
Fictional cases in a real store, the .eml read back as a mail program reads it."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

import pytest

from app.main import main
from app.paths import resolve_paths
from tests.builders import fictional_document, store_documents

SUBJECTS = {
    "en": "UA 12/26: appeal for Ana Lima",
    "es": "AU 12/26: llamamiento en favor de Ana Lima",
    "fr": "AU 12/26 : appel pour Ana Lima",
    "de": "UA 12/26: Appell für Ana Lima",
    "pt": "AU 12/26: apelo a favor de Ana Lima",
    "ar": "تحرك عاجل 12/26: مناشدة من أجل Ana Lima",
}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    nobody = replace(fictional_document("13/26", title="VILLAGE FACES EVICTION"), persons=())
    store_documents(resolve_paths(data), fictional_document("12/26"), nobody)
    return data


def saved_subject(home: Path, ua_number: str, locale: str, out: Path) -> str:
    args = ["--data-dir", str(home), "letter", ua_number, "--lang", locale, "--out", str(out)]
    assert main(args) == 0
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    return str(message["Subject"])


@pytest.mark.parametrize("locale", sorted(SUBJECTS))
def test_the_subject_names_the_case_and_the_person_in_the_letters_language(
    home: Path, tmp_path: Path, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{locale}.eml"
    assert saved_subject(home, "12/26", locale, out) == SUBJECTS[locale]
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert SUBJECTS[locale] in body.get_content()  # the letter's own subject line says the same


def test_a_ua_that_names_nobody_gives_its_title(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        saved_subject(home, "13/26", "en", tmp_path / "a.eml") == "UA 13/26: VILLAGE FACES EVICTION"
    )
