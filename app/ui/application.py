"""Start the desktop app: paths, logging, QApplication, language, main window, error hook."""

from __future__ import annotations

import argparse
import gc
import linecache
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import APP_ID, APP_NAME, AppPaths
from app.ui.language import apply_language, choose_language

if TYPE_CHECKING:
    from app.domain.model import CaseSummary
    from app.settings import Settings
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow
    from app.ui.open_files_channel import OpenFilesListener
    from app.ui.start_up import StartUp

__all__ = [
    "apply_language",
    "choose_language",
    "collect_from_now_on",
    "create_application",
    "forget_module_sources",
    "run",
]

log = logging.getLogger(__name__)
ALREADY_OPEN = 3  # exit status of a second copy started on data another copy has open
LOG_OPENS_AFTER_MS = 2_000  # after the window is ready: the held start-up records are written
DIALOG_CHECK_MS = 250  # how often a first-run welcome looks whether the user's dialog is closed


def create_application(argv: list[str] | None = None, *, with_icon: bool = True) -> QApplication:
    """The QApplication with the names the desktop uses to match the window to its entry;
    ``with_icon=False`` leaves the icon to ``set_application_icon`` (after the first frame)."""
    from app.ui.style import apply_style, style_arguments

    existing = QApplication.instance()
    made = not isinstance(existing, QApplication)
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([*(argv or sys.argv[:1]), *style_arguments()])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Appeal Desk")
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    from app import __version__

    app.setApplicationVersion(__version__)
    if with_icon:
        set_application_icon(app)
    apply_style(app, style_chosen=made)
    return app


def collect_from_now_on() -> None:
    """The cyclic garbage collector runs again, once, after start-up.

    What start-up made (modules, the store's mappings, the window, the cases) lives as long
    as the app: it is set aside (``gc.freeze``) rather than walked by the collector's first
    full pass, which came at once and held the window 0.1-0.4 s at 10,000 cases."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def forget_module_sources() -> None:
    """Let go of the source lines read while modules were imported, now and at each import
    from now on.

    Once PySide6 is loaded it reads the source of each module the first time an ``import``
    statement names it (to look for ``__feature__`` imports), and the lines stay in the standard ``linecache``: about
    600 files and 25 MB once the window is ready, 16 MB of them in the one import of
    SQLAlchemy that the store's engine makes in the background. Nothing of ours reads them;
    a traceback reads its few files again when it is written. Cleared only now and then,
    they pile up beside the cases' sort orders and search texts being made meanwhile, and
    the memory they held stays taken by the process. So the cache is also emptied as each
    further module is imported (an audit hook on ``import``, called from the first frame
    on: the window's own imports come before it and pay nothing): it never holds more than
    the files of the import under way."""
    global _dropping_sources_at_imports
    _drop_cached_sources()
    if not _dropping_sources_at_imports:
        _dropping_sources_at_imports = True
        sys.addaudithook(_drop_sources_at_import)


_dropping_sources_at_imports = False


def _drop_sources_at_import(event: str, _args: tuple[object, ...]) -> None:
    if event == "import" and linecache.cache:
        _drop_cached_sources()


def _drop_cached_sources() -> None:
    """Let go of the lines ``linecache`` holds without removing any of its entries.

    An import can happen on any thread while another one formats a traceback, and
    ``linecache`` reads an entry in two steps (``name in cache``, then ``cache[name]``):
    an entry removed in between raised ``KeyError`` out of the traceback being written.
    So an entry read from a file keeps its key and its shape, with no lines, and a size and
    time no file has: the next ``checkcache`` (which every traceback calls first) finds it
    out of date and reads the file again. Entries of modules loaded another way (no time)
    and the lazy ones (one element) are left as they are.
    """
    cache = linecache.cache
    for name, entry in list(cache.items()):
        if len(entry) == 4 and entry[1] is not None and entry[2]:
            cache[name] = (-1, -1.0, [], entry[3])


def set_application_icon(app: QApplication) -> None:
    """Every window's icon: the one loader in app/ui/app_icon.py."""
    from app.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())


