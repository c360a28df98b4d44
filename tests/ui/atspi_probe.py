"""Walk Appeal Desk as a blind volunteer does: keyboard only, heard through AT-SPI.

Runs under the system Python (Debian's python3-pyatspi is not in the project's venv), inside
``dbus-run-session``. It starts Xvfb, a window manager (openbox: without one no window gets
the keyboard), the accessibility bus and the app, types with xdotool and listens to what a
screen reader hears: focus changes, announcements and the accessible tree. It prints one JSON
report, a record per flow, and asserts nothing itself: tests/ui/test_atspi.py does.

    dbus-run-session -- /usr/bin/python3 tests/ui/atspi_probe.py --python .venv/bin/python \
        --home /tmp/data [--flow main --flow letter ...]

The data folder needs the cases the flows name (the test builds it): see ``FLOWS``.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

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
Node = Any  # a pyatspi Accessible


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- the accessible tree ----------------------------------------------------------------------


def walk(node: Node, depth: int = 0) -> Iterator[Node]:
    yield node
    if depth > 40:
        return
    try:
        count = node.childCount
    except Exception:
        return
    for index in range(min(count, 60)):  # a table's first rows tell enough
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def states(node: Node) -> set[str]:
    try:
        return {pyatspi.stateToString(s) for s in node.getState().getStates()}
    except Exception:
        return set()


def role(node: Node) -> str:
    try:
        return str(node.getRoleName())
    except Exception:
        return "gone"


def name(node: Node) -> str:
    try:
        return str(node.name or "")
    except Exception:
        return ""


def description(node: Node) -> str:
    try:
        return str(node.description or "")
    except Exception:
        return ""


def describe(node: Node) -> str:
    """What a screen reader says first: the name and the role."""
    return f"{role(node)} {name(node)!r}"


def text_of(node: Node) -> str:
    try:
        text = node.queryText()
    except Exception:
        return ""
    return str(text.getText(0, text.characterCount))


def inside(node: Node, container: Node) -> bool:
    current = node
    for _step in range(60):
        if current is None:
            return False
        if current == container:
            return True
        try:
            current = current.parent
        except Exception:
            return False
    return False


def unnamed_controls(window: Node) -> list[str]:
    """Showing, focusable controls a screen reader could not name."""
    missing = []
    for node in walk(window):
        node_role, node_states = role(node), states(node)
        if node_role not in INTERACTIVE or not {"showing", "focusable"} <= node_states:
            continue
        parent = node.parent
        if (
            node_role == "text"
            and parent is not None
            and role(parent) in {"combo box", "spin button"}
        ):
            continue  # the line edit inside a combo or spin box speaks for its parent
        if not name(node).strip():
            missing.append(f"{describe(node)} in {name(window)!r}")
    return missing


def painted_without_children(window: Node) -> list[str]:
    """Large areas a screen reader sees as one empty element: painted, not exposed."""
    found = []
    for node in walk(window):
        try:
            if node.childCount or role(node) not in {"filler", "panel", "unknown", "canvas"}:
                continue
            if role(node.parent) in {"text", "label", "table", "list", "tree table"}:
                continue  # the viewport of a text (read-only text is a label) or of a view
            if "showing" not in states(node):
                continue
            extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        except Exception:
            continue
        if extents.width * extents.height >= 120_000 and not name(node).strip():
            found.append(f"{describe(node)} {extents.width}x{extents.height} in {name(window)!r}")
    return found


def roles_in(window: Node) -> list[str]:
    return sorted({role(node) for node in walk(window) if "showing" in states(node)})


# ---- the session: X, window manager, accessibility bus, the app -----------------------------


class SessionStartError(RuntimeError):
    """The X server, the window manager, the accessibility bus or the app did not come up."""


def tail(path: str, limit: int = 2000) -> str:
    """The end of a log file, or "" when there is none."""
    try:
        with open(path, "rb") as file:
            return file.read().decode("utf-8", "replace")[-limit:].strip()
    except OSError:
        return ""


def start_x(log_path: str, timeout: float = 60.0) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number (it writes the number it took to a pipe once it takes
    connections). ``-noreset``: without it the server starts afresh whenever its last client
    leaves, and the bus launcher and xdotool connect and leave at once; on a busy machine that
    happens while openbox is still connecting, and openbox, cut off, exits ("Failed to open the
    display from the DISPLAY environment variable", in its log file, not on stderr)."""
    read, write = os.pipe()
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    os.close(write)
    with os.fdopen(read) as pipe:
        ready, _, _ = select.select([pipe], [], [], timeout)
        number = pipe.readline().strip() if ready else ""
    if not number:
        server.kill()
        server.wait()
        raise SessionStartError(f"Xvfb did not start within {timeout:.0f} s: {tail(log_path)}")
    return server, f":{number}"


