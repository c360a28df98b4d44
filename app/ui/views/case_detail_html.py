"""The body of the case detail pane as simple, accessible HTML (headings, lists, tables)."""

from __future__ import annotations

from html import escape

from app.domain.model import AppealRecord, CaseDetail, OutputRecord, Target
from app.i18n import _
from app.ui.formatting import (
    appeal_kind_label,
    channel_label,
    format_date,
    language_name,
    output_kind_label,
)


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def _target_html(position: int, target: Target) -> str:
    lines = [f"<b>{position}. {escape(target.label or _('Unnamed official'))}</b>"]
    if target.salutation:
        lines.append(escape(_("Salutation: {salutation}").format(salutation=target.salutation)))
    if target.address:
        lines.append(escape(target.address).replace("\n", "<br>"))
    contacts = [
        (_("Email"), target.email),
        (_("Fax"), target.fax),
        (_("Phone"), target.phone),
    ]
    for label, value in contacts:
        if value:
            lines.append(f"{escape(label)}: {escape(value)}")
    if target.social:
        lines.append(f"{escape(_('Social media'))}: {escape(', '.join(target.social))}")
    return "<p>" + "<br>".join(lines) + "</p>"


def _outputs_table(outputs: tuple[OutputRecord, ...]) -> str:
    header = (
        f"<tr><th align='left'>{escape(_('Document'))}</th>"
        f"<th align='left'>{escape(_('Issued'))}</th>"
        f"<th align='left'>{escape(_('AI index'))}</th>"
        f"<th align='left'>{escape(_('Deadline'))}</th></tr>"
    )
    rows = "".join(
        f"<tr><td>{escape(output_kind_label(o.kind))}</td><td>{escape(format_date(o.issued_on))}</td>"
        f"<td>{escape(o.ai_index or '')}</td><td>{escape(format_date(o.deadline))}</td></tr>"
        for o in outputs
    )
    return f"<table cellspacing='0' cellpadding='3'>{header}{rows}</table>"


def _appeals_table(appeals: tuple[AppealRecord, ...]) -> str:
    header = (
        f"<tr><th align='left'>{escape(_('Date'))}</th>"
        f"<th align='left'>{escape(_('To'))}</th>"
        f"<th align='left'>{escape(_('Channel'))}</th>"
        f"<th align='left'>{escape(_('Kind'))}</th></tr>"
    )
    rows = "".join(
        f"<tr><td>{escape(format_date(a.sent_on))}</td><td>{escape(a.target_label)}</td>"
        f"<td>{escape(channel_label(a.channel))}</td><td>{escape(appeal_kind_label(a.kind))}</td></tr>"
        for a in appeals
    )
    return f"<table cellspacing='0' cellpadding='3'>{header}{rows}</table>"


def case_detail_html(case: CaseDetail) -> str:
    """Sections: summary, people, officials, languages, your appeals, documents, model letter."""
    parts: list[str] = []
    if case.summary:
        parts.append(f"<h3>{escape(_('Summary'))}</h3>{_paragraphs(case.summary)}")
    if case.persons:
        items = "".join(
            f"<li>{escape(p.name)}" + (f" ({escape(p.pronouns)})" if p.pronouns else "") + "</li>"
            for p in case.persons
        )
        parts.append(f"<h3>{escape(_('At risk'))}</h3><ul>{items}</ul>")
    parts.append(f"<h3>{escape(_('Write to'))}</h3>")
    if case.targets:
        parts.extend(_target_html(i, t) for i, t in enumerate(case.targets, start=1))
    else:
        parts.append(f"<p>{escape(_('This document names no official to write to.'))}</p>")
    if case.preferred_languages:
        names = ", ".join(
            language_name(code) if len(code) <= 3 else code for code in case.preferred_languages
        )
        parts.append(f"<h3>{escape(_('Preferred languages'))}</h3><p>{escape(names)}</p>")
    parts.append(f"<h3>{escape(_('Your appeals'))}</h3>")
    if case.appeals:
        parts.append(_appeals_table(case.appeals))
    else:
        parts.append(f"<p>{escape(_('You have not recorded an appeal for this case yet.'))}</p>")
    if case.outputs:
        parts.append(
            f"<h3>{escape(_('Documents of this case'))}</h3>{_outputs_table(case.outputs)}"
        )
    if case.previous_ua_link:
        text = _("Follows {link}").format(link=case.previous_ua_link)
        parts.append(f"<p><i>{escape(text)}</i></p>")
    if case.model_letter:
        parts.append(f"<h3>{escape(_('Model letter'))}</h3>{_paragraphs(case.model_letter)}")
    return "".join(parts)
