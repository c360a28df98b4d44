"""Which database address the window opens: the start-up one, or its saved correction."""

from __future__ import annotations

from pathlib import Path

from app.paths import resolve_paths
from app.settings import (
    Settings,
    corrected_address,
    database_address,
    load_settings,
    save_settings,
)

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
