"""The UA's bulleted demands are kept with the case: read at import, renewed by an update,
and read from the stored documents of cases imported before they were kept."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from app.importing import parse_pasted
from app.importing.recommended_actions import recommended_actions
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import save_parsed
from app.store.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

UA = """FICTIONAL SAMPLE - not a real case
UA 77/26 Fear of torture
ARCADIA Lee Fictional (m), teacher

Lee Fictional was arrested on 1 March 2026 and is held incommunicado.

RECOMMENDED ACTION: Please send appeals to arrive as quickly as possible, in English
or your own language:
- urging the authorities to release Lee Fictional immediately
  and unconditionally;
- calling for him to be given access to a lawyer of his choice.

APPEALS TO:
Minister of Justice
Ministry of Justice, 1 Example Road, Arcadia City
"""


def test_bullets_are_read_as_printed_with_their_continuation_lines() -> None:
    assert recommended_actions(UA) == (
        "urging the authorities to release Lee Fictional immediately and unconditionally;",
        "calling for him to be given access to a lawyer of his choice.",
    )
    french = "Écrivez immédiatement en français :\n▪ demandez sa libération ;\n\n▪ engagez-les à le protéger.\n\nAPPELS À\n"
    assert recommended_actions(french) == ("demandez sa libération ;", "engagez-les à le protéger.")
    assert recommended_actions("Dear Minister,\n- a list in a letter\n") == ()


def test_an_imported_case_keeps_its_demands(tmp_path: Path) -> None:
    db = open_database(resolve_paths(tmp_path))
    ((_, document),) = parse_pasted(UA)
    save_parsed(db, document, "ua-77.txt")
    case = get_case(db, "77/26")
    assert case.recommended_actions[0].startswith("urging the authorities to release Lee")
    assert len(case.recommended_actions) == 2
    db.close()


def test_cases_stored_before_the_migration_get_their_demands(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "schemas" / "0004_edit_and_undo.sqlite3", paths.database)
    with closing(sqlite3.connect(paths.database)) as conn:
        ua_number = conn.execute("SELECT ua_number FROM cases WHERE id = 1").fetchone()[0]
        conn.execute("UPDATE outputs SET text = ? WHERE case_id = 1", (UA,))
        conn.commit()
    db = open_database(paths)
    case = get_case(db, ua_number)
    assert [a[:20] for a in case.recommended_actions] == [
        "urging the authoriti",
        "calling for him to b",
    ]
    db.close()
