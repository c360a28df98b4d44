"""The README's screenshots come from a script: it runs offscreen and writes real pictures."""

from __future__ import annotations

from PySide6.QtGui import QImage

from app.ui.screenshots import make_screenshots


def test_screenshot_script_writes_the_main_window_with_sample_cases(gui_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = make_screenshots(tmp_path / "shots")
    names = {path.name for path in saved}
    assert {
        "first-run.png",
        "main-window.png",
        "letter-editor.png",
        "event-mode.png",
    } <= names
    picture = QImage(str(tmp_path / "shots" / "main-window.png"))
    assert picture.width() >= 1000 and picture.height() >= 600


def test_screenshots_are_taken_in_the_language_asked_for(gui_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language
    from app.ui.screenshots import main

    try:
        assert main([str(tmp_path / "de"), "--lang", "de"]) == 0
    finally:
        apply_language("en")
    make_screenshots(tmp_path / "en")
    for name in ("main-window.png", "welcome.png", "mark-sent.png"):
        german, english = QImage(str(tmp_path / "de" / name)), QImage(str(tmp_path / "en" / name))
        assert not german.isNull() and german != english, name
