#!/usr/bin/env python3
"""Set up a virtual environment and run Appeal Desk or its tests (stdlib only).

    python3 .ci/dev.py run [APP ARGS...]   # create .venv, install, open the app
    python3 .ci/dev.py test [PYTEST ARGS...]  # create .venv, install with dev tools, lint, test
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
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


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_venv("")
        return subprocess.call([str(PYTHON), "-m", "app", *rest], cwd=ROOT)
    ensure_venv("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run(PYTHON, "-m", "ruff", "check", "app", "tests", "bench", env=env)
    run(PYTHON, "-m", "app", "i18n", "check", env=env)
    run(PYTHON, "-m", "pytest", "-q", *rest, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