class Session:
    """One app under one X server; remembers every focus change and announcement."""

    def __init__(self, python: str, home: str) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        self.focus: list[Node] = []
        self.heard: list[str] = []
        self.listening = False
        # the X and openbox logs, beside the data folder (the test's own temporary folder)
        self.folder = tempfile.mkdtemp(
            prefix="session-", dir=os.path.dirname(os.path.abspath(home))
        )
        try:
            self._start(python, home)
        except BaseException:
            self.close()
            raise

    def _start(self, python: str, home: str) -> None:
        server, self.display = start_x(os.path.join(self.folder, "Xvfb.log"))
        self.processes.append(server)
        self.env = dict(
            os.environ,
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            APPEAL_DESK_HOME=home,
            LANGUAGE="en",
            LC_ALL="C.UTF-8",
            NO_AT_BRIDGE="0",
        )
        self.env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
        # openbox writes its messages to $XDG_CACHE_HOME/openbox/openbox.log: one of our own
        # (the app keeps the usual cache folder: a fresh one would rebuild the font cache).
        self.wm = self.spawn(
            ["openbox", "--sm-disable"], keep_stderr=True, env={"XDG_CACHE_HOME": self.folder}
        )
        self.spawn(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
        self._wait_for_window_manager(60.0)
        time.sleep(0.5)
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")
        pyatspi.Registry.registerEventListener(self._on_announcement, "object:announcement")
        self.listening = True
        self.app = self.spawn([python, "-m", "app", "--lang", "en", "gui"], keep_stderr=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.app.poll() is not None:  # the app's own fault: no second try hides it
                raise RuntimeError(f"the app exited ({self.app.returncode}) on start")
            try:
                self.root = self._app_root()
            except Exception:  # the bus is still settling
                self.root = None
            if self.root is not None:
                return
            self.pump(0.2)
        raise SessionStartError("the app did not appear on the accessibility bus within 60 s")

    def _wait_for_window_manager(self, timeout: float) -> None:
        """Plain sleeps and xdotool here, up to ``timeout`` (on a machine shared with other
        heavy jobs openbox can take 20 s); an openbox that exits fails at once, with its log."""
        deadline = time.monotonic() + timeout
        while not self._window_manager_ready():
            if self.wm.poll() is not None:
                raise SessionStartError(
                    f"openbox exited ({self.wm.returncode}) before it took the screen "
                    f"{self.display}: {self.openbox_log()}"
                )
            if time.monotonic() > deadline:
                raise SessionStartError(
                    f"openbox did not take the screen {self.display} within {timeout:.0f} s: "
                    f"{self.openbox_log()}"
                )
            time.sleep(0.2)

    def openbox_log(self) -> str:
        return tail(os.path.join(self.folder, "openbox", "openbox.log")) or "(no openbox log)"

    def spawn(
        self,
        command: list[str],
        keep_stderr: bool = False,
        env: dict[str, str] | None = None,
    ) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            command,
            env=dict(self.env, **(env or {})),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE if keep_stderr else subprocess.DEVNULL,
        )
        self.processes.append(process)
        return process

    def close(self) -> str:
        """Stop everything, the app first, and remove the session's folder; their error
        output (for the report). Xvfb, stopped last, takes its lock and socket away."""
        errors = ""
        if self.listening:
            self.listening = False
            for listener, event in (
                (self._on_focus, "object:state-changed:focused"),
                (self._on_announcement, "object:announcement"),
            ):
                try:
                    pyatspi.Registry.deregisterEventListener(listener, event)
                except Exception as error:  # the bus may be gone already
                    errors += f"deregistering {event}: {error}\n"
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
            try:
                _out, err = process.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                _out, err = process.communicate()
            if err:
                errors += f"{process.args[0]}: " + err.decode("utf-8", "replace")[-3000:]
        self.processes.clear()
        if os.path.isdir(self.folder):
            xvfb = tail(os.path.join(self.folder, "Xvfb.log"), 1000)
            if xvfb and errors:
                errors += f"Xvfb: {xvfb}\n"
            shutil.rmtree(self.folder, ignore_errors=True)
        return errors

    # -- listening

    def _on_focus(self, event: Any) -> None:
        if event.detail1:
            self.focus.append(event.source)

    def _on_announcement(self, event: Any) -> None:
        self.heard.append(str(event.any_data))

    def pump(self, seconds: float = 0.3) -> None:
        """Let queued AT-SPI events arrive."""
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.pending():
                context.iteration(False)
            time.sleep(0.03)

    def wait_for(self, what: str, check: Callable[[], Any], timeout: float = 20.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = check()
            except Exception:  # the tree changes under us while windows open and close
                found = None
            if found:
                return found
            self.pump(0.2)
        raise TimeoutError(what)

    # -- the keyboard

    def key(self, *keys: str, settle: float = 0.35) -> None:
        subprocess.run(
            ["xdotool", "key", "--clearmodifiers", *keys],
            env=self.env,
            check=True,
        )
        self.pump(settle)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "25", text], env=self.env, check=True)
        self.pump(0.4)

    def focused(self) -> Node | None:
        """The control the keyboard is on (the last focus event's source)."""
        return self.focus[-1] if self.focus else None

    def tab_walk(self, presses: int, keys: str = "Tab") -> list[str]:
        """What is heard on each of ``presses`` Tab presses: role and name of the new focus."""
        heard = []
        for _press in range(presses):
            before = len(self.focus)
            self.key(keys)
            now = self.focus[-1] if len(self.focus) > before else None
            heard.append(describe(now) if now is not None else "(nothing)")
        return heard

    def tab_to(self, wanted: Callable[[Node], bool], limit: int = 25) -> Node | None:
        for _press in range(limit):
            self.key("Tab")
            now = self.focused()
            if now is not None and wanted(now):
                return now
        return None

    # -- windows

    def _app_root(self) -> Node | None:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if (
                child is not None
                and name(child).lower().replace(" ", "").replace("-", "") == APP_NAME
            ):
                return child
        return None

    def windows(self) -> list[Node]:
        return [self.root.getChildAtIndex(i) for i in range(self.root.childCount)]

    def window(self, title: str, timeout: float = 20.0) -> Node:
        """The showing window whose title starts with ``title`` (dialogs end in the app's name)."""

        def showing() -> Node | None:
            for window in self.windows():
                if window is not None and "showing" in states(window):  # noqa: SIM102
                    if name(window).startswith(title):
                        return window
            return None

        try:
            return self.wait_for(f"the window {title!r}", showing, timeout)
        except TimeoutError:
            raise TimeoutError(f"the window {title!r}; {self.situation()}") from None

    def _window_manager_ready(self) -> bool:
        """openbox has taken the screen (it answers the desktop count)."""
        found = subprocess.run(
            ["xdotool", "get_num_desktops"], env=self.env, capture_output=True, check=False
        )
        return found.returncode == 0 and found.stdout.strip().isdigit()

    def active(self, window: Node, timeout: float = 10.0) -> None:
        """Wait until ``window`` has the keyboard. A window that opens while another one is
        still closing may be left behind: then bring it forward, as a click on it would."""
        title = name(window)
        try:
            self.wait_for(f"{title!r} active", lambda: "active" in states(window), 3.0)
            return
        except TimeoutError:
            pass
        subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$", "windowactivate"],
            env=self.env,
            capture_output=True,
            check=False,
            timeout=20,
        )
        try:
            self.wait_for(f"{title!r} active", lambda: "active" in states(window), timeout)
        except TimeoutError:
            raise TimeoutError(f"{title!r} active; {self.situation()}") from None

    def situation(self) -> str:
        """The windows and the focus, for a report on what went wrong."""
        seen = [
            f"{describe(w)} {sorted(states(w) & {'active', 'showing'})}" for w in self.windows()
        ]
        focus = describe(self.focused()) if self.focused() is not None else None
        return f"windows: {seen}; focus: {focus}"

    def gone(self, window: Node, timeout: float = 10.0) -> None:
        self.wait_for(f"{name(window)!r} closed", lambda: "showing" not in states(window), timeout)

    def find(self, window: Node, wanted_role: str, wanted_name: str | None = None) -> Node | None:
        for node in walk(window):
            if role(node) == wanted_role and (wanted_name is None or name(node) == wanted_name):
                return node
        return None

    def labels(self, window: Node) -> list[str]:
        return [name(n) for n in walk(window) if role(n) == "label" and "showing" in states(n)]

    def buttons(self, window: Node) -> dict[str, str]:
        """Every showing push button: its spoken name and its description."""
        return {
            name(n): description(n)
            for n in walk(window)
            if role(n) == "push button" and "showing" in states(n)
        }


