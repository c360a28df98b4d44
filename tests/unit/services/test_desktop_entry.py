"""`appeal-desk desktop install/remove`: the menu entry, its icon and metadata in the user's
XDG folders, pointing at the program that runs now, and gone again on remove."""

from __future__ import annotations

import shutil
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

from app.main import main
from app.paths import APP_ID
from app.services.desktop_entry import desktop_file_text, user_places

REPO = Path(__file__).resolve().parents[3]


def _cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path / "data"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_install_then_remove_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    places = user_places()

    code, out, err = _cli(capsys, tmp_path, "desktop", "install")

    assert (code, err) == (0, "")
    for path in places.all():
        assert path.is_file(), path
        assert str(path) in out
    assert places.desktop == tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert places.icon.read_bytes() == (REPO / "resources" / f"{APP_ID}.svg").read_bytes()
    entry = _entry(places.desktop)
    program = entry["Exec"].split()[0]
    assert Path(program).is_absolute() and Path(program).exists(), entry["Exec"]
    assert entry["Icon"] == APP_ID
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(places.desktop)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr

    code, out, err = _cli(capsys, tmp_path, "desktop", "remove")
    assert (code, err) == (0, "")
    assert not any(path.exists() for path in places.all())
    assert "Removed" in out

    code, out, _ = _cli(capsys, tmp_path, "desktop", "remove")
    assert code == 0 and "nothing to remove" in out


def test_a_full_or_read_only_filesystem_leaves_nothing_half_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    (share / "applications").parent.mkdir(parents=True)
    (share / "applications").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(share))

    code, _, err = _cli(capsys, tmp_path, "desktop", "install")

    assert code == 1
    assert "Could not write" in err
    assert (share / "applications").read_text() == "a file where the folder should be"


def test_exec_line_quotes_paths_with_spaces_as_the_specification_asks() -> None:
    template = "[Desktop Entry]\nExec=appeal-desk-gui %F\nTryExec=appeal-desk-gui\nName=X\n"
    text = desktop_file_text(template, ["/opt/My Apps/appeal-desk", "gui"])
    assert 'Exec="/opt/My Apps/appeal-desk" gui %F\n' in text
    assert "TryExec=/opt/My Apps/appeal-desk\n" in text


def test_the_menu_entry_passes_opened_files_to_a_launcher_that_takes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Open with Appeal Desk": the entry claims documents, its Exec passes them (%F), and
    the command it runs accepts them, with the global options after "gui" as well."""
    from app.main import build_parser

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert _cli(capsys, tmp_path, "desktop", "install")[0] == 0
    entry = _entry(user_places().desktop)
    assert "application/pdf" in entry["MimeType"] and entry["Exec"].endswith(" %F")
    program, *words = entry["Exec"].split()[:-1]  # the command, without the file code
    if Path(program).name == "appeal-desk-gui":
        words = ["gui", *words]  # as its entry point, app.main.gui_main, does
    opened = [str(tmp_path / "ua one.txt"), str(tmp_path / "ua-2.pdf")]
    args = build_parser(commands=False).parse_args([*words, "--lang", "es", *opened])
    assert args.command == "gui" and args.lang == "es"
    assert [str(path) for path in args.files] == opened


def test_the_launcher_is_the_running_program() -> None:
    from app.services.desktop_entry import launch_command

    command = launch_command()
    assert Path(command[0]).is_absolute()
    assert Path(command[0]).exists()
    assert command[0].startswith(str(Path(sys.executable).parent)) or command[-1] == "gui"
