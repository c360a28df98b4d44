"""A follow-up printed without a headline gets no title (never the story's first sentence, a
date line or the line naming the UA), and importing it never blanks its case's title.
The people and officials are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import CaseStatus, ImportOutcome
from app.importing import parse_text
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import import_text
from app.store.database import Database, open_database

INITIAL = """URGENT ACTION
Ägypten
Aktivistin zu drei Jahren Haft verurteilt
UA-257/2014
AI-Index: MDE 12/050/2014
30. Oktober 2014 | Appelle bis 10. Dezember 2014

Die Aktivistin Yara Beispiel ist am 26. Oktober 2014 in Kairo zu drei Jahren Haft verurteilt
worden. Sie war im Juni bei einer friedlichen Demonstration gegen das Protestgesetz festgenommen
worden und ist eine gewaltlose politische Gefangene.

APPELLE AN
PRÄSIDENT
Abdel Beispiel Fattah
Al-Ittihadia Palace
Kairo, ÄGYPTEN
(Anrede: Exzellenz)
"""
# The same case's follow-ups, each without a headline.
SENTENCE_FIRST = """URGENT ACTION
Ägypten
UA-257-1/2014
AI-Index: MDE 12/061/2014

Yara Beispiel ist frei.
Ein Berufungsgericht in Kairo hat am 6. November 2014 ihre Strafe aufgehoben. Sie war im Juni
bei einer friedlichen Demonstration gegen das Protestgesetz festgenommen worden.

Weitere Aktionen sind nicht erforderlich. Vielen Dank an alle, die Appelle geschickt haben.
"""
DATE_LINE_FIRST = """URGENT ACTION
Ägypten
UA-257-1/2014
AI-Index: MDE 12/061/2014
11. November 2014 | Appelle bis 23. Dezember 2014

Die Aktivistin Yara Beispiel ist weiterhin im Gefängnis Al-Qanater inhaftiert. Ein
Berufungsgericht in Kairo hat am 6. November 2014 ihre Strafe von drei Jahren Haft bestätigt.
Sie war im Juni bei einer friedlichen Demonstration festgenommen worden.

APPELLE AN
PRÄSIDENT
Abdel Beispiel Fattah
Kairo, ÄGYPTEN
(Anrede: Exzellenz)
"""
REFERENCE_FIRST = """Weitere Informationen zu UA-257/2014
AI-Index: MDE 12/061/2014
Ägypten
5. Dezember 2014

Die Aktivistin Yara Beispiel ist am 3. Dezember 2014 freigelassen worden. Ein Gericht in
Kairo hatte zuvor alle Anklagen gegen sie fallen gelassen.
Sie dankt allen, die sich für sie eingesetzt haben.

Weitere Aktionen des Eilaktionsnetzes sind nicht erforderlich. Vielen Dank an alle.
"""


@pytest.mark.parametrize(
    "text",
    [SENTENCE_FIRST, DATE_LINE_FIRST, REFERENCE_FIRST],
    ids=["first sentence", "date line", "reference line"],
)
def test_a_follow_up_without_a_headline_has_no_title(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.ua_number == "257/14"
    assert parsed.title == ""
    assert parsed.summary is not None and "Yara Beispiel" in parsed.summary


def test_the_initial_ua_keeps_its_headline() -> None:
    assert parse_text(INITIAL).title == "Aktivistin zu drei Jahren Haft verurteilt"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(resolve_paths(tmp_path / "data"))
    yield database
    database.close()


def test_an_untitled_follow_up_keeps_the_case_title(db: Database) -> None:
    assert import_text(db, INITIAL, "initial.txt").outcome is ImportOutcome.IMPORTED
    for text in (DATE_LINE_FIRST, SENTENCE_FIRST):
        assert import_text(db, text, "follow-up.txt").outcome is ImportOutcome.UPDATED
    case = get_case(db, "257/14")
    assert case.title == "Aktivistin zu drei Jahren Haft verurteilt"
    assert case.status is CaseStatus.CLOSED  # the second follow-up closed it
    assert len(case.outputs) == 3


def test_a_case_first_known_by_an_untitled_follow_up_takes_the_initial_ua_title(
    db: Database,
) -> None:
    assert import_text(db, DATE_LINE_FIRST, "follow-up.txt").outcome is ImportOutcome.IMPORTED
    assert get_case(db, "257/14").title == ""
    assert import_text(db, INITIAL, "initial.txt").outcome is ImportOutcome.UPDATED
    assert get_case(db, "257/14").title == "Aktivistin zu drei Jahren Haft verurteilt"
