"""The body of the case detail pane as simple, accessible HTML (headings, lists, tables)."""

from __future__ import annotations

from datetime import date
from html import escape

from app.domain.greetings import official_descriptions, stored_greeting_fits
from app.domain.model import (
    AppealKind,
    AppealRecord,
    AppealStatus,
    CaseDetail,
    CaseStatus,
    OutputKind,
    OutputRecord,
    Target,
)
from app.i18n import _, ngettext
from app.ui.dialogs.letter_side_panel import ASK_LABELS
from app.ui.formatting import (
    appeal_kind_label,
    channel_label,
    format_date,
    isolated,
    listed,
    output_kind_label,
    preferred_language_label,
)
from app.ui.models.appeal_table_model import status_label


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def _heading(text: str) -> str:
    return "<h2>" + escape(text) + "</h2>"


def _para(text: str, tag: str = "") -> str:
    inner = escape(text)
    return "<p>" + (f"<{tag}>{inner}</{tag}>" if tag else inner) + "</p>"


def _header_row(*labels: str) -> str:
    return "<tr>" + "".join(f"<th align='left'>{escape(label)}</th>" for label in labels) + "</tr>"


def _left_to_right(value: str) -> str:
    """A number, address or handle isolated left to right (LRI ... PDI), so that in the Arabic
    interface "+94 11 555 6137" does not come out as "6137 555 11 +94"."""
    return "\u2066" + value + "\u2069"


def _interface_direction() -> str:
    """The direction of the interface's language, for the lines that are our own labels."""
    from app.i18n import current_language, is_rtl

    return "rtl" if is_rtl(current_language()) else "ltr"


def _target_html(position: int, target: Target, salutation_fits: bool = True) -> str:
    """The official's name, then one line per fact. A line that is our label with a value
    ("Salutation: ...", "Email: ...") runs in the interface's direction, so that in Arabic the
    label stands on the right whatever the value's script; the name and the postal address
    run in their own direction."""
    label = target.label or _("Unnamed official")
    direction = _interface_direction()
    lines = ["<div><b>" + escape(f"{position}. {label}") + "</b></div>"]

    def labelled(text: str) -> None:
        lines.append(f"<div dir='{direction}'>" + escape(text) + "</div>")

    if target.salutation and salutation_fits:
        salutation = isolated(target.salutation)  # its own order and punctuation
        labelled(_("Salutation: {salutation}").format(salutation=salutation))
    if target.address:
        lines.append("<div>" + escape(target.address).replace("\n", "<br>") + "</div>")
    contacts = [
        (_("Email"), target.email),
        (_("Fax"), target.fax),
        (_("Phone"), target.phone),
    ]
    for name, value in contacts:
        if value:
            # TRANSLATORS: a contact line of an official, such as "Email: office@example.org"
            labelled(_("{label}: {value}").format(label=name, value=_left_to_right(value)))
    if target.social:
        social = ", ".join(_left_to_right(handle) for handle in target.social)
        labelled(_("Social media: {handles}").format(handles=social))
    # the space after an official, as after a paragraph
    lines[-1] = lines[-1].replace("<div", "<div style='margin-bottom:12px'", 1)
    return "".join(lines)


def _document_kind(output: OutputRecord, update_number: int) -> str:
    if output.kind == OutputKind.UPDATE:
        # TRANSLATORS: the second, third... document of a case: "Update 1", "Update 2"
        return _("Update {number}").format(number=update_number)
    return output_kind_label(output.kind)


