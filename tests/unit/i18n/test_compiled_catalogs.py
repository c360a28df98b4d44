"""Compiled catalogs: built from the .po the first time a language is used and kept beside it,
read instead of compiling on later starts, and built again when the .po changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import i18n
from app.main import main


@pytest.fixture
def copied_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(i18n.locales_dir(), root, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "locales_dir", lambda: root)
    i18n.reload_catalogs()
    return root


@pytest.mark.parametrize("locale", ["es", "fr", "de", "pt", "ar"])
def test_the_first_use_keeps_the_catalog_compiled_beside_its_po(
    copied_locales: Path, locale: str
) -> None:
    assert i18n.compiled_is_current(locale) is None
    i18n.translations_for(locale)
    kept = i18n.compiled_path(locale).read_bytes()
    assert kept == i18n.compile_po(i18n.catalog_path(locale), locale, mark=True)
    assert i18n.compiled_is_current(locale) is True


def test_a_po_edited_after_compiling_is_compiled_again(copied_locales: Path) -> None:
    translated = i18n.translations_for("es").gettext("Open folder")
    assert translated != "Open folder" and i18n.compiled_is_current("es")
    po = i18n.catalog_path("es")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgstr "{translated}"', 'msgstr "Abrir la carpeta"', 1), "utf-8")
    i18n.reload_catalogs()
    assert i18n.compiled_is_current("es") is False
    assert i18n.translations_for("es").gettext("Open folder") == "Abrir la carpeta"
    assert i18n.compiled_is_current("es") is True


def test_a_kept_catalog_is_read_without_compiling(copied_locales: Path) -> None:
    translated = i18n.translations_for("fr").gettext("Open folder")
    i18n.reload_catalogs()
    # a .mo that says it was built from this .po is read as it is: give it a marked text
    data = i18n.compile_po(i18n.catalog_path("fr"), "fr", mark=True)
    marker = "X" * len(translated.encode())
    i18n.compiled_path("fr").write_bytes(data.replace(translated.encode(), marker.encode(), 1))
    assert i18n.translations_for("fr").gettext("Open folder") == marker


def test_the_compile_command_builds_every_catalog(
    copied_locales: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["i18n", "compile"]) == 0
    assert "5 catalogs compiled." in capsys.readouterr().out
    for locale in ("es", "fr", "de", "pt", "ar"):
        assert i18n.compiled_is_current(locale) is True


def test_a_damaged_catalog_behind_an_intact_checksum_is_compiled_again(
    copied_locales: Path,
) -> None:
    good = i18n.compile_po(i18n.catalog_path("fr"), "fr", mark=True)
    i18n.compiled_path("fr").write_bytes(good[:28] + b"\xff" * 8 + good[36:])  # tables broken
    assert i18n.compiled_is_current("fr")  # the checksum alone does not see the damage
    assert i18n.translations_for("fr").gettext("Open folder") != "Open folder"