# ---- the flows: each returns what was heard -----------------------------------------------------


def main_ready(s: Session) -> tuple[Node, Node]:
    """The main window, active, with its cases listed; and its case list."""
    main = s.window("Appeal Desk")
    s.active(main, timeout=40)
    cases = s.wait_for("the case list", lambda: s.find(main, "table", "Cases"))
    s.wait_for("the cases listed", lambda: cases.childCount > 8, 30)
    s.pump(0.5)
    return main, cases


def flow_main(s: Session) -> dict[str, Any]:
    """The main window: the case list, Tab out of it, search, the details pane."""
    main, cases = main_ready(s)
    out: dict[str, Any] = {
        "unnamed": unnamed_controls(main),
        "painted": painted_without_children(main),
        "roles": roles_in(main),
    }
    s.key("ctrl+f")
    out["find"] = describe(s.focused()) if s.focused() else None
    s.heard.clear()
    s.type("zzzz")
    s.pump(1.0)
    out["search heard"] = list(s.heard)
    s.key("ctrl+a", "BackSpace")
    s.pump(1.0)
    # Tab from the search box into the list, and on out of it
    out["tab from search"] = s.tab_walk(1)
    s.key("Down")
    s.key("Home")
    table_focus = s.focused()
    out["in the list"] = describe(table_focus) if table_focus is not None else None
    out["in the list is a cell of Cases"] = table_focus is not None and inside(table_focus, cases)
    s.key("Tab")
    after = s.focused()
    out["tab out of the list"] = describe(after) if after is not None else None
    out["tab left the list"] = after is not None and not inside(after, cases)
    # on to the details text: a caret, headings in its text
    details = s.tab_to(lambda n: name(n).startswith("Details of UA"))
    out["details"] = describe(details) if details is not None else None
    if details is not None:
        out["details states"] = sorted(states(details))
        out["details text"] = text_of(details)[:600]
    out["walk"] = [describe(n) for n in s.focus[-12:]]
    return out


