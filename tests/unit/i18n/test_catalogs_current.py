"""Fails when locales/messages.pot or a catalog is stale compared with the `_()` strings in app/:
a string added or removed, or a source reference (`#:`) naming a file the string is no longer in.

References name files, not lines (`--add-location=file`): a line number goes stale with every
edit above the string, a file only when the string moves, which this test then catches.

Refresh (from the repository root), then translate the new entries:
    .venv/bin/pybabel extract -F pyproject.toml -c TRANSLATORS: --sort-by-file \
        --add-location=file --project="Appeal Desk" \
        --copyright-holder="Appeal Desk developers" -o locales/messages.pot .
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


Key = tuple[str, str | None]  # a message's English text (its singular) and its context


def references(path: Path) -> dict[Key, list[str]]:
    """Each message of a catalog or template, with its `#:` references as written."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        (m.id if isinstance(m.id, str) else m.id[0], m.context): sorted(
            file if line is None else f"{file}:{line}" for file, line in m.locations
        )
        for m in catalog
        if m.id
    }


def msgids(path: Path) -> set[Key]:
    return set(references(path))


@pytest.fixture(scope="module")
def fresh_pot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """messages.pot as extracted from the source now."""
    fresh = tmp_path_factory.mktemp("extract") / "fresh.pot"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("BABEL_PYPROJECT_TOML", "skip")  # no surprise option tables
        CommandLineInterface().run(
            ["pybabel", "-q", "extract", "-F", "pyproject.toml", "--add-location=file"]
            + ["-o", str(fresh), "."]
        )
    return fresh


def test_messages_pot_matches_the_source(fresh_pot: Path) -> None:
    extracted = msgids(fresh_pot)
    shipped = msgids(ROOT / "locales" / "messages.pot")
    missing = sorted(m for m, _ in extracted - shipped)
    gone = sorted(m for m, _ in shipped - extracted)
    assert not missing and not gone, (
        f"locales/messages.pot is stale ({REFRESH}): "
        f"{len(missing)} new string(s) {missing[:5]}, {len(gone)} removed {gone[:5]}"
    )


def test_messages_pot_names_the_files_each_string_is_in(fresh_pot: Path) -> None:
    """A translator reads where a string is used from its reference: it must name the files
    the string is in today (a string moved to another module, a module renamed)."""
    extracted = references(fresh_pot)
    shipped = references(ROOT / "locales" / "messages.pot")
    stale = [
        f"{msgid[:40]!r}: {shipped[key]} should be {extracted[key]}"
        for key in sorted(extracted.keys() & shipped.keys(), key=lambda k: (k[0], k[1] or ""))
        for msgid in [key[0]]
        if shipped[key] != extracted[key]
    ]
    assert not stale, f"{len(stale)} stale reference(s) in messages.pot ({REFRESH}): {stale[:3]}"


@pytest.mark.parametrize("locale", interface_locales())
def test_every_catalog_has_the_references_of_the_template(locale: str) -> None:
    template = references(ROOT / "locales" / "messages.pot")
    catalog = references(i18n.catalog_path(locale))
    stale = sorted(k[0][:40] for k in template.keys() & catalog.keys() if template[k] != catalog[k])
    assert not stale, f"{locale}: {len(stale)} stale reference(s) {stale[:3]} ({REFRESH})"


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
