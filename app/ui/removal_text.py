"""What a deletion removes, in one message said to the user before it happens."""

from __future__ import annotations

from app.domain.changes import CASE_TO_DELETE, DeletionPreview
from app.i18n import _, ngettext


def removal_text(preview: DeletionPreview, *, keep_appeals: bool | None = False) -> str:
    """What a deletion removes, said before it happens. With ``keep_appeals`` None the user
    chooses beside the text what becomes of the recorded appeals (``keep_appeals_choice``),
    so the text leaves them out."""
    lines = [_removes(preview, ending=":")]
    if preview.documents:
        lines.append(
            ngettext(
                "%(count)d imported document", "%(count)d imported documents", preview.documents
            )
            % {"count": preview.documents}
        )
    if preview.appeals and keep_appeals is False:
        appeals = ngettext(
            "%(count)d recorded appeal", "%(count)d recorded appeals", preview.appeals
        ) % {"count": preview.appeals}
        letters = ngettext(
            "(%(count)d letter in all)", "(%(count)d letters in all)", preview.letters
        ) % {"count": preview.letters}
        lines.append(f"{appeals} {letters}")
    if preview.events:
        lines.append(_("its place in: {events}").format(events=", ".join(preview.events)))
    if len(lines) == 1:  # nothing goes with it
        lines = [_removes(preview, ending=".")]
    text = "\n\u2022 ".join(lines)
    if preview.appeals and keep_appeals:
        text += "\n\n" + _("The appeals stay in the history and still count in reports.")
    return text + "\n\n" + _("You can undo this with Edit > Undo until you close Appeal Desk.")


def keep_appeals_choice(preview: DeletionPreview) -> str:
    """The check box beside a deletion that would take recorded appeals with it."""
    # TRANSLATORS: a check box under "Delete UA ...?"; unticked, the appeals are deleted too
    return ngettext(
        "Keep the %(count)d recorded appeal as history, so it still counts in reports",
        "Keep the %(count)d recorded appeals as history, so they still count in reports",
        preview.appeals,
    ) % {"count": preview.appeals}


def _removes(preview: DeletionPreview, *, ending: str) -> str:
    """The first line: "This removes UA 61/15:" (or with a full stop when nothing goes with it).
    A case has a sentence of its own, so a language can give the case number its article."""
    if preview.what.template == CASE_TO_DELETE:
        ua_number = preview.what.fields["ua_number"]
        if ending == ":":
            return _("This removes UA {ua_number}:").format(ua_number=ua_number)
        return _("This removes UA {ua_number}.").format(ua_number=ua_number)
    what = preview.what.translated(_)
    if ending == ":":
        return _("This removes {what}:").format(what=what)
    return _("This removes {what}.").format(what=what)
