"""Appeal Desk as a screen reader hears it, over a real accessibility bus, keyboard only.

Each test reads one flow of ``atspi_probe.py``, which runs the app under Xvfb and openbox with
the AT-SPI bus, types with xdotool and records the focus changes, announcements and accessible
tree. It needs Debian's ``xvfb openbox at-spi2-core python3-pyatspi xdotool dbus-daemon``: in CI
(``CI=true``) a missing one fails the run; elsewhere these tests are skipped and say which.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import warnings
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.model import ParsedDocument
from app.paths import AppPaths, resolve_paths
from tests.builders import add_cases, fictional_document

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
LATE = "LATE FICTIONAL TEACHER CASE"
EVENT = "Evening of letters (fictional)"

# One run of the probe takes a minute or so; the module's first test waits for it.
pytestmark = pytest.mark.timeout(420)


def missing_tools() -> list[str]:
    """What the probe needs that this machine lacks (Debian package names)."""
    missing = [
        package
        for program, package in (
            ("Xvfb", "xvfb"),
            ("openbox", "openbox"),
            ("xdotool", "xdotool"),
            ("dbus-run-session", "dbus-daemon"),
        )
        if shutil.which(program) is None
    ]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append("python3")
    elif (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi, gi"], capture_output=True, check=False
        ).returncode
        != 0
    ):
        missing.append("python3-pyatspi")
    return missing


def said(stderr: str) -> str:
    """The end of the probe's error output, without dbus-daemon's notice that it may not raise
    its open-file limit (it says so at every start as root without that capability; harmless)."""
    lines = [line for line in stderr.splitlines() if "Failed to set fd limit" not in line]
    return "\n".join(lines)[-3000:]


def undated(ua_number: str, title: str, country: str, person: str) -> ParsedDocument:
    """A fictional case without a deadline: the open list shows it after the late one."""
    return replace(fictional_document(ua_number, title, country, person=person), deadline=None)


def build_home(paths: AppPaths) -> None:
    """Fictional cases: one whose deadline passed (its letter warns), one with a stored letter
    in the history, and an event with two cases in play."""
    from app.domain.model import Channel
    from app.services.appeals import record_appeal
    from app.services.backups import make_backup
    from app.services.database import open_store
    from app.services.events import create_event
    from app.settings import Settings, save_settings

    save_settings(paths, Settings(welcome_done=True))
    today = date.today()
    db = open_store(paths)
    try:
        add_cases(
            db,
            fictional_document("31/26", LATE, "Atlantis", today - timedelta(days=3)),
            undated("32/26", "FICTIONAL POET HELD", "Lemuria", person="Ada Ruiz"),
            undated("33/26", "FICTIONAL NURSE DETAINED", "Utopia", person="Eva Sol"),
            undated("34/26", "FICTIONAL DRIVER MISSING", "Erewhon", person="Ivo Paz"),
        )
        record_appeal(
            db,
            "32/26",
            target_index=1,
            channel=Channel.POST,
            text="Dear Minister, please free Ada Ruiz (a fictional letter).",
            sent_on=today - timedelta(days=1),
        )
        create_event(db, EVENT, cases=["33/26", "34/26"])
        make_backup(paths, db)
    finally:
        db.close()


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run of every flow (a minute or so); the report of what a screen reader heard."""
    missing = missing_tools()
    if missing:
        reason = "the AT-SPI check needs the Debian packages: " + " ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (.ci/run installs them)", pytrace=False)
        pytest.skip(reason)
    home = tmp_path_factory.mktemp("atspi") / "data"
    build_home(resolve_paths(home))
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    # A process group of its own: a probe that overruns is stopped with everything it
    # started (Xvfb, openbox, the buses, the app), and Xvfb, terminated, removes its lock.
    probe = subprocess.Popen(
        [
            "dbus-run-session",
            "--",
            SYSTEM_PYTHON,
            str(PROBE),
            "--python",
            sys.executable,
            "--home",
            str(home),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        stdout, stderr = probe.communicate(timeout=360)
    except subprocess.TimeoutExpired:
        os.killpg(probe.pid, signal.SIGTERM)
        try:
            stdout, stderr = probe.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(probe.pid, signal.SIGKILL)
            stdout, stderr = probe.communicate()
        pytest.fail(f"the probe ran over 360 s and was stopped: {said(stderr)}", pytrace=False)
    run = subprocess.CompletedProcess(probe.args, probe.returncode, stdout, stderr)
    assert run.returncode == 0, said(run.stderr)
    report: dict[str, Any] = json.loads(run.stdout)
    if "session retried" in report:  # passed on the second try: say why the first failed
        warnings.warn(report["session retried"], stacklevel=1)
    return report


def flow(heard: dict[str, Any], name: str) -> dict[str, Any]:
    assert name not in heard["errors"], heard["errors"][name] + heard["app errors"]
    result: dict[str, Any] = heard["flows"][name]
    return result


def test_the_main_window_is_walked_by_keys_and_heard(heard: dict[str, Any]) -> None:
    main = flow(heard, "main")
    assert main["unnamed"] == []
    assert main["painted"] == []
    assert "layered pane" not in main["roles"]  # no noise between the window and its controls
    assert main["find"] == "text 'Search cases'"
    assert main["search heard"] == ["No case matches your search."]
    # Tab goes into the case list and out of it again, to the case's first action
    assert main["in the list is a cell of Cases"]
    assert main["tab left the list"]
    assert main["tab out of the list"] == "push button 'Write a letter…'"
    # the details: text with a caret, its headings read as lines
    assert main["details"] is not None
    assert main["details"].endswith("'Details of UA 31/26'")
    assert {"focusable", "focused", "multi line", "read only"} <= set(main["details states"])
    lines = main["details text"].splitlines()
    assert {"The story", "At risk", "Write to", "Your appeals"} <= set(lines)
    assert "Ana Lima is a fictional teacher held for reading a poem aloud." in lines


def test_a_stored_letter_is_read_in_the_history_by_keys(heard: dict[str, Any]) -> None:
    history = flow(heard, "history")
    assert history["unnamed"] == []
    assert "table 'Appeals'" in history["walk"]
    assert history["tab leaves the table"] == [True, True]  # Tab and Shift+Tab: no trap
    assert history["after the table"] == "text 'The letter as sent'"
    assert history["letter text"] == "Dear Minister, please free Ada Ruiz (a fictional letter)."
    # spoken as shown, the longer wording as the description
    assert history["buttons"]["Mark printed"] == "Mark the selected appeal as printed"
    assert history["buttons"]["Close"] == "Close the appeal history"


def test_the_letter_editor_speaks_its_warnings_and_labels(heard: dict[str, Any]) -> None:
    letter = flow(heard, "letter")
    assert letter["title"].startswith("Letter for UA 31/26")
    assert letter["unnamed"] == []
    assert "layered pane" not in letter["roles"]
    assert letter["first focus"] == "text 'Letter text'"
    assert letter["letter field description"] == "The letter as it will be sent; you can edit it."
    passed = "The deadline of this UA has passed. Check with your section office before sending."
    assert passed in letter["heard on open"]
    assert passed in letter["labels"]
    assert "Signed by: Nobody yet: add your name in Settings." in letter["labels"]
    assert any("100% the model text" in said for said in letter["heard on open"])
    # the names are the visible labels; the longer wording is the description
    assert letter["buttons"]["Mark as sent…"] == "Record this letter as sent"
    assert letter["buttons"]["Print…"] == "Print the letter"
    assert letter["buttons"]["Copy"] == "Copy the letter to the clipboard"
    # Tab reaches every control and comes back to the letter
    walk = letter["walk"]
    for control in (
        "push button 'Print…'",
        "push button 'Mark as sent…'",
        "check box 'Sign with my initials and town only'",
        "text 'Your own sentences (who you are, why you care):'",
        "text 'Letter text'",
    ):
        assert control in walk
    assert letter["heard after copy"] == [
        "The letter is on the clipboard. Paste it before you close Appeal Desk."
    ]


def test_an_event_is_run_by_keys_with_the_pin_named(heard: dict[str, Any]) -> None:
    event = flow(heard, "event")
    assert event["events unnamed"] == []
    assert event["start reached"]
    # the organiser's PIN fields are named by their labels
    assert event["pin unnamed"] == []
    assert event["pin fields"] == ["password text 'PIN:'", "password text 'PIN again:'"]
    assert event["pin second focus"] == "password text 'PIN again:'"
    # the participant's screen: the case list first, then the form in order, the letter
    # field named and taking no tab characters
    assert event["mode unnamed"] == []
    assert event["mode painted"] == []
    assert event["mode first focus"] == "list '1. Choose a case:'"
    assert event["participant walk"][:7] == [
        "text 'About this case:'",
        "text '2. Your name:'",
        "radio button 'A letter to the official'",
        "combo box 'Minister of Justice, Rui Costa'",
        "combo box 'English'",
        "text '4. Your letter (change it as you like):'",
        "push button 'Start the letter again'",
    ]
    assert "push button 'Print my letter'" in event["participant walk"]
    assert not event["letter starts with a tab"]
    assert "Dear Minister," in event["letter text"]
    # counting is confirmed aloud; the next person starts at the case list
    assert event["heard after counting"] == [
        "Thank you! Your letter for UA 33/26 is counted. Press \u201cNext person\u201d when "
        "you are done."
    ]
    assert event["focus after counting"] == "push button 'Next person'"
    assert event["heard after next person"] == ["Ready for the next person. Choose a case."]
    assert event["focus after next person"] == "list '1. Choose a case:'"
    # leaving: the PIN field is named, a wrong PIN is said aloud
    assert event["ask unnamed"] == []
    assert event["ask fields"] == ["password text 'Enter the organiser PIN:'"]
    assert event["heard after a wrong pin"] == ["That is not the organiser PIN."]
    assert event["organiser menu item"] == "menu item 'Leave event mode'"
    assert event["left event mode"]


def test_a_letter_is_previewed_and_marked_sent_by_keys(heard: dict[str, Any]) -> None:
    letter = flow(heard, "letter")
    # Ctrl+P: the preview's Print button has the keyboard
    assert letter["preview focus"] == "push button 'Print…'"
    assert letter["preview unnamed"] == []
    # Ctrl+M: the past deadline is said when the dialog opens; Return records; said too
    assert letter["mark unnamed"] == []
    passed = [said for said in letter["heard on mark"] if said.startswith("The deadline was")]
    assert passed and passed[0] in letter["mark labels"]
    assert letter["heard after marking"] == [
        "Appeal for UA 31/26 recorded. Thank you for writing. "
        "To take it back: Edit > Undo (Ctrl+Z)."
    ]


def test_a_backup_is_reached_past_the_backups_table(heard: dict[str, Any]) -> None:
    backups = flow(heard, "backups")
    assert backups["unnamed"] == []
    assert "table 'Backups'" in backups["walk"]
    assert "push button 'Restore selected backup\u2026'" in backups["walk"]
    assert backups["tab leaves the table"] == [True, True]


def test_an_event_with_a_case_is_created_by_keys(heard: dict[str, Any]) -> None:
    new = flow(heard, "new event")
    assert new["unnamed"] == []
    assert new["name field"] == "text 'Event name'"
    assert len(new["ticked cells"]) == 1 and "31/26" in new["ticked cells"][0]  # "checked"
    assert new["create reached"]
    assert new["heard after creating"] == ["Created \u201cLibrary night (fictional)\u201d."]
    assert new["board reached"]
    assert new["board painted"] == []  # the counts are text, not only paint
    assert "Library night (fictional): 0 letters. UA 31/26: 0." in new["board labels"]


def test_help_reads_each_shortcut_once_and_the_folders_as_paths(heard: dict[str, Any]) -> None:
    help_ = flow(heard, "help")
    assert help_["shortcuts unnamed"] == []
    assert help_["shortcut cells"][:2] == ["Ctrl+I", "Import"]  # a key, then what it does
    assert help_["find rows"] == 1
    assert help_["about unnamed"] == []
    labels = help_["about labels"]
    data = labels[labels.index("Your data:") + 1]
    assert Path(data).name == "data" and Path(data).is_absolute()  # the path itself is read
    assert labels[labels.index("Log files:") + 1] == str(Path(data) / "logs")
