"""Every file the app writes goes through here: a temp file beside the target, written, checked,
fsynced, renamed over the target, and the folder fsynced, so a crash leaves old or new.

A write that fails or comes out incomplete (a full disk, a writer that swallowed its errors)
leaves the previous file exactly as it was. A target that is a symbolic link, a device or a
folder is refused instead of being replaced by a regular file.

The app's own files (the store, settings, backups) are private to the user. A file the user
exports (a letter PDF, an .eml draft, a report) gets the permissions any program would give
it: those of the file it replaces, else the usual ones after the user's umask, so a letter
saved into a group's shared folder can be read there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from app.domain.errors import N_, OutputFailed, Phrase, os_problem
from app.paths import user_umask

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600  # older temp files are leftovers of a crash, not a write in progress

Check = Callable[[Path], None]


class NotARegularFile(OSError):
    """The target exists and is a link, a device, a pipe or a folder: it is never replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class IncompleteWrite(OSError):
    """The written file failed its check (empty, cut short, unreadable): it was not used."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(errno.EIO, f"the file came out incomplete ({detail})", str(path))
        self.detail = detail


def fsync_directory(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX only; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_regular_target(path: Path) -> None:
    """Raise NotARegularFile when ``path`` exists as anything but a regular file (links too)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path)


def _share_like_any_file(target: Path, temp: Path) -> None:
    """Give ``temp`` the permission bits of the file it is about to replace, else those any
    program would give a new file under the user's own umask (POSIX only)."""
    if os.name != "posix":
        return
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        os.chmod(temp, 0o666 & ~user_umask())
        return
    if stat.S_ISREG(mode):
        os.chmod(temp, stat.S_IMODE(mode))


@contextlib.contextmanager
def atomic_replace(
    path: str | os.PathLike[str],
    check: Check | None = None,
    *,
    allow_empty: bool = False,
    sync_folder: bool = True,
    private: bool = True,
) -> Iterator[Path]:
    """Yield a temp path beside ``path``; once the block ends, check it and replace ``path``.

    The caller writes the temp file by any means and closes every handle before the block
    ends. The temp file must then be non-empty (unless ``allow_empty``) and pass ``check``
    (which raises OSError, e.g. IncompleteWrite, when it is not whole). If anything raises,
    the temp file is removed, ``path`` keeps its previous content and the error propagates.
    Without ``sync_folder`` the caller fsyncs the folder itself (once for many files): until
    then a power cut may lose the new name, never leave a part of the file under it.
    A ``private`` file is readable by the user only; otherwise the new file keeps the
    permissions of the one it replaces, or gets the usual ones after the user's umask.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    ensure_regular_target(target)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        if not allow_empty and temp.stat().st_size == 0:
            raise IncompleteWrite(target, "nothing was written")
        if check is not None:
            check(temp)
        with open(temp, "rb+") as fh:  # the writer may not have fsynced: do it here
            os.fsync(fh.fileno())
        ensure_regular_target(target)
        if not private:
            _share_like_any_file(target, temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if sync_folder:
        fsync_directory(folder)


def replace_file_contents(
    path: str | os.PathLike[str], data: bytes, *, sync_folder: bool = True, private: bool = True
) -> None:
    """Write ``data`` to ``path`` so that a crash or a full disk leaves the old file whole
    (``sync_folder`` and ``private`` as in :func:`atomic_replace`).

    Raises OSError (the store and settings report it in their own words).
    """

    def same_size(temp: Path) -> None:
        written = temp.stat().st_size
        if written != len(data):
            raise IncompleteWrite(Path(path), f"{written} of {len(data)} bytes")

    with (
        atomic_replace(
            path, same_size, allow_empty=not data, sync_folder=sync_folder, private=private
        ) as temp,
        open(temp, "wb") as fh,
    ):
        fh.write(data)
        fh.flush()


def remove_stale_temp_files(
    folder: str | os.PathLike[str], age_seconds: float = STALE_TEMP_SECONDS
) -> int:
    """Delete ``.name.XXXX.tmp`` leftovers of interrupted writes in ``folder``; return how many.

    Only files older than ``age_seconds``, so another process's write in progress is spared.
    """
    removed = 0
    now = time.time()
    for leftover in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - leftover.lstat().st_mtime >= age_seconds:
                leftover.unlink()
                removed += 1
    return removed


# ---------------------------------------------------------------------------------------------
# Exports (PDFs, CSV, .eml, event files): the same writes, failures raised as OutputFailed with
# a message for the user.


def output_failed(target: Path, exc: OSError, existed: bool) -> OutputFailed:
    """A failed export, for the user: what went wrong and what became of the file (translated
    where it is shown)."""
    if isinstance(exc, NotARegularFile):
        return OutputFailed(
            N_(
                "{path} is not a regular file (it is a link, a device or a folder); "
                "choose another file name. Nothing was written."
            ),
            path=str(target),
        )
    problem: str
    if isinstance(exc, IncompleteWrite):
        problem = Phrase(N_("the file came out incomplete; is the disk full?"))
    else:
        problem = os_problem(exc)
    if existed:
        text = N_("Could not write {path} ({problem}). The previous file was kept unchanged.")
    else:
        text = N_("Could not write {path} ({problem}). Nothing was written.")
    return OutputFailed(text, path=str(target), problem=problem)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], check: Check | None = None) -> Iterator[Path]:
    """:func:`atomic_replace` for exports (not private): every OSError becomes OutputFailed.

    A QPdfWriter only finishes its file when it is destroyed: drop it inside the block.
    """
    target = Path(path)
    existed = target.is_file() and not target.is_symlink()
    try:
        with atomic_replace(target, check, private=False) as temp:
            yield temp
    except OSError as exc:
        raise output_failed(target, exc, existed) from exc


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Export ``data`` to ``path``: the old file or the whole new one, never a part (OutputFailed)."""
    target = Path(path)
    existed = target.is_file() and not target.is_symlink()
    try:
        replace_file_contents(target, data, private=False)
    except OSError as exc:
        raise output_failed(target, exc, existed) from exc


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Text variant of :func:`write_atomic` (no newline translation: the text is written as is)."""
    write_atomic(path, text.encode(encoding))
