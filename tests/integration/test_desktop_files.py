"""The icon, .desktop and AppStream files: named after the app id, valid, and shipped."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from app.desktop_files import ShippedFileMissing, icon_svg, shipped_file
from app.paths import APP_ID

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICON = RESOURCES / f"{APP_ID}.svg"


def test_files_are_named_after_the_app_id() -> None:
    for path in (DESKTOP, METAINFO, ICON):
        assert path.is_file(), path


def test_desktop_entry_points_at_the_icon_and_the_gui_launcher() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "appeal-desk-gui"
    assert section["Name"] == "Appeal Desk"


def test_metainfo_names_the_desktop_file_and_the_licence() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("launchable").text == f"{APP_ID}.desktop"


def test_the_icon_is_one_file_that_the_window_draws() -> None:
    assert icon_svg() == ICON.read_bytes()
    assert ET.fromstring(icon_svg()).tag.endswith("svg")
    copies = [
        path
        for folder in ("app", "resources", ".ci")
        for path in (ROOT / folder).rglob("*.svg")
        if "__pycache__" not in path.parts
    ]
    assert copies == [ICON]


def test_a_missing_desktop_file_names_itself() -> None:
    with pytest.raises(ShippedFileMissing) as missing:
        shipped_file("org.appealdesk.Nothing.svg")
    assert missing.value.name == "org.appealdesk.Nothing.svg"
    assert "reinstall Appeal Desk" in missing.value.message


def test_package_data_includes_the_resources() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "resources/*" in config["tool"]["setuptools"]["package-data"]["app"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils missing"
)
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream missing")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
