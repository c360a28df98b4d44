"""Messages speak of "your cases", "your data" or "the database": never of "the store", a word
from the code that users do not know."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

TEMPLATE = Path(__file__).resolve().parents[3] / "locales" / "messages.pot"
CODE_WORD = re.compile(r"\bstores?\b", re.IGNORECASE)  # "stored" and "restore" are words users know


def messages_naming_the_store() -> list[str]:
    with TEMPLATE.open("rb") as handle:
        catalog = read_po(handle)
    found: list[str] = []
    for message in catalog:
        for part in [message.id] if isinstance(message.id, str) else list(message.id):
            if part and CODE_WORD.search(part):
                found.append(part)
    return found


def test_no_message_speaks_of_the_store() -> None:
    assert messages_naming_the_store() == []


def test_the_word_is_caught_where_it_stands_alone() -> None:
    assert CODE_WORD.search("That appeal is no longer in the store.")
    assert not CODE_WORD.search("Restore a backup of the stored letters")
