"""The check that names the system libraries Qt's window plugin lacks, and how to install them.

A real shared object stands in for Qt's plugin: it is compiled here against a small library
that is then removed, so the dynamic loader and ldd see exactly what a user's machine shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.qt_library_advice import Distribution, MissingLibraries, detect_distribution
from app.qt_system_libraries import (
    candidate_platforms,
    check_plugin,
    check_window_platform,
    lacks_display,
    loads,
    main,
    missing_libraries,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux loader")


def _compile(tmp_path: Path, missing_soname: str) -> Path:
    """A plugins folder whose platforms/libqxcb.so links against ``missing_soname``, gone."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    assert compiler, "a C compiler is part of this project's build machines"
    build = tmp_path / "build"
    build.mkdir()
    (build / "dep.c").write_text("int dependency_value(void) { return 7; }\n")
    (build / "plugin.c").write_text(
        "int dependency_value(void);\nint plugin_value(void) { return dependency_value(); }\n"
    )
    dep = build / missing_soname
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            f"-Wl,-soname,{missing_soname}",
            "-o",
            str(dep),
            str(build / "dep.c"),
        ],
        check=True,
    )
    link_name = build / ("lib" + missing_soname.split("lib", 1)[1].split(".so")[0] + ".so")
    link_name.symlink_to(dep.name)
    platforms = tmp_path / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    plugin = platforms / "libqxcb.so"
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-o",
            str(plugin),
            str(build / "plugin.c"),
            f"-L{build}",
            "-l" + link_name.name[3:-3],
        ],
        check=True,
    )
    shutil.rmtree(build)
    return tmp_path / "plugins"


ABSENT = "libappealdesk-absent.so.1"  # a name no system has, so the test sees a real miss


def test_a_plugin_whose_library_is_gone_is_reported(tmp_path: Path) -> None:
    plugins = _compile(tmp_path, ABSENT)
    plugin = plugins / "platforms" / "libqxcb.so"

    assert not loads(plugin)
    assert missing_libraries(plugin) == (ABSENT,)
    problem = check_window_platform({"QT_QPA_PLATFORM": "xcb"}, plugins)
    assert problem == MissingLibraries("xcb", (ABSENT,))
    advice = problem.advice(Distribution.DEBIAN)
    assert ABSENT in advice
    assert f"sudo apt-get install {ABSENT}" in advice  # an unknown file is named as it is


def test_known_libraries_are_named_by_their_package_in_each_distribution() -> None:
    problem = MissingLibraries("xcb", ("libxcb-icccm.so.4",))
    assert "sudo apt-get install libxcb-icccm4" in problem.advice(Distribution.DEBIAN)
    assert problem.install_command(Distribution.FEDORA) == "sudo dnf install xcb-util-wm"
    assert problem.install_command(Distribution.ARCH) == "sudo pacman -S --needed xcb-util-wm"


def test_an_unknown_distribution_gets_every_known_command(tmp_path: Path) -> None:
    problem = MissingLibraries("xcb", ("libxcb-keysyms.so.1", "libxcb-cursor.so.0"))
    advice = problem.advice(None)
    assert "apt-get install libxcb-keysyms1 libxcb-cursor0" in advice
    assert "dnf install xcb-util-keysyms xcb-util-cursor" in advice
    assert "pacman -S --needed xcb-util-keysyms xcb-util-cursor" in advice


def test_libraries_of_one_package_are_named_once() -> None:
    problem = MissingLibraries("xcb", ("libxcb-shape.so.0", "libxcb-randr.so.0"))
    assert problem.packages(Distribution.FEDORA) == ("libxcb",)
    assert problem.packages(Distribution.DEBIAN) == ("libxcb-shape0", "libxcb-randr0")


def test_offscreen_and_other_platforms_are_not_checked(tmp_path: Path) -> None:
    plugins = _compile(tmp_path, ABSENT)
    assert check_window_platform({"QT_QPA_PLATFORM": "offscreen"}, plugins) is None
    assert check_window_platform({"QT_QPA_PLATFORM": "vnc"}, plugins) is None


