"""How to install the system libraries Qt's window plugin lacks: the package that ships each
file on Debian/Ubuntu, Fedora and Arch, and the message that names them.

Imported only when app.qt_system_libraries finds a library missing (or by its command), so
that a start whose libraries are all there does not pay for it. It imports no Qt module.
"""

from __future__ import annotations

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
