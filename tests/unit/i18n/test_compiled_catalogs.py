"""The compiled catalogs shipped beside each .po match it, and are what the app reads; a .po
edited since is compiled again (and `i18n check` says the .mo is out of date)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import i18n
from app.main import main
from app.services.catalog_check import interface_locales


@pytest.mark.parametrize("locale", ["es", "fr", "de", "pt", "ar"])
def test_the_shipped_mo_is_built_from_the_po_as_it_is(locale: str) -> None:
    assert locale in interface_locales()
    shipped = i18n.compiled_path(locale).read_bytes()
    assert shipped == i18n.compile_po(i18n.catalog_path(locale), locale, mark=True), (
        "run `python -m app i18n compile` after editing a catalog"
    )
    assert i18n.compiled_is_current(locale) is True


@pytest.fixture
def copied_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(i18n.locales_dir(), root)
    monkeypatch.setattr(i18n, "locales_dir", lambda: root)
    i18n.reload_catalogs()
    return root


def test_a_po_edited_after_compiling_is_read_instead(
    copied_locales: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = copied_locales / "es" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    translated = i18n.translations_for("es").gettext("Open folder")
    assert translated != "Open folder"
    po.write_text(text.replace(f'msgstr "{translated}"', 'msgstr "Casos sin cerrar"', 1), "utf-8")
    i18n.reload_catalogs()
    assert i18n.compiled_is_current("es") is False
    assert i18n.translations_for("es").gettext("Open folder") == "Casos sin cerrar"
    code = main(["i18n", "check", "es", "--no-render"])
    assert code == 1
    assert "messages.mo: older than messages.po" in capsys.readouterr().out
    assert main(["i18n", "compile"]) == 0
    assert i18n.compiled_is_current("es") is True
    assert b"Casos sin cerrar" in i18n.compiled_path("es").read_bytes()


def test_the_app_reads_the_mo_without_compiling(copied_locales: Path) -> None:
    po = copied_locales / "fr" / "LC_MESSAGES" / "messages.po"
    mo = i18n.compiled_path("fr")
    # a .mo that says it was built from this .po is read as it is: mark a different text
    data = i18n.compile_po(po, "fr", mark=True)
    translated = i18n.translations_for("fr").gettext("Open folder")
    mo.write_bytes(data.replace(translated.encode(), b"X" * len(translated.encode()), 1))
    i18n.reload_catalogs()
    assert i18n.translations_for("fr").gettext("Open folder") == "X" * len(translated.encode())