def xdotool_keys(binding: str) -> str:
    """A key binding as AT-SPI gives it ("Alt+T") in xdotool's words ("alt+t")."""
    return "+".join(part.lower() if len(part) == 1 else part.lower() for part in binding.split("+"))


def choose_from_menu(s: Session, window: Node, menu: str, item: str) -> None:
    """Open ``menu`` with the Alt key a screen reader announces for it, then arrow down to
    the item that starts with ``item`` and press Return."""
    bar = s.wait_for("the menu bar", lambda: s.find(window, "menu bar"))
    title = s.wait_for(f"the {menu} menu", lambda: s.find(bar, "menu item", menu))
    keys = xdotool_keys(title.queryAction().getKeyBinding(0))
    for _try in range(3):  # a press while the window settles can be lost: again
        s.key(keys)
        try:
            s.wait_for("a menu", lambda: role(s.focused()) == "menu item", 3)
            break
        except TimeoutError:
            s.key("Escape")
    else:
        raise TimeoutError(f"the {menu} menu did not open with {keys}; {s.situation()}")
    for _press in range(20):
        if name(s.focused()).startswith(item):
            s.key("Return")
            return
        s.key("Down")
    raise TimeoutError(f"no item {item!r} in the {menu} menu; {s.situation()}")


def choose_case(s: Session, cases: Node, search: str) -> str | None:
    """Search for a case and choose it in the list with the arrow keys: what was heard."""
    s.key("ctrl+f")
    s.key("ctrl+a", "BackSpace")
    s.type(search)
    s.pump(0.8)
    s.tab_to(lambda n: inside(n, cases), limit=4)
    s.key("Down")
    s.key("Home")
    return describe(s.focused()) if s.focused() is not None else None


