"""Make the README's screenshots offscreen: ``python -m app.ui.screenshots OUTDIR``
(``--lang de`` for the interface in another shipped language; English by default).

Builds a throwaway data directory holding the fictional sample pack, opens the real main
window offscreen and saves PNGs of the window, the letter editor and the first-run state.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from app.domain.output_options import PageSize
from app.paths import AppPaths, resolve_paths

WINDOW_SIZE = (1280, 780)
W = TypeVar("W", bound=QWidget)


def _wait(signal_owner: object, *signals: object, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _settle() -> None:
    loop = QEventLoop()
    QTimer.singleShot(150, loop.quit)
    loop.exec()


def _save(widget: QWidget, path: Path) -> Path:
    _settle()
    widget.grab().save(str(path))
    print(path)
    return path


def load_samples(paths: AppPaths) -> None:
    """The fictional sample pack as it ships, plus sender details for a realistic letter."""
    from dataclasses import replace
    from datetime import date

    from app.domain.model import AppealStatus, Channel, SenderProfile
    from app.services.appeals import record_appeal, record_reply
    from app.services.cases import get_case, list_cases
    from app.services.database import open_store
    from app.services.letters import draft_letter
    from app.services.samples import load_sample_pack
    from app.settings import load_settings, save_settings

    sender = SenderProfile(
        name="Sam Example", address="4 Sample Row", city="Exampleton", country="Fictionland"
    )
    db = open_store(paths)
    try:
        load_sample_pack(db)  # the pack exactly as a user opens it, nothing added
        # A little history: sent (with a reply), printed, and a draft - so counts show.
        statuses = (AppealStatus.SENT, AppealStatus.PRINTED, AppealStatus.DRAFT)
        for case, status in zip(list_cases(db), statuses, strict=False):
            letter = draft_letter(get_case(db, case.ua_number), 1, sender)
            record = record_appeal(
                db,
                case.ua_number,
                target_index=1,
                channel=Channel.POST if status != AppealStatus.DRAFT else None,
                text=letter.text,
                status=status,
            )
            if status == AppealStatus.SENT:
                record_reply(
                    db, record.appeal_id, date.today(), "Acknowledged; the case is under review."
                )
    finally:
        db.close()
    save_settings(paths, replace(load_settings(paths), sender=sender, page_size=PageSize.A4))


def press(window: QWidget, keys: str) -> None:
    """What a user's key press does: trigger the window's action bound to ``keys``."""
    from PySide6.QtGui import QAction, QKeySequence

    wanted = QKeySequence(keys)
    next(a for a in window.findChildren(QAction) if a.shortcut() == wanted).trigger()


def shown(kind: type[W]) -> W | None:
    """The open window of ``kind``: the dialog an action has just opened."""
    from PySide6.QtWidgets import QApplication

    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def make_screenshots(
    out_dir: Path, populate: Callable[[AppPaths], None] = load_samples, language: str = "en"
) -> list[Path]:
    """The pictures, taken the way a user sees the app: the window is built as the app builds
    it, then driven by its shortcuts and photographed with the dialogs they open."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.services.cases import list_cases
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.dialogs.letter_dialog import LetterDialog
    from app.ui.dialogs.mark_sent_dialog import MarkSentDialog
    from app.ui.main_window import MainWindow
    from app.ui.screenshot_extras import save_event_mode

    out_dir.mkdir(parents=True, exist_ok=True)
    app = create_application()
    apply_language(language)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="appeal-desk-shots-") as temp:
        empty_paths = resolve_paths(Path(temp) / "empty")
        window = MainWindow(AppContext(empty_paths, load_settings(empty_paths)))
        window.resize(*WINDOW_SIZE)
        window.show()
        window.start()
        _wait(window, window.cases_loaded, window.load_failed)
        saved.append(_save(window, out_dir / "first-run.png"))
        from app.ui.dialogs.welcome_dialog import WelcomeDialog

        welcome = WelcomeDialog(load_settings(empty_paths), window)
        welcome.show()
        saved.append(_save(welcome, out_dir / "welcome.png"))
        welcome.close()
        window.close()

        paths = resolve_paths(Path(temp) / "data")
        populate(paths)
        context = AppContext(paths, load_settings(paths))
        window = MainWindow(context)
        window.resize(*WINDOW_SIZE)
        window.show()
        window.start()
        _wait(window, window.cases_loaded, window.load_failed)
        saved.append(_save(window, out_dir / "main-window.png"))
        press(window, "Ctrl+L")  # Write letter
        dialog = shown(LetterDialog)
        if dialog is not None:
            if dialog.drafting:
                _wait(dialog, dialog.letter_ready)
            dialog.note_edit.setPlainText("I am a retired teacher and I think of you every day.")
            dialog.render_letter()
            _wait(dialog, dialog.letter_ready)
            saved.append(_save(dialog, out_dir / "letter-editor.png"))
            dialog.buttons.print.click()
            preview = getattr(dialog, "print_preview", None)
            if preview is not None:
                preview.resize(900, 820)
                saved.append(_save(preview, out_dir / "print-preview.png"))
                preview.close()
            dialog.mark_recorded()  # a picture, not a letter to keep: close without asking
            dialog.close()
        press(window, "Ctrl+H")  # Appeal history
        history = shown(HistoryDialog)
        if history is not None:
            history.case_combo.setCurrentIndex(0)
            history.table.selectRow(0)
            saved.append(_save(history, out_dir / "appeal-history.png"))
            history.close()
        press(window, "Ctrl+M")  # Mark as sent
        mark_sent = shown(MarkSentDialog)
        if mark_sent is not None:
            saved.append(_save(mark_sent, out_dir / "mark-sent.png"))
            mark_sent.reject()
        if context.db is not None:
            listed = [case.ua_number for case in list_cases(context.db)]  # the open cases
            event_png = save_event_mode(context.db, listed, out_dir / "event-mode.png", _settle)
            saved.extend([event_png] if event_png else [])
        window.close()
        app.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save screenshots of Appeal Desk (offscreen).")
    parser.add_argument("out_dir", type=Path, help="folder for the PNG files")
    from app.i18n import available_languages

    parser.add_argument(
        "--lang",
        default="en",
        choices=available_languages(),
        help="the interface language of the pictures (default: en)",
    )
    args = parser.parse_args(argv)
    make_screenshots(args.out_dir, language=args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
