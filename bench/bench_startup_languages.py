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
    times: dict[tuple[Path, str], list[float]] = {
        (r, lang): [] for r in roots for lang in LANGUAGES
    }
    with tempfile.TemporaryDirectory() as folder:
        data_dirs = {root: Path(folder) / f"data{i}" for i, root in enumerate(roots)}
        for root in roots:  # a first start creates the store; not counted
            start_once(root, "en", data_dirs[root])
        for _ in range(args.runs):
            for root in roots:
                for language in LANGUAGES:
                    times[(root, language)].append(start_once(root, language, data_dirs[root]))
    for root in roots:
        english = statistics.median(times[(root, "en")])
        print(f"{root}:")
        for language in LANGUAGES:
            median = statistics.median(times[(root, language)])
            extra = "" if language == "en" else f"  ({(median - english) * 1000:+.0f} ms vs en)"
            print(f"  {language}: {median:.3f} s{extra}")
    return 0


def catalog_only(roots: list[Path], runs: int) -> int:
    times: dict[tuple[Path, str], list[float]] = {
        (r, lang): [] for r in roots for lang in LANGUAGES
    }
    for root in roots:  # a first load may keep the compiled catalogs; not counted
        for language in LANGUAGES:
            load_once(root, language)
    for _ in range(runs):
        for root in roots:
            for language in LANGUAGES:
                times[(root, language)].append(load_once(root, language))
    for root in roots:
        english = statistics.median(times[(root, "en")])
        print(f"{root} (language loading):")
        for language in LANGUAGES:
            median = statistics.median(times[(root, language)])
            extra = "" if language == "en" else f"  ({(median - english) * 1000:+.1f} ms vs en)"
            print(f"  {language}: {median * 1000:.1f} ms{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
