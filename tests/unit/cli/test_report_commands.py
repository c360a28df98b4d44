"""``appeal-desk report`` as a user scripts it: files written, help says what is left out."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.main import main
from app.store.database import Database
from tests.builders import open_sample_store, record_sample_appeals


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[Database]:
    """The shipped fictional cases with seven letters, a reply, a draft and a printed one."""
    database = record_sample_appeals(open_sample_store(data_dir))
    yield database
    database.close()


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_writes_csv_and_pdf(
    seeded: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded.close()  # the CLI opens the store itself
    csv_path, pdf_path = tmp_path / "out" / "section.csv", tmp_path / "out" / "section.pdf"
    csv_path.parent.mkdir()
    code, out, _err = cli(
        capsys, data_dir, "report", "--csv", str(csv_path), "--pdf", str(pdf_path)
    )
    assert code == 0
    assert "Letters sent: 7" in out and "Replies received: 1" in out
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(int(row["letters"]) for row in rows) == 7
    assert PdfReader(pdf_path).metadata.title == "Appeals sent: report for the section"


def test_report_for_a_period(
    seeded: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded.close()
    target = tmp_path / "october.csv"
    code, out, _err = cli(
        capsys,
        data_dir,
        "report",
        "--csv",
        str(target),
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
    )
    assert code == 0 and "Letters sent: 4" in out
    assert {row["month"] for row in csv.DictReader(target.open(encoding="utf-8"))} == {"2026-10"}


def test_report_without_a_file_or_with_a_reversed_period_fails_cleanly(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = cli(capsys, data_dir, "report")
    assert code == 1 and "--csv FILE" in err
    target = tmp_path / "never.csv"
    code, _out, err = cli(
        capsys,
        data_dir,
        "report",
        "--csv",
        str(target),
        "--since",
        "2026-12-01",
        "--until",
        "2026-01-01",
    )
    assert code == 1 and "--since" in err
    assert not target.exists()


def test_help_says_what_the_report_holds_and_leaves_out(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(data_dir), "report", "--help"])
    assert exit_info.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "month, ua_number, channel, kind, letters and replies" in text
    assert "no names and no addresses" in text
