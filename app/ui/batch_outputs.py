"""File > Address labels / Envelopes: one PDF for every official of the cases in the list.

Each entry point takes the context, the dialogs' parent and the cases the list shows right
now (search and "show closed" apply), and returns the status line to show (None: nothing
was saved).
"""

from __future__ import annotations

from collections.abc import Sequence

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


def save_address_labels(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    from app.services.outputs import output_options, save_labels

    try:
        chosen = _recipients(context, summaries)
        if not chosen:
            _nothing_to_print(parent)
            return None
        path = ask_save_path(
            parent, _("Save address labels"), "address-labels.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return None
        written = save_labels(chosen, path, options=output_options(context.settings))
    except Exception as error:
        report_failure(parent, _("The labels were not saved"), error)
        return None
    return labels_saved_text(written.labels, written.sheets, path)


def save_envelopes(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    """One envelope per official; no return address for cases in the user's caution countries."""
    from app.services.outputs import output_options
    from app.services.outputs import save_envelopes as write_envelopes

    settings = context.settings
    try:
        chosen = _recipients(context, summaries)
        if not chosen:
            _nothing_to_print(parent)
            return None
        path = ask_save_path(
            parent, _("Save envelopes"), "envelopes.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return None
        written = write_envelopes(
            chosen, path, sender=settings.sender, options=output_options(settings)
        )
    except Exception as error:
        report_failure(parent, _("The envelopes were not saved"), error)
        return None
    return ngettext(
        "Saved %(count)d envelope to %(file)s.",
        "Saved %(count)d envelopes to %(file)s.",
        written.envelopes,
    ) % {"count": written.envelopes, "file": path}
