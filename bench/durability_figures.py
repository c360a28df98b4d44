"""The durability and hostile-input figures, measured here (no pytest, nothing of tests/).

Each function takes a fresh folder of its own, runs one kind of fault or hostile input
through the app's own services and returns its figure line, as ``"<key>: <figure>"``. The
test suite checks the same properties with rounds and assertions of its own.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from durability.corruption_rounds import run_corruption_rounds
from durability.crash_rounds import run_kill_rounds
from durability.hostile_documents import BIDI, build_corpus, import_in_child
from durability.hostile_templates import CONTEXT, run_template_corpus
from durability.migration_rounds import run_migration_kills
from durability.seeding import seed
from durability.traversal import AUDIT, hostile_names, standard_read_roots

from app.domain.errors import AppealDeskError
from app.paths import AppPaths, resolve_paths
from app.store.database import open_database

# Data files only: a store file for every released schema version, read as they are.
SCHEMA_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "schemas"
PEAK_RSS_LIMIT_MB = 400  # the hostile documents' import, in a child process


def seeded(folder: Path) -> AppPaths:
    """A data folder whose store holds fictional cases, appeals and an event (closed again)."""
    paths = resolve_paths(folder / "data")
    db = open_database(paths)
    seed(db)
    db.close()
    return paths


def kill_minus_nine(folder: Path, rounds: int) -> str:
    result = run_kill_rounds(seeded(folder).data_dir, rounds)
    return (
        f"1 kill -9: {result.rounds} rounds, {result.acknowledged} acknowledged appeals, "
        f"{result.lost} lost, {result.integrity_failures} integrity failures "
        f"({result.killed_before_first_ack} kills before the first commit)"
    )


def corruption(folder: Path, copies: int) -> str:
    from app.services.backups import make_backup

    paths = seeded(folder)
    make_backup(paths)
    result = run_corruption_rounds(paths, folder / "copies", copies)
    return (
        f"2 corruption: {result.copies} damaged copies: detected at start "
        f"{result.detected}/{result.copies}, CLI refused {result.cli_refused}/{result.copies}, "
        f"original kept byte for byte {result.preserved}/{result.copies}, restored from newest "
        f"backup {result.restored}/{result.copies}"
    )


def migrations(folder: Path) -> str:
    from app.store import migrator
    from app.store.integrity import table_counts

    lost: dict[str, int] = {}
    for fixture in sorted(SCHEMA_FIXTURES.glob("*.sqlite3")):
        before = _user_tables(table_counts(fixture))
        paths = resolve_paths(folder / fixture.stem / "data")
        paths.data_dir.mkdir(parents=True)
        shutil.copyfile(fixture, paths.database)
        open_database(paths).close()
        after = table_counts(paths.database)
        lost[fixture.stem] = sum(before[t] - after.get(t, 0) for t in before)
    return f"3 migrations: {len(lost)} schema fixture(s) upgraded to {migrator.HEAD}: " + ", ".join(
        f"{k}: {v} rows lost" for k, v in lost.items()
    )


def _user_tables(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if k != "alembic_version"}


def migration_killed(folder: Path, rounds: int) -> str:
    newest = sorted(SCHEMA_FIXTURES.glob("*.sqlite3"))[-1]
    result = run_migration_kills(newest, folder, rounds=max(20, rounds // 5))
    return (
        f"3b migration killed: {result.rounds} upgrades killed at random steps: old "
        f"schema+data intact {result.old_intact}, fully migrated {result.new_complete}, "
        f"half-migrated {result.broken}, pre-migration backup present "
        f"{result.backup_present}/{result.rounds}"
    )


def sandbox(folder: Path) -> str:
    result = run_template_corpus(folder)
    return (
        f"4 sandbox: {result.payloads} escape payloads: {len(result.escaped)} escapes, "
        f"{result.blocked} refused with a template error; {result.runaways} runaway templates: "
        f"{result.stopped} stopped (slowest stop {result.slowest_stop:.1f} s)"
    )


def path_traversal(folder: Path) -> str:
    """Hostile names through locale ids, template names, export names and event files."""
    from app.atomic_files import write_atomic
    from app.output.export_names import safe_file_stem
    from app.services.event_files import merge_file

    paths = seeded(folder)
    names = hostile_names()
    user_templates = paths.data_dir / "templates"
    (user_templates / "en").mkdir(parents=True)
    out_dir = paths.data_dir / "exports"
    out_dir.mkdir()
    inbox = paths.data_dir / "inbox"
    inbox.mkdir()
    (folder / "secret.txt").write_text("fictional secret", encoding="utf-8")
    template = _event_file(paths, inbox)
    db = open_database(paths)
    attempts = 0
    with AUDIT.watching(standard_read_roots(), [paths.data_dir]):
        for name in names:
            routes = _locale_routes(name, user_templates) + _template_routes(name, user_templates)
            for route in routes + _export_routes(name, out_dir):
                attempts += 1
                _attempt(route)
        for number, name in enumerate(names[::4]):
            event = dict(template["event"])  # type: ignore[call-overload]
            event["name"], event["place"] = name, name
            path = inbox / f"hostile-{number}.json"
            path.write_text(json.dumps(dict(template, event=event)), encoding="utf-8")
            attempts += 2
            _attempt(lambda p=path: merge_file(db, p))
            _attempt(
                lambda n=name: write_atomic(
                    out_dir / (safe_file_stem(n, fallback="event") + ".csv"), b"fictional"
                )
            )
    db.close()
    return (
        f"5 path traversal: {len(names)} hostile names, {attempts} attempts through locale ids, "
        f"template names, export names and event files ({AUDIT.events} file events audited): "
        f"{len(AUDIT.outside)} opened or written outside the allowed roots"
    )


def _attempt(call: Callable[[], object]) -> None:
    try:
        call()
    except (AppealDeskError, ValueError, LookupError, OSError, TypeError):
        pass  # refusing is fine; only touching a file outside the folder counts
    except Exception as exc:  # jinja2.TemplateNotFound, babel.UnknownLocaleError...
        if type(exc).__module__.split(".")[0] not in ("jinja2", "babel"):
            raise


_environments: dict[tuple[str, ...], object] = {}


def _environment(chain: list[str], user_templates: Path) -> object:
    from app.letters.rendering import build_environment

    key = (*chain, str(user_templates))
    if key not in _environments:
        _environments[key] = build_environment(chain, user_templates)
    return _environments[key]


def _locale_routes(name: str, user_templates: Path) -> list[Callable[[], object]]:
    from app import i18n
    from app.letters.rendering import render

    return [
        lambda: i18n.translations_for(name),
        lambda: i18n.catalog_path(name).read_bytes(),
        lambda: render(
            _environment(i18n.locale_chain(name), user_templates),  # type: ignore[arg-type]
            "letter.txt.j2",
            CONTEXT,
        ),
    ]


def _template_routes(name: str, user_templates: Path) -> list[Callable[[], object]]:
    from app.letters.rendering import render, template_file

    env = _environment(["en"], user_templates)
    return [
        lambda: template_file(["en"], name, user_templates),
        lambda: render(env, name, CONTEXT),  # type: ignore[arg-type]
    ]


def _export_routes(name: str, out_dir: Path) -> list[Callable[[], object]]:
    from app.atomic_files import write_atomic
    from app.output.export_names import export_path, safe_file_stem

    return [
        lambda: write_atomic(export_path(out_dir, name, "pdf"), b"fictional"),
        lambda: write_atomic(export_path(out_dir, "letter", name), b"fictional"),
        lambda: write_atomic(out_dir / (safe_file_stem(name) + ".eml"), b"fictional"),
    ]


def _event_file(paths: AppPaths, folder: Path) -> dict[str, object]:
    from app.services.event_files import export_event
    from app.services.events import create_event

    db = open_database(paths)
    create_event(db, "Fictional evening", cases=["1/26"])
    export_event(db, "Fictional evening", folder / "event.json")
    db.close()
    loaded: dict[str, object] = json.loads((folder / "event.json").read_text("utf-8"))
    return loaded


def hostile_documents(folder: Path) -> str:
    paths = seeded(folder)
    names = build_corpus(folder / "corpus")
    report = import_in_child(paths.data_dir, folder / "corpus")
    results: list[dict[str, str]] = report["results"]  # type: ignore[assignment]
    rejected = [r for r in results if r["outcome"] == "rejected" and r["reason"].strip()]
    unsafe_text = [r for r in results if any(c in r["source"] + r["reason"] for c in BIDI)]
    before: dict[str, int] = report["before"]  # type: ignore[assignment]
    after: dict[str, int] = report["after"]  # type: ignore[assignment]
    return (
        f"6 hostile documents: {len(names)} files x 2 (one by one, then as one bulk import): "
        f"{len(rejected)}/{len(results)} rejected with a message, rows changed "
        f"{sum(after.values()) - sum(before.values())}, peak RSS "
        f"{report['peak_rss_mb']:.0f} MB (limit {PEAK_RSS_LIMIT_MB}), slowest file "
        f"{report['slowest_seconds']:.1f} s, names with raw bidi controls shown "
        f"{len(unsafe_text)}"
    )


def all_figures(root: Path, rounds: int) -> list[Callable[[], str]]:
    """Every figure, in the order they are printed, each in a folder of its own under root."""

    def folder(name: str) -> Path:
        path = root / name
        path.mkdir(parents=True)
        return path

    return [
        lambda: kill_minus_nine(folder("kill9"), rounds),
        lambda: corruption(folder("corruption"), rounds),
        lambda: migrations(folder("migrations")),
        lambda: sandbox(folder("sandbox")),
        lambda: path_traversal(folder("traversal")),
        lambda: hostile_documents(folder("hostile")),
        lambda: migration_killed(folder("migration-killed"), rounds),
    ]
