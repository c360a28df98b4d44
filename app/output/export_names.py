"""Safe names for exported files: built from a case title or an official's name, they stay
inside the chosen folder and are valid on every OS."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from app.domain.errors import N_, OutputFailed

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
    """``out_dir/<safe stem>.<extension>``, guaranteed to stay inside ``out_dir``."""
    root = Path(out_dir).resolve()
    extension = safe_file_stem(extension.lstrip("."), fallback="txt")
    candidate = (root / f"{safe_file_stem(stem)}.{extension}").resolve()
    if not candidate.is_relative_to(root) or candidate.parent != root:
        raise OutputFailed(
            N_("The export name {name} would leave the folder {folder}."),
            name=repr(stem),
            folder=root,
        )
    return candidate
