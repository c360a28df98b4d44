"""Words for the end of an import: counts per outcome, and one line per file with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.model import ImportOutcome
from app.i18n import _, ngettext
from app.ui.errors import reason_text
from app.ui.formatting import outcome_label

if TYPE_CHECKING:
    from app.domain.model import ImportResult


def summary_text(results: Sequence[ImportResult]) -> str:
    """ "2 documents imported. 1 document rejected." (only the outcomes that happened); when a
    file held more than one document (a mailbox), the files read are counted first."""
    from app.services.import_tally import ImportTally

    tally = ImportTally.of(results)
    sentences = {
        ImportOutcome.IMPORTED: ngettext(
            "%(count)d document imported.",
            "%(count)d documents imported.",
            tally.count(ImportOutcome.IMPORTED),
        ),
        ImportOutcome.UPDATED: ngettext(
            "%(count)d case updated.",
            "%(count)d cases updated.",
            tally.count(ImportOutcome.UPDATED),
        ),
        ImportOutcome.UNCHANGED: ngettext(
            "%(count)d document was already in your list.",
            "%(count)d documents were already in your list.",
            tally.count(ImportOutcome.UNCHANGED),
        ),
        ImportOutcome.REJECTED: ngettext(
            "%(count)d document could not be imported.",
            "%(count)d documents could not be imported.",
            tally.count(ImportOutcome.REJECTED),
        ),
        ImportOutcome.NEEDS_CONFIRMATION: ngettext(
            "%(count)d document may not belong to its case and waits for your decision.",
            "%(count)d documents may not belong to their cases and wait for your decision.",
            tally.count(ImportOutcome.NEEDS_CONFIRMATION),
        ),
        ImportOutcome.SKIPPED: ngettext(
            "The import was cancelled: %(count)d file was skipped and not imported. "
            "Import it again to add it.",
            "The import was cancelled: %(count)d files were skipped and not imported. "
            "Import them again to add them.",
            tally.count(ImportOutcome.SKIPPED),
        ),
    }
    parts = [sentences[outcome] % {"count": n} for outcome, n in tally.outcomes]
    if not parts:
        return _("No document was imported.")
    if tally.several_in_a_file:
        read = ngettext(
            "%(count)d file read, holding more than one document.",
            "%(count)d files read, some holding more than one document.",
            tally.files,
        )
        parts.insert(0, read % {"count": tally.files})
    return " ".join(parts)


def declined_text(count: int) -> str:
    """The status line once the user said No to applying doubtful documents."""
    return ngettext(
        "%(count)d document was not applied: its case stays as it was.",
        "%(count)d documents were not applied: their cases stay as they were.",
        count,
    ) % {"count": count}


def result_line(result: ImportResult) -> str:
    name = Path(result.source).name or result.source
    if result.outcome == ImportOutcome.REJECTED:
        return _("{file}: rejected - {reason}").format(
            file=name, reason=reason_text(result) or _("unknown reason")
        )
    if result.outcome == ImportOutcome.NEEDS_CONFIRMATION:
        return _("{file}: not applied to UA {ua_number} - {reason}").format(
            file=name, ua_number=result.ua_number or "?", reason=reason_text(result)
        )
    if result.outcome == ImportOutcome.UNCHANGED and result.ua_number:
        return _(
            "{file}: unchanged - UA {ua_number} is already in your list with this document."
        ).format(file=name, ua_number=result.ua_number)
    if result.ua_number:
        return _("{file}: {outcome} (UA {ua_number})").format(
            file=name, outcome=outcome_label(result.outcome), ua_number=result.ua_number
        )
    return _("{file}: {outcome}").format(file=name, outcome=outcome_label(result.outcome))


def details_text(results: Sequence[ImportResult]) -> str:
    return "\n".join(result_line(result) for result in results)


def was_cancelled(results: Sequence[ImportResult]) -> bool:
    """The user cancelled the import before every file was read."""
    return any(result.outcome == ImportOutcome.SKIPPED for result in results)


def has_rejections(results: Sequence[ImportResult]) -> bool:
    return any(result.outcome == ImportOutcome.REJECTED for result in results)


def _field_label(field: str) -> str:
    return {
        "title": _("Title"),
        "country": _("Country"),
        "status": _("Status"),
        "deadline": _("Deadline"),
        "persons": _("People added"),
        "officials": _("Officials"),
    }.get(field, field)


def confirmation_text(result: ImportResult) -> str:
    """The question for a doubtful update: why it is doubtful and what it would change."""
    name = Path(result.source).name or result.source
    lines = [
        _("{file} seems to belong to UA {ua_number}, but: {reason}").format(
            file=name, ua_number=result.ua_number or "?", reason=reason_text(result)
        ),
        "",
    ]
    if result.changes:
        lines.append(_("Applying it would change:"))
        for change in result.changes:
            lines.append(
                _("{field}: {before} -> {after}").format(
                    field=_field_label(change.field),
                    before=change.before or "-",
                    after=change.after or "-",
                )
            )
    else:
        lines.append(_("Applying it would add it to the case's documents."))
    lines += ["", _("Apply this document to UA {ua_number}?").format(ua_number=result.ua_number)]
    return "\n".join(lines)
