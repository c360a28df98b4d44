"""Errors leave the services untranslated and reach the user whole in the user's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.errors import AppealDeskError, CaseNotFound, InvalidInput, TargetOutOfRange
from app.domain.model import AppealStatus
from app.i18n import set_language
from app.main import main
from app.paths import resolve_paths
from app.services.appeals import record_appeal
from app.services.cases import get_case
from app.services.events import create_event, get_event
from app.store.database import Database, open_database
from tests.builders import add_event_cases

ENGLISH_WORDS = ("official", "choose", "store", "appeal", "sent", "case")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(resolve_paths(tmp_path / "home"))
    add_event_cases(database)
    yield database
    database.close()


def raised(call: object) -> AppealDeskError:
    with pytest.raises(AppealDeskError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_a_service_error_carries_its_fields_untranslated(db: Database, english: None) -> None:
    set_language("fr")  # even with a French interface, the service does not translate
    error = raised(lambda: get_case(db, "99/99"))
    assert isinstance(error, CaseNotFound) and error.ua_number == "99/99"
    assert error.message == "You have no case with UA number 99/99."


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_window_shows_a_service_error_wholly_translated(
    db: Database, english: None, language: str
) -> None:
    from app.ui.errors import error_text

    errors = [
        raised(lambda: get_case(db, "99/99")),
        raised(
            lambda: record_appeal(
                db, "12/26", target_index=1, channel=None, status=AppealStatus.SENT
            )
        ),
        raised(lambda: get_event(db, "No such evening")),
        raised(
            lambda: create_event(db, "Evening", cases=["12/26"]) and create_event(db, "Evening")
        ),
    ]
    assert isinstance(errors[1], InvalidInput)
    set_language(language)  # the user switched language after the errors were raised
    for error in errors:
        shown = error_text(error)
        assert shown != error.message
        assert not any(word in shown.split() for word in ENGLISH_WORDS), shown
    assert "99/99" in error_text(errors[0])


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "elija"), ("fr", "choisissez")],
)
def test_the_command_line_shows_a_service_error_wholly_translated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None, language: str, expected: str
) -> None:
    home = tmp_path / "home"
    database = open_database(resolve_paths(home))
    add_event_cases(database)
    database.close()
    code = main(["--data-dir", str(home), "--lang", language, "letter", "12/26", "--target", "9"])
    err = capsys.readouterr().err
    assert code == 1
    assert expected in err and "12/26" in err and "9" in err and "2" in err
    assert not any(word in err.split() for word in ENGLISH_WORDS), err


def test_typed_errors_name_their_fields() -> None:
    error = TargetOutOfRange("12/26", 9, 2)
    assert (error.ua_number, error.index, error.count) == ("12/26", 9, 2)
    assert error.message == "UA 12/26 has no official number 9; choose 1 to 2."
    assert TargetOutOfRange("12/26", 1, 0).message == "UA 12/26 names no official to write to."
    # one official: no "choose 1 to 1"
    assert TargetOutOfRange("12/26", 3, 1).message == (
        "UA 12/26 has one official to write to: number 1, not 3."
    )


def test_words_with_fields_inside_a_message_are_translated_with_it() -> None:
    from app.domain.errors import InvalidInput, Phrase
    from app.i18n import translations_for
    from app.services.event_validation import parse_export

    with pytest.raises(InvalidInput) as caught:
        parse_export(b'{"format": "appeal-desk-event-records", "version": 1}', "laptop.json")
    problem = caught.value.fields["problem"]
    assert isinstance(problem, Phrase) and problem == "it does not say which event it belongs to"
    assert caught.value.message == (
        "laptop.json is not a usable event file: it does not say which event it belongs to. Nothing was merged."
    )
    french = caught.value.translated(translations_for("fr").gettext)
    assert "laptop.json" in french and "which event" not in french

    counted = Phrase("record %(n)d is not an object", n=7)
    assert counted == "record 7 is not an object"
    spanish = counted.translated(translations_for("es").gettext)
    assert "7" in spanish and spanish != counted


OUT_OF_RANGE = {
    "en": "UA 12/26 has no official number 9; choose 1 to 2.",
    "fr": "L'AU 12/26 n'a pas de responsable numéro 9 ; choisissez entre 1 et 2.",
    "ar": "لا يوجد في التحرك العاجل 12/26 مسؤول رقم 9؛ اختر من 1 إلى 2.",
}


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_an_official_number_out_of_range_reads_the_same_wherever_it_is_chosen(
    db: Database, english: None, language: str
) -> None:
    """Recording an appeal, correcting one and drafting a letter all refuse an official the
    case does not have with one typed error, worded once, in the reader's language."""
    from app.domain.changes import AppealEdits
    from app.services.editing import edit_appeal
    from app.ui.errors import error_text

    draft = record_appeal(db, "12/26", target_index=1, channel=None, status=AppealStatus.DRAFT)
    errors = [
        raised(
            lambda: record_appeal(
                db, "12/26", target_index=9, channel=None, status=AppealStatus.DRAFT
            )
        ),
        raised(lambda: edit_appeal(db, draft.appeal_id, AppealEdits(target_index=9))),
    ]
    set_language(language)
    for error in errors:
        assert isinstance(error, TargetOutOfRange)
        assert (error.ua_number, error.index, error.count) == ("12/26", 9, 2)
        assert error.message == OUT_OF_RANGE["en"]  # English for the log
        assert error_text(error) == OUT_OF_RANGE[language]


