"""Start-up in each interface language against English, in the same run.

``python bench/bench_startup_languages.py [--runs N] [--root PATH ...]``: for each checkout given
(default: this one), starts ``appeal-desk --lang L gui --quit-after-first-paint`` on an empty
data folder for en, es, fr and ar in turn, N times interleaved, and prints the median seconds
from spawn to exit and each language's cost over English. Giving a second checkout (one without
the compiled catalogs, for instance) measures both in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("en", "es", "fr", "ar")


def start_once(root: Path, language: str, data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", language]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "gui", "--quit-after-first-paint"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{language} in {root} exited {done.returncode}: {done.stderr[-1500:]}")
    return elapsed


LOAD = (
    "import time; t = time.perf_counter(); from app import i18n; i18n.set_language({lang!r}); "
    "print(time.perf_counter() - t)"
)


def load_once(root: Path, language: str) -> float:
    """Seconds to import the gettext module and switch to ``language`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", LOAD.format(lang=language)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, action="append")
    parser.add_argument(
        "--catalog-only",
        action="store_true",
        help="time only the interface language's loading (less noisy than a window)",
    )
    args = parser.parse_args()
    roots = args.root or [Path(__file__).resolve().parent.parent]
    if args.catalog_only:
        return catalog_only(roots, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        data_dirs = {root: Path(folder) / f"data{i}" for i, root in enumerate(roots)}
        # a first start creates the store: not counted
        times = interleaved(
            roots,
            args.runs,
            lambda root, language: start_once(root, language, data_dirs[root]),
            warm_up=("en",),
        )
    print_medians(times, roots, "{root}:", in_ms=False)
    return 0


def catalog_only(roots: list[Path], runs: int) -> int:
    # a first load may keep the compiled catalogs: not counted
    times = interleaved(roots, runs, load_once, warm_up=LANGUAGES)
    print_medians(times, roots, "{root} (language loading):", in_ms=True)
    return 0


Times = dict[tuple[Path, str], list[float]]


def interleaved(
    roots: list[Path],
    runs: int,
    once: Callable[[Path, str], float],
    warm_up: tuple[str, ...],
) -> Times:
    """``runs`` rounds of ``once(root, language)`` for every checkout and language, taking
    turns so that a busy machine slows all alike; first one uncounted call per ``warm_up``."""
    for root in roots:
        for language in warm_up:
            once(root, language)
    times: Times = {(r, lang): [] for r in roots for lang in LANGUAGES}
    for _ in range(runs):
        for root in roots:
            for language in LANGUAGES:
                times[(root, language)].append(once(root, language))
    return times


def print_medians(times: Times, roots: list[Path], heading: str, *, in_ms: bool) -> None:
    """Each checkout's median per language, and each language's cost over English."""
    for root in roots:
        english = statistics.median(times[(root, "en")])
        print(heading.format(root=root))
        for language in LANGUAGES:
            median = statistics.median(times[(root, language)])
            shown = f"{median * 1000:.1f} ms" if in_ms else f"{median:.3f} s"
            over = f"{(median - english) * 1000:+.{1 if in_ms else 0}f}"
            extra = "" if language == "en" else f"  ({over} ms vs en)"
            print(f"  {language}: {shown}{extra}")


if __name__ == "__main__":
    sys.exit(main())