def _documents_html(outputs: tuple[OutputRecord, ...]) -> str:
    """Every document of the case, oldest first: its kind, date, headline, index, deadline."""
    parts: list[str] = []
    updates = 0
    for output in outputs:
        updates += output.kind == OutputKind.UPDATE
        if output.issued_on is not None:
            when = format_date(output.issued_on, long=True)
        else:  # web copies and finals often print no date: say when it came in
            when = _("no date; imported on {date}").format(
                date=format_date(output.imported_at.date(), long=True)
            )
        lines = ["<b>" + escape(f"{_document_kind(output, updates)} \u00b7 {when}") + "</b>"]
        if output.title:
            lines.append(escape(output.title))
        facts = []
        if output.ai_index:
            facts.append(_("AI index {index}").format(index=_left_to_right(output.ai_index)))
        if output.deadline is not None:
            facts.append(
                _("appeals until {date}").format(date=format_date(output.deadline, long=True))
            )
        if facts:
            lines.append(escape(" \u00b7 ".join(facts)))
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


def deadline_rule(case: CaseDetail, today: date) -> str:
    """When to send, and what the UA says about later appeals: after the deadline, only once
    your section has said it is still useful."""
    if case.deadline is None:
        return _("The UA gives no deadline: send your appeal as soon as you can.")
    when = format_date(case.deadline, long=True)
    if case.deadline < today:
        return _(
            "The deadline was {date}. Before you send an appeal now, check with your section "
            "that it is still useful."
        ).format(date=when)
    return _(
        "Send your appeal by {date}. After that date, check with your section before you send one."
    ).format(date=when)


def _appeals_table(appeals: tuple[AppealRecord, ...]) -> str:
    header = _header_row(_("Date"), _("To"), _("Channel"), _("Status"))
    rows = []
    for a in appeals:
        status = status_label(a.status)
        if a.kind != AppealKind.APPEAL:
            status = f"{appeal_kind_label(a.kind)}, {status}"
        rows.append(
            f"<tr><td>{escape(format_date(a.sent_on))}</td><td>{escape(a.target_label)}</td>"
            f"<td>{escape(channel_label(a.channel))}</td><td>{escape(status)}</td></tr>"
        )
        if a.reply_on is not None:
            reply = _("Reply on {date}: {note}").format(
                date=format_date(a.reply_on), note=a.reply_note or ""
            )
            if a.reply_attachment:  # the scan by its kind, never by its stored file name
                kind = (
                    a.reply_attachment.rsplit(".", 1)[-1].upper()
                    if "." in a.reply_attachment
                    else ""
                )
                reply = (
                    reply.rstrip(": ")
                    + " · "
                    + (
                        _("scan attached ({kind})").format(kind=kind)
                        if kind
                        else _("scan attached")
                    )
                )
            rows.append(
                f"<tr><td></td><td colspan='3'><i>{escape(reply.rstrip(': '))}</i></td></tr>"
            )
    return f"<table cellspacing='0' cellpadding='3'>{header}{''.join(rows)}</table>"


def outcome_sentence(case: CaseDetail) -> str:
    """ "Your 3 letters - case closed (final output of 2 May 2026)": what the writing led to."""
    sent = sum(a.count for a in case.appeals if a.status == AppealStatus.SENT)
    if case.status != CaseStatus.CLOSED or not sent:
        return ""
    finals = [o for o in case.outputs if o.kind == OutputKind.FINAL]
    letters = ngettext("Your %(count)d letter", "Your %(count)d letters", sent) % {"count": sent}
    if finals and finals[-1].issued_on is not None:
        return _("{letters} \u2192 case closed (final output of {date}).").format(
            letters=letters, date=format_date(finals[-1].issued_on, long=True)
        )
    return _("{letters} \u2192 case closed.").format(letters=letters)


def field_label(field: str) -> str:
    """A case field as the edit dialog names it."""
    labels = {
        "title": _("Title"),
        "country": _("Country"),
        "deadline": _("Deadline"),
        "status": _("Status"),
        "language": _("Language of the documents"),
        "preferred_languages": _("Preferred languages"),
        "persons": _("At risk"),
        "targets": _("Officials"),
    }
    return labels.get(field, field)


