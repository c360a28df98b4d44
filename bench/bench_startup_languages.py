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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, action="append")
    args = parser.parse_args()
    roots = args.root or [Path(__file__).resolve().parent.parent]
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


if __name__ == "__main__":
    sys.exit(main())
