"""Which database address the window opens (the start-up one, or its saved correction), and the
writer's "why I write" sentences kept per language."""

from __future__ import annotations

import json
from pathlib import Path

from app.domain.model import CaseDetail
from app.paths import resolve_paths
from app.services.letters import draft_letter
from app.settings import (
    Settings,
    corrected_address,
    database_address,
    load_settings,
    save_settings,
    with_about,
)
from tests.builders import make_case

GIVEN = "postgresql+psycopg://appeal_desk:old@server.example/appeals"
CORRECTED = "postgresql+psycopg://appeal_desk:new@server.example/appeals"


def test_a_correction_of_the_start_up_address_wins_at_the_next_start(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    save_settings(paths, corrected_address(Settings(), GIVEN, CORRECTED))
    settings = load_settings(paths)
    assert database_address(GIVEN, settings) == CORRECTED
    assert database_address(None, settings) == CORRECTED


def test_another_start_up_address_wins_over_a_correction_of_a_different_one() -> None:
    settings = corrected_address(Settings(), GIVEN, CORRECTED)
    other = "postgresql+psycopg://someone@elsewhere.example/appeals"
    assert database_address(other, settings) == other
    assert database_address(None, Settings()) is None


def test_correcting_a_correction_keeps_the_start_up_address_it_replaces() -> None:
    once = corrected_address(Settings(), GIVEN, CORRECTED)
    again = "postgresql+psycopg://appeal_desk:newer@server.example/appeals"
    twice = corrected_address(once, CORRECTED, again)
    assert database_address(GIVEN, twice) == again
    from_settings = corrected_address(Settings(database_url=GIVEN), GIVEN, CORRECTED)
    assert from_settings.corrects_database_url is None  # the settings' own, simply replaced


def test_a_correction_of_a_start_up_address_keeps_a_different_address_of_the_settings() -> None:
    own = "postgresql+psycopg://appeal_desk@other.example/appeals"
    settings = corrected_address(Settings(database_url=own), GIVEN, CORRECTED)
    assert database_address(None, settings) == own
    assert database_address(GIVEN, settings) == CORRECTED
    again = "postgresql+psycopg://appeal_desk:newer@server.example/appeals"
    twice = corrected_address(settings, CORRECTED, again)
    assert (database_address(None, twice), database_address(GIVEN, twice)) == (own, again)


def test_a_correction_saved_by_the_previous_version_still_opens(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    paths.settings_file.write_text(
        f'{{"database_url": "{CORRECTED}", "corrects_database_url": "{GIVEN}"}}',
        encoding="utf-8",
    )
    settings = load_settings(paths)
    assert database_address(GIVEN, settings) == CORRECTED
    assert database_address(None, settings) == CORRECTED


# ---- the "why I write" sentences: one per language; older files with one sentence load ----

FRENCH = "Je suis infirmière et membre d'un groupe local."
SPANISH = "Soy enfermera y miembro de un grupo local."


def _write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_one_sentence_of_an_older_file_belongs_to_the_writers_letter_language(
    tmp_path: Path,
) -> None:
    paths = resolve_paths(tmp_path / "data")
    _write(
        paths.settings_file,
        {"sender": {"name": "Camille Martin", "about": FRENCH}, "letter_language": "fr"},
    )
    settings = load_settings(paths)
    assert settings.sender.abouts == (("fr", FRENCH),)
    assert settings.sender.about == FRENCH
    save_settings(paths, settings)
    saved = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert saved["sender"]["abouts"] == {"fr": FRENCH}
    assert load_settings(paths) == settings


def test_without_a_letter_language_the_interface_language_decides(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    _write(paths.settings_file, {"sender": {"about": SPANISH}, "ui_language": "es_MX"})
    assert load_settings(paths).sender.abouts == (("es", SPANISH),)


def test_a_sentence_per_language_is_kept_and_each_letter_carries_its_own(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    _write(
        paths.settings_file,
        {"sender": {"name": "Camille Martin", "about": FRENCH}, "ui_language": "fr"},
    )
    settings = with_about(load_settings(paths), "es", SPANISH)
    save_settings(paths, settings)
    sender = load_settings(paths).sender
    assert sender.abouts == (("es", SPANISH), ("fr", FRENCH))
    case: CaseDetail = make_case()
    texts = {
        locale: draft_letter(case, 1, sender, locale=locale).text
        for locale in ("fr", "es", "en", "pt", "de")
    }
    assert FRENCH in texts["fr"] and SPANISH not in texts["fr"]
    assert SPANISH in texts["es"] and FRENCH not in texts["es"]
    for locale in ("en", "pt", "de"):
        assert FRENCH not in texts[locale] and SPANISH not in texts[locale]
    bilingual = draft_letter(case, 1, sender, locale="en", bilingual_with="fr").text
    assert bilingual.count(FRENCH) == 1 and SPANISH not in bilingual


def test_a_sentences_table_of_the_wrong_type_is_ignored_and_the_rest_loads(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    _write(paths.settings_file, {"sender": {"name": "Camille Martin", "abouts": ["fr", FRENCH]}})
    settings = load_settings(paths)
    assert settings.sender.name == "Camille Martin"
    assert settings.sender.abouts == ()


def test_the_connection_dialog_says_which_address_a_start_without_one_still_opens() -> None:
    from app.settings import address_kept_apart
    from app.ui.server_connection import where_kept

    own = "postgresql+psycopg://appeal_desk@other.example:5433/group"
    assert where_kept(Settings(), GIVEN) == ""  # no address saved: the correction is it
    assert where_kept(Settings(database_url=GIVEN), GIVEN) == ""  # the settings' own, replaced
    assert address_kept_apart(Settings(database_url=own), GIVEN) == own
    said = where_kept(Settings(database_url=own), GIVEN)
    assert said.endswith(
        "Started without an address, Appeal Desk still opens group (other.example:5433), as before."
    )
    sqlite_file = "sqlite:////home/someone/appeals.sqlite3"
    said = where_kept(Settings(database_url=sqlite_file), GIVEN)
    assert f"still opens {sqlite_file}, as before." in said


def test_settings_that_cannot_be_saved_say_whether_the_folder_cannot_be_written(
    tmp_path: Path,
) -> None:
    """A read-only data folder stays so while the app runs (the welcome goes on without
    saving); a full disk is an error like the others (room can be made, then Save again).
    Real file systems: root ignores permissions, a read-only mount and a full one do not."""
    import pytest

    from app.domain.errors import FolderUnwritable, InvalidInput
    from tests.durability.mounts import fill_up, remount_read_only, small_tmpfs

    with small_tmpfs(tmp_path / "ro", size="1m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
        paths = resolve_paths(mount / "data")
        paths.data_dir.mkdir()
        assert remount_read_only(mount)
        with pytest.raises(FolderUnwritable) as read_only:
            save_settings(paths, Settings(welcome_done=True))
    with small_tmpfs(tmp_path / "full", size="1m") as mount:
        assert mount is not None
        paths = resolve_paths(mount / "data")
        paths.data_dir.mkdir()
        fill_up(mount)
        with pytest.raises(InvalidInput) as full:
            save_settings(paths, Settings(welcome_done=True))

    assert "The settings could not be saved to" in read_only.value.message
    assert "read-only" in read_only.value.message
    assert not isinstance(full.value, FolderUnwritable)
    assert "the disk is full" in full.value.message