def _value_text(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(
            str(v.get("name") or v.get("title") or "") if isinstance(v, dict) else str(v)
            for v in value
        )
    return "" if value is None else str(value)


def corrections_html(case: CaseDetail) -> str:
    """Which fields the user changed (they stay), and what later documents say instead."""
    parts: list[str] = []
    if case.corrected_fields:
        names = ", ".join(field_label(f) for f in sorted(case.corrected_fields))
        text = _("Changed by you: {fields}. Later documents do not overwrite them.").format(
            fields=names
        )
        parts.append(f"<p><i>✎ {escape(text)}</i></p>")
    for difference in case.differences:
        text = _("A later document says {field}: “{value}” (yours: “{mine}”).").format(
            field=field_label(difference.field),
            value=_value_text(difference.document_value),
            mine=_value_text(difference.user_value),
        )
        parts.append(f"<p><b>{escape(text)}</b></p>")
    return "".join(parts)


def case_asks(case: CaseDetail) -> list[str]:
    """What the UA asks for: its bullets as printed when the case keeps them, else the demands
    recognised in its text, named in the interface language."""
    bullets = [bullet for bullet in case.recommended_actions if bullet.strip()]
    if bullets:
        return bullets
    try:
        from app.services.asks import recognise_asks
    except ImportError:  # the letters engine is missing: the pane still shows the case
        return []
    return [_(ASK_LABELS.get(key, key)) for key in recognise_asks(case)]


def _list(items: list[str]) -> str:
    return "<ul>" + "".join("<li>" + escape(item) + "</li>" for item in items) + "</ul>"


def case_detail_html(case: CaseDetail, today: date | None = None) -> str:
    """Sections: the story, people, what the UA asks for, officials, copies, the deadline,
    languages, the additional information, your appeals, documents, model letter."""
    parts: list[str] = [corrections_html(case)]
    if case.summary:
        parts.append(_heading(_("The story")) + _paragraphs(case.summary))
    if case.persons:
        items = [f"{p.name} ({p.pronouns})" if p.pronouns else p.name for p in case.persons]
        parts.append(_heading(_("At risk")) + _list(items))
    asks = case_asks(case) if case.status != CaseStatus.CLOSED else []
    if asks:
        parts.append(_heading(_("What the UA asks for")) + _list(asks))
    parts.append(_heading(_("Write to")))
    if case.targets:
        officials = official_descriptions(case.targets)
        parts.extend(
            _target_html(
                i,
                t,
                salutation_fits=not t.salutation
                or stored_greeting_fits(t.salutation, officials, i - 1),
            )
            for i, t in enumerate(case.targets, start=1)
        )
    else:
        parts.append(_para(_("This document names no official to write to.")))
    if case.copies_to:
        parts.append(
            _heading(_("Send copies to"))
            + _para(_("Copies only: your letter is not addressed to them."))
            + _list(list(case.copies_to))
        )
    if case.status != CaseStatus.CLOSED:
        rule = deadline_rule(case, today or date.today())
        parts.append(_heading(_("Deadline")) + _para(rule))
    if case.preferred_languages:
        names = listed([preferred_language_label(name) for name in case.preferred_languages])
        parts.append(_heading(_("Preferred languages")) + _para(names))
    if case.additional_info:
        parts.append(_heading(_("Additional information")) + _paragraphs(case.additional_info))
    parts.append(_heading(_("Your appeals")))
    if case.appeals:
        outcome = outcome_sentence(case)
        if outcome:
            parts.append(_para(outcome, "b"))
        parts.append(_appeals_table(case.appeals))
    else:
        parts.append(_para(_("You have not recorded an appeal for this case yet.")))
    if case.outputs:
        parts.append(_heading(_("Documents of this case")) + _documents_html(case.outputs))
    if case.previous_ua_link:
        # plain, not italic: italic fonts often lack Arabic letters
        link = _left_to_right(case.previous_ua_link)  # a web address reads left to right
        parts.append(_para(_("Follows {link}").format(link=link)))
    if case.model_letter:
        parts.append(_heading(_("Model letter")) + _paragraphs(case.model_letter))
    return "".join(parts)
