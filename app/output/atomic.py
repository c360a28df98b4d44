"""Crash-safe file writes for every export, and export names that stay inside their folder."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from app.atomic_files import TEMP_SUFFIX, atomic_replace
from app.domain.errors import OutputFailed
from app.i18n import _

_BAD_NAME_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]')
_RESERVED_NAMES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_STEM_LENGTH = 150


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """:func:`app.atomic_files.atomic_replace` for exports: failures become OutputFailed.

    A QPdfWriter only finishes its file when it is destroyed: drop it inside the block.
    """
    target = Path(path)
    try:
        with atomic_replace(target) as temp:
            yield temp
    except OSError as exc:
        raise OutputFailed(
            _("Could not write {path}: {problem}").format(path=target, problem=exc.strerror or exc)
        ) from exc


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    with atomic_path(path) as temp, open(temp, "wb") as fh:
        fh.write(data)
        fh.flush()


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Text variant of :func:`write_atomic` (no newline translation: the text is written as is)."""
    write_atomic(path, text.encode(encoding))


def remove_stale_temp_files(folder: str | os.PathLike[str]) -> int:
    """Delete ``.name.XXXX.tmp`` leftovers of interrupted writes in ``folder``; return how many."""
    removed = 0
    for leftover in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def safe_file_stem(text: str, fallback: str = "letter") -> str:
    """A file-name stem from a case title or an official's name, safe on every OS."""
    name = _BAD_NAME_CHARS.sub("_", unicodedata.normalize("NFC", text))
    name = re.sub(r"\s+", " ", name).strip(" .")[:MAX_STEM_LENGTH].strip(" .")
    if not name:
        return fallback
    if name.split(".")[0].strip().upper() in _RESERVED_NAMES:
        name = "_" + name
    return name


def export_path(out_dir: str | os.PathLike[str], stem: str, extension: str) -> Path:
    """``out_dir/<safe stem>.<extension>``, inside ``out_dir`` whatever the case title says."""
    root = Path(out_dir).resolve()
    extension = safe_file_stem(extension.lstrip("."), fallback="txt")
    candidate = (root / f"{safe_file_stem(stem)}.{extension}").resolve()
    if not candidate.is_relative_to(root) or candidate.parent != root:
        raise OutputFailed(
            _("The export name {name} would leave the folder {folder}.").format(
                name=repr(stem), folder=root
            )
        )
    return candidate
