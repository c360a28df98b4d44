"""The built wheel carries every letter template and every interface catalog."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import i18n
from app.letters import rendering

ROOT = Path(__file__).resolve().parents[3]
OFFLINE_HINTS = (
    "No matching distribution",
    "Could not find a version",
    "Failed to establish",
    "Network is unreachable",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        log = result.stdout + result.stderr
        if any(hint in log for hint in OFFLINE_HINTS):
            pytest.skip("cannot fetch the build backend (offline)")
        pytest.fail(f"python -m build --wheel failed:\n{log[-3000:]}")
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_contains_every_letter_template(wheel_names: set[str]) -> None:
    root = rendering.SHIPPED_TEMPLATES.parent.parent
    shipped = [
        p.relative_to(root).as_posix()
        for p in rendering.SHIPPED_TEMPLATES.rglob("*")
        if p.is_file()
    ]
    assert len(shipped) >= 18  # 6 locales x (letter, solidarity card, salutations)
    assert [name for name in shipped if name not in wheel_names] == []


def test_wheel_contains_every_catalog(wheel_names: set[str]) -> None:
    locales = [p.name for p in i18n.locales_dir().iterdir() if p.is_dir()]
    assert set(locales) >= {"es", "fr", "de", "pt", "ar"}
    for locale in locales:
        assert f"app/locales/{locale}/LC_MESSAGES/messages.po" in wheel_names
    assert "app/locales/messages.pot" in wheel_names
    assert "app/locales/README.md" in wheel_names


def test_wheel_carries_each_catalog_compiled_from_its_po(wheel: Path) -> None:
    """The build compiles every catalog: an installed app reads the .mo, never the .po."""
    with zipfile.ZipFile(wheel) as archive:
        for locale in ("es", "fr", "de", "pt", "ar"):
            folder = f"app/locales/{locale}/LC_MESSAGES"
            compiled = archive.read(f"{folder}/messages.mo")
            source = archive.read(f"{folder}/messages.po")
            assert i18n._mark_of(compiled) == i18n.compiled_mark(source)
            assert compiled == i18n.compile_po(i18n.catalog_path(locale), locale, mark=True)


def test_installed_package_never_compiles_a_catalog(wheel: Path, tmp_path: Path) -> None:
    """Starting in Arabic from an installed wheel reads the shipped .mo: Babel's catalog
    reader is never imported and nothing is written beside the catalogs."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    before = sorted(p.name for p in (site / "app" / "locales").rglob("*"))
    code = (
        "import sys, app.i18n as i; i.set_language('ar'); "
        "print(i._('Your cases could not be opened.')); "
        "print('babel.messages.pofile' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=site,
        env={"PYTHONPATH": str(site)},
        check=True,
    )
    translated, compiled_now = result.stdout.splitlines()
    assert translated != "Your cases could not be opened." and compiled_now == "False"
    assert sorted(p.name for p in (site / "app" / "locales").rglob("*")) == before


def test_installed_package_finds_its_catalogs_and_templates(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel and import from it: catalogs and templates are found inside the package."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = (
        "import app.i18n as i, app.letters.rendering as r; "
        "print(i.locales_dir()); print(r.SHIPPED_TEMPLATES); print(i.available_languages())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=site,
        env={"PYTHONPATH": str(site)},
        check=True,
    )
    locales, templates, languages = result.stdout.splitlines()
    assert Path(locales) == site / "app" / "locales"
    assert Path(templates) == site / "app" / "templates"
    assert "'es'" in languages and "'ar'" in languages


def test_wheel_contains_the_menu_entry_files(wheel_names: set[str]) -> None:
    """`appeal-desk desktop install` after pip/pipx finds them inside the package."""
    for name in (
        "app/resources/org.appealdesk.AppealDesk.desktop",
        "app/resources/org.appealdesk.AppealDesk.metainfo.xml",
        "app/resources/org.appealdesk.AppealDesk.svg",
    ):
        assert name in wheel_names
