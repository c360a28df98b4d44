"""One version everywhere: the package, `--version`, the bundle's name and the changelog."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from app import __version__
from app.main import main

ROOT = Path(__file__).resolve().parents[1]


def test_version_option_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"appeal-desk {__version__}"


def test_the_bundle_is_named_after_the_same_version() -> None:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / ".ci" / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert dev.app_version() == __version__
    assert re.fullmatch(r"[a-z]+-[a-z0-9_]+", dev.platform_tag())


def test_the_changelog_has_an_entry_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+) - (\d{4}-\d{2}-\d{2}|unreleased)$", changelog, re.M)
    assert headings, "no version headings"
    assert headings[0][0] == __version__, "the newest entry is not the current version"


def test_the_appstream_metadata_lists_this_version_first() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(ROOT / "resources" / "org.appealdesk.AppealDesk.metainfo.xml").getroot()
    releases = root.findall("./releases/release")
    assert releases and releases[0].get("version") == __version__
