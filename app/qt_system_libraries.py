"""Find the system libraries Qt's window plugin needs before Qt is loaded, and say how to
install the missing ones on the user's Linux distribution.

Qt names only the first library it misses, and often the wrong one (it suggests
libxcb-cursor0 when libxcb-icccm4 is what is absent). This module asks the dynamic loader
about the whole plugin instead, and maps each missing file to its package on Debian/Ubuntu,
Fedora and Arch. It imports no Qt module, so it still works when Qt cannot start.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Distribution(Enum):
    """Package families whose package names we know."""

    DEBIAN = "debian"
    FEDORA = "fedora"
    ARCH = "arch"


_INSTALL_COMMANDS = {
    Distribution.DEBIAN: "sudo apt-get install {packages}",
    Distribution.FEDORA: "sudo dnf install {packages}",
    Distribution.ARCH: "sudo pacman -S --needed {packages}",
}

# The shared objects the PySide6 wheels' platform plugins link against that a desktop
# installation may lack, with the package that ships each file (Debian 12 / Ubuntu 22.04+,
# Fedora 39+, Arch). Libraries every desktop has (libc, libstdc++) are not listed.
_PACKAGES: dict[str, tuple[str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "xcb-util-renderutil",
    ),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl", "wayland"),
}

_DISTRIBUTION_COLUMN = {Distribution.DEBIAN: 0, Distribution.FEDORA: 1, Distribution.ARCH: 2}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
_WINDOW_PLUGINS = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
# Offscreen draws without a display (the tests, the screenshots) but links QtGui's libraries.
_PLUGIN_FILES = {**_WINDOW_PLUGINS, "offscreen": "libqoffscreen.so"}


@dataclass(frozen=True)
class MissingLibraries:
    """What the dynamic loader could not find for one Qt platform plugin."""

    plugin: str
    files: tuple[str, ...]

    def packages(self, distribution: Distribution) -> tuple[str, ...]:
        column = _DISTRIBUTION_COLUMN[distribution]
        names: list[str] = []
        for file in self.files:
            known = _PACKAGES.get(file)
            name = known[column] if known else file
            if name not in names:
                names.append(name)
        return tuple(names)

    def install_command(self, distribution: Distribution) -> str:
        packages = " ".join(self.packages(distribution))
        return _INSTALL_COMMANDS[distribution].format(packages=packages)

    def one_line(self, distribution: Distribution | None) -> str:
        """The same in one line, for the test command and CI logs."""
        family = distribution or Distribution.DEBIAN
        return (
            f"Qt cannot start: its '{self.plugin}' plugin needs system libraries that are not "
            f"installed: {' '.join(self.files)}; install them ({family.value}): "
            f"{self.install_command(family)}"
        )

    def advice(self, distribution: Distribution | None) -> str:
        """The message for the terminal: what is missing and the one command that fixes it."""
        lines = [
            f"Appeal Desk cannot open its window: Qt's '{self.plugin}' display plugin needs "
            "system libraries that are not installed:",
            "    " + " ".join(self.files),
        ]
        if distribution is None:
            lines.append("Install them with your distribution's package manager, for example:")
            for known in Distribution:
                lines.append(f"    {known.value}: {self.install_command(known)}")
        else:
            lines.append("Install them with:")
            lines.append("    " + self.install_command(distribution))
        lines.append("then start Appeal Desk again. The command line works without them.")
        return "\n".join(lines)


def detect_distribution(os_release: Path = Path("/etc/os-release")) -> Distribution | None:
    """The package family of this system, from the ID and ID_LIKE fields of os-release."""
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            fields[key.strip()] = value.strip().strip("\"'").lower()
    family = " ".join((fields.get("ID", ""), fields.get("ID_LIKE", ""))).split()
    for word in family:
        if word in {"debian", "ubuntu"}:
            return Distribution.DEBIAN
        if word in {"fedora", "rhel", "centos"}:
            return Distribution.FEDORA
        if word in {"arch", "manjaro", "endeavouros"}:
            return Distribution.ARCH
    return None


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
    for name in _NOT_FOUND.findall(result.stdout):
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
    return MissingLibraries(platform, files) if files else None


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
    return MissingLibraries(platform, missing_libraries(plugin) or (error,))


def main(argv: list[str] | None = None) -> int:
    """``python -m app.qt_system_libraries [--plugin NAME]``: exit 1 with the install advice
    when Qt would fail, for the window this session would open or for the plugin named
    (``--plugin offscreen`` is what the tests use: one line then, for the test command)."""
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
