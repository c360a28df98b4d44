#!/usr/bin/env python3
"""Set up a virtual environment and run Appeal Desk or its tests (stdlib only).

python3 .ci/dev.py run [APP ARGS...]   # create .venv, install, open the app
python3 .ci/dev.py test [PYTEST ARGS...]  # .venv with dev tools; lint, types, tests
python3 .ci/dev.py bundle               # build the standalone app into dist/ (PyInstaller)
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def ensure_venv(extras: str) -> None:
    """Create .venv and (re)install the project when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on whatever python3 is
        raise SystemExit("Appeal Desk needs Python 3.11 or newer.")
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(digest)


def app_version() -> str:
    """The version in app/__init__.py, read without importing the package."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("app/__init__.py has no __version__ line.")
    return match.group(1)


def platform_tag() -> str:
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("arm64", "aarch64")
    return f"{system.rstrip('0123456789')}-{machine}"


def bundle() -> Path:
    """Build dist/appeal-desk/ with PyInstaller and pack it as dist/appeal-desk-VERSION-TAG."""
    ensure_venv("bundle")
    dist, work = ROOT / "dist", ROOT / "build" / "pyinstaller"
    started = time.monotonic()
    run(
        PYTHON,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        dist,
        "--workpath",
        work,
        ROOT / ".ci" / "bundle" / "appeal-desk.spec",
    )
    folder = dist / "appeal-desk"
    name = f"appeal-desk-{app_version()}-{platform_tag()}"
    if sys.platform == "win32":
        archive = dist / f"{name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
            for path in sorted(folder.rglob("*")):
                packed.write(path, Path("appeal-desk") / path.relative_to(folder))
    else:
        archive = dist / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as packed:
            packed.add(folder, arcname="appeal-desk")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"Built {archive.relative_to(ROOT)} in {time.monotonic() - started:.0f} s: "
        f"{size / 1e6:.0f} MB unpacked, {archive.stat().st_size / 1e6:.0f} MB packed."
    )
    return archive


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bundle"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "bundle":
        bundle()
        return 0
    if command == "run":
        ensure_venv("")
        return subprocess.call([str(PYTHON), "-m", "app", *rest], cwd=ROOT)
    ensure_venv("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # First, the system libraries Qt needs: one line naming the missing ones and the command
    # that installs them, rather than a traceback from the first test that touches Qt.
    check = [PYTHON, "-m", "app.qt_system_libraries", "--plugin", "offscreen"]
    if subprocess.run([str(c) for c in check], cwd=ROOT, env=env).returncode != 0:
        raise SystemExit(1)
    run(PYTHON, "-m", "ruff", "check", "app", "tests", "bench", env=env)
    run(PYTHON, "-m", "ruff", "format", "--check", "app", "tests", "bench", ".ci", env=env)
    run(PYTHON, "-m", "mypy", "app", env=env)
    run(PYTHON, "-m", "app", "i18n", "check", env=env)
    run(PYTHON, "-m", "pytest", "-q", *rest, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
