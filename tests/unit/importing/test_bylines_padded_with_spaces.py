"""A page's byline ("Fatta Pennan | 2018-05-14") and a web line that opens with its date
("14 May 2018 | News") give the issue date, and a long run of spaces inside such a line is
read once (the suite's time limit for a test fails a search from each space). Fictional."""

from __future__ import annotations

from datetime import date

from app.importing import parse_text

PAGE = """Paraguay: Två bönder fängslade efter markkonflikt

{line}
Fatta Pennan | 2018-05-14

Den 3 mars 2018 greps bönderna Rubén Ejemplo Acosta och Julio Muestra Benítez efter en fredlig protest mot en vräkning i departementet Canindeyú. De sitter fortfarande häktade utan rättegång.

Skriv till:
Fiscal General del Estado
Sandra Ficticia Quiñónez
Calle Ejemplo 1234
Asunción
Paraguay

Sra. Fiscal General:
Urgent Action 48/18
"""
RUN = 300_000


def test_the_byline_gives_the_issue_date() -> None:
    assert parse_text(PAGE.format(line="")).issued_on == date(2018, 5, 14)


def test_a_byline_padded_with_spaces_is_read_in_one_pass() -> None:
    padded = PAGE.format(line="Fatta Pennan | Även" + " " * RUN + "publicerad")
    assert parse_text(padded).issued_on == date(2018, 5, 14)


def test_a_web_line_padded_with_spaces_before_its_bar_is_read_in_one_pass() -> None:
    padded = PAGE.format(line="Nyheter" + " " * (3 * RUN) + "Sverige | Amnesty")
    assert parse_text(padded).issued_on == date(2018, 5, 14)