def test_the_tests_plugin_names_every_missing_library_in_one_line(tmp_path: Path) -> None:
    plugins = _compile(tmp_path, ABSENT)
    platforms = plugins / "platforms"
    (platforms / "libqxcb.so").rename(platforms / "libqoffscreen.so")

    problem = check_plugin("offscreen", plugins)

    assert problem == MissingLibraries("offscreen", (ABSENT,))
    line = problem.one_line(Distribution.FEDORA)
    assert "\n" not in line
    assert line.startswith("Qt cannot start: its 'offscreen' plugin needs system libraries")
    assert line.endswith(f"install them (fedora): sudo dnf install {ABSENT}")
    assert "sudo apt-get install libegl1 libxkbcommon0" in MissingLibraries(
        "offscreen", ("libEGL.so.1", "libxkbcommon.so.0")
    ).one_line(None)
    assert check_plugin("offscreen", tmp_path / "no plugins") is None


def test_a_plugin_the_loader_rejects_for_another_reason_says_why(tmp_path: Path) -> None:
    platforms = tmp_path / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "libqoffscreen.so").write_bytes(b"not a shared object")

    problem = check_plugin("offscreen", tmp_path / "plugins")

    assert problem is not None and len(problem.files) == 1
    assert "libqoffscreen.so" in problem.files[0]  # the loader's own words


def test_the_check_on_its_own_passes_here_and_refuses_unknown_arguments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--plugin", "offscreen"]) == 0  # the suite itself runs on this plugin
    assert main(["--plugin"]) == 2
    assert "usage: python -m app.qt_system_libraries" in capsys.readouterr().err


def test_a_loadable_plugin_passes(tmp_path: Path) -> None:
    plugins = _compile(tmp_path, ABSENT)
    (plugins / "platforms" / "libqxcb.so").unlink()
    compiler = shutil.which("cc") or shutil.which("gcc")
    assert compiler
    source = tmp_path / "ok.c"
    source.write_text("int plugin_value(void) { return 1; }\n")
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-o",
            str(plugins / "platforms" / "libqxcb.so"),
            str(source),
        ],
        check=True,
    )
    assert check_window_platform({"QT_QPA_PLATFORM": "xcb"}, plugins) is None


def test_a_wayland_session_falls_back_to_x11_like_qt() -> None:
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert candidate_platforms(session) == ("wayland", "xcb")
    assert candidate_platforms({}) == ("xcb",)
    assert candidate_platforms({"QT_QPA_PLATFORM": "offscreen;xcb"}) == ("offscreen",)


@pytest.mark.parametrize(
    ("os_release", "expected"),
    [
        ('ID=debian\nVERSION_ID="12"\n', Distribution.DEBIAN),
        ("ID=ubuntu\nID_LIKE=debian\n", Distribution.DEBIAN),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', Distribution.DEBIAN),
        ("ID=fedora\nVERSION_ID=40\n", Distribution.FEDORA),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', Distribution.FEDORA),
        ("ID=arch\n", Distribution.ARCH),
        ("ID=endeavouros\nID_LIKE=arch\n", Distribution.ARCH),
        ("ID=gentoo\n", None),
    ],
)
def test_distribution_families_from_os_release(
    tmp_path: Path, os_release: str, expected: Distribution | None
) -> None:
    path = tmp_path / "os-release"
    path.write_text(os_release)
    assert detect_distribution(path) is expected
    assert detect_distribution(tmp_path / "absent") is None


def test_a_session_without_a_display_is_recognised() -> None:
    assert lacks_display({})
    assert lacks_display({"QT_QPA_PLATFORM": "xcb"})
    assert not lacks_display({"DISPLAY": ":0"})
    assert not lacks_display({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert not lacks_display({"QT_QPA_PLATFORM": "offscreen"})


def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 1
    assert done.stderr.startswith("appeal-desk: No display was found")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
