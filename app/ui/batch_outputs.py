"""File > Address labels / Envelopes: one PDF for every official of the cases in the list.

Each entry point takes the context, the dialogs' parent and the cases the list shows right
now (search and "show closed" apply), and returns the status line to show (None: nothing
was saved).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.model import CaseDetail, CaseSummary
from app.i18n import _, ngettext
from app.labels import labels_saved_text
from app.ui.app_context import AppContext
from app.ui.errors import report_failure
from app.ui.file_dialogs import ask_save_path
from app.ui.messages import Messages

Recipients = tuple[CaseDetail, list[int]]  # a case and its officials' numbers


def _nothing_to_print(parent: QWidget) -> None:
    Messages.info(
        parent,
        _("Nothing to print"),
        _(
            "The cases in the list name no officials with a postal address. Clear the search to list more cases."
        ),
    )


def _recipients(context: AppContext, summaries: Sequence[CaseSummary]) -> list[Recipients]:
    from app.services.outputs import listed_recipients

    db = context.db
    return [] if db is None else listed_recipients(db, summaries)


def _write_for_listed(
    context: AppContext,
    parent: QWidget,
    summaries: Sequence[CaseSummary],
    title: str,
    file_name: str,
    failed: str,
    write: Callable[[list[Recipients], Path], str],
) -> str | None:
    """Ask where to save, then ``write`` a PDF for the officials of the listed cases; its
    status line, or None (nothing to print, no file chosen, or a failure told as ``failed``)."""
    try:
        chosen = _recipients(context, summaries)
        if not chosen:
            _nothing_to_print(parent)
            return None
        path = ask_save_path(parent, title, file_name, ".pdf", _("PDF files (*.pdf)"))
        if path is None:
            return None
        return write(chosen, path)
    except Exception as error:
        report_failure(parent, failed, error)
        return None


def save_address_labels(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    from app.services.outputs import output_options, save_labels

    def write(chosen: list[Recipients], path: Path) -> str:
        written = save_labels(chosen, path, options=output_options(context.settings))
        return labels_saved_text(written.labels, written.sheets, path)

    return _write_for_listed(
        context,
        parent,
        summaries,
        _("Save address labels"),
        "address-labels.pdf",
        _("The labels were not saved"),
        write,
    )


def save_envelopes(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    """One envelope per official; no return address for cases in the user's caution countries."""
    from app.services.outputs import output_options
    from app.services.outputs import save_envelopes as write_envelopes

    settings = context.settings

    def write(chosen: list[Recipients], path: Path) -> str:
        written = write_envelopes(
            chosen, path, sender=settings.sender, options=output_options(settings)
        )
        return ngettext(
            "Saved %(count)d envelope to %(file)s.",
            "Saved %(count)d envelopes to %(file)s.",
            written.envelopes,
        ) % {"count": written.envelopes, "file": path}

    return _write_for_listed(
        context,
        parent,
        summaries,
        _("Save envelopes"),
        "envelopes.pdf",
        _("The envelopes were not saved"),
        write,
    )
