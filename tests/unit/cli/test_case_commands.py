"""The CLI as a user scripts it: import, list, sent - and bad input that changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.main import main
from app.paths import resolve_paths
from app.store.database import open_database, row_counts
from tests.conftest import SEED_FINAL, UA_SAMPLES

INITIAL_2019 = UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"
UPDATE_2019 = UA_SAMPLES / "102_sri_lanka_activists_second_ua_2023.txt"
FINAL_2019 = UA_SAMPLES / "103_sri_lanka_activists_freed_final_markdown_2023.txt"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def counts(data: Path) -> dict[str, int]:
    db = open_database(resolve_paths(data))
    try:
        return row_counts(db)
    finally:
        db.close()


def test_seed_imported_through_the_cli_is_a_closed_peru_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, tmp_path, "import", str(SEED_FINAL))
    assert code == 0
    assert "imported (UA 119/21)" in out
    code, out, _ = cli(capsys, tmp_path, "list", "--all", "--json")
    [case] = json.loads(out)
    assert case["ua_number"] == "119/21"
    assert case["country"] == "Peru"
    assert case["status"] == "closed"
    assert case["persons"] == ["Refugee children and adolescents"]
    assert {"title": "Minister of Foreign Affairs", "name": "Adrián Valcárcel De Olazábal"} in case[
        "targets"
    ]
    # closed cases leave the open list
    assert json.loads(cli(capsys, tmp_path, "list", "--json")[1]) == []
    # re-importing the same file changes nothing
    before = counts(tmp_path)
    code, out, _ = cli(capsys, tmp_path, "import", str(SEED_FINAL))
    assert code == 0 and "unchanged" in out
    assert counts(tmp_path) == before


def test_update_merges_and_final_closes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, tmp_path, "import", str(INITIAL_2019), str(UPDATE_2019))
    assert code == 0
    assert "imported (UA 28/23)" in out and "updated (UA 28/23)" in out
    [case] = json.loads(cli(capsys, tmp_path, "list", "--json")[1])
    assert case["status"] == "open" and case["deadline"]
    cli(capsys, tmp_path, "import", str(FINAL_2019))
    assert json.loads(cli(capsys, tmp_path, "list", "--json")[1]) == []
    assert counts(tmp_path)["cases"] == 1


def test_sent_updates_the_count_and_survives_a_restart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_2019))
    code, out, _ = cli(
        capsys,
        tmp_path,
        "sent",
        "28/23",
        "--target",
        "2",
        "--channel",
        "post",
        "--date",
        "2023-03-01",
    )
    assert code == 0 and "Recorded 1 appeal for UA 28/23" in out
    [case] = json.loads(cli(capsys, tmp_path, "list", "--json")[1])
    assert case["appeals_sent"] == 1


def test_sent_without_a_target_records_the_first_official_and_solidarity_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_2019))
    code, out, _ = cli(capsys, tmp_path, "sent", "28/23", "--channel", "post")
    assert code == 0
    assert "Sent to Minister of Justice, Prison Affairs and Constitutional Reforms" in out
    code, out, _ = cli(
        capsys, tmp_path, "sent", "28/23", "--channel", "post", "--kind", "solidarity"
    )
    assert code == 0 and "Recorded 1 solidarity message for UA 28/23." in out
    assert "Minister" not in out and "Attorney General" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["sent", "28/23", "--target", "9", "--channel", "post"],
            "UA 28/23 has no official number 9; choose 1 to 2.",
        ),
        (["sent", "28/23", "--target", "1", "--channel", "pigeon"], "Unknown channel 'pigeon'"),
        (
            ["sent", "77/77", "--target", "1", "--channel", "post"],
            "You have no case with UA number 77/77",
        ),
        (["import", "/nonexistent/file.txt"], "No such file or folder"),
    ],
)
def test_bad_command_input_gives_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_2019))
    before = counts(tmp_path)
    code, out, err = cli(capsys, tmp_path, *args)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out
    assert counts(tmp_path) == before


def _write_bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "not_a_ua": folder / "shopping.txt",
        "huge": folder / "huge.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["not_a_ua"].write_text(
        "Shopping list\n\nbread, milk, apples\nCall the plumber on Tuesday.\n"
    )
    with files["huge"].open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    return files


def test_bad_files_are_rejected_with_a_reason_and_the_store_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "import", str(INITIAL_2019))
    before = counts(data)
    for name, path in _write_bad_files(tmp_path / "bad").items():
        code, out, err = cli(capsys, data, "import", str(path))
        assert code == 1, name
        line = out.strip()
        assert line.startswith(f"{path.name}: rejected: "), (name, line)
        assert len(line) > len(f"{path.name}: rejected: ") + 10, name
        assert "Traceback" not in out + err
    assert counts(data) == before


def test_list_shows_the_cases_one_can_still_act_on_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date, timedelta

    from tests.builders import fictional_document, store_documents

    today = date.today()
    store_documents(
        resolve_paths(tmp_path),
        fictional_document("4/95", deadline=date(1995, 6, 1)),
        fictional_document("8/26", deadline=today + timedelta(days=40)),
        fictional_document("2/25", deadline=date(2025, 2, 1)),
        fictional_document("9/26", deadline=today + timedelta(days=5)),
        fictional_document("1/24", deadline=today + timedelta(days=20)),
    )
    code, out, _ = cli(capsys, tmp_path, "list")
    assert code == 0
    listed = [n for line in out.splitlines() for n in line.split()[:1] if "/" in n]
    assert listed == ["9/26", "1/24", "8/26", "2/25", "4/95"]
    code, out, _ = cli(capsys, tmp_path, "list", "--json")
    assert [case["ua_number"] for case in json.loads(out)] == listed


def test_sent_writes_its_dates_in_one_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_2019))
    args = ("sent", "28/23", "--target", "2", "--channel", "post", "--date", "2023-03-01")
    cli(capsys, tmp_path, *args)
    code, out, err = cli(capsys, tmp_path, *args)
    assert code == 0
    # the record and the warning about the earlier letter name the day alike
    assert "on March 1, 2023 (Post)." in out
    assert "You already sent an appeal to this official on March 1, 2023." in err
    assert "Mar 1, 2023" not in out + err


def test_a_folder_import_names_its_word_documents_and_says_how_to_import_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_FINAL.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text")
    (folder / ".hidden.txt").write_text("a hidden file", encoding="utf-8")
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(folder))
    assert code == 1  # a file of the folder was not imported
    lines = out.splitlines()
    assert lines[0] == (
        "notes.odt: rejected: This is a word-processor document (Word or LibreOffice), which "
        "Appeal Desk cannot read. Save it as PDF or as plain text (.txt) in your word "
        "processor, then import that file."
    )
    assert lines[1] == "seed.txt: imported (UA 119/21)"
    assert lines[2] == "2 files: 1 imported, 1 rejected"
    # A folder of word-processor documents only: each is named, nothing else happens.
    (folder / "seed.txt").unlink()
    code, out, err = cli(capsys, tmp_path / "data", "import", str(folder))
    assert code == 1 and out.startswith("notes.odt: rejected: This is a word-processor document")
    assert err == ""


PHOTO = b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00" + bytes(range(256)) * 20  # a phone photo's start


def test_a_photo_named_pdf_is_refused_saying_it_is_a_picture_and_what_to_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "UA 119-21.pdf"
    photo.write_bytes(PHOTO)
    code, out, err = cli(capsys, tmp_path / "data", "import", str(photo))
    assert code == 1 and err == ""
    assert out == (
        "UA 119-21.pdf: rejected: This .pdf file is not a PDF (it has no PDF header): it is a "
        "JPEG picture, such as a phone photo, and Appeal Desk cannot read the text in a "
        "picture. Import the UA's own PDF, or its text (saved as a .txt file, or pasted).\n"
    )


def test_a_folder_import_lists_its_files_in_name_order_read_or_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One list, as the folder shows the files: a file not read is named where its name
    comes among the documents, not all of them before the first document."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-first.txt").write_bytes(INITIAL_2019.read_bytes())
    (folder / "b-notes.odt").write_bytes(
        b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text"
    )
    (folder / "c-second.txt").write_bytes(SEED_FINAL.read_bytes())
    (folder / "d-photo.jpg").write_bytes(PHOTO)
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(folder))
    assert code == 1
    names = [line.split(":")[0] for line in out.splitlines()[:4]]
    assert names == ["a-first.txt", "b-notes.odt", "c-second.txt", "d-photo.jpg"]
    assert out.splitlines()[4] == "4 files: 2 imported, 2 rejected"


def test_a_folder_import_says_which_files_are_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_FINAL.read_bytes())
    (folder / "IMG_2041.jpg").write_bytes(PHOTO)
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "song.mp3").write_bytes(b"ID3\x04\x00" + bytes(64))
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(folder))
    lines = out.splitlines()
    assert (
        "song.mp3: rejected: Appeal Desk does not read this kind of file. It imports Urgent "
        "Actions saved as text (.txt, .rtf), PDF, web pages (.html) or e-mails (.eml, .mbox)."
    ) in lines
    for name, kind in (("IMG_2041.jpg", "JPEG"), ("scan.png", "PNG")):
        assert (
            f"{name}: rejected: This is a {kind} picture, such as a phone photo, not a document: "
            "Appeal Desk cannot read the text in a picture. Import the UA's own PDF, or its text "
            "(saved as a .txt file, or pasted)."
        ) in lines
    assert "seed.txt: imported (UA 119/21)" in lines


def test_a_sent_date_before_the_ua_was_issued_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "import", str(INITIAL_2019), str(UPDATE_2019))  # 14 Feb, 5 May 2023
    before = counts(tmp_path)
    sent = ("sent", "28/23", "--channel", "post", "--date")
    code, out, err = cli(capsys, tmp_path, *sent, "1990-01-01")
    assert (code, out) == (1, "")
    assert err == (
        "appeal-desk: 1990-01-01 is before UA 28/23 was issued (2023-02-14): an appeal is sent "
        "on or after that day. Check the date; nothing was changed.\n"
    )
    assert counts(tmp_path) == before
    # a letter sent between the first UA and its update is dated as it went out
    code, out, _ = cli(capsys, tmp_path, *sent, "2023-03-01")
    assert code == 0 and "on March 1, 2023 (Post)." in out
    [appeal] = json.loads(cli(capsys, tmp_path, "appeal", "list", "--json")[1])
    code, _, err = cli(capsys, tmp_path, "appeal", "edit", appeal["id"], "--date", "2023-02-13")
    assert code == 1 and "before UA 28/23 was issued (2023-02-14)" in err
    [unchanged] = json.loads(cli(capsys, tmp_path, "appeal", "list", "--json")[1])
    assert unchanged["date"] == "2023-03-01"


def test_a_folder_import_walks_the_folder_once_and_says_how_it_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from app.services.importing import folder_contents

    folder = tmp_path / "inbox"
    (folder / "older").mkdir(parents=True)
    (folder / "older" / "seed.txt").write_bytes(SEED_FINAL.read_bytes())
    (folder / "IMG_2041.jpg").write_bytes(PHOTO)
    listings: list[str] = []
    watching = [True]

    def watch(event: str, args: tuple[object, ...]) -> None:
        if watching[0] and event == "os.scandir" and str(args[0]).startswith(str(folder)):
            listings.append(str(args[0]))

    sys.addaudithook(watch)  # an audit hook stays for the process: it stops watching below
    try:
        folder_contents([folder])
        one_walk = sorted(listings)
        listings.clear()
        code, out, _ = cli(capsys, tmp_path / "data", "import", str(folder))
    finally:
        watching[0] = False
    assert one_walk and sorted(listings) == one_walk
    # one picture among good UAs: they are imported, the picture is named, the status says so
    assert code == 1
    assert "seed.txt: imported (UA 119/21)" in out and "IMG_2041.jpg: rejected: " in out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 0 when every document was imported, updated or found unchanged; 1" in shown


def test_a_mailbox_of_two_documents_is_counted_as_one_file_of_two_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mailbox = Path(__file__).parents[1] / "importing" / "inputs" / "three_messages.mbox"
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(mailbox))
    assert code == 0
    assert out.splitlines() == [
        "three_messages.mbox #1 ([ua-netz] UA 1): imported (UA 167/20)",
        "three_messages.mbox #3 ([ua-netz] UA 2): updated (UA 167/20)",
        "1 file, 2 documents: 1 imported, 1 updated",
    ]
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(mailbox), str(SEED_FINAL))
    assert out.splitlines()[-1] == "2 files, 3 documents: 1 imported, 2 unchanged"


def test_files_of_appeal_desks_own_kinds_and_odd_entries_are_each_named_with_the_way_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "import", str(SEED_FINAL))
    assert cli(capsys, data, "backup")[0] == 0
    [backup] = (data / "backups").glob("*.sqlite3")
    folder = tmp_path / "junk"
    folder.mkdir()
    shutil.copyfile(backup, folder / "backup.sqlite3")
    (folder / "fr.po").write_text(
        '# French translations for Appeal Desk.\n#\nmsgid ""\nmsgstr ""\n'
        '"Project-Id-Version: Appeal Desk 0.1.0\\n"\n"Language: fr\\n"\n\n'
        'msgid "Open folder"\nmsgstr "Ouvrir le dossier"\n',
        encoding="utf-8",
    )
    (folder / "bin.txt").write_bytes(b"\xff\xfe\x00\x00\xff\xff\xff\xff" + bytes(range(1, 40)))
    (folder / "folder.pdf").mkdir()
    (folder / "loop").symlink_to("loop")
    code, out, _ = cli(capsys, data, "import", str(folder))
    assert code == 1
    assert out.splitlines() == [
        "backup.sqlite3: rejected: This is a database file, such as an Appeal Desk backup, not "
        "an Urgent Action; it was not imported. To bring back a backup, use File > Backups… "
        "and Restore selected backup.",
        "bin.txt: rejected: The file says it is UTF-32 but is not valid UTF-32: it is damaged, "
        "or not text at all. If it holds a UA, open it in a text editor and save it as UTF-8 "
        "text (.txt), or import the UA's PDF.",
        "folder.pdf: rejected: This is a folder, not a document, though its name ends in .pdf; "
        "the files in it are read with the others.",
        "fr.po: rejected: This is a translation catalog (a gettext .po file), not an Urgent "
        "Action; it was not imported. How to translate Appeal Desk is explained in "
        "locales/README.md.",
        "loop: rejected: This is a link that leads nowhere (a broken link, or a loop of links); "
        "it was not read.",
        # the folder named like a document and the link are named, but are not files
        "3 files, 2 entries that are not files: 5 rejected",
    ]
    # given on their own, the backup and the catalog get the same words
    for name in ("backup.sqlite3", "fr.po"):
        code, out, _ = cli(capsys, data, "import", str(folder / name))
        assert code == 1 and out.startswith(f"{name}: rejected: This is a ")
        assert ("File > Backups" in out) == (name == "backup.sqlite3")


def test_a_folders_readme_is_named_as_notes_and_never_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sample corpus's README names its UAs' countries and numbers: in a folder it is the
    folder's notes, never a document that could change a case."""
    folder = tmp_path / "samples"
    folder.mkdir()
    zimbabwe = UA_SAMPLES / "107_zimbabwe_stop_action_email_2002.txt"
    shutil.copyfile(zimbabwe, folder / zimbabwe.name)
    shutil.copyfile(UA_SAMPLES / "README.md", folder / "README.md")
    (folder / "readme.txt").write_text("UA 88/02 Togo: notes of the group\n", encoding="utf-8")
    data = tmp_path / "data"

    code, out, _ = cli(capsys, data, "import", str(folder))

    assert code == 1
    assert out.splitlines() == [
        f"{zimbabwe.name}: imported (UA 88/02)",
        "README.md: rejected: This is the folder's README (notes about the files in it), not an "
        "Urgent Action; it was not imported.",
        "readme.txt: rejected: This is the folder's README (notes about the files in it), not an "
        "Urgent Action; it was not imported.",
        "3 files: 1 imported, 2 rejected",
    ]
    [case] = json.loads(cli(capsys, data, "list", "--all", "--json")[1])
    assert (case["ua_number"], case["country"]) == ("88/02", "Zimbabwe")


def test_a_folder_holding_a_mailbox_and_a_dead_link_counts_each_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mailbox = Path(__file__).parents[1] / "importing" / "inputs" / "three_messages.mbox"
    folder = tmp_path / "mail"
    folder.mkdir()
    shutil.copyfile(mailbox, folder / mailbox.name)
    (folder / "old.txt").symlink_to(tmp_path / "moved away.txt")

    code, out, _ = cli(capsys, tmp_path / "data", "import", str(folder))

    assert code == 1
    assert out.splitlines()[-1] == (
        "1 file, 2 documents, 1 entry that is not a file: 1 imported, 1 updated, 1 rejected"
    )
