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

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from app.domain.model import CaseStatus
from app.domain.output_options import PageSize
from app.paths import AppPaths, resolve_paths

WINDOW_SIZE = (1280, 780)


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


def make_screenshots(
    out_dir: Path, populate: Callable[[AppPaths], None] = load_samples, language: str = "en"
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.settings import load_settings
    from app.ui.app_context import AppContext
    from app.ui.application import apply_language, create_application
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
        window = MainWindow(AppContext(paths, load_settings(paths)))
        window.resize(*WINDOW_SIZE)
        window.show()
        window.start()
        _wait(window, window.cases_loaded, window.load_failed)
        saved.append(_save(window, out_dir / "main-window.png"))
        window.menu_actions.write_letter.trigger()
        dialog = window.case_actions.letter_dialog
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
        window.case_actions.show_history()
        if window.case_actions.history_dialog is not None:
            history = window.case_actions.history_dialog
            history.case_combo.setCurrentIndex(0)
            history.table.selectRow(0)
            saved.append(_save(history, out_dir / "appeal-history.png"))
            history.close()
        window.case_actions.mark_sent()
        if window.case_actions.mark_sent_dialog is not None:
            saved.append(_save(window.case_actions.mark_sent_dialog, out_dir / "mark-sent.png"))
            window.case_actions.mark_sent_dialog.reject()
        if window.context.db is not None:
            listed = [
                case.ua_number for case in window.model.cases() if case.status == CaseStatus.OPEN
            ]
            event_png = save_event_mode(
                window.context.db, listed, out_dir / "event-mode.png", _settle
            )
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
