"""Short translated words for domain values, shared by the window and the command line.

No Qt here: app/ui/formatting.py adds what needs Qt (its locale's short dates).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.domain.model import AppealKind, CaseStatus, Channel, ImportOutcome, OutputKind
from app.i18n import N_, _, ngettext, pgettext

if TYPE_CHECKING:
    from app.domain.changes import DeletionPreview
    from app.domain.events import MergeResult

LONG_OVERDUE_DAYS = 60  # beyond this a day count ("11460 days overdue") says nothing useful


def days_left_text(deadline: date | None, status: CaseStatus, today: date) -> str:
    """Plain words for the deadline, so overdue never depends on colour alone."""
    if status == CaseStatus.CLOSED:
        return pgettext("case status", "Closed")
    if deadline is None:
        return _("No deadline")
    days = (deadline - today).days
    if days == 0:
        return _("Due today")
    if days > 0:
        return ngettext("%(count)d day left", "%(count)d days left", days) % {"count": days}
    overdue = -days
    if overdue > LONG_OVERDUE_DAYS:
        return _("Deadline passed")
    return ngettext("%(count)d day overdue", "%(count)d days overdue", overdue) % {"count": overdue}


def ua_label(ua_number: str) -> str:
    """ "UA 12/26" in the interface's words (Spanish "AU 12/26", Arabic its own)."""
    return _("UA {ua_number}").format(ua_number=ua_number)


def channel_label(channel: Channel | None) -> str:
    labels = {
        Channel.POST: pgettext("channel", "Post"),
        Channel.EMAIL: pgettext("channel", "Email"),
        Channel.FAX: pgettext("channel", "Fax"),
        Channel.SOCIAL_MEDIA: pgettext("channel", "Social media"),
        Channel.HAND_DELIVERED: pgettext("channel", "Hand-delivered"),
        Channel.OTHER: pgettext("channel", "Other"),
    }
    return (
        labels.get(channel, pgettext("channel", "Not sent"))
        if channel
        else pgettext("channel", "Not sent")
    )


def appeal_kind_label(kind: AppealKind) -> str:
    return {
        AppealKind.APPEAL: pgettext("appeal kind", "Appeal"),
        AppealKind.SOLIDARITY: pgettext("appeal kind", "Solidarity message"),
    }[kind]


def outcome_label(outcome: ImportOutcome) -> str:
    return {
        ImportOutcome.IMPORTED: pgettext("import outcome", "imported"),
        ImportOutcome.UPDATED: pgettext("import outcome", "updated"),
        ImportOutcome.UNCHANGED: pgettext("import outcome", "unchanged"),
        ImportOutcome.REJECTED: pgettext("import outcome", "rejected"),
        ImportOutcome.NEEDS_CONFIRMATION: pgettext("import outcome", "waiting for confirmation"),
        ImportOutcome.SKIPPED: pgettext("import outcome", "skipped (import cancelled)"),
    }[outcome]


def output_kind_label(kind: OutputKind) -> str:
    return {
        OutputKind.INITIAL: pgettext("document kind", "Initial UA"),
        OutputKind.UPDATE: pgettext("document kind", "Update"),
        OutputKind.FINAL: pgettext("document kind", "Final output"),
    }[kind]


def sample_label() -> str:
    """The badge every fictional sample case carries."""
    return _("Fictional sample")


def practice_letters_text(practice: int) -> str:
    """Why an event's total leaves out letters shown beside it: those on sample cases."""
    return ngettext(
        "%(n)d practice letter on the fictional sample cases is not counted.",
        "%(n)d practice letters on the fictional sample cases are not counted.",
        practice,
    ) % {"n": practice}


BACKUP_REASONS = {
    "auto": N_("automatic"),
    "manual": N_("made by you"),
    "pre-import": N_("before an import"),
    "pre-restore": N_("before a restore"),
    "pre-merge": N_("before an event file changed letters"),
    "pre-migration": N_("before an upgrade"),
}


def backup_reason_label(reason: str) -> str:
    """Why a backup was made, in words (the stored code when it is unknown)."""
    return _(BACKUP_REASONS[reason]) if reason in BACKUP_REASONS else reason


def backup_contents_text(counts: dict[str, int]) -> str:
    """``12 cases, 30 appeals, 1 event``: one plural message per count."""
    texts = {
        "cases": lambda n: ngettext("%(count)d case", "%(count)d cases", n),
        "appeals": lambda n: ngettext("%(count)d appeal", "%(count)d appeals", n),
        "events": lambda n: ngettext("%(count)d event", "%(count)d events", n),
    }
    # TRANSLATORS: between the items of a list ("12 cases, 30 appeals"); Arabic uses "، "
    return _(", ").join(
        texts[key](counts[key]) % {"count": counts[key]} for key in texts if key in counts
    )


def unusable_backup_text() -> str:
    """The contents column of a file in the backups folder that cannot be restored."""
    return _("Unreadable (damaged or not a backup): cannot be restored")


