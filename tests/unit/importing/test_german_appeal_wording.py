"""German section wording: the deadline after "Appelle vor dem", and polite imperatives
("Fordern Sie ...") in the requests, which are never people's names."""

from __future__ import annotations

from datetime import date

from app.importing.parser import parse_text

# Fictional: the person, the official and the country are made up.
INITIAL = """URGENT ACTION

STUDENTIN VERHAFTET

UA 311/26
Index: EUR 99/0311/2026
Zentralien                                Datum: 2. Dezember 2026

Die Studentin Lena Varga wurde am 28. November 2026 nach einer friedlichen Kundgebung
festgenommen. Ihre Familie weiß nicht, wo sie festgehalten wird.

BITTE SCHREIBEN SIE SOFORT auf Deutsch oder in Ihrer eigenen Sprache:
- Fordern Sie die Behörden auf, Lena Varga sofort freizulassen;
- Fordern Sie, dass sie vor Folter geschützt wird und einen Anwalt sehen darf.

BITTE SCHICKEN SIE IHRE APPELLE VOR DEM 20. Januar 2027 AN:

Innenministerin
Frau Edda Kranich
Innenministerium
Ringstraße 4
20001 Zentralstadt, Zentralien
Anrede: Sehr geehrte Frau Ministerin
"""


def test_the_deadline_after_appelle_vor_dem_is_read() -> None:
    assert parse_text(INITIAL).deadline == date(2027, 1, 20)


def test_polite_imperatives_are_not_people() -> None:
    names = [person.name for person in parse_text(INITIAL).persons]
    assert names == ["Lena Varga"]
