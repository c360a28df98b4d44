"""Build hook: ship the top-level ``locales/`` directory inside the wheel as ``app/locales/``,
with every catalog compiled (``messages.mo``), so an installed app never compiles one."""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOG_SUFFIXES = {".po", ".pot", ".md"}
DESKTOP_FILES = (
    "org.appealdesk.AppealDesk.desktop",
    "org.appealdesk.AppealDesk.metainfo.xml",
    "org.appealdesk.AppealDesk.svg",
)


class BuildPyWithLocales(build_py):
    """Copy the interface catalogs next to the package so ``app.i18n`` finds them installed."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "locales"
        target = Path(self.build_lib) / "app" / "locales"
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix in CATALOG_SUFFIXES:
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)
        compile_catalogs(source, target)
        # The menu entry, AppStream metadata and icon (app/desktop_files.py finds them here).
        resources = source.parent / "resources"
        shipped = Path(self.build_lib) / "app" / "resources"
        shipped.mkdir(parents=True, exist_ok=True)
        for name in DESKTOP_FILES:
            shutil.copy2(resources / name, shipped / name)


def compile_catalogs(source: Path, target: Path) -> None:
    """Compile each .po with the app's own compiler (unsafe translations left out, the source
    checksum marked), so that the app reads the .mo as current."""
    sys.path.insert(0, str(source.parent))
    try:
        from app.i18n import compile_catalogs as compile_all
    finally:
        sys.path.pop(0)
    written = compile_all(source, target)
    if not written:
        raise SystemExit(f"no interface catalog found under {source}")


setup(cmdclass={"build_py": BuildPyWithLocales})
