"""The search box finds names written beyond Latin-1, in any case and with or without accents."""

from __future__ import annotations

from datetime import date

from app.domain.model import CaseSummary
from app.ui.models.case_filter_proxy import CaseFilterProxy
from app.ui.models.case_table_model import CaseTableModel
from tests.builders import case_summary


def fictional(case_id: int, ua: str, title: str, persons: tuple[str, ...]) -> CaseSummary:
    return case_summary(
        case_id,
        ua_number=ua,
        title=f"{title} (fictional)",
        deadline=date(2026, 4, 1),
        persons=persons,
        officials=("Minister of Justice, Łucja Őrsi",),
    )


def test_search_finds_accented_and_non_latin_names(qapp) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    model.set_cases(
        [
            fictional(1, "3/26", "Žizo Žikéos detained", ("Žizo Žikéos",)),
            fictional(2, "4/26", "Ellé Osúnpa arrested", ("Ellé Osúnpa", "Мира Петрова")),
            fictional(3, "5/26", "Strasse protest", ("Groß Weiß",)),
        ]
    )
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)

    def visible(text: str) -> set[str]:
        proxy.set_search_text(text)
        return {proxy.case_at(row).ua_number for row in range(proxy.rowCount())}

    assert visible("žizo") == {"3/26"}
    assert visible("ŽIKÉOS") == {"3/26"}
    assert visible("elle") == {"4/26"}  # typed without the accent, found with it
    assert visible("zizo zikeos") == {"3/26"}
    assert visible("orsi") == {"3/26", "4/26", "5/26"}  # the official, Őrsi
    assert visible("ellé osú") == {"4/26"}
    assert visible("петрова") == {"4/26"}
    assert visible("grOSS") == {"5/26"}  # casefold: ß matches ss
    assert visible("łucja") == {"3/26", "4/26", "5/26"}
    assert visible("ua 4/26") == {"4/26"}
    assert visible("é") == {"3/26", "4/26", "5/26"}  # "é" is looked for as "e"
    assert visible("") == {"3/26", "4/26", "5/26"}


def test_search_ignores_accents_both_ways(qapp) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(today=lambda: date(2026, 3, 1))
    model.set_cases(
        [
            fictional(1, "7/26", "Teachers detained", ("José Almeida",))._replace(
                country="Brazil",
                title="São Paulo",
            ),
            fictional(2, "8/26", "Sao Tome journalist", ("Jose Ruiz",)),
            fictional(3, "9/26", "Other", ("Ana",)),
        ]
    )
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)

    def visible(text: str) -> set[str]:
        proxy.set_search_text(text)
        return {proxy.case_at(row).ua_number for row in range(proxy.rowCount())}

    assert visible("sao") == {"7/26", "8/26"}
    assert visible("são") == {"7/26", "8/26"}
    assert visible("jose") == {"7/26", "8/26"}
    assert visible("JOSÉ almeida") == {"7/26"}
    assert visible("sao paulo") == {"7/26"}
