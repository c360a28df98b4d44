"""The shipped CLDR territory names are the installed Babel's (regenerate after an upgrade)."""

from __future__ import annotations

from app.importing.countries import canonical_country
from app.importing.territory_names import LOCALES, from_babel, territory_names


def test_the_shipped_names_are_babels() -> None:
    shipped = territory_names()
    assert list(shipped) == list(LOCALES)
    assert shipped == from_babel(), "run: python -m app.importing.territory_names"
    assert list(shipped["en"]) == list(from_babel()["en"])  # the order matters (first wins)


def test_names_in_every_language_still_map_to_amnestys() -> None:
    assert canonical_country("Estados Unidos") == "USA"
    assert canonical_country("Russische Föderation") == "Russia"
    assert canonical_country("Côte d’Ivoire") == "Côte d'Ivoire"
    assert canonical_country("Perú") == "Peru"
    assert canonical_country("Pays-Bas") == "Netherlands"
    assert canonical_country("Estrévia") is None
