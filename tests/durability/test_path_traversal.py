"""Figure 5: hostile names through every route to the filesystem open nothing outside its folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import AppealDeskError
from app.paths import AppPaths
from tests.durability import figures
from tests.durability.hostile_templates import CONTEXT
from tests.durability.traversal import AUDIT, hostile_names, standard_read_roots

NAMES = hostile_names()
EVENT_NAMES = NAMES[::4]


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


def _event_file(seeded: AppPaths, folder: Path) -> dict[str, object]:
    from app.services.event_files import export_event
    from app.services.events import create_event
    from app.store.database import open_database

    db = open_database(seeded)
    create_event(db, "Fictional evening", cases=["1/26"])
    export_event(db, "Fictional evening", folder / "event.json")
    db.close()
    return json.loads((folder / "event.json").read_text("utf-8"))


def test_no_hostile_name_reaches_outside_its_folder(seeded: AppPaths, tmp_path: Path) -> None:
    from app.atomic_files import write_atomic
    from app.output.export_names import safe_file_stem
    from app.services.event_files import merge_file
    from app.store.database import open_database

    user_templates = seeded.data_dir / "templates"
    (user_templates / "en").mkdir(parents=True)
    out_dir = seeded.data_dir / "exports"
    out_dir.mkdir()
    inbox = seeded.data_dir / "inbox"
    inbox.mkdir()
    (tmp_path / "secret.txt").write_text("fictional secret", encoding="utf-8")
    template = _event_file(seeded, inbox)
    db = open_database(seeded)
    attempts = 0
    with AUDIT.watching(standard_read_roots(), [seeded.data_dir]):
        for name in NAMES:
            routes = _locale_routes(name, user_templates) + _template_routes(name, user_templates)
            for route in routes + _export_routes(name, out_dir):
                attempts += 1
                _attempt(route)
        for number, name in enumerate(EVENT_NAMES):
            event = dict(template["event"])  # type: ignore[arg-type]
            event["name"], event["place"] = name, name
            data = dict(template, event=event)
            path = inbox / f"hostile-{number}.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            attempts += 2
            _attempt(lambda p=path: merge_file(db, p))
            _attempt(
                lambda n=name: write_atomic(
                    out_dir / (safe_file_stem(n, fallback="event") + ".csv"), b"fictional"
                )
            )
    db.close()
    strays = [p for p in tmp_path.rglob("*") if not p.is_relative_to(seeded.data_dir)]
    strays = [p for p in strays if p.name != "secret.txt" and p != seeded.data_dir.parent]

    figures.record(
        "5 path traversal",
        f"{len(NAMES)} hostile names, {attempts} attempts through locale ids, template names, "
        f"export names and event files ({AUDIT.events} file events audited): "
        f"{len(AUDIT.outside)} opened or written outside the allowed roots",
    )
    assert AUDIT.outside == []
    assert strays == []
    assert len(NAMES) >= 300


def test_the_audit_hook_sees_a_real_escape(tmp_path: Path) -> None:
    """Control: the same hook does report a read and a write outside the allowed roots."""
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (tmp_path / "secret.txt").write_text("fictional", encoding="utf-8")
    before = len(AUDIT.outside)
    with AUDIT.watching(standard_read_roots(), [allowed]):
        (allowed / "../secret.txt").read_text(encoding="utf-8")
        (allowed / "inside.txt").write_text("ok", encoding="utf-8")
        (tmp_path / "written.txt").write_text("escape", encoding="utf-8")
    seen = AUDIT.outside[before:]
    del AUDIT.outside[before:]
    assert [Path(p).name for _e, p in seen] == ["secret.txt", "written.txt"]
