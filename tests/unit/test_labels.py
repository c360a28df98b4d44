"""Words the window and the command line share: said once, in one place, alike in both."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.domain.changes import CASE_TO_DELETE, DeletionPreview
from app.domain.errors import N_, Phrase
from app.i18n import set_language

POT = Path(__file__).resolve().parents[2] / "locales" / "messages.pot"
CASE = DeletionPreview(Phrase(CASE_TO_DELETE, ua_number="61/15"), documents=2)
EVENT = DeletionPreview(Phrase(N_("the event {name}"), name="Write for Rights"))


@pytest.fixture(autouse=True)
def back_to_english() -> object:
    yield
    set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_window_and_the_command_line_open_a_deletion_with_one_sentence(
    language: str,
) -> None:
    from app.cli.edit_commands import describe_removal
    from app.ui.removal_text import removal_text

    set_language(language)
    for preview in (CASE, EVENT):
        said = describe_removal(preview)
        asked = removal_text(preview)
        opening = asked.split("\n")[0].rstrip(" :.\u00a0\u202f")  # French: "61/15 :"
        assert said.startswith(opening), (said, asked)
    if language == "fr":
        assert describe_removal(CASE).startswith("Ceci supprime l'AU 61/15")


def test_the_deletion_sentences_are_written_in_one_module() -> None:
    with POT.open("rb") as handle:
        catalog = read_po(handle)
    wanted = {
        f"This removes {what}{end}"
        for what in ("UA {ua_number}", "{what}")
        for end in (".", ":", " and with it: {with_it}.")
    }
    opening = [m for m in catalog if m.id in wanted]
    assert len(opening) == 6
    assert {file for m in opening for file, _line in m.locations} == {"app/labels.py"}
