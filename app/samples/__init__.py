"""The fictional sample pack: three invented UA documents for practice (never real cases)."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SAMPLE_NOTICE = "FICTIONAL SAMPLE - for practice only, not a real case"


def sample_paths() -> list[Path]:
    """Paths of the sample documents, initial outputs before their updates."""
    folder = files(__package__)
    names = sorted(
        (entry.name for entry in folder.iterdir() if entry.name.endswith(".txt")),
        key=lambda name: (name.rsplit("-", 1)[-1] != "initial.txt", name),
    )
    paths: list[Path] = []
    for name in names:
        with as_file(folder / name) as path:
            paths.append(Path(path))
    return paths


def sample_pack_numbers() -> frozenset[str]:
    """UA numbers of the sample pack's cases, read from its file names (``ua-902-27-...``)."""
    folder = files(__package__)
    numbers = set()
    for entry in folder.iterdir():
        parts = entry.name.split("-")
        if entry.name.endswith(".txt") and len(parts) >= 3 and parts[0] == "ua":
            numbers.add(f"{parts[1]}/{parts[2]}")
    return frozenset(numbers)
