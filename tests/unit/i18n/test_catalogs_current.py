"""Fails when locales/messages.pot or a catalog is stale compared with the `_()` strings in app/.

Refresh (from the repository root), then translate the new entries:
    .venv/bin/pybabel extract -F pyproject.toml -c TRANSLATORS: --sort-by-file \
        --project="Appeal Desk" --copyright-holder="Appeal Desk developers" -o locales/messages.pot .
    .venv/bin/pybabel update -i locales/messages.pot -d locales -D messages --previous
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from app import i18n
from app.services.catalog_check import check_catalog, interface_locales, template_msgids

ROOT = Path(__file__).resolve().parents[3]
REFRESH = "see locales/README.md, 'Refresh the catalogs'"


def msgids(path: Path) -> set[tuple[str, str | None]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


def test_messages_pot_matches_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tmp_path / "fresh.pot"
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("BABEL_PYPROJECT_TOML", "skip")  # no surprise option tables
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", "pyproject.toml", "-o", str(fresh), "."]
    )
    extracted = msgids(fresh)
    shipped = msgids(ROOT / "locales" / "messages.pot")
    missing = sorted(m for m, _ in extracted - shipped)
    gone = sorted(m for m, _ in shipped - extracted)
    assert not missing and not gone, (
        f"locales/messages.pot is stale ({REFRESH}): "
        f"{len(missing)} new string(s) {missing[:5]}, {len(gone)} removed {gone[:5]}"
    )


@pytest.mark.parametrize("locale", interface_locales())
def test_every_catalog_has_every_message_of_the_template(locale: str) -> None:
    assert locale in i18n.available_languages()
    _, problems = check_catalog(locale, template_msgids())
    stale = [str(p) for p in problems if "messages.pot are missing" in p.message]
    assert not stale, f"{stale} ({REFRESH})"


@pytest.mark.parametrize("locale", interface_locales())
def test_every_catalog_is_complete_and_correct(locale: str) -> None:
    stats, problems = check_catalog(locale, template_msgids())
    errors = [str(p) for p in problems if p.error]
    assert not errors
    assert stats.fuzzy == 0 and stats.untranslated == 0, f"{locale}: {stats}"


def test_shipped_interface_languages() -> None:
    assert set(i18n.available_languages()) >= {"en", "es", "fr", "de", "pt", "ar"}


PLURAL_COUNTS = (0, 1, 2, 3, 5, 11, 100, 1_000_000)


@pytest.mark.parametrize("locale", interface_locales())
def test_every_plural_message_formats_for_every_count(locale: str) -> None:
    """Each CLDR plural form is filled and keeps its placeholders (not just two forms)."""
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    translations = i18n.translations_for(locale, use_test_po=False)
    checked = 0
    for message in template:
        if not isinstance(message.id, (list, tuple)):
            continue
        singular, plural = message.id[0], message.id[1]
        names = sorted(set(re.findall(r"%\((\w+)\)", singular + plural)))
        braces = sorted(set(re.findall(r"\{(\w+)\}", singular + plural)))
        for count in PLURAL_COUNTS:
            text = translations.ngettext(singular, plural, count)
            if names:
                text = text % {name: count for name in names}
            elif braces:
                text = text.format(**{name: count for name in braces})
            assert "%(" not in text and "{" not in text, (locale, singular, count, text)
            assert str(count) in text, (locale, singular, count, text)
            checked += 1
    assert checked >= 10 * len(PLURAL_COUNTS)
