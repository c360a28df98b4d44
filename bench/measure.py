"""Shared benchmark plumbing: results with targets, medians, and the JSON line format."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PYCACHE = Path("/tmp/appeal-desk-bench/pycache")
# Where generated stores are kept (bench/compare_runs.py gives each checkout a folder of its own)
STORE_CACHE = Path(os.environ.get("APPEAL_DESK_BENCH_CACHE") or "/tmp/appeal-desk-bench")
JSON_KEYS = ("name", "value", "unit", "target", "ok")


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
