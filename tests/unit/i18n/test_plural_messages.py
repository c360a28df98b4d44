"""Plural messages: one count each, and every shipped catalog with its language's plural forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import catalog_path
from app.services.catalog_check import plural_forms_problem

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ["es", "fr", "de", "pt", "ar"]
# a number a plural form is chosen by: %(name)d, or a brace field named like a count
COUNTS = re.compile(r"%\((\w+)\)d|\{(count|n|total|letters|sheets|labels|pages)\b")


def test_every_plural_message_has_exactly_one_count() -> None:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    several = []
    for message in template:
        if not isinstance(message.id, (list, tuple)):
            continue
        names = {a or b for text in message.id for a, b in COUNTS.findall(text)}
        if len(names) != 1:
            several.append((message.id[0], sorted(names), message.locations[:1]))
    assert several == []


@pytest.mark.parametrize("locale", SHIPPED)
def test_each_catalog_has_its_languages_plural_forms_in_every_plural_entry(locale: str) -> None:
    with catalog_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    assert plural_forms_problem(locale, catalog.num_plurals, catalog.plural_expr) is None
    plurals = [m for m in catalog if m.id and isinstance(m.id, (list, tuple))]
    assert plurals
    short = [m.id[0] for m in plurals if len(m.string) != catalog.num_plurals or not all(m.string)]
    assert short == []


def test_arabic_has_six_plural_forms() -> None:
    with catalog_path("ar").open("rb") as handle:
        catalog = read_po(handle, locale="ar")
    assert catalog.num_plurals == 6
    letters = catalog.get("%(count)d sheet to print.")
    assert letters is not None and len(set(letters.string)) >= 4  # 0, 1, 2, 3-10, 11-99, 100+
