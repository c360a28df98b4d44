"""Event mode outlives a crash: while it runs, a small file in the data folder names the event
and holds the organiser PIN's salted hash (never the PIN), so the next start returns to the
event screen and leaving it still needs the PIN. The file goes when event mode ends. Without
a printer the participants' letters are saved as PDF files in the event's folder, where they
wait to be printed."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import N_, OutputFailed, os_problem
from app.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KeptEventMode:
    """The running event and the PIN's check value (salt and PBKDF2 digest)."""

    event_name: str
    salt: bytes
    digest: bytes


def keep_event_mode(paths: AppPaths, kept: KeptEventMode) -> None:
    """Write (or rewrite, after a new PIN) the file atomically, readable by the user only.

    StoreUnavailable when it cannot be written: event mode must not start (or change its
    PIN) when a crash would let anyone past the PIN."""
    from app.atomic_files import replace_file_contents

    payload = {"event": kept.event_name, "salt": kept.salt.hex(), "digest": kept.digest.hex()}
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        replace_file_contents(paths.event_mode_file, json.dumps(payload).encode("utf-8"))
    except OSError as exc:
        raise OutputFailed(
            N_(
                "Event mode could not be kept in {file} ({problem}), so a crash would let "
                "anyone past the PIN. Make room on the disk, then try again."
            ),
            file=paths.event_mode_file,
            problem=os_problem(exc),
        ) from exc


def kept_event_mode(paths: AppPaths) -> KeptEventMode | None:
    """The event mode that was running when Appeal Desk last stopped, if it never ended."""
    try:
        raw = paths.event_mode_file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        log.warning("event mode file unreadable", exc_info=True)
        return None
    try:
        data = json.loads(raw)
        kept = KeptEventMode(
            str(data["event"]), bytes.fromhex(data["salt"]), bytes.fromhex(data["digest"])
        )
    except (ValueError, KeyError, TypeError):
        log.warning("event mode file damaged: %r", raw[:200])
        return None
    return kept if kept.event_name and kept.salt and kept.digest else None


def end_event_mode(paths: AppPaths) -> None:
    """Event mode ended as it should: the next start opens the normal window."""
    try:
        paths.event_mode_file.unlink(missing_ok=True)
    except OSError:
        log.warning("event mode file not removed", exc_info=True)


def letters_waiting(folder: Path) -> int:
    """How many letters saved in the event's ``folder`` (for want of a printer) wait there to
    be printed: its PDF files, any case of ".pdf" (0 when the folder is missing or unreadable).
    They carry the participants' names, so the organiser is told of them on leaving."""
    try:
        return sum(
            1 for entry in folder.iterdir() if entry.suffix.lower() == ".pdf" and entry.is_file()
        )
    except OSError:
        return 0
