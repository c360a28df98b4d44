"""Suite-wide setup: offscreen Qt, a private data directory for every test, fixture paths."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from app.qt_library_advice import detect_distribution
from app.qt_system_libraries import check_plugin

# Hypothesis times nothing: how fast a busy machine draws or runs an example is no result (the
# benchmarks in bench/ measure speed). CI replays the same examples every run (a red build
# always means a code change); locally Hypothesis keeps exploring new ones.
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
hypothesis_settings.register_profile("untimed", **_UNTIMED)
hypothesis_settings.register_profile("ci", derandomize=True, **_UNTIMED)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "untimed")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6-Essentials 6.12.0 drops a reference to None on every void call: on Python 3.11 a
# long suite aborts with "none_dealloc". pyproject.toml excludes it; an older venv may hold it.
if version("PySide6-Essentials") == "6.12.0":
    raise pytest.UsageError(
        "PySide6-Essentials 6.12.0 is excluded (it crashes Python 3.11 after ~30,000 Qt calls): "
        "reinstall with  python3 .ci/dev.py test --co -q  or  .venv/bin/pip install -e '.[dev]'"
    )
# A system library Qt needs is missing (a bare container): one line naming them all and the
# install command, instead of pytest-qt's internal error naming the first one.
_qt_missing = check_plugin("offscreen")
if _qt_missing is not None:
    raise pytest.UsageError(_qt_missing.one_line(detect_distribution()))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED_FINAL = FIXTURES / "seed" / "ua-119-21-final.txt"
UA_SAMPLES = FIXTURES / "ua-samples"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own APPEAL_DESK_HOME so nothing reaches the real profile."""
    home = tmp_path / "appeal-desk-home"
    monkeypatch.setenv("APPEAL_DESK_HOME", str(home))
    monkeypatch.delenv("APPEAL_DESK_TEST_PO", raising=False)
    return home


@pytest.fixture(autouse=True)
def interface_back_in_english_after_each_test() -> Iterator[None]:
    """A command run in-process with ``--lang`` switches the interface language for the whole
    process; the next test starts in English whatever the last one chose."""
    yield
    from app.i18n import set_language

    set_language("en")


@pytest.fixture(autouse=True)
def collector_sees_everything_after_each_test() -> Iterator[None]:
    """An import in the window sets what lives aside from the garbage collector (the app lives
    on); a test's window does not, so the next test starts with nothing set aside."""
    yield
    gc.unfreeze()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where a test's store lives (``--data-dir`` for the command line)."""
    return tmp_path / "data"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fictional store of 60 cases (persons, officials, appeals) from the bench generator."""
    data = tmp_path_factory.mktemp("quick") / "data"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate_store.py"),
            "--cases",
            "60",
            "--appeals",
            "400",
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return data


@pytest.fixture
def no_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes cannot start, as in some frozen builds: ``start`` raises OSError."""
    import multiprocessing

    from app import worker_process

    real = multiprocessing.get_context

    class NoProcesses:
        """A spawn context whose processes refuse to start."""

        def __init__(self, method: str) -> None:
            self._real = real(method)

        def Pipe(self) -> Any:  # noqa: N802 - multiprocessing's name
            return self._real.Pipe()

        def Process(self, **kwargs: Any) -> Any:  # noqa: N802
            process = self._real.Process(**kwargs)

            def refuse() -> None:
                raise OSError("process creation is not allowed here")

            process.start = refuse
            return process

    monkeypatch.setattr(worker_process.multiprocessing, "get_context", NoProcesses)


@pytest.fixture
def english() -> Iterator[None]:
    """The interface in English before and after the test (which may switch it)."""
    from app.i18n import set_language

    set_language("en")
    yield
    set_language("en")
