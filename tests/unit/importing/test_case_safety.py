"""No document lands on the wrong case: doubtful updates wait for confirmation, our own
outputs are refused, a bad file never stops a batch, an index-only initial UA is a new case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.model import ImportOutcome
from app.main import main
from app.paths import resolve_paths
from app.services.cases import get_case
from app.services.importing import confirm, import_files, import_text
from app.store.database import Database, open_database

HELDOUT = Path(__file__).parent / "heldout"
PERU_INITIAL = HELDOUT / "225_peru_swiss_page_2021.txt"
PERU_UPDATE = HELDOUT / "249_peru_aiuk_update_index_2021.txt"
BELARUS_INITIAL = HELDOUT / "217_belarus_students_modern_2020.txt"
BELARUS_UPDATE = HELDOUT / "252_belarus_fr_third_au_2021.txt"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(resolve_paths(tmp_path / "data"))
    yield database
    database.close()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_case_without_a_title_is_imported_and_the_batch_goes_on(
    db: Database, tmp_path: Path
) -> None:
    untitled = _write(tmp_path, "a_untitled.txt", "UA 41/19\nAI Index: AFR 44/0101/2019\n")
    after = _write(tmp_path, "b_good.txt", PERU_INITIAL.read_text(encoding="utf-8"))
    results = import_files(db, [untitled, after])
    assert [r.outcome for r in results] == [ImportOutcome.IMPORTED, ImportOutcome.IMPORTED]
    assert get_case(db, "41/19").title == ""
    assert get_case(db, "119/21").country == "Peru"


def test_a_document_with_the_same_number_and_nothing_else_in_common_waits(
    db: Database, tmp_path: Path
) -> None:
    [first] = import_files(db, [PERU_INITIAL])
    title = get_case(db, "119/21").title
    stray = _write(
        tmp_path,
        "stray.txt",
        "URGENT ACTION\nUA 119/21\nTOTAL LETTERS: 30. REPLIES RECEIVED: 1.\n"
        "Please write to the Minister of the Interior of Chad.\n",
    )
    [result] = import_files(db, [stray])
    assert result.outcome is ImportOutcome.NEEDS_CONFIRMATION
    assert "119/21" in (result.reason or "")
    assert get_case(db, "119/21").title == title  # nothing was written
    assert any(change.field == "title" for change in result.changes)
    applied = confirm(db, result)
    assert applied.outcome is ImportOutcome.UPDATED


def test_a_follow_up_that_names_another_country_waits(db: Database, tmp_path: Path) -> None:
    import_files(db, [PERU_INITIAL])
    text = (
        PERU_UPDATE.read_text(encoding="utf-8")
        .replace("Peru", "Chile")
        .replace("AMR 46/", "AMR 22/")
    )
    [result] = import_files(db, [_write(tmp_path, "chile.txt", text)])
    assert result.outcome is ImportOutcome.NEEDS_CONFIRMATION
    assert "Chile" in (result.reason or "")


@pytest.mark.parametrize(
    ("initial", "update"), [(PERU_INITIAL, PERU_UPDATE), (BELARUS_INITIAL, BELARUS_UPDATE)]
)
def test_real_follow_ups_update_their_case_without_asking(
    db: Database, initial: Path, update: Path
) -> None:
    import_files(db, [initial])
    [result] = import_files(db, [update])
    assert result.outcome is ImportOutcome.UPDATED


def test_an_initial_ua_with_an_index_and_no_number_is_a_new_case(
    db: Database, tmp_path: Path
) -> None:
    text = (
        "AFR 25/021/2007\nURGENT ACTION\nFEAR FOR THE SAFETY OF A VILLAGE TEACHER\n"
        "Mariam Tesfaye, a teacher, has been threatened by soldiers. She fears arrest.\n"
        "APPEALS TO:\nMinister of Defence\nGeneral Haile Worku\nAddis Ababa, Ethiopia\n"
    )
    [result] = import_files(db, [_write(tmp_path, "index_only.txt", text)])
    assert result.outcome is ImportOutcome.IMPORTED
    numbered = text.replace("AFR 25/021/2007\n", "UA 77/07\nAI Index: AFR 25/021/2007\n")
    [later] = import_files(db, [_write(tmp_path, "numbered.txt", numbered)])
    assert later.outcome is ImportOutcome.UPDATED
    assert later.ua_number == "77/07"
    assert get_case(db, "77/07").ai_index == "AFR 25/021/2007"


def test_pasted_text_needing_confirmation_is_not_written(db: Database) -> None:
    import_files(db, [PERU_INITIAL])
    result = import_text(db, "URGENT ACTION\nUA 119/21\nSomething else entirely.\n")
    assert result.outcome is ImportOutcome.NEEDS_CONFIRMATION


def _cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    return code, capsys.readouterr().out


def test_the_cli_refuses_a_doubtful_update_with_the_reason_and_force_applies_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _cli(capsys, data, "import", str(PERU_INITIAL))
    stray = _write(tmp_path, "stray.txt", "URGENT ACTION\nUA 119/21\nA short note.\n")
    code, out = _cli(capsys, data, "import", str(stray))
    assert code == 1
    assert "waiting for confirmation (UA 119/21)" in out
    assert "--force" in out
    code, out = _cli(capsys, data, "import", "--force", str(stray))
    assert code == 0
    assert "updated (UA 119/21)" in out


def test_our_own_outputs_are_refused_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    data = tmp_path / "data"
    assert _cli(capsys, data, "import", str(PERU_INITIAL))[0] == 0
    _cli(capsys, data, "sent", "119/21", "--channel", "post")
    outputs = tmp_path / "out"
    outputs.mkdir()
    for args in (
        ["report", "--pdf", str(outputs / "report.pdf"), "--csv", str(outputs / "report.csv")],
        ["letter", "119/21", "--out", str(outputs / "letter.pdf")],
        ["letter", "119/21", "--out", str(outputs / "letter.txt")],
        ["letter", "119/21", "--out", str(outputs / "letter.eml")],
        ["labels", "119/21", "--out", str(outputs / "labels.pdf")],
        ["envelope", "119/21", "--out", str(outputs / "envelope.pdf")],
        ["event", "create", "Evening"],
        ["event", "add-case", "Evening", "119/21"],
        ["event", "export", "Evening", "--out", str(outputs / "event.json")],
    ):
        assert _cli(capsys, data, *args)[0] == 0, args
    before = json.loads(_cli(capsys, data, "list", "--all", "--json")[1])
    files = [str(outputs), str(outputs / "report.csv"), str(outputs / "event.json")]
    code, out = _cli(capsys, data, "import", *files)
    lines = [line for line in out.splitlines() if ": " in line and "files:" not in line]
    assert code == 1
    assert len(lines) == 8  # the folder's six documents, the CSV and the event file
    assert all("by Appeal Desk" in line for line in lines), out
    assert json.loads(_cli(capsys, data, "list", "--all", "--json")[1]) == before


def test_the_text_of_our_own_letter_pasted_back_is_refused(db: Database) -> None:
    letter = (
        "6 December 2026\n\nMinister of the Interior\nAna Beltrán\nLima, Peru\n\n"
        "Re: UA 119/21: Refugee children and adolescents\n\nDear Minister,\n\n"
        "I am writing to you about the children.\n\nYours sincerely,\n"
    )
    result = import_text(db, letter)
    assert result.outcome is ImportOutcome.REJECTED
    assert "written by Appeal Desk" in (result.reason or "")
