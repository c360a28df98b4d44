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
from app.ui.app_context import AppContext
from app.ui.errors import report_failure
from app.ui.file_dialogs import ask_save_path, paper_size
from app.ui.messages import Messages


def listed_cases(context: AppContext, summaries: Sequence[CaseSummary]) -> list[CaseDetail]:
    """The listed cases with their officials."""
    from app.services.cases import get_case

    db = context.db
    if db is None:
        return []
    return [get_case(db, summary.ua_number) for summary in summaries]


def _nothing_to_print(parent: QWidget) -> None:
    Messages.info(
        parent,
        _("Nothing to print"),
        _(
            "The cases in the list name no officials with a postal address. Clear the search to list more cases."
        ),
    )


def save_address_labels(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    from app.output.address import postal_lines
    from app.output.envelope import write_label_sheet_pdf

    try:
        cases = listed_cases(context, summaries)
        addresses = [
            postal_lines(t, case.country) for case in cases for t in case.targets if t.address
        ]
        if not addresses:
            _nothing_to_print(parent)
            return None
        path = ask_save_path(
            parent, _("Save address labels"), "address-labels.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return None
        sheets = write_label_sheet_pdf(addresses, path, page_size=paper_size(context.settings))
    except Exception as error:
        report_failure(parent, _("The labels were not saved"), error)
        return None
    message = ngettext(
        "Saved %(count)d labels on %(sheets)d sheet to %(file)s.",
        "Saved %(count)d labels on %(sheets)d sheets to %(file)s.",
        sheets,
    ) % {"count": len(addresses), "sheets": sheets, "file": path}
    return message


def save_envelopes(
    context: AppContext, parent: QWidget, summaries: Sequence[CaseSummary]
) -> str | None:
    """One envelope per official; no return address for cases in the user's caution countries."""
    from app.output.envelope import EnvelopeItem, write_envelopes_pdf
    from app.ui.dialogs.letter_advice import is_caution_country

    settings = context.settings
    try:
        cases = listed_cases(context, summaries)
        items = [
            EnvelopeItem(
                target,
                case.country,
                None if is_caution_country(case, settings) else settings.sender,
            )
            for case in cases
            for target in case.targets
            if target.address
        ]
        if not items:
            _nothing_to_print(parent)
            return None
        path = ask_save_path(
            parent, _("Save envelopes"), "envelopes.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return None
        envelope = "10" if paper_size(settings) == "Letter" else "DL"
        write_envelopes_pdf(items, path, format_name=envelope)
    except Exception as error:
        report_failure(parent, _("The envelopes were not saved"), error)
        return None
    message = ngettext(
        "Saved %(count)d envelope to %(file)s.",
        "Saved %(count)d envelopes to %(file)s.",
        len(items),
    ) % {"count": len(items), "file": path}
    return message
