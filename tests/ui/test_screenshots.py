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