def test_a_refusal_made_in_the_import_worker_is_shown_in_the_readers_language(
    tmp_path: Path, english: None
) -> None:
    from app.domain.errors import ImportRejected
    from app.services.isolated_parsing import ParseWorker
    from app.ui.errors import error_text

    damaged = tmp_path / "says-utf8.txt"  # a UTF-8 mark, then bytes that are not UTF-8
    damaged.write_bytes(b"\xef\xbb\xbfUA 1/26 fictional \xff\xfe\xfd")
    worker = ParseWorker()
    try:
        with pytest.raises(ImportRejected) as caught:
            worker.parse(damaged)
    finally:
        worker.stop()
    assert caught.value.message == (
        "The file says it is UTF-8 but is not valid UTF-8: it is damaged, or not text at all. "
        "If it holds a UA, open it in a text editor and save it as UTF-8 text (.txt), or "
        "import the UA's PDF."
    )
    set_language("fr")
    assert error_text(caught.value) == (
        "Le fichier se dit en UTF-8 mais n’est pas du UTF-8 valide : il est endommagé, ou ce "
        "n’est pas du texte. S’il contient une AU, ouvrez-le dans un éditeur de texte et "
        "enregistrez-le en texte UTF-8 (.txt), ou importez le PDF de l’AU."
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "el archivo o la carpeta no existen"), ("fr", "le fichier ou le dossier n'existe pas")],
)
def test_a_file_the_system_cannot_find_is_said_in_the_users_language(
    tmp_path: Path, english: None, language: str, expected: str
) -> None:
    """The system words its failures in English ("No such file or directory"): the usual ones
    reach the user in the language of the rest of the message."""
    from app.services.event_files import read_export
    from app.ui.errors import error_text

    error = raised(lambda: read_export(tmp_path / "laptop 2.json"))
    assert "the file or folder does not exist" in error.message  # in English in the log
    set_language(language)
    shown = error_text(error)
    assert expected in shown and "laptop 2.json" in shown
    assert "No such file" not in shown


def test_a_data_folder_that_cannot_be_made_is_said_in_the_users_language(
    tmp_path: Path, english: None
) -> None:
    from app.ui.errors import error_text

    beside = tmp_path / "notes.txt"
    beside.write_text("a file where a folder is wanted", encoding="utf-8")
    error = raised(lambda: open_database(resolve_paths(beside / "appeal-desk")))
    assert "(a folder in its path is a file)" in error.message  # the log's English
    set_language("de")
    shown = error_text(error)
    assert "(ein Ordner in seinem Pfad ist eine Datei)" in shown
    assert "Not a directory" not in shown


def test_a_document_the_system_refuses_to_read_is_said_in_the_users_language(
    tmp_path: Path, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's refusal (a file of another user's: tests run as any user, so the
    system's answer is given here) reaches the reader in the language of the rest."""
    import errno

    from app.cli.errors import error_text
    from app.importing import parse_file

    document = tmp_path / "UA 12-26.txt"
    document.write_text("URGENT ACTION", encoding="utf-8")
    opened = Path.open

    def refused(path: Path, *args: object, **kwargs: object) -> object:
        if path == document:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refused)
    error = raised(lambda: parse_file(document))
    monkeypatch.undo()
    set_language("fr")
    shown = error_text(error)
    assert "(permission refusée)" in shown
    assert "Permission denied" not in shown
