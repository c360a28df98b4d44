"""The event commands as an organiser scripts them: create, sent --event, tally, merge, report."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.main import main
from app.store.database import Database
from tests.builders import laptop, open_event_store

EVENT = "Letter evening (fictional)"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """The organiser's store holding the three fictional event cases."""
    database = open_event_store(data_dir)
    yield database
    database.close()


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def event_dir(db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db.close()
    code, out, _ = run(
        capsys,
        data_dir,
        "event",
        "create",
        EVENT,
        "--date",
        "2026-12-10",
        "--place",
        "Library",
        "--cases",
        "UA 12/26,34/26",
        "--goal",
        "20",
    )
    assert code == 0 and "12/26, 34/26" in out
    return data_dir


def test_sent_with_event_and_tally_json(
    event_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ("sent", "12/26", "--target", "1", "--channel", "post", "--event", EVENT),
        ("sent", "12/26", "--channel", "post", "--event", EVENT, "--kind", "solidarity"),
        ("sent", "34/26", "--target", "2", "--channel", "email", "--event", EVENT, "--count", "12"),
    ):
        assert run(capsys, event_dir, *argv)[0] == 0
    code, out, _ = run(capsys, event_dir, "event", "tally", EVENT, "--json")
    assert code == 0
    assert json.loads(out) == {
        "event": EVENT,
        "total": 14,
        "cases": {
            "12/26": {
                "total": 2,
                "by_channel": {"post": 2},
                "by_kind": {"appeal": 1, "solidarity": 1},
                "goal": 20,
            },
            "34/26": {
                "total": 12,
                "by_channel": {"email": 12},
                "by_kind": {"appeal": 12},
                "goal": 20,
            },
        },
    }
    code, out, _ = run(capsys, event_dir, "event", "list")
    assert f"{EVENT} (Dec 10, 2026, Library): 12/26, 34/26" in out


def test_unknown_event_is_one_clear_line(
    event_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, event_dir, "sent", "12/26", "--channel", "post", "--event", "No such evening"
    )
    assert code == 1
    assert err.strip().splitlines() == [
        f"appeal-desk: There is no event called 'No such evening'. Known events: {EVENT}."
    ]


def test_duplicate_event_and_unknown_case_are_refused(
    event_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "already an event" in run(capsys, event_dir, "event", "create", EVENT)[2]
    code, _, err = run(capsys, event_dir, "event", "create", "Other", "--cases", "77/26")
    assert code == 1 and "77/26" in err


def test_export_merge_twice_prints_counts(
    event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, event_dir, "sent", "12/26", "--channel", "post", "--event", EVENT, "--count", "3")
    out_file = tmp_path / "laptop.json"
    assert run(capsys, event_dir, "event", "export", EVENT, "--out", str(out_file))[0] == 0
    other = tmp_path / "organiser"
    laptop(tmp_path, "organiser").close()
    code, out, _ = run(capsys, other, "event", "merge", str(out_file), str(out_file))
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].endswith(f"'{EVENT}' (event created): 1 added, 0 already present, 0 conflicts")
    assert lines[1].endswith(f"'{EVENT}': 0 added, 1 already present, 0 conflicts")
    assert lines[2] == "2 files merged: 1 added, 1 already present, 0 conflicts."
    code, out, _ = run(capsys, other, "event", "tally", EVENT, "--json")
    assert json.loads(out)["total"] == 3
    junk = tmp_path / "junk.json"
    junk.write_text("{}", encoding="utf-8")
    code, out, _ = run(capsys, other, "event", "merge", str(junk))
    assert code == 1 and "rejected" in out


def test_report_csv_and_one_page_pdf_without_names(
    qapp: object, event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qapp: a full QApplication first, or the report's offscreen QGuiApplication would
    # outlive this test and abort the widget tests that follow.
    run(capsys, event_dir, "sent", "12/26", "--target", "1", "--channel", "post", "--event", EVENT)
    run(capsys, event_dir, "sent", "34/26", "--channel", "fax", "--event", EVENT, "--count", "4")
    csv_path, pdf_path = tmp_path / "report.csv", tmp_path / "report.pdf"
    code, out, _ = run(
        capsys, event_dir, "event", "report", EVENT, "--csv", str(csv_path), "--pdf", str(pdf_path)
    )
    assert code == 0, out
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8", newline="")))
    assert [(r["ua_number"], r["total"], r["post_appeal"], r["fax_appeal"]) for r in rows] == [
        ("12/26", "1", "1", "0"),
        ("34/26", "4", "0", "4"),
        ("total", "5", "1", "4"),
    ]
    text = csv_path.read_text(encoding="utf-8")
    for personal in ("Rui Costa", "Ana Lima", "Bo Sand", "Main St"):
        assert personal not in text
    reader = PdfReader(pdf_path)
    assert len(reader.pages) == 1
    page = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    assert EVENT in page and "5 letters" in page and "UA 12/26" in page


def test_add_case_and_same_named_events_from_two_laptops_merge(
    event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, event_dir, "event", "add-case", EVENT, "56/26", "--goal", "7")
    assert code == 0 and "56/26 (goal 7)" in out
    laptop(tmp_path, "other").close()  # this laptop created an event of the same name itself
    other = tmp_path / "other"
    run(capsys, other, "event", "create", EVENT, "--cases", "56/26")
    run(capsys, other, "sent", "56/26", "--channel", "post", "--event", EVENT, "--count", "5")
    exported = tmp_path / "other.json"
    run(capsys, other, "event", "export", EVENT, "--out", str(exported))
    code, out, _ = run(capsys, event_dir, "event", "merge", str(exported))
    assert code == 0 and "same name" in out and "5 added" not in out and "1 added" in out
    code, out, _ = run(capsys, event_dir, "event", "tally", EVENT, "--json")
    assert json.loads(out)["cases"]["56/26"] == {
        "total": 5,
        "by_channel": {"post": 5},
        "by_kind": {"appeal": 5},
        "goal": 7,
    }


def test_batch_prints_named_and_blank_letters_with_envelopes_in_one_pdf(
    qapp: object, event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Alex Example\n\nSam Sample\n", encoding="utf-8")
    out = tmp_path / "batch.pdf"
    code, text, err = run(
        capsys,
        event_dir,
        "event",
        "batch",
        EVENT,
        "12/26",
        "--out",
        str(out),
        "--names",
        str(names),
        "--blank",
        "1",
    )
    assert code == 0, err
    assert "3 letters and their envelopes" in text
    pages = PdfReader(out).pages
    envelopes = [p for p in pages if p.mediabox.width > p.mediabox.height]  # DL is landscape
    assert len(envelopes) == 3 and len(pages) >= 6
    words = " ".join(unicodedata.normalize("NFKC", p.extract_text()) for p in pages)
    words = " ".join(words.split())
    assert "Alex Example" in words and "Sam Sample" in words and "Rui Costa" in words
    code, _, err = run(capsys, event_dir, "event", "batch", EVENT, "56/26", "--out", str(out))
    assert code == 1 and "not one of the cases" in err


def test_a_blank_letter_labels_its_name_line_in_the_letters_language(
    qapp: object, event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "batch.pdf"
    argv = ("event", "batch", EVENT, "12/26", "--out", str(out), "--blank", "1", "--lang", "fr")
    code, _, err = run(capsys, event_dir, *argv)  # the interface speaks English
    assert code == 0, err
    letter = " ".join(unicodedata.normalize("NFKC", PdfReader(out).pages[0].extract_text()).split())
    assert "Objet : AU 12/26" in letter  # a French letter
    assert "Nom :" in letter and "Name:" not in letter


def test_the_tally_lines_up_its_channels_whatever_the_counts(
    event_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ("sent", "12/26", "--target", "1", "--channel", "post", "--event", EVENT, "--count", "3"),
        ("sent", "34/26", "--target", "2", "--channel", "post", "--event", EVENT, "--count", "12"),
    ):
        assert run(capsys, event_dir, *argv)[0] == 0
    code, out, _ = run(capsys, event_dir, "event", "tally", EVENT)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{EVENT}: 15 letters"
    assert [line.split()[1] for line in lines[1:]] == ["12/26", "34/26"]
    # each count right-aligned in one column, so the channel column starts at one place
    assert len({line.index("Post/Appeal") for line in lines[1:]}) == 1
    assert " 3 of 20  Post/Appeal 3" in out and "12 of 20  Post/Appeal 12" in out


# a translator's catalog in a language of wide characters: each of its characters takes two
# columns of a terminal
WIDE_CATALOG = """msgid ""
msgstr ""
"Language: ja\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "{count} of {goal}"
msgstr "目標{goal}通中{count}通"

msgctxt "channel"
msgid "Post"
msgstr "郵便"
"""


def _columns_where(lines: list[str], text: str) -> set[int]:
    """The terminal columns at which ``text`` starts on each of ``lines`` (a wide character takes
    two)."""
    return {
        sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line[:start])
        for line in lines
        for start in [line.index(text)]
    }


def test_the_tally_lines_up_counts_goals_channels_and_titles_as_a_terminal_shows_them(
    event_dir: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, event_dir, "event", "add-case", EVENT, "34/26", "--goal", "5")[0] == 0
    assert run(capsys, event_dir, "event", "add-case", EVENT, "56/26")[0] == 0  # no goal
    for ua, count in (("12/26", "12"), ("34/26", "2"), ("56/26", "5")):
        argv = ("sent", ua, "--target", "1", "--channel", "post", "--event", EVENT)
        assert run(capsys, event_dir, *argv, "--count", count)[0] == 0
    code, out, _ = run(capsys, event_dir, "event", "tally", EVENT)
    assert code == 0
    rows = out.splitlines()[1:]
    assert [row.split()[1] for row in rows] == ["12/26", "34/26", "56/26"]
    assert rows[0].startswith("  UA 12/26  12 of 20  Post/Appeal 12  FICTIONAL TEACHER")
    assert rows[1].startswith("  UA 34/26   2 of 5   Post/Appeal 2   FICTIONAL JOURNALIST")
    assert rows[2].startswith("  UA 56/26   5        Post/Appeal 5   FICTIONAL STUDENTS")

    catalog = tmp_path / "ja.po"  # the same in a language whose characters are twice as wide
    catalog.write_text(WIDE_CATALOG, encoding="utf-8")
    monkeypatch.setenv("APPEAL_DESK_TEST_PO", str(catalog))
    code, out, _ = run(capsys, event_dir, "event", "tally", EVENT)
    assert code == 0
    rows = out.splitlines()[1:]
    assert "目標20通中12通" in rows[0] and "郵便/Appeal 12" in rows[0]
    assert len(_columns_where(rows, "郵便/Appeal")) == 1
    assert len(_columns_where(rows, "FICTIONAL")) == 1


def test_a_batch_for_a_case_closed_since_the_event_was_set_up_warns_as_a_letter_does(
    qapp: object, event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "batch.pdf"
    argv = ("event", "batch", EVENT, "12/26", "--out", str(out), "--blank", "1")
    code, _, err = run(capsys, event_dir, *argv)
    assert code == 0 and "closed" not in err
    assert run(capsys, event_dir, "case", "edit", "12/26", "--status", "closed")[0] == 0
    code, text, err = run(capsys, event_dir, *argv, "--closed")  # named deliberately
    assert code == 0 and "1 letter and its envelope" in text
    assert err.strip() == (
        "warning: This case is closed: the UA asks for no further action. Read its final "
        "output before writing."
    )


def test_a_batch_for_a_closed_case_is_refused_unless_asked_for_as_the_window_offers_none(
    qapp: object, event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, event_dir, "case", "edit", "12/26", "--status", "closed")[0] == 0
    out = tmp_path / "batch.pdf"
    code, text, err = run(
        capsys, event_dir, "event", "batch", EVENT, "12/26", "--out", str(out), "--blank", "1"
    )
    assert code == 1 and text == ""
    assert err.strip() == (
        f"appeal-desk: UA 12/26 of '{EVENT}' is closed: its final UA asks for no further action, "
        "so no letters were printed for it. To print them anyway, add --closed."
    )
    assert not out.exists()
    with pytest.raises(SystemExit):
        run(capsys, event_dir, "event", "batch", "--help")
    said = " ".join(capsys.readouterr().out.split())
    assert "--closed print letters for a case that is closed" in said


def test_exporting_a_new_event_says_it_wrote_the_event_for_the_other_laptops(
    event_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "event.json"

    code, out, _ = run(capsys, event_dir, "event", "export", EVENT, "--out", str(out_file))

    assert code == 0
    assert out.strip() == (
        f"Wrote the event '{EVENT}' to {out_file}, with no letters yet: merge it on the other "
        "laptops so that their letters count for the same event."
    )
    assert "0 records" not in out
    run(capsys, event_dir, "sent", "12/26", "--channel", "post", "--event", EVENT, "--count", "2")
    code, out, _ = run(capsys, event_dir, "event", "export", EVENT, "--out", str(out_file))
    assert out.strip() == f"Wrote 1 record of '{EVENT}' to {out_file}."


def test_a_file_with_practice_letters_tells_a_laptop_without_the_sample_pack_to_open_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    organiser, other = tmp_path / "organiser", tmp_path / "other"
    assert run(capsys, organiser, "samples")[0] == 0
    assert run(capsys, organiser, "event", "create", EVENT, "--cases", "902/27")[0] == 0
    assert run(capsys, organiser, "sent", "902/27", "--channel", "post", "--event", EVENT)[0] == 0
    export = tmp_path / "organiser.json"
    assert run(capsys, organiser, "event", "export", EVENT, "--out", str(export))[0] == 0

    code, out, _ = run(capsys, other, "event", "merge", str(export))

    assert code == 1
    assert "practice letters for UA 902/27 of the fictional sample pack" in out
    assert "Open the sample pack first" in out and "appeal-desk samples" in out
    assert "Import those UA documents" not in out
    assert run(capsys, other, "samples")[0] == 0
    code, out, _ = run(capsys, other, "event", "merge", str(export))
    assert code == 0 and "1 added" in out
