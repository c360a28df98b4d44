"""Benchmarks of another checkout: stores made by its own code, and the before/after table.

No timing is asserted (speed belongs in bench/): only that an older checkout's benchmarks get
stores of their own schema, cached per schema, and that the comparison reads its figures right.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest

from app.store.revision import HEAD

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> dict[str, ModuleType]:
    """The bench modules, imported as their scripts import each other."""
    monkeypatch.syspath_prepend(str(BENCH))
    return {name: importlib.import_module(name) for name in ("checkouts", "compare_runs")}


def fake_checkout(root: Path, generator: str) -> Path:
    """A folder shaped like an old checkout: a generator, a schema, two migrations."""
    (root / "bench").mkdir(parents=True)
    (root / "bench" / "generate_store.py").write_text(generator)
    versions = root / "app" / "store" / "migrations" / "versions"
    versions.mkdir(parents=True)
    (root / "app" / "store" / "schema.py").write_text("TABLES = ['cases']\n")
    (versions / "v0001_baseline.py").write_text("revision = '0001'\n")
    (versions / "v0002_index.py").write_text("revision = '0002'\n")
    return root


def test_a_new_migration_gives_a_checkout_stores_of_its_own(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    checkouts = bench["checkouts"]
    repo = fake_checkout(tmp_path / "old", "print('generator')\n")
    key = checkouts.store_key(repo)
    (repo / "app" / "ui.py").write_text("# a change outside the store\n")
    assert checkouts.store_key(repo) == key
    (repo / "app" / "store" / "migrations" / "versions" / "v0003_more.py").write_text("x = 1\n")
    assert checkouts.store_key(repo) != key


def test_a_checkout_store_is_written_by_that_checkout_and_made_once(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    checkouts = bench["checkouts"]
    store = checkouts.checkout_store(REPO, 20, 40, cache_dir=tmp_path)
    assert store.parent == checkouts.checkout_cache(REPO, tmp_path)
    with sqlite3.connect(store / "appeal-desk.sqlite3") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert db.execute("SELECT count(*) FROM cases").fetchone() == (20,)
    made = (store / ".complete").stat().st_mtime_ns
    assert checkouts.checkout_store(REPO, 20, 40, cache_dir=tmp_path) == store
    assert (store / ".complete").stat().st_mtime_ns == made
    assert [p.name for p in store.parent.iterdir()] == [store.name]  # no work folder left


OLD_GENERATOR = """
from pathlib import Path
DEFAULT_CACHE = Path("/nonexistent/shared-cache")
def cached_store(cases, appeals, lean=False, cache_dir=DEFAULT_CACHE):
    return cache_dir / f"{cases}c"
"""
OLD_BENCHMARK = """
from generate_store import DEFAULT_CACHE, cached_store
print(cached_store(3, 4), DEFAULT_CACHE)
"""


def test_an_older_checkouts_benchmark_keeps_its_stores_in_its_own_cache(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    checkouts, compare_runs = bench["checkouts"], bench["compare_runs"]
    repo = fake_checkout(tmp_path / "old", OLD_GENERATOR)
    (repo / "bench" / "bench_fake.py").write_text(OLD_BENCHMARK)
    cache = checkouts.checkout_cache(repo, tmp_path / "cache")
    done = subprocess.run(
        compare_runs.command_for(repo, "bench_fake.py", sys.executable),
        env=checkouts.checkout_env(repo, cache_bytecode=False, cache_dir=cache),
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(cache / "3c"), str(cache)]


def side(compare_runs: ModuleType, label: str, figures: dict[str, list[float]]) -> object:
    found = compare_runs.Side(label, Path("/nowhere"))
    found.values = figures
    found.results = {
        name: compare_runs.Result(name, values[0], "ms", None, name.endswith("per_s"))
        for name, values in figures.items()
    }
    return found


def test_the_table_says_which_figures_moved_beyond_the_tolerance(
    bench: dict[str, ModuleType],
) -> None:
    compare_runs = bench["compare_runs"]
    before = side(
        compare_runs,
        "before",
        {"render": [10.0], "sort": [10.0, 12.0, 11.0], "docs_per_s": [200.0], "gone": [1.0]},
    )
    after = side(
        compare_runs, "after", {"render": [10.9], "sort": [13.0], "docs_per_s": [150.0], "new": [2]}
    )
    names = ["render", "sort", "docs_per_s", "gone", "new"]
    rows = [compare_runs.change_row(name, before, after, 0.10) for name in names]
    assert {row[0]: row[4:] for row in rows} == {
        "`render`": ["+9.0%", "yes"],
        "`sort`": ["+18.2%", "no, worse"],
        "`docs_per_s`": ["-25.0%", "no, worse"],
        "`gone`": ["", "before only"],
        "`new`": ["", "after only"],
    }


def test_a_saved_run_gives_the_same_table_again(bench: dict[str, ModuleType]) -> None:
    compare_runs = bench["compare_runs"]
    before = side(compare_runs, "before", {"sort": [10.0, 12.0], "docs_per_s": [200.0]})
    after = side(compare_runs, "after", {"sort": [13.0], "docs_per_s": [150.0], "new": [2.0]})
    header = {"started": "2026-12-06 16:00", "load_at_start": "1.0/1.0/1.0", "rounds": 2}
    data = json.loads(json.dumps(compare_runs.saved(before, after, header | {"quick": False})))
    again = compare_runs.restored(data)
    assert compare_runs.table(*again, 0.10) == compare_runs.table(before, after, 0.10)
    assert "| `docs_per_s` | ms | 200 | 150 | -25.0% | no, worse |" in compare_runs.table(
        *again, 0.10
    )


def test_runs_at_once_generate_a_store_once_and_each_works_on_its_own_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    generate_store = importlib.import_module("generate_store")
    cache = tmp_path / "cache"
    copies: list[Path] = []
    runs = [
        threading.Thread(
            target=lambda n=n: copies.append(
                generate_store.store_copy(12, 30, into=tmp_path / f"run{n}", cache_dir=cache)
            )
        )
        for n in range(3)
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert sorted(copies) == [tmp_path / f"run{n}" for n in range(3)]
    [template] = cache.iterdir()  # one store, no lock or half-made folder left beside it
    assert (template / ".complete").exists()
    with sqlite3.connect(copies[0] / "appeal-desk.sqlite3") as db:
        db.execute("DELETE FROM appeals")
    for data in (template, copies[1], copies[2]):
        with sqlite3.connect(data / "appeal-desk.sqlite3") as db:
            assert db.execute("SELECT count(*) FROM appeals").fetchone() == (30,)
