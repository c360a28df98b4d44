"""What a deletion removes, in one message said to the user before it happens."""

from __future__ import annotations

from app.domain.changes import DeletionPreview
from app.i18n import _, ngettext
from app.labels import removal_sentence


def removal_text(preview: DeletionPreview, *, keep_appeals: bool | None = False) -> str:
    """What a deletion removes, said before it happens. With ``keep_appeals`` None the user
    chooses beside the text what becomes of the recorded appeals (``keep_appeals_choice``),
    so the text leaves them out."""
    lines = [removal_sentence(preview, listed=True)]
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
        lines = [removal_sentence(preview)]
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
