"""Hostile names, and an audit hook that counts file access outside the allowed folders."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

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