def file_size_text(size: float) -> str:
    """``340 KB``, ``1.2 MB``: the number in the interface language's digits."""
    from babel.numbers import format_decimal

    from app.i18n import current_language

    units = (
        lambda number: pgettext("file size", "{size} B").format(size=number),
        lambda number: pgettext("file size", "{size} KB").format(size=number),
        lambda number: pgettext("file size", "{size} MB").format(size=number),
    )
    for unit in units:
        if size < 1024:
            return unit(format_decimal(round(size), locale=current_language()))
        size /= 1024
    shown = format_decimal(round(size, 1), format="#,##0.0", locale=current_language())
    return pgettext("file size", "{size} GB").format(size=shown)


def labels_saved_text(labels: int, sheets: int, file: object) -> str:
    """``Saved 12 address labels to x.pdf. 1 sheet to print.`` (one count per sentence)."""
    saved = ngettext(
        "Saved %(count)d address label to %(file)s.",
        "Saved %(count)d address labels to %(file)s.",
        labels,
    ) % {"count": labels, "file": file}
    to_print = ngettext("%(count)d sheet to print.", "%(count)d sheets to print.", sheets) % {
        "count": sheets
    }
    return f"{saved} {to_print}"


def merge_summary(file: str, result: MergeResult) -> str:
    """``file: 'Event': 5 added, 2 updated, 1 removed, 1 already present, 0 conflicts`` (one
    count per part; "updated" and "removed" only when some were), saying when the file made a
    new event here or joined one of the same name."""
    counts = merge_counts(result)
    if result.matched_by_name:
        template = _(
            "{file}: '{event}' (same name, created on another laptop: merged into it): {counts}"
        )
    elif result.event_created:
        template = _("{file}: '{event}' (event created): {counts}")
    else:
        template = _("{file}: '{event}': {counts}")
    return template.format(file=file, event=result.event_name, counts=counts)


def merge_counts(result: MergeResult) -> str:
    """``5 added, 2 updated, 1 removed, 1 already present, 0 conflicts``: "updated" and
    "removed" only when some were."""
    changed = []
    if result.updated:
        # TRANSLATORS: letters corrected on another laptop after this one last had them
        changed.append(
            ngettext("{count} updated", "{count} updated", result.updated).format(
                count=result.updated
            )
        )
    if result.removed:
        # TRANSLATORS: letters deleted on another laptop, now deleted here too
        changed.append(
            ngettext("{count} removed", "{count} removed", result.removed).format(
                count=result.removed
            )
        )
    return ", ".join(
        (
            ngettext("{count} added", "{count} added", result.added).format(count=result.added),
            *changed,
            ngettext(
                "{count} already present", "{count} already present", result.already_present
            ).format(count=result.already_present),
            ngettext("{count} conflict", "{count} conflicts", len(result.conflicts)).format(
                count=len(result.conflicts)
            ),
        )
    )


def merge_totals(results: list[MergeResult]) -> str:
    """``3 files merged: 5 added, 2 updated, 1 removed, 9 already present, 0 conflicts.``"""
    from app.domain.events import MergeResult

    total = MergeResult(
        source="",
        event_name="",
        added=sum(r.added for r in results),
        already_present=sum(r.already_present for r in results),
        conflicts=tuple(c for r in results for c in r.conflicts),
        updated=sum(r.updated for r in results),
        removed=sum(r.removed for r in results),
    )
    return ngettext(
        "{count} file merged: {counts}.", "{count} files merged: {counts}.", len(results)
    ).format(count=len(results), counts=merge_counts(total))


def removal_sentence(preview: DeletionPreview, with_it: str = "", *, listed: bool = False) -> str:
    """The sentence that opens what a deletion removes, for the window and the command line:
    "This removes UA 61/15.", with what goes with it ("This removes UA 61/15 and with it: 2
    documents."), or, ``listed``, before a list of it ("This removes UA 61/15:"). A case has
    sentences of its own, so a language can give the case number its article ("Ceci supprime
    l'AU 61/15")."""
    from app.domain.changes import CASE_TO_DELETE

    if preview.what.template == CASE_TO_DELETE:
        ua_number = preview.what.fields["ua_number"]
        if listed:
            return _("This removes UA {ua_number}:").format(ua_number=ua_number)
        if with_it:
            # TRANSLATORS: {with_it} lists what goes with the case: "2 documents; 1 recorded appeal"
            return _("This removes UA {ua_number} and with it: {with_it}.").format(
                ua_number=ua_number, with_it=with_it
            )
        return _("This removes UA {ua_number}.").format(ua_number=ua_number)
    what = preview.what.translated(_)
    if listed:
        return _("This removes {what}:").format(what=what)
    if with_it:
        # TRANSLATORS: {what} is "the event …" or "the practice cases"; {with_it} lists what goes with it
        return _("This removes {what} and with it: {with_it}.").format(what=what, with_it=with_it)
    return _("This removes {what}.").format(what=what)