def flow_history(s: Session) -> dict[str, Any]:
    """Case > Appeal history: Tab leaves the table and reaches the stored letter."""
    _main, cases = main_ready(s)
    chosen = choose_case(s, cases, "poet")
    s.key("ctrl+h")
    history = s.window("Appeal history")
    s.active(history)
    table = s.wait_for("the appeals table", lambda: s.find(history, "table", "Appeals"))
    out: dict[str, Any] = {
        "chosen": chosen,
        "unnamed": unnamed_controls(history),
        "buttons": s.buttons(history),
    }
    out["walk"] = s.tab_walk(12)
    # into the table, a row chosen with the arrows, then Tab to the letter as it was kept
    s.tab_to(lambda n: inside(n, table), limit=14)
    s.key("Down")
    out["row"] = describe(s.focused()) if s.focused() is not None else None
    s.key("Tab")
    letter = s.focused()
    out["after the table"] = describe(letter) if letter is not None else None
    out["letter text"] = text_of(letter)[:300] if letter is not None else ""
    # from inside the table, Tab and Shift+Tab both leave it
    left = []
    for keys in ("Tab", "shift+Tab"):
        s.tab_to(lambda n: inside(n, table), limit=14)
        s.key(keys)
        now = s.focused()
        left.append(now is not None and not inside(now, table))
    out["tab leaves the table"] = left
    s.key("Escape")
    s.gone(history)
    return out


def flow_letter(s: Session) -> dict[str, Any]:
    """The letter editor for a case whose deadline has passed, signed by nobody yet."""
    _main, cases = main_ready(s)
    chosen = choose_case(s, cases, "late fictional")
    s.heard.clear()
    s.key("ctrl+l")
    letter = s.window("Letter for UA")
    s.active(letter)
    s.wait_for(
        "the letter drafted",
        lambda: len(text_of(s.find(letter, "text", "Letter text") or letter)) > 50,
        30,
    )
    s.pump(1.0)
    out: dict[str, Any] = {
        "chosen": chosen,
        "title": name(letter),
        "unnamed": unnamed_controls(letter),
        "labels": s.labels(letter),
        "buttons": s.buttons(letter),
        "roles": roles_in(letter),
        "heard on open": list(s.heard),
        "first focus": describe(s.focused()) if s.focused() else None,
    }
    out["walk"] = s.tab_walk(18)
    field = s.find(letter, "text", "Letter text")
    out["letter field"] = describe(field) if field is not None else None
    out["letter field description"] = description(field) if field is not None else ""
    s.heard.clear()
    s.key("ctrl+shift+c")
    s.pump(1.0)
    out["heard after copy"] = list(s.heard)
    # the print preview by keys: Ctrl+P, its Print button has the focus, Escape closes it
    s.key("ctrl+p")
    preview = s.window("Print the letter", timeout=30)
    s.active(preview)
    s.wait_for("the focus in the preview", lambda: inside(s.focused(), preview))
    out["preview focus"] = describe(s.focused())
    out["preview unnamed"] = unnamed_controls(preview)
    s.key("Escape")
    s.gone(preview)
    # Ctrl+M records the letter as sent; Return confirms; the confirmation is said
    s.heard.clear()
    s.key("ctrl+m")
    mark = s.window("Mark as sent")
    s.active(mark)
    s.pump(1.0)
    out["mark unnamed"] = unnamed_controls(mark)
    out["mark labels"] = s.labels(mark)
    out["heard on mark"] = list(s.heard)
    out["mark focus"] = describe(s.focused()) if s.focused() is not None else None
    s.heard.clear()
    s.key("Return")
    s.gone(mark)
    s.pump(1.0)
    out["heard after marking"] = list(s.heard)
    s.key("Escape")  # recorded: the editor closes without a question
    s.gone(letter)
    return out


