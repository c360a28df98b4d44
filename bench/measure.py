"""Shared benchmark plumbing: results with targets, medians, and the JSON line format."""

from __future__ import annotations

import argparse
import atexit
import fcntl
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PYCACHE = Path("/tmp/appeal-desk-bench/pycache")
# Where generated stores are kept (bench/compare_runs.py gives each checkout a folder of its own)
STORE_CACHE = Path(os.environ.get("APPEAL_DESK_BENCH_CACHE") or "/tmp/appeal-desk-bench")
JSON_KEYS = ("name", "value", "unit", "target", "ok")
STORE_FILES = ("appeal-desk.sqlite3", "appeal-desk.sqlite3-wal")  # a data folder's database


@dataclass(frozen=True, slots=True)
class Result:
    """One figure: ``higher_is_better`` decides how it is compared with its target."""

    name: str
    value: float
    unit: str
    target: float | None
    higher_is_better: bool = False
    note: str = ""

    @property
    def ok(self) -> bool:
        if self.target is None:
            return True
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def json_line(self, detail: bool = False) -> str:
        """The five keys of the summary line; ``detail`` adds what run_all.py needs back."""
        data: dict[str, object] = {
            "name": self.name,
            "value": round(self.value, 3),
            "unit": self.unit,
            "target": self.target,
            "ok": self.ok,
        }
        if detail:
            data |= {"higher_is_better": self.higher_is_better, "note": self.note}
        return json.dumps(data)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Result:
        target = data.get("target")
        return cls(
            name=str(data["name"]),
            value=float(data["value"]),  # type: ignore[arg-type]
            unit=str(data.get("unit", "")),
            target=None if target is None else float(target),  # type: ignore[arg-type]
            higher_is_better=bool(data.get("higher_is_better", False)),
            note=str(data.get("note", "")),
        )

    def table_row(self) -> str:
        sign = ">=" if self.higher_is_better else "<="
        target = f"{sign} {self.target:g}" if self.target is not None else "-"
        mark = "ok" if self.ok else "MISSED"
        return (
            f"{self.name:34} {self.value:12.3f} {self.unit:14} {target:>12}  {mark:6} {self.note}"
        )


def median_ms(samples: Iterable[float]) -> float:
    """Median of durations given in seconds, in milliseconds."""
    return statistics.median(samples) * 1000.0


def time_calls(function: Callable[[], object], repeat: int) -> list[float]:
    """Durations (seconds) of ``repeat`` calls."""
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        durations.append(time.perf_counter() - started)
    return durations


def offscreen_env(cache_bytecode: bool = True) -> dict[str, str]:
    """The environment for child processes: offscreen Qt, repo on the path, bytecode cached.

    An installed app has compiled ``.pyc`` files; this sandbox sets PYTHONDONTWRITEBYTECODE,
    which would recompile every module at every start, so children cache bytecode under
    /tmp instead (outside the source tree). ``cache_bytecode=False`` leaves that as it is
    (bench_durability.py audits every file written, .pyc files included).
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if cache_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def parser(description: str) -> argparse.ArgumentParser:
    """The common command line of every benchmark script."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="small sizes (CI smoke run)")
    p.add_argument("--json", action="store_true", help="print JSON lines only")
    return p


def report(results: list[Result], as_json: bool) -> None:
    """Print the figures as table rows, or as JSON lines for run_all.py."""
    for result in results:
        print(result.json_line(detail=True) if as_json else result.table_row(), flush=True)


def benchmark_main(doc: str | None, run: Callable[[bool], list[Result]]) -> int:
    """The command line of a benchmark whose ``run(quick)`` returns its figures: the first line
    of ``doc`` as its description, ``--quick`` and ``--json`` (see :func:`parser`)."""
    args = parser((doc or "").splitlines()[0]).parse_args()
    report(run(args.quick), args.json)
    return 0


def parse_json_lines(text: str) -> list[dict[str, object]]:
    """The benchmark JSON objects found in a child's output (other lines are ignored)."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not (line.startswith("{") and line.endswith("}")):
            continue
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and {"name", "value"} <= data.keys():
            found.append(data)
    return found


def ensure_repo_on_path() -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


@contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file``: another run waits here until it is released
    (the lock dies with the process that holds it). The file is removed on release; a run
    that was waiting on the removed file takes the lock again on a new one."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    said = False
    while True:
        handle = lock_file.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not said:
                print(f"waiting for another run ({lock_file})", file=sys.stderr, flush=True)
                said = True
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.stat(lock_file).st_ino == os.fstat(handle.fileno()).st_ino:
                break  # still the lock file, not one its holder removed
        except FileNotFoundError:
            pass
        handle.close()
    try:
        yield
    finally:
        lock_file.unlink(missing_ok=True)
        handle.close()  # releases the lock


def private_copy(template: Path, into: Path | None = None) -> Path:
    """A data folder of this run's own holding a copy of ``template``'s database: ``into`` (a
    folder the caller removes), else a temporary one removed when the process ends. The app
    may migrate it, back it up, lock it and write its settings and logs beside it without
    touching the cached template or another run's copy."""
    if into is None:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-{template.name}-"))
        atexit.register(shutil.rmtree, folder, True)
        into = folder / "data"
    into.mkdir(parents=True)
    for name in STORE_FILES:
        if (template / name).exists():
            shutil.copyfile(template / name, into / name)
    return into
