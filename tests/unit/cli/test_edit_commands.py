"""The editing commands as a user scripts them: exit codes, output, and the store read back."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.main import main
from app.paths import resolve_paths
from app.store.database import open_database
from tests.builders import INITIAL_901, INITIAL_902, UPDATE_901, dump


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def store_dump(data: Path) -> dict[str, list[tuple[object, ...]]]:
    db = open_database(resolve_paths(data))
    try:
        return dump(db)
    finally:
        db.close()


def listed(capsys: pytest.CaptureFixture[str], data: Path) -> list[dict[str, object]]:
    code, out, _err = cli(capsys, data, "list", "--all", "--json")
    assert code == 0
    return json.loads(out)


def test_case_edit_and_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, tmp_path, "import", str(INITIAL_901))[0] == 0
    code, out, _ = cli(
        capsys,
        tmp_path,
        "case",
        "edit",
        "UA 901/27",
        "--title",
        "Two teachers held",
        "--country",
        "Nepal (fictional)",
        "--deadline",
        "2027-05-01",
        "--status",
        "closed",
    )
    assert code == 0 and "901/27 corrected" in out
    [case] = listed(capsys, tmp_path)
    assert (case["title"], case["country"], case["deadline"], case["status"]) == (
        "Two teachers held",
        "Nepal (fictional)",
        "2027-05-01",
        "closed",
    )
    # The same value again changes nothing, and says so.
    before = store_dump(tmp_path)
    code, out, _ = cli(capsys, tmp_path, "case", "edit", "901/27", "--title", "Two teachers held")
    assert code == 0 and out == "UA 901/27 already has these values.\n"
    assert store_dump(tmp_path) == before
    # A later document keeps the corrections.
    assert cli(capsys, tmp_path, "import", str(UPDATE_901))[0] == 0
    [case] = listed(capsys, tmp_path)
    assert case["title"] == "Two teachers held"

    cli(capsys, tmp_path, "sent", "901/27", "--channel", "post")
    code, out, _ = cli(capsys, tmp_path, "case", "delete", "901/27", "--keep-appeals")
    assert code == 0
    assert "This removes UA 901/27 and with it: 2 documents." in out
    assert "Kept in the history and in reports: 1 appeal." in out
    assert listed(capsys, tmp_path) == []
    code, out, _ = cli(capsys, tmp_path, "appeal", "list", "--json")
    assert [a["ua_number"] for a in json.loads(out)] == ["901/27"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "This removes UA 902/27 and with it: 1 document."),
        ("fr", "Ceci supprime l'AU 902/27, ainsi que 1 document."),
        ("es", "Esto elimina la AU 902/27, junto con 1 documento."),
        ("pt", "Isto elimina a AU 902/27, juntamente com 1 documento."),
        ("de", "Das entfernt UA 902/27, dazu: 1 Dokument."),
    ],
)
def test_a_case_deletion_names_the_case_as_a_sentence_of_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_902))
    code, out, _ = cli(capsys, tmp_path, "--lang", lang, "case", "delete", "902/27", "--yes")
    assert code == 0
    assert out.splitlines()[0] == expected


def test_a_french_deletion_lists_what_goes_with_the_case_and_the_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_901), str(UPDATE_901))
    cli(capsys, tmp_path, "event", "create", "W4R", "--cases", "901/27")
    cli(capsys, tmp_path, "sent", "901/27", "--channel", "post", "--event", "W4R")
    code, out, _ = cli(capsys, tmp_path, "--lang", "fr", "event", "delete", "W4R", "--yes")
    assert code == 0
    assert out.splitlines()[0] == (
        "Ceci supprime l'événement W4R, ainsi que 1 appel enregistré (1 lettre)."
    )
    code, out, _ = cli(capsys, tmp_path, "--lang", "fr", "case", "delete", "901/27", "--yes")
    assert code == 0
    assert out.splitlines()[0] == "Ceci supprime l'AU 901/27, ainsi que 2 documents."


def test_bad_case_input_is_exit_1_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_901))
    before = store_dump(tmp_path)
    for args in (
        ("case", "edit", "901/27"),
        ("case", "edit", "99/99", "--title", "x"),
        ("case", "delete", "99/99"),
        ("appeal", "edit", "nope1234", "--channel", "post"),
        ("event", "delete", "No such event"),
    ):
        code, _out, err = cli(capsys, tmp_path, *args)
        assert code == 1, args
        assert err.startswith("appeal-desk: ") and "Traceback" not in err
    assert store_dump(tmp_path) == before


def test_appeal_list_edit_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # days no earlier than the sample UA's issue date, whatever today is
    sent_on = date.today().isoformat()
    corrected_on = (date.today() + timedelta(days=1)).isoformat()
    cli(capsys, tmp_path, "import", str(INITIAL_901))
    cli(capsys, tmp_path, "sent", "901/27", "--channel", "post", "--date", sent_on)
    code, out, _ = cli(capsys, tmp_path, "appeal", "list", "--json")
    [appeal] = json.loads(out)
    assert set(appeal) == {"id", "ua_number", "target", "channel", "date", "status", "count"}
    assert (appeal["ua_number"], appeal["channel"], appeal["date"], appeal["status"]) == (
        "901/27",
        "post",
        sent_on,
        "sent",
    )
    assert appeal["target"].startswith("Minister of Education")
    code, out, _ = cli(
        capsys,
        tmp_path,
        "appeal",
        "edit",
        appeal["id"][:8],
        "--channel",
        "email",
        "--date",
        corrected_on,
    )
    assert code == 0
    [edited] = json.loads(cli(capsys, tmp_path, "appeal", "list", "--case", "901/27", "--json")[1])
    assert (edited["channel"], edited["date"]) == ("email", corrected_on)
    assert cli(capsys, tmp_path, "appeal", "edit", appeal["id"], "--status", "lost")[0] == 1
    code, out, _ = cli(capsys, tmp_path, "appeal", "list")
    assert appeal["id"][:8] in out
    code, out, _ = cli(capsys, tmp_path, "appeal", "delete", appeal["id"])
    assert code == 0 and "This removes the appeal " in out and "(Sent)" in out
    assert json.loads(cli(capsys, tmp_path, "appeal", "list", "--json")[1]) == []


def test_event_edit_and_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_901), str(INITIAL_902))
    cli(capsys, tmp_path, "event", "create", "W4R", "--cases", "901/27")
    code, out, _ = cli(
        capsys,
        tmp_path,
        "event",
        "edit",
        "W4R",
        "--name",
        "Write for Rights",
        "--place",
        "Library",
        "--cases",
        "901/27,902/27",
        "--goal",
        "30",
    )
    assert code == 0
    code, out, _ = cli(capsys, tmp_path, "event", "list")
    assert "Write for Rights (no date, Library): 901/27, 902/27" in out
    cli(capsys, tmp_path, "sent", "902/27", "--channel", "post", "--event", "Write for Rights")
    code, out, _ = cli(capsys, tmp_path, "event", "delete", "Write for Rights")
    assert code == 0 and "1 recorded appeal (1 letter)" in out
    assert "No events" in cli(capsys, tmp_path, "event", "list")[1]
    assert json.loads(cli(capsys, tmp_path, "appeal", "list", "--json")[1]) == []


def test_undo_import_and_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_901))
    before = store_dump(tmp_path)
    code, out, _ = cli(capsys, tmp_path, "samples")
    assert code == 0 and "fictional" in out
    assert {c["ua_number"] for c in listed(capsys, tmp_path)} == {"901/27", "902/27"}
    code, out, _ = cli(capsys, tmp_path, "undo-import")
    assert code == 0
    assert "These cases go: 902/27." in out
    assert store_dump(tmp_path) == before
    assert cli(capsys, tmp_path, "undo-import")[0] == 0
    assert listed(capsys, tmp_path) == []
    code, _out, err = cli(capsys, tmp_path, "undo-import")
    assert code == 1 and "no import to undo" in err


def test_undo_import_names_only_the_cases_still_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store_dump(tmp_path)
    assert cli(capsys, tmp_path, "samples")[0] == 0
    assert cli(capsys, tmp_path, "case", "delete", "902/27", "--yes")[0] == 0
    code, out, _ = cli(capsys, tmp_path, "undo-import", "--yes")
    assert code == 0
    assert "901/27" in out and "902/27" not in out  # already deleted: not said to go again
    assert store_dump(tmp_path) == before


def _numbered_files(folder: Path, count: int) -> list[Path]:
    """``count`` fictional UA files, each its own case (960/27, 961/27, ...)."""
    text = INITIAL_902.read_text(encoding="utf-8")
    folder.mkdir()
    files = []
    for index in range(count):
        path = folder / f"ua{960 + index}.txt"
        path.write_text(text.replace("902/27", f"{960 + index}/27"), encoding="utf-8")
        files.append(path)
    return files


def test_undo_after_a_stopped_import_names_only_what_it_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading

    from app.services.importing import import_files

    data = tmp_path / "data"
    files = _numbered_files(tmp_path / "incoming", 6)
    stop = threading.Event()
    db = open_database(resolve_paths(data))
    try:  # Ctrl+C after the first file: it is saved, the five others are skipped
        results = import_files(db, files, on_result=lambda _result: stop.set(), cancel=stop)
    finally:
        db.close()
    assert [r.outcome.value for r in results] == ["imported"] + ["skipped"] * 5

    code, out, _err = cli(capsys, data, "undo-import", "--yes")

    assert code == 0
    assert out.splitlines()[0] == "Undo the import of ua960.txt. These cases go: 960/27."
    assert "ua961" not in out


def test_undo_of_a_large_import_cuts_its_lists_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    files = _numbered_files(tmp_path / "incoming", 30)
    assert cli(capsys, data, "import", *map(str, files))[0] == 0

    code, out, _err = cli(capsys, data, "undo-import", "--yes")

    assert code == 0
    assert out.splitlines()[0] == (
        "Undo the import of ua960.txt, ua961.txt, ua962.txt, ua963.txt, ua964.txt and 25 more. "
        "These cases go: 960/27, 961/27, 962/27, 963/27, 964/27 and 25 more."
    )
    assert listed(capsys, data) == []


def test_undo_that_would_be_refused_says_only_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, tmp_path, "import", str(INITIAL_902))[0] == 0
    assert cli(capsys, tmp_path, "sent", "902/27", "--channel", "post")[0] == 0
    before = store_dump(tmp_path)

    code, out, err = cli(capsys, tmp_path, "undo-import", "--yes")

    assert code == 1
    assert out == ""
    assert "cannot be undone" in err and "These cases go" not in err
    assert store_dump(tmp_path) == before


def test_appeal_list_json_carries_the_count_the_text_listing_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_901))
    assert cli(capsys, tmp_path, "sent", "901/27", "--channel", "post", "--count", "12")[0] == 0
    assert cli(capsys, tmp_path, "sent", "901/27", "--channel", "email")[0] == 0

    text = cli(capsys, tmp_path, "appeal", "list")[1]
    code, out, _err = cli(capsys, tmp_path, "appeal", "list", "--json")

    assert code == 0
    [post_line] = [line for line in text.splitlines() if "x12" in line]
    assert "Post" in post_line and "Sent" in post_line  # the status column is shown too
    assert sorted((a["channel"], a["count"]) for a in json.loads(out)) == [
        ("email", 1),
        ("post", 12),
    ]


def test_undo_of_an_import_whose_cases_are_all_gone_says_nothing_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, tmp_path, "samples")[0] == 0
    assert cli(capsys, tmp_path, "samples", "remove", "--yes")[0] == 0
    before = store_dump(tmp_path)
    code, out, err = cli(capsys, tmp_path, "undo-import")
    assert code == 0 and err == ""
    assert out.strip() == (
        "There is nothing left to undo for the import of sample pack: its cases have been "
        "removed since. Nothing was changed."
    )
    assert listed(capsys, tmp_path) == []
    assert {k: v for k, v in store_dump(tmp_path).items() if "batch" not in k} == {
        k: v for k, v in before.items() if "batch" not in k
    }
    # the spent import is forgotten: no import is left to undo
    code, _out, err = cli(capsys, tmp_path, "undo-import")
    assert code == 1 and "no import to undo" in err


def test_undo_import_after_a_restore_waits_for_the_next_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The restored backup's own last import is not the one the user just made: the command
    line refuses it, saying why, as the window does, and the next import can be undone."""
    assert cli(capsys, tmp_path, "import", str(INITIAL_901))[0] == 0
    code, out, _err = cli(capsys, tmp_path, "backup")
    assert code == 0
    backup = out.strip().splitlines()[-1]
    assert cli(capsys, tmp_path, "import", str(INITIAL_902))[0] == 0
    assert cli(capsys, tmp_path, "restore", backup)[0] == 0
    restored = store_dump(tmp_path)

    code, out, err = cli(capsys, tmp_path, "undo-import", "--yes")
    assert code == 1 and out == ""
    assert "A backup was restored" in err and "Your next import can be undone again." in err
    assert store_dump(tmp_path) == restored
    assert {c["ua_number"] for c in listed(capsys, tmp_path)} == {"901/27"}

    assert cli(capsys, tmp_path, "import", str(INITIAL_902))[0] == 0
    code, out, _err = cli(capsys, tmp_path, "undo-import", "--yes")
    assert code == 0 and "902/27" in out
    assert {c["ua_number"] for c in listed(capsys, tmp_path)} == {"901/27"}
    # the import before the restore is still not offered
    code, _out, err = cli(capsys, tmp_path, "undo-import", "--yes")
    assert code == 1 and "A backup was restored" in err
