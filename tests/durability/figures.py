"""A shared tally of the figures the durability tests measure (printed at the end of the run).

``ROUNDS_ENV`` runs the kill and corruption tests with more rounds, for a longer run by hand;
``bench/bench_durability.py`` measures the same figures with the same routines (bench/durability).
"""

from __future__ import annotations

import os

ROUNDS_ENV = "APPEAL_DESK_DURABILITY_ROUNDS"

RESULTS: dict[str, str] = {}

ORDER = (
    "1 kill -9",
    "2 corruption",
    "3 migrations",
    "4 sandbox",
    "5 path traversal",
    "6 hostile documents",
    "8 restore races",
    "9 full disk",
    "10 crafted restores",
    "11 pathological PDFs",
    "12 import cancel",
    "13 import worker limits",
)


def rounds(default: int) -> int:
    """Rounds of a kill or corruption test: ``default``, or what the benchmark asks for."""
    return int(os.environ.get(ROUNDS_ENV) or default)


def record(key: str, text: str) -> None:
    """Remember one figure line under ``key`` (e.g. "1 kill -9")."""
    RESULTS[key] = text


def report_lines() -> list[str]:
    keys = [k for k in ORDER if k in RESULTS] + sorted(k for k in RESULTS if k not in ORDER)
    return [f"{k}: {RESULTS[k]}" for k in keys]
