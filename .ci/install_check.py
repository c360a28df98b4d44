#!/usr/bin/env python3
"""Check that the ways the README gives to put `appeal-desk` on PATH really do (stdlib only).

    python3 .ci/install_check.py

Installs this checkout with `pip install --user` (into a throwaway user base) and with pipx
(itself installed into a throwaway venv), then runs the installed command from PATH:
--version, and a parse of a fictional UA; and checks that the interface catalogs were
installed compiled. Nothing is left behind in the real home folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "app" / "samples" / "ua-901-27-initial.txt"


def run(command: list[str | Path], env: dict[str, str]) -> str:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(
        [str(part) for part in command], env=env, capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        raise SystemExit(f"failed: {command[0]} (exit {result.returncode})")
    return result.stdout


def expect_command_on_path(bin_dir: Path, env: dict[str, str], how: str) -> None:
    env = dict(env, PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    version = run(["appeal-desk", "--version"], env).strip()
    if not version.startswith("appeal-desk "):
        raise SystemExit(f"{how}: unexpected --version output {version!r}")
    parsed = json.loads(run(["appeal-desk", "parse", "--json", SAMPLE], env))
    if parsed.get("ua_number") != "901/27":
        raise SystemExit(f"{how}: the installed command parsed {parsed.get('ua_number')!r}")
    print(f"ok   {how}: `appeal-desk` on PATH ({version}) parses a document")


def expect_compiled_catalogs(python: str | Path, env: dict[str, str], how: str) -> None:
    """The installed package carries each interface catalog compiled from its .po, so
    starting in another language never compiles one."""
    code = (
        "from app import i18n; "
        "print(all(i18n.compiled_is_current(l) for l in ('es', 'fr', 'de', 'pt', 'ar')))"
    )
    # -P: import the installed package, never this checkout from the current folder
    if run([python, "-P", "-c", code], env).strip() != "True":
        raise SystemExit(f"{how}: the installed package has no current compiled catalogs")
    print(f"ok   {how}: the interface catalogs are installed compiled")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="appeal-desk-install-") as tmp:
        base = Path(tmp)
        env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
        env["HOME"] = str(base / "home")
        env["QT_QPA_PLATFORM"] = "offscreen"

        user_env = dict(env, PYTHONUSERBASE=str(base / "userbase"))
        run([sys.executable, "-m", "pip", "install", "--quiet", "--user", ROOT], user_env)
        expect_command_on_path(base / "userbase" / "bin", user_env, "pip install --user")
        expect_compiled_catalogs(sys.executable, user_env, "pip install --user")

        tools = base / "pipx-venv"
        venv.EnvBuilder(with_pip=True).create(tools)
        run([tools / "bin" / "python", "-m", "pip", "install", "--quiet", "pipx"], env)
        pipx_env = dict(env, PIPX_HOME=str(base / "pipx"), PIPX_BIN_DIR=str(base / "pipx-bin"))
        run([tools / "bin" / "python", "-m", "pipx", "install", ROOT], pipx_env)
        expect_command_on_path(base / "pipx-bin", pipx_env, "pipx install")
        pipx_python = base / "pipx" / "venvs" / "appeal-desk" / "bin" / "python"
        expect_compiled_catalogs(pipx_python, pipx_env, "pipx install")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
