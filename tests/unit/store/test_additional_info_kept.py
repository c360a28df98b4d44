"""The UA's additional information is kept with the case: read at import, taken from the newest
document that has one, and read from the stored documents of cases imported before it was kept."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from app.importing import parse_pasted
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import save_parsed
from app.store.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

UA = """FICTIONAL SAMPLE - not a real case
UA 77/26 Fear of torture
ARCADIA Lee Fictional (m), teacher

Lee Fictional was arrested on 1 March 2026 and is held incommunicado at a police station.

APPEALS TO:
Minister of Justice
Ministry of Justice, 1 Example Road, Arcadia City

BACKGROUND INFORMATION
Teachers in Arcadia have protested about unpaid salaries since 2024. Several union members
have been questioned by the police.

RECOMMENDED ACTION: Please send appeals to arrive as quickly as possible.
"""

UPDATE = """FICTIONAL SAMPLE - not a real case
Further information on UA 77/26
ARCADIA Lee Fictional (m), teacher

Lee Fictional was released on 20 March 2026 without charge; he says he was not ill-treated.
"""


def test_an_imported_case_keeps_its_background_through_an_update(tmp_path: Path) -> None:
    db = open_database(resolve_paths(tmp_path))
    ((_, document),) = parse_pasted(UA)
    save_parsed(db, document, "ua-77.txt")
    expected = (
        "Teachers in Arcadia have protested about unpaid salaries since 2024. Several union "
        "members have been questioned by the police."
    )
    assert get_case(db, "77/26").additional_info == expected
    ((_, update),) = parse_pasted(UPDATE)
    save_parsed(db, update, "ua-77-fi.txt")  # it has none: the initial UA's stays
    case = get_case(db, "77/26")
    assert len(case.outputs) == 2 and case.additional_info == expected
    db.close()


def test_cases_stored_before_the_migration_get_their_background(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "schemas" / "0005_recommended_actions.sqlite3", paths.database)
    with closing(sqlite3.connect(paths.database)) as conn:
        ua_number = conn.execute("SELECT ua_number FROM cases WHERE id = 1").fetchone()[0]
        conn.execute("UPDATE outputs SET text = ? WHERE case_id = 1", (UA,))
        conn.commit()
    db = open_database(paths)
    case = get_case(db, ua_number)
    assert (case.additional_info or "").startswith("Teachers in Arcadia have protested")
    db.close()
    with closing(sqlite3.connect(paths.database)) as conn:
        parsed = [json.loads(row[0]) for row in conn.execute("SELECT parsed_json FROM outputs")]
    # every stored document now says what it holds, so a later import derives the case's
    assert all("additional_info" in data for data in parsed)
