"""The window's layout is kept from one start to the next, and ui.ini is left alone when the
layout did not change (no file write on every quit)."""

from __future__ import annotations

from app.paths import AppPaths


def test_the_layout_comes_back_and_an_unchanged_one_is_not_written_again(
    make_window,  # type: ignore[no-untyped-def]
    app_paths: AppPaths,
) -> None:
    window = make_window()
    window.case_list.show_closed_box.setChecked(True)
    window.splitter.setSizes([700, 300])
    window.close()
    # The first restore fits the window to the (small, offscreen) screen: that is a change.
    make_window().close()
    ui_ini = app_paths.ui_state_file
    saved = ui_ini.read_bytes()
    written = ui_ini.stat().st_mtime_ns

    again = make_window()
    assert again.case_list.show_closed_box.isChecked()
    assert again.splitter.saveState() == window.splitter.saveState()
    again.close()  # nothing changed: the file is not rewritten
    assert ui_ini.read_bytes() == saved
    assert ui_ini.stat().st_mtime_ns == written

    third = make_window()
    third.case_list.show_closed_box.setChecked(False)
    third.close()
    assert ui_ini.read_bytes() != saved
    assert not make_window().case_list.show_closed_box.isChecked()
