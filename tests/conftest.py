"""Suite-wide setup: offscreen Qt, and a private data directory for every test (DIR-3)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI replays the same examples every run (a red build always means a code change); locally
# Hypothesis keeps exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 drops a reference to None on void calls; a long suite would
# abort with "none_dealloc" without this guard (see app/pyside_none_guard.py).
from app.pyside_none_guard import protect_none  # noqa: E402

protect_none()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_FINAL = FIXTURES / "seed" / "ua-119-21-final.txt"
UA_SAMPLES = FIXTURES / "ua-samples"
SCORER = Path(__file__).resolve().parents[1] / "bench" / "score_import.py"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own APPEAL_DESK_HOME so nothing reaches the real profile."""
    home = tmp_path / "appeal-desk-home"
    monkeypatch.setenv("APPEAL_DESK_HOME", str(home))
    monkeypatch.delenv("APPEAL_DESK_TEST_PO", raising=False)
    return home
