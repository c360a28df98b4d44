"""Fixtures for the i18n tests: a throw-away locales directory and a clean language state."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n

PO_HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: {locale}\\n"
"Plural-Forms: {plural}\\n"

"""


def write_po(
    path: Path, locale: str, body: str, plural: str = "nplurals=2; plural=(n != 1);"
) -> Path:
    """Write a small .po file (header + ``body``) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        PO_HEADER.format(locale=locale, plural=plural) + textwrap.dedent(body), encoding="utf-8"
    )
    return path


@pytest.fixture(autouse=True)
def clean_language() -> Iterator[None]:
    i18n.reload_catalogs()
    yield
    i18n.set_language("en")
    i18n.reload_catalogs()


@pytest.fixture
def fake_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A locales directory with es and es_PE catalogs (es_PE overrides one es string)."""
    root = tmp_path / "locales"
    write_po(
        root / "es" / "LC_MESSAGES" / "messages.po",
        "es",
        """\
        msgid "Open cases"
        msgstr "Casos abiertos"

        msgid "Close"
        msgstr "Cerrar"

        msgctxt "menu"
        msgid "File"
        msgstr "Archivo"

        msgid "%(count)d letter sent"
        msgid_plural "%(count)d letters sent"
        msgstr[0] "%(count)d carta enviada"
        msgstr[1] "%(count)d cartas enviadas"
        """,
    )
    write_po(
        root / "es_PE" / "LC_MESSAGES" / "messages.po",
        "es_PE",
        """\
        msgid "Close"
        msgstr "Cerrar ventana"
        """,
    )
    monkeypatch.setattr(i18n, "locales_dir", lambda: root)
    i18n.reload_catalogs()
    return root
