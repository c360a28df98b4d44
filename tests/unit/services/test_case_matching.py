"""A doubtful tie to a case is a typed value; the window and the command line word it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.case_match import DoubtfulMatch, MatchDoubt
from app.domain.model import ImportOutcome, ImportResult
from app.i18n import set_language
from app.main import main
from app.paths import resolve_paths
from app.services.importing import import_files
from app.store.database import Database, open_database

HELDOUT = Path(__file__).parents[1] / "importing" / "heldout"
PERU_INITIAL = HELDOUT / "225_peru_swiss_page_2021.txt"
PERU_UPDATE = HELDOUT / "249_peru_aiuk_update_index_2021.txt"
STRAY = (
    "URGENT ACTION\nUA 119/21\nTOTAL LETTERS: 30. REPLIES RECEIVED: 1.\n"
    "Please write to the Minister of the Interior.\n"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(data))
    yield database
    database.close()


def _doubtful(db: Database, tmp_path: Path, name: str, text: str) -> ImportResult:
    import_files(db, [PERU_INITIAL])
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [result] = import_files(db, [path])
    assert result.outcome is ImportOutcome.NEEDS_CONFIRMATION
    return result


def _chile(db: Database, tmp_path: Path) -> ImportResult:
    text = (
        PERU_UPDATE.read_text(encoding="utf-8")
        .replace("Peru", "Chile")
        .replace("AMR 46/", "AMR 22/")
    )
    return _doubtful(db, tmp_path, "chile.txt", text)


def test_another_country_is_a_typed_doubt_with_both_countries(
    db: Database, tmp_path: Path, english: None
) -> None:
    set_language("fr")  # even with a French interface, the service does not word it
    result = _chile(db, tmp_path)
    assert result.doubt == DoubtfulMatch(MatchDoubt.OTHER_COUNTRY, "119/21", "Chile", "Peru")
    assert result.reason == "The document is about Chile, but the case UA 119/21 is about Peru."


def test_the_same_number_and_nothing_else_is_a_typed_doubt(
    db: Database, tmp_path: Path, english: None
) -> None:
    result = _doubtful(db, tmp_path, "stray.txt", STRAY)
    assert result.doubt == DoubtfulMatch(MatchDoubt.NUMBER_ONLY, "119/21")
    assert result.reason is not None and result.reason.startswith(
        "The document shares only the number with UA 119/21: no index, country, person"
    )


def test_every_doubt_has_its_english_wording() -> None:
    assert DoubtfulMatch(MatchDoubt.OTHER_NUMBER, "7/26").message == (
        "The document does not carry the number of UA 7/26."
    )
    assert {doubt: DoubtfulMatch(doubt, "1/26").template for doubt in MatchDoubt}.keys() == set(
        MatchDoubt
    )


@pytest.mark.parametrize("adapter", ["app.ui.errors", "app.cli.errors"])
def test_the_window_and_the_command_line_word_it_in_the_language_read_now(
    db: Database, tmp_path: Path, english: None, adapter: str
) -> None:
    import importlib

    reason_text = importlib.import_module(adapter).reason_text
    result = _chile(db, tmp_path)
    assert reason_text(result) == result.reason
    set_language("fr")  # switched after the import
    assert reason_text(result) == "Le document concerne Chile, mais le cas AU 119/21 concerne Peru."


def test_the_import_command_prints_the_doubt_in_the_users_language(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    stray = tmp_path / "stray.txt"
    stray.write_text(STRAY, encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(PERU_INITIAL)]) == 0
    capsys.readouterr()
    main(["--data-dir", str(data), "--lang", "fr", "import", str(stray)])
    out = capsys.readouterr().out
    assert "Le document n'a que le numéro en commun avec l'AU 119/21" in out
    assert "shares only the number" not in out