def flow_event(s: Session) -> dict[str, Any]:
    """Start event mode with the keyboard: the PIN, a participant's Tab order, counting."""
    main, _cases = main_ready(s)
    for _try in range(5):  # "Appeal Desk is still opening your data; try again." while it opens
        choose_from_menu(s, main, "Events", "Event mode")
        opened = s.wait_for(
            "a window", lambda: s.window("Letter-writing events", 0.5) or s.window("Events", 0.5)
        )
        if name(opened).startswith("Letter-writing events"):
            break
        s.key("Return")
        s.pump(2.0)
    events = s.window("Letter-writing events")
    s.active(events)
    out: dict[str, Any] = {"events unnamed": unnamed_controls(events)}
    start = s.tab_to(lambda n: role(n) == "push button" and name(n).startswith("Start event mode"))
    out["start reached"] = start is not None
    s.key("space")
    pin = s.window("Organiser PIN")
    s.active(pin)
    s.pump(0.5)
    out["pin unnamed"] = unnamed_controls(pin)
    out["pin fields"] = [describe(n) for n in walk(pin) if role(n) == "password text"]
    out["pin first focus"] = describe(s.focused()) if s.focused() else None
    s.type("2468")
    s.key("Tab")
    out["pin second focus"] = describe(s.focused()) if s.focused() else None
    s.type("2468")
    s.key("Return")
    mode = s.window("Event mode:")
    s.active(mode)
    s.pump(1.0)
    out["mode unnamed"] = unnamed_controls(mode)
    out["mode painted"] = painted_without_children(mode)
    out["mode first focus"] = describe(s.focused()) if s.focused() else None
    cases = s.find(mode, "list")
    if cases is not None and not inside(s.focused(), cases):
        s.tab_to(lambda n: inside(n, cases), limit=10)
    s.key("Down")  # the first case
    s.pump(1.5)
    walk_names = s.tab_walk(10)
    out["participant walk"] = walk_names
    field = s.find(mode, "text", "4. Your letter (change it as you like):")
    out["letter field"] = describe(field) if field is not None else None
    text = text_of(field) if field is not None else ""
    out["letter starts with a tab"] = text.startswith("\t")
    out["letter text"] = text[:200]
    s.heard.clear()
    count = s.tab_to(lambda n: role(n) == "push button" and "count my letter" in name(n))
    out["count reached"] = count is not None
    s.key("space")
    s.pump(1.0)
    out["heard after counting"] = list(s.heard)
    out["focus after counting"] = describe(s.focused()) if s.focused() else None
    s.heard.clear()
    s.key("space")  # "Next person" has the focus now
    s.pump(1.0)
    out["heard after next person"] = list(s.heard)
    out["focus after next person"] = describe(s.focused()) if s.focused() else None
    # the organiser leaves with the PIN
    organiser = s.tab_to(lambda n: role(n) == "push button" and name(n).startswith("Organiser"))
    out["organiser reached"] = organiser is not None
    s.key("space")
    ask = s.window("Organiser PIN")
    s.active(ask)
    out["ask unnamed"] = unnamed_controls(ask)
    out["ask fields"] = [describe(n) for n in walk(ask) if role(n) == "password text"]
    s.heard.clear()
    s.type("1111")  # a wrong PIN first
    s.key("Return")
    s.pump(0.8)
    out["heard after a wrong pin"] = list(s.heard)
    s.type("2468")
    s.key("Return")
    s.pump(1.0)
    s.key("Up")  # the organiser's menu: its last item is "Leave event mode"
    out["organiser menu item"] = describe(s.focused()) if s.focused() is not None else None
    s.key("Return")
    s.pump(1.0)
    out["left event mode"] = "showing" not in states(mode)
    return out


def flow_backups(s: Session) -> dict[str, Any]:
    """File > Backups: the table is named, Tab leaves it and reaches "Restore"."""
    main, _cases = main_ready(s)
    choose_from_menu(s, main, "File", "Backups")
    backups = s.window("Backups")
    s.active(backups)
    table = s.wait_for("the backups table", lambda: s.find(backups, "table", "Backups"))
    out: dict[str, Any] = {"unnamed": unnamed_controls(backups), "walk": s.tab_walk(6)}
    left = []
    for keys in ("Tab", "shift+Tab"):
        s.tab_to(lambda n: inside(n, table), limit=8)
        s.key(keys)
        now = s.focused()
        left.append(now is not None and not inside(now, table))
    out["tab leaves the table"] = left
    s.key("Escape")
    s.gone(backups)
    return out


