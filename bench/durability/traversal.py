"""Hostile names, an audit hook that counts file access outside the allowed folders, and every
route by which a name reaches the filesystem (locale ids, template names, export names, event
files)."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app.domain.errors import AppealDeskError
from app.paths import AppPaths

from .hostile_templates import CONTEXT

BASES = (
    "../secret.txt",
    "../../secret.txt",
    "../../../../../../etc/passwd",
    "/etc/passwd",
    "/tmp/owned",
    "C:\\Windows\\win.ini",
    "C:secret",
    "\\\\server\\share\\secret",
    "//server/share/secret",
    "..\\..\\secret.txt",
    "%2e%2e%2fsecret",
    "..%2fsecret",
    "%2e%2e/secret",
    "....//secret",
    "..;/secret",
    "..././secret",
    "~/.ssh/id_rsa",
    "$HOME/secret",
    "file:///etc/passwd",
    "CON",
    "nul",
    "PRN.txt",
    "COM1",
    "LPT9.pdf",
    "aux.en",
    "con.",
    "x\x00../../secret",
    "en\x00",
    "a" * 300,
    "ab/" * 120,
    "\uff0e\uff0e/secret",
    "\u2025/secret",
    "..\u2215secret",
    "..\u2044secret",
    "\u202etxt.exe",
    "e\u0301\u200b",
    "\u2066../secret\u2069",
    "",
    " ",
    ".",
    "..",
    "...",
    "en\n../secret",
    "en\r\n",
    "en; rm -rf ~",
    "en_US.UTF-8/../../secret",
    "en@../../secret",
    "en/../../../secret",
    "es/../../../../secret",
    "en_GB/../..",
    "templates/../../secret",
    "letter.txt.j2/../../secret",
    "/proc/self/environ",
    "/dev/zero",
    "-rf",
    "*",
    "?",
    '<>:"|',
    "secret.txt:stream",
    "trailing. ",
)
VARIANTS = (
    "{}",
    "en/{}",
    "./{}",
    "{}/",
    "{}.po",
    "{}.j2",
)


def hostile_names() -> list[str]:
    """Several hundred names built from the bases above (unique, in a stable order)."""
    names = [variant.format(base) for base in BASES for variant in VARIANTS]
    names += [base.upper() for base in BASES]
    return list(dict.fromkeys(names))


class FileAccessAudit:
    """Counts opens, renames, removals and mkdirs outside the allowed roots (sys.addaudithook)."""

    EVENTS = {"open", "os.rename", "os.remove", "os.mkdir", "os.rmdir", "shutil.copyfile"}

    def __init__(self) -> None:
        self.active = False
        self.read_roots: tuple[str, ...] = ()
        self.write_roots: tuple[str, ...] = ()
        self.outside: list[tuple[str, str]] = []
        self.events = 0
        self._local = threading.local()
        sys.addaudithook(self._hook)  # cannot be removed: it is switched off instead

    @staticmethod
    def _norm(path: object) -> str | None:
        if isinstance(path, bytes):
            path = path.decode("utf-8", "surrogateescape")
        if isinstance(path, os.PathLike):
            path = os.fspath(path)
        if not isinstance(path, str):
            return None  # a file descriptor
        return os.path.normpath(os.path.join(os.getcwd(), path))

    @staticmethod
    def _inside(path: str, roots: Sequence[str]) -> bool:
        return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active or event not in self.EVENTS or getattr(self._local, "busy", False):
            return
        self._local.busy = True
        try:
            writing = event != "open" or _is_write(args)
            paths = [args[0], args[1]] if event in ("os.rename", "shutil.copyfile") else [args[0]]
            for raw in paths:
                path = self._norm(raw)
                if path is None:
                    continue
                self.events += 1
                roots = self.write_roots if writing else self.read_roots + self.write_roots
                if not self._inside(path, roots):
                    self.outside.append((event, path))
        finally:
            self._local.busy = False

    @contextmanager
    def watching(self, read_roots: Sequence[Path], write_roots: Sequence[Path]) -> Iterator[None]:
        self.read_roots = tuple(os.path.normpath(str(p)) for p in read_roots)
        self.write_roots = tuple(os.path.normpath(str(p)) for p in write_roots)
        self.active = True
        try:
            yield
        finally:
            self.active = False


def _is_write(args: tuple[object, ...]) -> bool:
    mode = args[1] if len(args) > 1 else "r"
    flags = args[2] if len(args) > 2 else 0
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))


AUDIT = FileAccessAudit()


def standard_read_roots() -> list[Path]:
    """Where the app may read: its package, the interpreter and installed libraries."""
    import app

    package = Path(app.__file__).resolve().parent
    return [
        package,
        package.parent / "locales",
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path("/usr/share/zoneinfo"),  # time zone data (datetime.astimezone)
    ]


def try_every_route(paths: AppPaths, names: Sequence[str]) -> int:
    """Send every name through locale ids, template names and export names, and every fourth
    through an event file, against the store in ``paths`` under ``AUDIT`` (a secret file waits
    beside its data folder); return how many attempts were made. Refusing a name is fine: what
    counts is what ``AUDIT.outside`` holds afterwards."""
    from app.atomic_files import write_atomic
    from app.output.export_names import safe_file_stem
    from app.services.event_files import merge_file
    from app.store.database import open_database

    user_templates = paths.data_dir / "templates"
    (user_templates / "en").mkdir(parents=True)
    out_dir = paths.data_dir / "exports"
    out_dir.mkdir()
    inbox = paths.data_dir / "inbox"
    inbox.mkdir()
    (paths.data_dir.parent / "secret.txt").write_text("fictional secret", encoding="utf-8")
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
    return attempts


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
    """An event of the first case, exported to ``folder`` and read back as JSON."""
    from app.services.event_files import export_event
    from app.services.events import create_event
    from app.store.database import open_database

    db = open_database(paths)
    create_event(db, "Fictional evening", cases=["1/26"])
    export_event(db, "Fictional evening", folder / "event.json")
    db.close()
    loaded: dict[str, object] = json.loads((folder / "event.json").read_text("utf-8"))
    return loaded