def install_excepthook(paths: AppPaths) -> None:
    """A bug anywhere on the GUI thread: log the traceback, show a friendly message, keep running."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if showing:
            return
        showing = True
        try:
            from app.ui.errors import report_failure

            report_failure(QApplication.activeWindow(), _title(), error.with_traceback(tb))
        finally:
            showing = False

    sys.excepthook = hook


def _title() -> str:
    from app.i18n import _

    return _("Something went wrong")


def warm_up_letters(context: AppContext, cases: Sequence[CaseSummary]) -> None:
    """Draft one letter in the background, so the first "Write a letter" opens at once.

    The first draft loads the template engine and the letter locales; doing it here, off
    the GUI thread and after the list is on screen, takes that wait out of the user's path.
    """
    db, sender = context.db, context.settings.sender
    if db is None or not cases:
        return
    ua_number = cases[0].ua_number

    def draft_once(_progress: object) -> None:
        from app.services.cases import get_case
        from app.services.letters import draft_letter

        case = get_case(db, ua_number)
        forget_module_sources()  # the store's ORM modules are in: their lines can go now
        if case.targets:
            draft_letter(case, 1, sender)

    context.runner.start(
        draft_once,
        lambda _result: forget_module_sources(),  # the template engine's modules came meanwhile
        lambda _error: None,
        name="warm-up",
    )


def finish_opening_in_background(
    context: AppContext,
    parent: QWidget,
    on_damage: Callable[[BaseException], None],
    then: Callable[[], None] | None = None,
) -> None:
    """What need not block the window, once it is ready: first the store's engine (a store
    opened without SQLAlchemy loads it now, and runs the migration check: a first write need
    not wait for it) and the mappings a write uses, then ``then`` (the letter warm-up) beside
    the damage check of a large store and the daily backup. Damage found now goes to
    ``on_damage`` (which offers recovery).

    A write asked for the moment the window is ready still waits for the engine: importing
    SQLAlchemy alone takes 150-220 ms of CPU. Made earlier, while the whole list of 10,000
    cases is read, the engine shortened that wait (870 to 320 ms on a loaded machine) but
    took the interpreter from the list: the window was ready about 0.3 s later, and
    ``bench/bench_ready.py``'s spawn-to-exit time went from 2.5 to 4.7 times the bare table
    window's (CPU 490 to 850 ms)."""
    db, paths = context.db, context.paths
    if db is None:
        return

    def start_engine(_progress: object) -> None:
        from app.services.database import prepare_writes

        db.start_engine()
        prepare_writes()  # the mappings a first write needs, here rather than on its click
        forget_module_sources()  # SQLAlchemy's modules are in: their lines can go now

    def finish(_progress: object) -> None:
        from app.services.database import finish_opening

        finish_opening(paths, db)

    def failed(error: BaseException) -> None:
        from app.domain.errors import StoreUnavailable

        if isinstance(error, StoreUnavailable):
            on_damage(error)
            return
        from app.i18n import _
        from app.ui.errors import report_failure

        report_failure(parent, _("Your data needs attention"), error)

    def engine_ready(_result: object) -> None:
        if context.db is not db:  # closed (or replaced by a restore) meanwhile
            return
        context.runner.start(finish, lambda _result: None, failed, name="finish-opening")
        if then is not None:
            then()

    context.runner.start(start_engine, engine_ready, failed, name="engine")


def when_ready(window: MainWindow, context: AppContext, files: Sequence[Path] = ()) -> None:
    """Once the cases are loaded and the store is open: the store's engine and background
    checks, the deadline reminders, the first-run welcome, and a warm-up of the letter
    templates (after the engine: both load much Python, and a first write needs the engine;
    both after the case list's idle work, see ``CaseListView.after_idle_work``, as is the
    app's icon: its SVG drawn at eight sizes, about 10 ms, need not delay a first action).
    ``files`` (given on the command line, as a desktop's "Open with" does) are offered for
    import once the store can take them, after the welcome if it is open."""
    from app.ui.dialogs.welcome_dialog import WelcomeDialog, maybe_show_welcome

    def engine_ready() -> None:
        warm_up_letters(context, window.listed_cases())
        if not files:
            return
        if welcome is not None and welcome.isVisible():
            welcome.finished.connect(
                lambda _result: offer_import(window, files), Qt.ConnectionType.SingleShotConnection
            )
        else:
            QTimer.singleShot(0, lambda: offer_import(window, files))

    def after_idle_work() -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.windowIcon().isNull():
            set_application_icon(app)
        finish_opening_in_background(context, window, window.loading.on_store_lost, engine_ready)

    window.case_list.after_idle_work(after_idle_work)
    window.start_reminders().check()  # the cases are loaded already

    def saved(settings: Settings) -> None:
        context.set_settings(settings)

    welcome: WelcomeDialog | None = None

    def show_welcome() -> None:
        nonlocal welcome
        welcome = maybe_show_welcome(window, context.paths, context.settings, saved)

    if window.events_menu.resume_event_mode() is None:  # a crash in event mode returns to it
        when_no_dialog_is_open(window, show_welcome)


