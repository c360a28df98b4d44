"""Sane bounds on every number and date, the same at every entry and in event files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.main import main
from app.paths import resolve_paths
from app.store.database import open_database, row_counts

SAMPLE = Path(__file__).resolve().parents[3] / "app" / "samples" / "ua-901-27-initial.txt"
EVENT = "Fictional letter evening"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(data), *args])
    except SystemExit as stop:  # argparse refuses a value before the command runs
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert cli(capsys, folder, "import", str(SAMPLE))[0] == 0
    return folder


def appeals(data: Path) -> int:
    db = open_database(resolve_paths(data))
    try:
        return row_counts(db)["appeals"]
    finally:
        db.close()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--count", "9223372036854775807"), "from 1 to 10000"),
        (("--count", "10001"), "from 1 to 10000"),
        (("--count", "0"), "from 1 to 10000"),
        (("--date", "0001-01-01"), "not a plausible date"),
        (("--date", "2099-01-01"), "not a plausible date"),
        (("--date", "9999-12-31"), "not a plausible date"),
        (("--date", "2026-02-30"), "is not a date like"),
    ],
)
def test_sent_refuses_implausible_numbers_and_dates_in_one_line(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    code, out, err = cli(capsys, data, "sent", "901/27", "--channel", "post", *args)
    assert code == 1
    assert said in err and err.count("\n") == 1
    assert out == ""
    assert appeals(data) == 0
    code, out, _err = cli(capsys, data, "list")  # the list still works afterwards
    assert code == 0 and "901/27" in out


def test_the_largest_count_and_an_old_date_are_accepted(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a UA that prints no issue date: any day from the earliest on may be the day it went out
    undated = tmp_path / "undated.txt"
    text = SAMPLE.read_text(encoding="utf-8").replace(" Date: 4 March 2027", "")
    undated.write_text(text.replace("901/27", "903/27"), encoding="utf-8")
    assert cli(capsys, data, "import", str(undated))[0] == 0
    code, out, _err = cli(
        capsys, data, "sent", "903/27", "--channel", "post", "--count", "10000",
        "--date", "1990-01-01",
    )  # fmt: skip
    assert code == 0 and "Recorded 10000 appeals" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--goal", "1000001"), "from 1 to 1000000"),
        (("--place", "x" * 501), "longer than 500 characters"),
        (("--date", "2099-06-01"), "not a plausible date"),
    ],
)
def test_an_event_out_of_bounds_is_refused(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    code, _out, err = cli(capsys, data, "event", "create", EVENT, "--cases", "901/27", *args)
    assert code == 1 and said in err
    assert "No events" in cli(capsys, data, "event", "list")[1] or EVENT not in err


def test_an_event_at_every_bound_exports_a_file_another_laptop_merges(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place = "P" * 500
    assert cli(
        capsys, data, "event", "create", EVENT, "--cases", "901/27", "--goal", "1000000",
        "--place", place, "--date", "1990-01-01",
    )[0] == 0  # fmt: skip
    assert (
        cli(
            capsys,
            data,
            "sent",
            "901/27",
            "--channel",
            "post",
            "--count",
            "10000",
            "--event",
            EVENT,
        )[0]
        == 0
    )
    exported = tmp_path / "evening.json"
    assert cli(capsys, data, "event", "export", EVENT, "--out", str(exported))[0] == 0

    other = tmp_path / "other-laptop"
    assert cli(capsys, other, "import", str(SAMPLE))[0] == 0
    code, out, err = cli(capsys, other, "event", "merge", str(exported))
    assert code == 0, err
    code, out, _err = cli(capsys, other, "event", "tally", EVENT, "--json")
    assert json.loads(out)["total"] == 10000


def test_merge_refuses_an_implausible_date_with_the_field(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, data, "event", "create", EVENT, "--cases", "901/27")[0] == 0
    assert cli(capsys, data, "sent", "901/27", "--channel", "post", "--event", EVENT)[0] == 0
    exported = tmp_path / "evening.json"
    assert cli(capsys, data, "event", "export", EVENT, "--out", str(exported))[0] == 0
    payload = json.loads(exported.read_text("utf-8"))
    payload["records"][0]["sent_on"] = "9999-12-31"
    exported.write_text(json.dumps(payload), "utf-8")

    code, out, _err = cli(capsys, tmp_path / "other", "event", "merge", str(exported))
    assert code == 1
    assert "rejected" in out and "sent_on" in out and "not a plausible date" in out


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("not a url", "is not a database address"),
        ("postgresql+nodriver://someone@host/appeals", "driver is not installed"),
        ("mysql://someone:secret@host/appeals", "starts with 'mysql:'. Supported: postgresql:"),
        ("sqlite:///{sample}", "file is not a database"),
    ],
)
def test_a_bad_database_url_is_one_line_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, said: str
) -> None:
    code = main(
        ["--data-dir", str(tmp_path / "d"), "--database-url", url.format(sample=SAMPLE), "list"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert said in err and err.count("\n") == 1
    assert "secret" not in err


def test_a_sqlite_file_named_by_database_url_takes_imports_and_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.builders import INITIAL_902

    base = ["--data-dir", str(tmp_path / "d"), "--database-url", f"sqlite:///{tmp_path / 'x.db'}"]
    assert main([*base, "import", str(INITIAL_902)]) == 0
    assert main([*base, "sent", "902/27", "--target", "1", "--channel", "post"]) == 0
    capsys.readouterr()
    assert main([*base, "list"]) == 0
    assert "902/27" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "The database server 127.0.0.1:{port} cannot be reached. Check that this"),
        ("fr", "Le serveur de base de données 127.0.0.1:{port} est injoignable."),
    ],
)
def test_a_server_out_of_reach_is_said_in_the_users_language_without_its_own_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, said: str
) -> None:
    import socket

    with socket.socket() as probe:  # a port on which nothing listens any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://appeal_desk:secret@127.0.0.1:{port}/appeals"
    code = main(
        ["--lang", language, "--data-dir", str(tmp_path / "d"), "--database-url", url, "list"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert said.format(port=port) in err and err.count("\n") == 1
    assert "refused" not in err.lower() and "secret" not in err
