#!/usr/bin/env python3
"""Smoke-test the standalone bundle the way a user without Python runs it.

    python3 .ci/bundle/smoke.py dist/appeal-desk-VERSION-linux-x86_64.tar.gz

The archive is unpacked into an empty folder and every command runs with an environment
that has no Python on PATH, no PYTHONPATH and a fresh home: --version, the window (offscreen,
quitting after its first paint), importing a PDF, writing a letter PDF that is read back,
and the menu entry installed and removed. Also prints the start-up of the bundle beside the
development environment's, measured in the same run. Exits non-zero on the first failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"

# A fictional UA written for this test (no real person, official or address).
SMOKE_UA = """URGENT ACTION
FICTIONAL TEST CASE: PRINTER HELD FOR LEAFLETS
Fictional test case: Ilka Testperson, a printer, has been held since 3 May 2031 for printing
leaflets for a peaceful march.

TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USING THIS MODEL LETTER

Minister of Justice
Pavel Examplov
Ministry of Justice
7 Sample Street
Testville 1234
Email: minister@justice.gov.example

Dear Minister,
Please release Ilka Testperson immediately and unconditionally.
Yours sincerely,

UA: 977/31 Index: EUR 99/0977/2031 Belarus Date: 5 May 2031
PREFERRED LANGUAGE TO ADDRESS TARGET: English
PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 30 June 2031
NAME AND PRONOUN: Ilka Testperson (she/her)
"""

MAKE_PDF = """
import sys
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
app = QGuiApplication([])
writer = QPdfWriter(sys.argv[2])
writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
doc = QTextDocument()
doc.setPlainText(open(sys.argv[1], encoding="utf-8").read())
doc.print_(writer)
"""


ENCRYPT_PDF = """
import sys
from pypdf import PdfReader, PdfWriter
writer = PdfWriter(clone_from=PdfReader(sys.argv[1]))
writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-256")
writer.write(sys.argv[2])
"""


def clean_environment(home: Path) -> dict[str, str]:
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    return {
        "PATH": str(empty_bin),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }


def check(label: str, command: list[str], env: dict[str, str], cwd: Path) -> str:
    started = time.monotonic()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=180)
    took = time.monotonic() - started
    if result.returncode != 0:
        print(f"FAIL {label} (exit {result.returncode})\n{result.stdout}\n{result.stderr}")
        raise SystemExit(1)
    print(f"ok   {label} ({took:.2f} s)")
    return result.stdout


def best_of(command: list[str], env: dict[str, str], cwd: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=True, timeout=180)
        times.append(time.monotonic() - started)
    return min(times)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    archive = Path(argv[0]).resolve()
    match = re.search(r"appeal-desk-(.+?)-[a-z]+-[a-z0-9_]+\.tar\.gz$", archive.name)
    if match is None:
        print(f"FAIL the archive's name does not carry a version: {archive.name}")
        return 1
    version = match.group(1)
    with tempfile.TemporaryDirectory(prefix="appeal-desk-smoke-") as tmp:
        base = Path(tmp)
        with tarfile.open(archive) as packed:
            packed.extractall(base / "unpacked", filter="data")
        program = base / "unpacked" / "appeal-desk" / "appeal-desk"
        env = clean_environment(base / "home")
        data = ["--data-dir", str(base / "data")]
        work = base / "work"
        work.mkdir()

        out = check("--version", [str(program), "--version"], env, work)
        if out.strip() != f"appeal-desk {version}":
            print(f"FAIL --version says {out.strip()!r}, the archive says {version}")
            return 1
        check(
            "gui --quit-after-first-paint",
            [str(program), *data, "gui", "--quit-after-first-paint"],
            env,
            work,
        )

        text = work / "fictional-ua.txt"
        text.write_text(SMOKE_UA, encoding="utf-8")
        pdf = work / "fictional-ua.pdf"
        subprocess.run(
            [str(VENV_PYTHON), "-c", MAKE_PDF, str(text), str(pdf)],
            check=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            timeout=120,
        )
        out = check("import a PDF", [str(program), *data, "import", str(pdf)], env, work)
        if "977/31" not in out:
            print(f"FAIL the PDF was not imported as UA 977/31:\n{out}")
            return 1
        compiled = sorted((base / "unpacked").rglob("messages.mo"))
        if len(compiled) < 5:
            print(
                f"FAIL the bundle carries {len(compiled)} compiled catalogs, not one per language"
            )
            return 1
        out = check("--lang fr list", [str(program), *data, "--lang", "fr", "list"], env, work)
        if "Date limite" not in out or sorted((base / "unpacked").rglob("*.mo")) != compiled:
            print(f"FAIL the French list is not read from the shipped catalog:\n{out}")
            return 1
        locked = work / "fictional-ua-aes.pdf"
        subprocess.run(
            [str(VENV_PYTHON), "-c", ENCRYPT_PDF, str(pdf), str(locked)], check=True, timeout=120
        )
        out = check(
            "import an AES-protected PDF (no password to open)",
            [str(program), *data, "import", str(locked)],
            env,
            work,
        )
        if "977/31" not in out:
            print(f"FAIL the AES-protected PDF was not read as UA 977/31:\n{out}")
            return 1
        letter = work / "letter.pdf"
        check(
            "letter --out letter.pdf",
            [str(program), *data, "letter", "977/31", "--out", str(letter)],
            env,
            work,
        )
        pdftotext = shutil.which("pdftotext")
        if pdftotext is None:
            print("FAIL pdftotext (poppler-utils) is needed to read the letter back")
            return 1
        read = subprocess.run(
            [pdftotext, str(letter), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in ("Pavel Examplov", "Ilka Testperson"):
            if expected not in read:
                print(f"FAIL the letter does not name {expected}:\n{read}")
                return 1
        print("ok   the letter read back names the official and the person")
        check("desktop install", [str(program), *data, "desktop", "install"], env, work)
        entry = base / "home" / "share" / "applications" / "org.appealdesk.AppealDesk.desktop"
        if str(program) not in entry.read_text(encoding="utf-8"):
            print("FAIL the menu entry does not start the bundle")
            return 1
        check("desktop remove", [str(program), *data, "desktop", "remove"], env, work)
        if entry.exists():
            print("FAIL the menu entry is still there after remove")
            return 1

        quit_after_paint = [*data, "gui", "--quit-after-first-paint"]
        bundled = best_of([str(program), *quit_after_paint], env, work)
        from_venv = best_of(
            [str(VENV_PYTHON), "-m", "app", *quit_after_paint],
            dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            ROOT,
        )
        print(
            f"start-up to the first paint, best of 3: bundle {bundled:.2f} s, "
            f"venv {from_venv:.2f} s ({bundled / from_venv:.2f}x)"
        )
    print("bundle smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