def flow_new_event(s: Session) -> dict[str, Any]:
    """The Events dialog: name an event, tick a case in play, create it, see the tally board."""
    main, _cases = main_ready(s)
    events = None
    for _try in range(5):  # "Appeal Desk is still opening your data; try again." while it opens
        choose_from_menu(s, main, "Events", "Event mode")
        events = s.wait_for(
            "a window",
            lambda: s.window("Letter-writing events", 0.5) or s.window("Events", 0.5),
        )
        if name(events).startswith("Letter-writing events"):
            break
        s.key("Return")
        s.pump(2.0)
    events = s.window("Letter-writing events")
    s.active(events)
    table = s.wait_for("the cases in play", lambda: s.find(events, "table", "Cases in play"))
    out: dict[str, Any] = {"unnamed": unnamed_controls(events)}
    field = s.tab_to(lambda n: name(n) == "Event name")
    out["name field"] = describe(field) if field is not None else None
    s.type("Library night (fictional)")
    s.tab_to(lambda n: inside(n, table), limit=8)
    s.key("Home")
    s.key("space")
    s.pump(0.5)
    out["ticked cells"] = [
        name(n) for n in walk(table) if role(n) == "table cell" and "checked" in states(n)
    ]
    s.heard.clear()
    create = s.tab_to(lambda n: role(n) == "push button" and name(n) == "Create event", 8)
    out["create reached"] = create is not None
    s.key("space")
    s.pump(1.0)
    out["heard after creating"] = list(s.heard)
    board_button = s.tab_to(lambda n: role(n) == "push button" and name(n) == "Tally board")
    out["board reached"] = board_button is not None
    s.key("space")
    board = s.window("Tally board")
    s.active(board)
    s.pump(0.8)
    out["board painted"] = painted_without_children(board)
    out["board labels"] = s.labels(board)
    s.key("Escape")
    s.pump(0.5)
    return out


def flow_help(s: Session) -> dict[str, Any]:
    """Help: the keyboard shortcuts (each row's cells once) and About (its folders as paths)."""
    main, _cases = main_ready(s)
    s.key("F1")
    shortcuts = s.window("Keyboard shortcuts")
    s.active(shortcuts)
    table = s.wait_for("the shortcuts", lambda: s.find(shortcuts, "table", "Keyboard shortcuts"))
    cells = [name(n) for n in walk(table) if role(n) == "table cell"]
    out: dict[str, Any] = {
        "shortcuts unnamed": unnamed_controls(shortcuts),
        "shortcut cells": cells[:6],
        "find rows": sum(1 for cell in cells if cell == "Find a case"),
    }
    s.key("Escape")
    s.gone(shortcuts)
    choose_from_menu(s, main, "Help", "About Appeal Desk")
    about = s.window("About Appeal Desk")
    s.active(about)
    out["about unnamed"] = unnamed_controls(about)
    out["about labels"] = s.labels(about)
    s.key("Escape")
    s.gone(about)
    return out


FLOWS: dict[str, Callable[[Session], dict[str, Any]]] = {
    "main": flow_main,
    "history": flow_history,
    "letter": flow_letter,
    "event": flow_event,
    "backups": flow_backups,
    "new event": flow_new_event,
    "help": flow_help,
}


def start_session(python: str, home: str, report: dict[str, Any]) -> Session:
    """The session, tried twice: a second failure to start is reported as it is."""
    for attempt in (1, 2):
        try:
            return Session(python, home)
        except SessionStartError as error:
            if attempt == 2:
                raise
            report["session retried"] = f"the first session did not start: {error}"
            log(f"{report['session retried']}; starting it once more")
    raise AssertionError("unreachable")


def run(python: str, home: str, flows: list[str]) -> dict[str, Any]:
    report: dict[str, Any] = {"flows": {}, "errors": {}}
    started = time.monotonic()
    session = start_session(python, home, report)
    try:
        for flow in flows:
            log(f"flow {flow}")
            try:
                report["flows"][flow] = FLOWS[flow](session)
            except Exception:
                report["errors"][flow] = traceback.format_exc(limit=3)
                log(report["errors"][flow])
                for _press in range(3):  # back to the main window for the next flow
                    session.key("Escape")
    finally:
        report["app errors"] = session.close()
    report["seconds"] = round(time.monotonic() - started, 1)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", required=True, help="the venv's Python that runs the app")
    parser.add_argument("--home", required=True, help="APPEAL_DESK_HOME with the cases to show")
    parser.add_argument("--flow", action="append", choices=sorted(FLOWS), help="default: all")
    args = parser.parse_args()
    print(json.dumps(run(args.python, args.home, args.flow or list(FLOWS))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
