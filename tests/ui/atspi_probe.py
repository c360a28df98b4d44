"""Walk Appeal Desk as a screen reader does: over AT-SPI, under a private X server and bus.

Runs under the system Python (Debian's python3-pyatspi is not in the project's venv), inside
``dbus-run-session``. It starts Xvfb, the accessibility bus and the app, drives the keyboard
with xdotool, and prints one JSON report: the problems found (empty when all is well) and
what it saw. Run it by hand (see the README, "Accessibility"); it is not yet part of CI.

    dbus-run-session -- /usr/bin/python3 tests/ui/atspi_probe.py --python .venv/bin/python \
        --home /tmp/data
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pyatspi  # type: ignore[import-not-found]

INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "table",
    "tree table",
    "list",
    "list box",
    "slider",
    "page tab",
}
APP_NAME = "appealdesk"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- processes ---------------------------------------------------------------------------------


def start_x() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number (it writes the number it took to a pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def wait_for(what: str, check: Callable[[], object], timeout: float = 30.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = check()
        except Exception:  # the tree changes under us while windows open and close
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError(what)


def key(display: str, *keys: str) -> None:
    subprocess.run(
        ["xdotool", "key", "--clearmodifiers", *keys],
        env=dict(os.environ, DISPLAY=display),
        check=True,
    )
    time.sleep(0.4)


def type_text(display: str, text: str) -> None:
    subprocess.run(
        ["xdotool", "type", "--delay", "30", text],
        env=dict(os.environ, DISPLAY=display),
        check=True,
    )
    time.sleep(0.4)


# ---- the accessible tree ----------------------------------------------------------------------


def app_root() -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        child = desktop.getChildAtIndex(index)
        if (
            child is not None
            and child.name
            and child.name.lower().replace(" ", "").replace("-", "") == APP_NAME
        ):
            return child
    return None


def walk(node: object, depth: int = 0) -> Iterator[tuple[object, int]]:
    yield node, depth
    if depth > 40:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for index in range(min(count, 400)):  # a table with many rows: its first rows tell enough
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def states(node: object) -> set[str]:
    return {pyatspi.stateToString(s) for s in node.getState().getStates()}


def role(node: object) -> str:
    return node.getRoleName()


def describe(node: object) -> str:
    return f"{role(node)} {node.name!r}"


def text_of(node: object) -> str:
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return text.getText(0, text.characterCount)


def windows(root: object) -> list[object]:
    return [root.getChildAtIndex(i) for i in range(root.childCount)]


def window_named(root: object, title: str) -> object | None:
    for window in windows(root):
        if window is not None and window.name == title and "showing" in states(window):
            return window
    return None


def focused(root: object) -> object | None:
    for window in windows(root):
        if window is None or "active" not in states(window):
            continue
        for node, _depth in walk(window):
            if "focused" in states(node):
                return node
    return None


def inside(node: object, container: object) -> bool:
    current = node
    for _step in range(60):
        if current is None:
            return False
        if current == container:
            return True
        current = current.parent
    return False


def unnamed_controls(window: object) -> list[str]:
    """Showing, focusable controls a screen reader could not name."""
    missing = []
    for node, _depth in walk(window):
        try:
            node_role, node_states = role(node), states(node)
        except Exception:
            continue
        if node_role not in INTERACTIVE or "showing" not in node_states:
            continue
        if "focusable" not in node_states:
            continue
        if (
            node_role == "text"
            and node.parent is not None
            and role(node.parent) in {"combo box", "spin button"}
        ):
            continue  # the line edit inside a combo or spin box speaks for its parent
        if not (node.name or "").strip():
            missing.append(f"{describe(node)} in {window.name!r}")
    return missing


def painted_without_children(window: object) -> list[str]:
    """Large areas a screen reader sees as one empty element: painted, not exposed."""
    found = []
    for node, _depth in walk(window):
        try:
            if node.childCount or role(node) not in {"filler", "panel", "unknown", "canvas"}:
                continue
            if "showing" not in states(node):
                continue
            extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        except Exception:
            continue
        if extents.width * extents.height >= 120_000 and not (node.name or "").strip():
            found.append(f"{describe(node)} {extents.width}x{extents.height} in {window.name!r}")
    return found


# ---- the checks --------------------------------------------------------------------------------


class Probe:
    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[str] = []
        self.seen: dict[str, object] = {}
        self.announcements: list[str] = []

    def fail(self, problem: str) -> None:
        log(f"PROBLEM: {problem}")
        self.problems.append(problem)

    def on_event(self, event: object) -> None:
        if event.type.startswith("object:announcement"):
            self.announcements.append(str(event.any_data))

    def pump(self, seconds: float = 0.5) -> None:
        """Let queued AT-SPI events arrive (announcements come as events)."""
        from gi.repository import GLib  # type: ignore[import-not-found]

        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.pending():
                context.iteration(False)
            time.sleep(0.05)

    def check_window(self, window: object) -> None:
        for problem in unnamed_controls(window):
            self.fail(f"no name: {problem}")
        for problem in painted_without_children(window):
            self.fail(f"painted, no accessible children: {problem}")

    def check_tab_leaves(self, root: object, table: object, what: str) -> None:
        """Tab and Shift+Tab from ``table`` move the focus out of it (no keyboard trap)."""
        for keys in ("Tab", "shift+Tab"):
            table.queryComponent().grabFocus()
            time.sleep(0.4)
            now = focused(root)
            if now is None or not inside(now, table):
                self.fail(f"{what}: the table did not take the focus")
                return
            key(self.display, keys)
            after = focused(root)
            if after is not None and inside(after, table):
                self.fail(f"keyboard trap: {keys} stays in {what}")

    def find(self, window: object, wanted_role: str, name: str | None = None) -> object | None:
        for node, _depth in walk(window):
            try:
                if role(node) == wanted_role and (name is None or node.name == name):
                    return node
            except Exception:
                continue
        return None


def run(python: str, home: str) -> dict[str, object]:
    server, display = start_x()
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        APPEAL_DESK_HOME=home,
        LANGUAGE="en",
        LC_ALL="C.UTF-8",
    )
    env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
    bus = subprocess.Popen(
        ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app = None
    probe = Probe(display)
    try:
        time.sleep(1.0)
        pyatspi.Registry.registerEventListener(probe.on_event, "object:announcement")
        app = subprocess.Popen(
            [python, "-m", "app", "--lang", "en", "gui"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        root = wait_for("the app on the accessibility bus", app_root, 40)
        main = wait_for("the main window", lambda: window_named(root, "Appeal Desk"), 30)
        cases = wait_for("the case list", lambda: probe.find(main, "table", "Cases"), 30)
        time.sleep(1.0)
        # No window manager runs here: give the main window the keyboard as one would.
        subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                "^Appeal Desk$",
                "windowfocus",
                "--sync",
                "%1",
            ],
            env=dict(os.environ, DISPLAY=display),
            check=False,
            timeout=20,
        )
        time.sleep(0.5)
        probe.seen["main window"] = main.name
        probe.check_window(main)
        probe.check_tab_leaves(root, cases, "the case list")

        # search: the number of matches is announced
        key(display, "ctrl+f")
        type_text(display, "zzzz")
        probe.pump(1.5)
        if not any("No case matches" in text for text in probe.announcements):
            probe.fail(f"search: no announcement of the matches (heard {probe.announcements})")
        key(display, "ctrl+a", "BackSpace")

        # the details pane is text the caret can walk, with headings
        details = probe.find(main, "text", "Case details") or probe.find(main, "text")
        if details is None:
            probe.fail("the case details are not exposed as text")
        else:
            probe.seen["details"] = text_of(details)[:200]
            if "focusable" not in states(details):
                probe.fail("the case details cannot take the keyboard focus")

        # Case > Appeal history: no trap in its table
        key(display, "ctrl+h")
        history = wait_for("the history", lambda: window_named(root, "Appeal history"), 15)
        probe.check_window(history)
        table = probe.find(history, "table", "Appeals")
        if table is None:
            probe.fail("history: no table named Appeals")
        else:
            probe.check_tab_leaves(root, table, "the history table")
        key(display, "Escape")

        # Help > Keyboard shortcuts
        key(display, "F1")
        shortcuts = wait_for("the shortcuts", lambda: window_named(root, "Keyboard shortcuts"), 15)
        probe.check_window(shortcuts)
        key(display, "Escape")

        # the letter editor: its warnings and advice are reachable text
        main.queryComponent().grabFocus()
        cases.queryComponent().grabFocus()
        key(display, "Down")
        key(display, "ctrl+l")
        letter = wait_for(
            "the letter editor",
            lambda: next(
                (
                    w
                    for w in windows(root)
                    if w.name.startswith("Letter for UA") and "showing" in states(w)
                ),
                None,
            ),
            20,
        )
        time.sleep(1.0)
        probe.check_window(letter)
        labels = [node.name for node, _d in walk(letter) if role(node) == "label"]
        probe.seen["letter labels"] = labels
        if not any(name.startswith("Signed by") for name in labels):
            probe.fail("letter editor: 'Signed by' is not spoken with its value")
        probe.announcements.clear()
        key(display, "ctrl+shift+c")  # copy: a confirmation
        probe.pump(1.5)
        if not any("clipboard" in text for text in probe.announcements):
            probe.fail(
                f"letter editor: the copy confirmation was not announced ({probe.announcements})"
            )
        probe.seen["announcements"] = list(probe.announcements)
    except TimeoutError as waited:
        probe.fail(f"timed out waiting for {waited}")
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        bus.terminate()
        server.terminate()
    return {"problems": probe.problems, "seen": probe.seen}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", required=True, help="the venv's Python that runs the app")
    parser.add_argument("--home", required=True, help="APPEAL_DESK_HOME with the cases to show")
    args = parser.parse_args()
    print(json.dumps(run(args.python, args.home)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
