"""Diagnostic info for bug reports: versions, platform, paths and counts, never personal data."""

from __future__ import annotations

import locale
import os
import platform
import re
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

from app import __version__
from app.domain.model import CaseStatus
from app.paths import AppPaths
from app.services.database import Database
from app.settings import Settings

# Distribution names whose versions help to reproduce a bug.
LIBRARIES = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "Jinja2",
    "Babel",
    "platformdirs",
    "pypdf",
)


def library_versions() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def redact_home(text: Path | str) -> str:
    """``text`` with the home folder replaced by ``~`` wherever it names it (a path, or a
    message naming one), so no user name ends up in a bug report. A longer folder name that
    merely starts with the home folder's (``/home/al`` in ``/home/alice``, ``/home/al.old``)
    stays as it is; a full stop after the home folder ends a sentence, not a folder name."""
    home = str(Path.home())
    if not home.strip("/\\") or home.endswith(("/", "\\")):  # a root folder names no user
        return str(text)
    return re.sub(re.escape(home) + r"(?![\w-]|\.[\w-])", lambda _match: "~", str(text))


def store_figures(db: Database | None) -> list[tuple[str, str]]:
    """How many cases and appeals (numbers only: no titles, names or letter text)."""
    if db is None:
        return [("store", "not open")]
    from app.services.appeals import list_appeals
    from app.services.cases import list_cases

    try:
        cases = list_cases(db, include_closed=True)
        appeals = list_appeals(db)
    except Exception as exc:  # a report must still come out when the store is broken
        return [("store", f"unreadable ({type(exc).__name__})")]
    open_count = sum(1 for c in cases if c.status is CaseStatus.OPEN)
    return [
        ("store backend", db.dialect),
        ("cases open", str(open_count)),
        ("cases closed", str(len(cases) - open_count)),
        ("sample cases", str(sum(1 for c in cases if c.is_sample))),
        ("appeals recorded", str(len(appeals))),
    ]


def collect(
    paths: AppPaths,
    settings: Settings | None = None,
    db: Database | None = None,
    extra: list[tuple[str, str]] | None = None,
) -> list[tuple[str, str]]:
    """Every fact of the report as (label, value) pairs; ``extra`` comes from the UI (Qt)."""
    facts: list[tuple[str, str]] = [
        ("Appeal Desk", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("platform", platform.platform(terse=True)),
        ("machine", platform.machine()),
        ("frozen", str(bool(getattr(sys, "frozen", False)))),
        ("system locale", ".".join(filter(None, locale.getlocale())) or "unknown"),
        ("SQLite", sqlite3.sqlite_version),
        *library_versions(),
        ("data folder", redact_home(paths.data_dir)),
        ("log folder", redact_home(paths.log_dir)),
        ("portable data folder", str(paths.portable)),
        ("database file size", _size(paths.database)),
    ]
    if settings is not None:
        facts += [
            ("interface language", settings.ui_language or "automatic"),
            ("letter language", settings.letter_language or "automatic"),
            ("page size", settings.page_size or "automatic"),
            ("sender profile filled in", str(settings.sender.is_complete)),
            ("external database", str(bool(settings.database_url))),
        ]
    facts += store_figures(db)
    facts += worker_facts()
    facts += extra or []
    return facts


def worker_facts() -> list[tuple[str, str]]:
    """Where letters are rendered and import files read: in their worker process, or inside
    the app without time and memory limits because no worker could start (and why)."""
    from app.letters import render_worker
    from app.services import isolated_parsing

    def where(reason: str | None) -> str:
        if reason is None:
            return "in a worker process"
        return f"inside the app, without time or memory limits ({redact_home(reason)})"

    return [
        ("letters rendered", where(render_worker.unguarded_reason())),
        ("import files read", where(isolated_parsing.unguarded_reason())),
    ]


def format_report(facts: list[tuple[str, str]]) -> str:
    """Plain text for the clipboard, one ``label: value`` per line."""
    width = max((len(label) for label, _value in facts), default=0)
    lines = ["Appeal Desk diagnostic info (no personal data)"]
    lines += [f"{label.ljust(width)} : {value}" for label, value in facts]
    return "\n".join(lines) + "\n"


def _size(path: Path) -> str:
    try:
        size = os.path.getsize(path)
    except OSError:
        return "no file"
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"