def when_no_dialog_is_open(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` now, or once the dialog the user opened meanwhile (an Import file
    dialog opened before the cases were loaded, its progress and summary) is closed: a dialog
    of ours must not open on top of one the user is working in."""
    if QApplication.activeModalWidget() is None:
        then()
        return
    check = QTimer(window, interval=DIALOG_CHECK_MS)

    def look() -> None:
        if QApplication.activeModalWidget() is None:
            check.stop()
            check.deleteLater()
            then()

    check.timeout.connect(look)
    check.start()


def offer_import(window: MainWindow, files: Sequence[Path]) -> None:
    """Ask whether to import the documents Appeal Desk was opened with; if so, import them as
    File > Import does (progress, summary, and the question before changing a case)."""
    import shiboken6

    from app.i18n import _, ngettext
    from app.ui.messages import Messages

    if not shiboken6.isValid(window) or not window.isVisible():
        return
    shown = "\n".join(str(path) for path in files[:FILES_NAMED])
    if len(files) > FILES_NAMED:
        more = len(files) - FILES_NAMED
        shown += "\n" + ngettext("and {count} more", "and {count} more", more).format(count=more)
    if len(files) == 1:
        question = _("Import this document into Appeal Desk?")
    else:
        question = ngettext(
            "Import these {count} documents into Appeal Desk?",
            "Import these {count} documents into Appeal Desk?",
            len(files),
        ).format(count=len(files))
    if Messages.ask(window, _("Import documents"), f"{question}\n\n{shown}"):
        window.imports.import_paths(list(files))


FILES_NAMED = 10  # an "Open with" of many files names the first ten in the question


def listen_for_documents(window: MainWindow, paths: AppPaths) -> OpenFilesListener:
    """Documents another copy is started with from now on come to this window, which
    offers them for import as it does those it was started with (the listener lives as
    long as the window, its parent)."""
    from app.i18n import _
    from app.ui.open_files_channel import OpenFilesListener

    def to_front() -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def received(files: list[Path]) -> None:
        to_front()
        offer_import(window, files)

    def shown() -> None:
        """Another copy was started without documents: this window is the one to use."""
        to_front()
        window.statusBar().showMessage(
            _("Appeal Desk is already open: this is its window, with your data."), 10_000
        )

    return OpenFilesListener(paths, received, window, shown)


def ask_running_copy_to_show(paths: AppPaths) -> bool:
    """In a second copy started without documents: ask the copy that has the data open to
    bring its window to the front; True when it was asked."""
    from app.ui.open_files_channel import ask_to_show

    return ask_to_show(paths)


def hand_over_documents(paths: AppPaths, files: Sequence[Path]) -> bool:
    """In a second copy: pass ``files`` to the copy that has the data open; True when it
    took them (this copy then has nothing more to do)."""
    from app.ui.open_files_channel import hand_over

    create_application()
    return hand_over(paths, files)


def say_unknown_language(window: MainWindow, requested: str | None, used: str) -> None:
    """A ``--lang`` with no catalog is said in the status bar once the window shows."""
    from app.ui.language import unknown_language_notice

    notice = unknown_language_notice(requested, used)
    if notice is not None:
        window.first_painted.connect(
            lambda: window.statusBar().showMessage(notice, 30_000),
            Qt.ConnectionType.SingleShotConnection,
        )


def tell_ignored_settings(parent: QWidget, paths: AppPaths, ignored: Sequence[str]) -> None:
    """Say which settings were left at their defaults because settings.json had a value of
    the wrong type for them (the window starts all the same)."""
    from app.i18n import _
    from app.ui.messages import Messages

    Messages.warning(
        parent,
        _("Some settings were ignored"),
        _(
            "These settings in {file} had a value of the wrong type and were ignored: "
            "{names}. Appeal Desk uses their defaults; open Settings to set them again."
        ).format(file=paths.settings_file, names=", ".join(ignored)),
    )


def already_open(paths: AppPaths) -> None:
    """Tell the user another copy has this data open (its window is the one to use)."""
    from app.i18n import _
    from app.ui.messages import Messages

    Messages.info(
        None,
        _("Appeal Desk is already open"),
        _(
            "Appeal Desk is already running with the data in {folder}. Switch to its window "
            "(it may be minimised or on another desktop). Only one copy can use the same data "
            "at a time, so this one closes now."
        ).format(folder=paths.data_dir),
    )


def run(args: argparse.Namespace, started: StartUp | None = None) -> int:
    """Entry point of ``appeal-desk`` / ``appeal-desk gui``; returns the exit status.
    ``started``: what ``app.ui.start_up.start_up`` did before Qt was loaded (done here if
    not given)."""
    # Start-up allocates much and frees little: no cyclic garbage collection until the cases
    # are loaded (the collector's passes over the new rows cost 20-30 ms before the first
    # paint with 10,000 cases). Reference counting frees memory as usual meanwhile.
    gc.disable()
    if started is None:
        from app.ui.start_up import start_up

        started = start_up(args)
    paths, files, settings = started.paths, started.files, started.settings
    ignored_settings, database_url = started.ignored_settings, started.database_url
    if started.already_open:
        gc.enable()
        if files and hand_over_documents(paths, files):
            return 0  # the running window offers them for import
        if getattr(args, "quit_after_first_paint", False):  # scripted: no box to click
            print(f"Appeal Desk is already open on {paths.data_dir}", file=sys.stderr)
            return ALREADY_OPEN
        create_application()
        if ask_running_copy_to_show(paths):
            return ALREADY_OPEN  # its window came to the front: nothing to say on top of it
        apply_language(getattr(args, "lang", None) or settings.ui_language)
        already_open(paths)
        return ALREADY_OPEN
    app = create_application(with_icon=False)  # the icon follows readiness (when_ready)
    shown_in = apply_language(getattr(args, "lang", None) or settings.ui_language)
    from app.i18n import say_preview_problems

    say_preview_problems()  # a translator's APPEAL_DESK_TEST_PO that could not be used
    install_excepthook(paths)
    from app.ui.app_context import AppContext
    from app.ui.main_window import MainWindow

    _drop_cached_sources()  # the window's modules are in: their memory goes to its widgets
    context = AppContext(paths, settings, database_url)
    window = MainWindow(context, early_list=started.early_list)
    window.show()
    say_unknown_language(window, getattr(args, "lang", None), shown_in)
    window.cases_loaded.connect(collect_from_now_on)
    window.load_failed.connect(collect_from_now_on)
    for imports_done in (window.first_painted, window.cases_loaded):
        imports_done.connect(forget_module_sources, Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(10_000, collect_from_now_on)  # whatever happens to the store meanwhile
    for settled in (window.cases_loaded, window.load_failed):  # a first action need not wait
        settled.connect(
            lambda: QTimer.singleShot(LOG_OPENS_AFTER_MS, _open_held_log),
            Qt.ConnectionType.SingleShotConnection,
        )
    if getattr(args, "quit_after_first_paint", False):
        window.cases_loaded.connect(lambda: QTimer.singleShot(0, app.quit))
        window.load_failed.connect(lambda: QTimer.singleShot(0, lambda: app.exit(1)))
    else:
        window.cases_loaded.connect(
            lambda: when_ready(window, context, files), Qt.ConnectionType.SingleShotConnection
        )
        window.cases_loaded.connect(
            lambda: listen_for_documents(window, paths), Qt.ConnectionType.SingleShotConnection
        )
        if ignored_settings:
            window.first_painted.connect(
                lambda: tell_ignored_settings(window, paths, ignored_settings),
                Qt.ConnectionType.SingleShotConnection,
            )
    window.load_failed.connect(  # once ready, when_ready sets it
        lambda: set_application_icon(app), Qt.ConnectionType.SingleShotConnection
    )
    QTimer.singleShot(0, window.start)
    status = app.exec()
    log.info("window closed with status %s", status)
    context.shutdown()  # done already when the window was closed; not when the app quit
    close_qt(app, window)
    return int(status)


def _open_held_log() -> None:
    """Write the start-up's held log records and open the log file (once the window is
    ready: its module is imported then, not before the first frame)."""
    from app.logging_setup import open_held_log

    open_held_log()


def close_qt(app: QApplication, window: QWidget) -> None:
    """Destroy the window and then the QApplication now, as the interpreter's teardown would
    (the platform hands the clipboard over to the desktop here), so the process may end
    without that teardown (``app.main.leave``)."""
    import shiboken6

    shiboken6.delete(window)
    app.shutdown()
