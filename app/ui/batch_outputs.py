"""File > Address labels / Envelopes: one PDF for every official of the cases in the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.model import CaseDetail
from app.i18n import _, ngettext
from app.ui.errors import report_failure
from app.ui.file_dialogs import ask_save_path
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
    return [get_case(db, summary.ua_number) for summary in summaries if summary is not None]


def _nothing_to_print(window: MainWindow) -> None:
    Messages.info(
        window,
        _("Nothing to print"),
        _(
            "The cases in the list name no officials with a postal address. Clear the search to list more cases."
        ),
    )


def _with_address(cases: list[CaseDetail]) -> list[tuple[CaseDetail, list[int]]]:
    """Each case with the numbers of its officials that have a postal address."""
    from app.services.outputs import officials_with_address

    chosen = [(case, officials_with_address(case)) for case in cases]
    return [(case, indexes) for case, indexes in chosen if indexes]


def save_address_labels(window: MainWindow) -> None:
    from app.services.outputs import output_options, save_labels

    try:
        chosen = _with_address(listed_cases(window))
        if not chosen:
            _nothing_to_print(window)
            return
        path = ask_save_path(
            window, _("Save address labels"), "address-labels.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return
        written = save_labels(chosen, path, options=output_options(window.settings))
    except Exception as error:
        report_failure(window, _("The labels were not saved"), error)
        return
    message = ngettext(
        "Saved %(count)d labels on %(sheets)d sheet to %(file)s.",
        "Saved %(count)d labels on %(sheets)d sheets to %(file)s.",
        written.sheets,
    ) % {"count": written.labels, "sheets": written.sheets, "file": path}
    window.statusBar().showMessage(message, 10_000)


def save_envelopes(window: MainWindow) -> None:
    """One envelope per official; no return address for cases in the user's caution countries."""
    from app.services.outputs import output_options
    from app.services.outputs import save_envelopes as write_envelopes

    settings = window.settings
    try:
        chosen = _with_address(listed_cases(window))
        if not chosen:
            _nothing_to_print(window)
            return
        path = ask_save_path(
            window, _("Save envelopes"), "envelopes.pdf", ".pdf", _("PDF files (*.pdf)")
        )
        if path is None:
            return
        written = write_envelopes(
            chosen, path, sender=settings.sender, options=output_options(settings)
        )
    except Exception as error:
        report_failure(window, _("The envelopes were not saved"), error)
        return
    message = ngettext(
        "Saved %(count)d envelope to %(file)s.",
        "Saved %(count)d envelopes to %(file)s.",
        written.envelopes,
    ) % {"count": written.envelopes, "file": path}
    window.statusBar().showMessage(message, 10_000)
