"""Find the system libraries Qt's window plugin needs before Qt is loaded, and say how to
install the missing ones on the user's Linux distribution.

Qt names only the first library it misses, and often the wrong one (it suggests
libxcb-cursor0 when libxcb-icccm4 is what is absent). This module asks the dynamic loader
about the whole plugin instead, and maps each missing file to its package on Debian/Ubuntu,
Fedora and Arch (in app.qt_library_advice, imported only when a library is missing). It
imports no Qt module, so it still works when Qt cannot start.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.qt_library_advice import MissingLibraries


_NOT_FOUND = r"^\s*(\S+)\s+=>\s+not found\s*$"  # compiled at its first use (a failure)
_WINDOW_PLUGINS = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
# Offscreen draws without a display (the tests, the screenshots) but links QtGui's libraries.
_PLUGIN_FILES = {**_WINDOW_PLUGINS, "offscreen": "libqoffscreen.so"}


def plugin_file(platform: str, qt_plugins: Path) -> Path | None:
    """The plugin's shared object for the platforms this check knows, when it exists."""
    name = _PLUGIN_FILES.get(platform)
    if name is None:
        return None
    path = qt_plugins / "platforms" / name
    return path if path.is_file() else None


def missing_libraries(plugin: Path) -> tuple[str, ...]:
    """Every shared object that ``plugin`` needs and the loader cannot find (via ldd)."""
    import shutil  # the modules of this check are imported only when a window plugin fails
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return ()
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    found: list[str] = []
    for name in re.findall(_NOT_FOUND, result.stdout, re.MULTILINE):
        if name not in found:
            found.append(name)
    return tuple(found)


def loads(plugin: Path) -> bool:
    """Whether the dynamic loader can load ``plugin`` with everything it links against."""
    return load_error(plugin) is None


def load_error(plugin: Path) -> str | None:
    """The dynamic loader's message when it cannot load ``plugin``, else None."""
    import ctypes  # not on the platforms that need no check (offscreen, other systems)

    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return str(error)
    return None


def qt_plugins_folder() -> Path | None:
    """Qt's plugins folder inside the installed PySide6, found without loading Qt."""
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        for candidate in (Path(location) / "Qt" / "plugins", Path(location) / "plugins"):
            if candidate.is_dir():
                return candidate
    return None


def candidate_platforms(environ: Mapping[str, str]) -> tuple[str, ...]:
    """The platform plugins Qt 6 tries on Linux, in order: the one asked for, else Wayland
    in a Wayland session (falling back to X11), else X11."""
    requested = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return (requested,)
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ("wayland", "xcb")
    return ("xcb",)


def lacks_display(environ: Mapping[str, str] | None = None) -> bool:
    """True on Linux when Qt would use a window plugin (X11 or Wayland) but the session
    names no display for it: started from a plain console, over SSH without X forwarding, or
    from a service. Qt itself aborts the process in that case."""
    if not sys.platform.startswith("linux"):
        return False
    environ = os.environ if environ is None else environ
    if not all(platform in _WINDOW_PLUGINS for platform in candidate_platforms(environ)):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def check_window_platform(
    environ: Mapping[str, str] | None = None, plugins: Path | None = None
) -> MissingLibraries | None:
    """What stops Qt's window plugin from loading on this machine, or None when nothing does.

    Only Linux's window plugins are checked (xcb and wayland); offscreen, VNC and the other
    platforms, and other operating systems, pass. The quick test is a real load of the plugin;
    only when every candidate fails is ldd asked for the whole list of the first one.
    """
    if not sys.platform.startswith("linux"):
        return None
    platforms = candidate_platforms(os.environ if environ is None else environ)
    if not any(platform in _WINDOW_PLUGINS for platform in platforms):
        return None
    plugins = plugins or qt_plugins_folder()
    if plugins is None:
        return None
    failed: list[tuple[str, Path]] = []
    for platform in platforms:
        plugin = plugin_file(platform, plugins)
        if plugin is None or loads(plugin):
            return None
        failed.append((platform, plugin))
    platform, plugin = failed[0]
    files = missing_libraries(plugin)
    if not files:
        return None
    from app.qt_library_advice import MissingLibraries

    return MissingLibraries(platform, files)


def check_plugin(platform: str, plugins: Path | None = None) -> MissingLibraries | None:
    """What stops Qt's ``platform`` plugin (xcb, wayland or offscreen) from loading on Linux,
    whatever the session asks for: the libraries ldd cannot find or, when ldd finds them all,
    the loader's own error as the one "file"."""
    if not sys.platform.startswith("linux"):
        return None
    plugins = plugins or qt_plugins_folder()
    plugin = plugin_file(platform, plugins) if plugins is not None else None
    if plugin is None:
        return None
    error = load_error(plugin)
    if error is None:
        return None
    from app.qt_library_advice import MissingLibraries

    return MissingLibraries(platform, missing_libraries(plugin) or (error,))


def main(argv: list[str] | None = None) -> int:
    """``python -m app.qt_system_libraries [--plugin NAME]``: exit 1 with the install advice
    when Qt would fail, for the window this session would open or for the plugin named
    (``--plugin offscreen`` is what the tests use: one line then, for the test command)."""
    from app.qt_library_advice import detect_distribution

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--plugin"] and len(args) == 2:
        problem = check_plugin(args[1])
        if problem is not None:
            print(problem.one_line(detect_distribution()), file=sys.stderr)
            return 1
        return 0
    if args:
        print("usage: python -m app.qt_system_libraries [--plugin NAME]", file=sys.stderr)
        return 2
    problem = check_window_platform()
    if problem is None:
        return 0
    print(problem.advice(detect_distribution()), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
