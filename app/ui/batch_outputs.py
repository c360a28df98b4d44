"""File > Address labels / Envelopes: one PDF for every official of the cases in the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.model import CaseDetail
from app.i18n import _, ngettext
from app.ui.errors import report_failure
from app.ui.file_dialogs import ask_save_path, paper_size
from app.ui.messages import Messages

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def listed_cases(window: MainWindow) -> list[CaseDetail]:
    """The cases the list shows right now (search and "show closed" apply), with their officials."""
    from app.services.cases import get_case

    db = window.db
    if db is None:
        return []
    summaries = [window.proxy.case_at(row) for row in range(window.proxy.rowCount())]
    return [  # fictional sample cases never go on bulk envelopes or labels
        get_case(db, summary.ua_number)
        for summary in summaries
        if summary is not None and not summary.is_sample
    ]


def _nothing_to_print(window: MainWindow) -> None:
    Messages.info(
        window,
        _("Nothing to print"),
        _(
            "The cases in the list name no officials with a postal address. Clear the search to list more cases."
        ),
    )


def save_address_labels(window: MainWindow) -> None:
    from app.output.address import postal_lines
    from app.output.envelope import write_label_sheet_pdf

    try:
        cases = listed_cases(window)
        addresses = [
            postal_lines(t, case.country) for case in cases for t in case.targets if t.address
        ]
        if not addresses:
            _nothing_to_print(window)
            return
        path = ask_save_path(
            window, _("Save address labels"), "address-labels.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return
        sheets = write_label_sheet_pdf(addresses, path, page_size=paper_size(window.settings))
    except Exception as error:
        report_failure(window, _("The labels were not saved"), error)
        return
    message = ngettext(
        "Saved %(count)d labels on %(sheets)d sheet to %(file)s.",
        "Saved %(count)d labels on %(sheets)d sheets to %(file)s.",
        sheets,
    ) % {"count": len(addresses), "sheets": sheets, "file": path}
    window.statusBar().showMessage(message, 10_000)


def save_envelopes(window: MainWindow) -> None:
    """One envelope per official; no return address for cases in the user's caution countries."""
    from app.output.envelope import EnvelopeItem, write_envelopes_pdf
    from app.ui.dialogs.letter_advice import is_caution_country

    settings = window.settings
    try:
        cases = listed_cases(window)
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
            _nothing_to_print(window)
            return
        path = ask_save_path(
            window, _("Save envelopes"), "envelopes.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return
        envelope = "10" if paper_size(settings) == "Letter" else "DL"
        write_envelopes_pdf(items, path, format_name=envelope)
    except Exception as error:
        report_failure(window, _("The envelopes were not saved"), error)
        return
    message = ngettext(
        "Saved %(count)d envelope to %(file)s.",
        "Saved %(count)d envelopes to %(file)s.",
        len(items),
    ) % {"count": len(items), "file": path}
    window.statusBar().showMessage(message, 10_000)
