"""One ellipsis style in the interface: "Import…" (the Unicode ellipsis, no space before it),
as desktop guidelines write a menu item that opens a dialog, in English and every catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.services.catalog_check import interface_locales

LOCALES = Path(__file__).resolve().parents[3] / "locales"


def texts(path: Path) -> list[str]:
    """Every msgid, plural msgid and translation of a catalog or of the template."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found: list[str] = []
    for message in catalog:
        if not message.id:
            continue  # the header
        for part in (message.id, message.string):
            found.extend([part] if isinstance(part, str) else list(part))
    return [text for text in found if text]


def mixed_ellipses(path: Path) -> list[str]:
    return [t for t in texts(path) if "..." in t or " \u2026" in t or "\u00a0\u2026" in t]


def test_the_english_interface_writes_one_ellipsis() -> None:
    assert mixed_ellipses(LOCALES / "messages.pot") == []
    assert "&Import\u2026" in texts(LOCALES / "messages.pot")


@pytest.mark.parametrize("locale", interface_locales())
def test_every_catalog_writes_the_same_ellipsis(locale: str) -> None:
    assert mixed_ellipses(LOCALES / locale / "LC_MESSAGES" / "messages.po") == []
