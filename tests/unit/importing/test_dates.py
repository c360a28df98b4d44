"""Dates in English, US, German, Spanish and French forms, with stray spaces."""

from __future__ import annotations

from datetime import date

import pytest

from app.importing.dates import find_dates, is_date_line, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 February 2023", date(2023, 2, 14)),
        ("PLEASE SEND APPEALS BEFORE 4 SEPTEMBER 2014 TO:", date(2014, 9, 4)),
        ("February 9, 2024", date(2024, 2, 9)),
        ("expires on June 1 2023.", date(2023, 6, 1)),
        ("24. Juli 2019 | Appelle bis 4. September 2019", date(2019, 7, 24)),
        ("Fecha: 30 de junio de 2022", date(2022, 6, 30)),
        ("ANTES DEL 28 DE JUNIO DE 2013 A:", date(2013, 6, 28)),
        ("Date : 12 mars 2013", date(2013, 3, 12)),
        ("le 1er février 2024", date(2024, 2, 1)),
        ("21 novembre 2023", date(2023, 11, 21)),
        ("14\u00a0February\u00a02023", date(2023, 2, 14)),
        ("Issued 2024-03-05", date(2024, 3, 5)),
        ("am 05.03.2024", date(2024, 3, 5)),
        ("17 Dezember 2019", date(2019, 12, 17)),
        ("Fecha: 1.º de julio de 2017", date(2017, 7, 1)),
        ("Appeller innen: 23. desember 2023", date(2023, 12, 23)),
        ("HINGGA: 9 Agustus 2019", date(2019, 8, 9)),
        ("3. maaliskuuta 2021", date(2021, 3, 3)),
        ("Дата: 14 сентября 2021 г.", date(2021, 9, 14)),
        ("2022年6月3日", date(2022, 6, 3)),
        ("마감일: 2024년 10월 2일까지", date(2024, 10, 2)),
    ],
)
def test_dates_in_many_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_impossible_dates_and_bare_numbers_are_ignored() -> None:
    assert parse_date("31 February 2023") is None
    assert parse_date("on 9 March, shortly after") is None
    assert parse_date("Article 212.1 of the code") is None


def test_all_dates_are_found_in_order() -> None:
    found = [value for _s, _e, value in find_dates("from 3 May 2020 to June 4, 2021")]
    assert found == [date(2020, 5, 3), date(2021, 6, 4)]


def test_date_line_detection() -> None:
    assert is_date_line("                5 May 1995")
    assert not is_date_line("Detained on 5 May 1995 in Lice")
    assert is_date_line("Friday, 9 February 2024") and is_date_line("Freitag, 9. Februar 2024")
