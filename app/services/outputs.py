"""Use cases that put letters on paper or in a mail draft: PDF, .eml, text, envelopes, labels.

The window and the command line both call these functions with one :class:`OutputOptions`
value, resolved from the settings by :func:`output_options`; the writer-safety rule is
applied here (through :mod:`app.services.writer_safety`) and nowhere in the adapters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import N_, InvalidInput, TargetOutOfRange
from app.domain.model import CaseDetail, CaseSummary, Letter, SenderProfile, Target
from app.domain.output_options import EnvelopeFormat, OutputOptions, PageSize
from app.services import writer_safety

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from app.output.mail import EmailPlan
    from app.settings import Settings
    from app.store.database import Database


def system_page_size() -> PageSize:
    """The paper of the system locale's region (Letter in the US, Canada, Mexico...)."""
    from app.output.paper import system_page_size as from_system_locale

    return from_system_locale()


def output_options(
    settings: Settings,
    *,
    page_size: PageSize | None = None,
    envelope_format: EnvelopeFormat | None = None,
    large_print: bool = False,
    writer_safety: bool | None = None,
) -> OutputOptions:
    """The options for an output: what the caller chose, else the settings, else the locale."""
    return OutputOptions(
        page_size=page_size or PageSize.parse(settings.page_size) or system_page_size(),
        envelope_format=envelope_format,
        large_print=large_print,
        caution_countries=tuple(settings.caution_countries),
        writer_safety=writer_safety,
    )


def default_output_options() -> OutputOptions:
    """Without the user's settings: the paper of the system locale, no caution countries."""
    from app.settings import Settings

    return output_options(Settings())


def target_of(case: CaseDetail, index: int) -> Target:
    """Official number ``index`` (1-based) of ``case``."""
    if not 1 <= index <= len(case.targets):
        raise TargetOutOfRange(case.ua_number, index, len(case.targets))
    return case.targets[index - 1]


def letter_sender(sender: SenderProfile, case: CaseDetail, options: OutputOptions) -> SenderProfile:
    """Who signs a letter for ``case``: the profile, or initials and town for writer safety."""
    return writer_safety.signature(sender, case.country, options)


def draft_for_output(
    case: CaseDetail,
    target_index: int,
    sender: SenderProfile,
    options: OutputOptions,
    *,
    locale: str | None = None,
    user_templates: Path | None = None,
) -> Letter:
    """The letter for official ``target_index``, signed as writer safety allows."""
    from app.services.letters import draft_letter

    return draft_letter(
        case,
        target_index,
        letter_sender(sender, case, options),
        locale=locale,
        user_templates=user_templates,
    )


def emphasis(case: CaseDetail) -> tuple[str, ...]:
    """The names a printed letter sets in bold: the persons at risk."""
    return tuple(person.name for person in case.persons)


@dataclass(frozen=True, slots=True)
class LetterOnPaper:
    """One letter as it leaves the app: its text, its case, the official's number (1-based),
    the user's own profile and the output options. Who finally signs (writer safety) and how
    it sits on the page are decided here, when it is printed, saved or mailed."""

    letter: Letter
    case: CaseDetail
    target_index: int
    sender: SenderProfile
    options: OutputOptions


def save_letter_pdf(item: LetterOnPaper, path: Path) -> int:
    """Write the letter as a PDF (replaced atomically); return its number of pages."""
    from app.output.paper import write_letter_pdf

    return write_letter_pdf(item.letter, path, **_on_paper(item))


def letter_for_print(item: LetterOnPaper) -> QTextDocument:
    """The letter laid out on its page exactly as :func:`save_letter_pdf` writes it, for the
    print preview to paint on the printer."""
    from app.output.paper import fitted_letter_document

    return fitted_letter_document(item.letter, **_on_paper(item))


def event_letter_for_print(
    letter: Letter,
    *,
    case: CaseDetail,
    target: Target,
    sender: SenderProfile,
    options: OutputOptions,
) -> QTextDocument:
    """A letter written at an event, laid out as :func:`letter_for_print` lays one out, but to
    ``target`` and signed by ``sender`` as given: the participant's own name, and for a
    solidarity card the persons at risk."""
    from app.output.paper import fitted_letter_document

    return fitted_letter_document(
        letter, sender=sender, target=target, **_on_the_page(case, options)
    )


def save_event_letter_pdf(
    letter: Letter,
    path: Path,
    *,
    case: CaseDetail,
    target: Target,
    sender: SenderProfile,
    options: OutputOptions,
) -> int:
    """Write :func:`event_letter_for_print`'s letter as a PDF (atomically); its page count."""
    from app.output.paper import write_letter_pdf

    return write_letter_pdf(
        letter, path, sender=sender, target=target, **_on_the_page(case, options)
    )


def _on_paper(item: LetterOnPaper) -> dict[str, Any]:
    """How the letter goes on paper: who signs (writer safety) and their country in the
    letter's language, to whom, and :func:`_on_the_page`."""
    from app.services.letters import sender_for_letter

    case, options = item.case, item.options
    return {
        "sender": sender_for_letter(letter_sender(item.sender, case, options), item.letter.locale),
        "target": target_of(case, item.target_index),
        **_on_the_page(case, options),
    }


def _on_the_page(case: CaseDetail, options: OutputOptions) -> dict[str, Any]:
    """The paper, the persons at risk in bold, large print and the country under the
    official's address."""
    return {
        "page_size": options.page_size,
        "emphasis": emphasis(case),
        "large_print": options.large_print,
        "country": case.country or None,
    }


def save_letter_text(letter: Letter, path: Path) -> None:
    """Write the letter's text (UTF-8, replaced atomically), as plain text (see
    :func:`plain_letter_text`)."""
    from app.atomic_files import write_text_atomic

    text = plain_letter_text(letter)
    write_text_atomic(path, text if text.endswith("\n") else text + "\n")


def plain_letter_text(letter: Letter) -> str:
    """The letter's text for a text file, an e-mail, the clipboard or a terminal: the
    directional isolates of a two-language letter (for the screen and the PDF) replaced by
    what plain-text readers understand."""
    from app.output.bidi_text import plain_text

    return plain_text(letter.text)


def email_plan(letter: Letter, target: Target) -> EmailPlan:
    """How to hand ``letter`` to the mail program, addressed to ``target``: the whole letter in
    a mailto link when it fits, else the subject-only link and the body on the clipboard
    (mail programs cut long links)."""
    from app.output.mail import plan_email

    return plan_email([target.email] if target.email else [], [], letter.subject, letter.text)


def social_post(case: CaseDetail, target: Target) -> str:
    """A short message for social media about ``case``, naming ``target``."""
    from app.output.mail import social_message

    return social_message(case, target)


def save_letter_eml(item: LetterOnPaper, path: Path) -> bool:
    """Write a draft message any mail client opens; False when the official has no e-mail."""
    from app.atomic_files import write_atomic
    from app.output.mail import build_eml

    target = target_of(item.case, item.target_index)
    data = build_eml(
        to=[target.email] if target.email else [],
        cc=[],
        subject=item.letter.subject,
        body=item.letter.text,
        sender=letter_sender(item.sender, item.case, item.options),
    )
    write_atomic(path, data)
    return bool(target.email)


@dataclass(frozen=True, slots=True)
class EnvelopesWritten:
    """What went into an envelope PDF."""

    envelopes: int
    without_return_address: int  # left off for writer safety (or by the user's choice)


def save_envelopes(
    cases: Sequence[tuple[CaseDetail, Sequence[int]]],
    path: Path,
    *,
    sender: SenderProfile | None,
    options: OutputOptions,
    letter: Letter | None = None,
) -> EnvelopesWritten:
    """One envelope per (case, official number); ``sender`` None leaves every return address off.

    Each official is named as the letter to them names them: as ``letter`` does when it is given
    (the envelope of one letter), else in the language their letter would be written in."""
    from app.output.envelope import EnvelopeItem, write_envelopes_pdf
    from app.services.samples import sample_marking

    items = []
    for case, indexes in cases:
        back = writer_safety.return_address(sender, case.country, options)
        # a practice envelope says so, in the language of its letter when it has one
        language = letter.locale if letter is not None else None
        marking = sample_marking(language) if case.is_sample else None
        for index in indexes:
            target = _as_letter_names(case, index, letter)
            items.append(EnvelopeItem(target, case.country or None, back, marking))
    write_envelopes_pdf(items, path, envelope=options.envelope)
    bare = sum(1 for item in items if item.sender is None)
    return EnvelopesWritten(envelopes=len(items), without_return_address=bare)


def save_envelope(
    case: CaseDetail,
    target_index: int,
    path: Path,
    *,
    sender: SenderProfile | None,
    options: OutputOptions,
    letter: Letter | None = None,
) -> bool:
    """One envelope PDF, naming the official as ``letter`` does (default: as the letter in the
    language chosen for them would); True when it carries the return address."""
    written = save_envelopes(
        [(case, [target_index])], path, sender=sender, options=options, letter=letter
    )
    return written.without_return_address == 0


def _as_letter_names(case: CaseDetail, index: int, letter: Letter | None) -> Target:
    """Official ``index`` as their letter names them: title in its language, no foreign
    honorific (``letter`` gives the letter; without it, the language it would be written in)."""
    from app.services.letters import recipient_as_named

    target = target_of(case, index)
    if letter is not None:
        return letter.recipient or target
    return recipient_as_named(case, index)


def officials_with_address(case: CaseDetail) -> list[int]:
    """The numbers (1-based) of the case's officials that have a postal address."""
    return [index for index, target in enumerate(case.targets, start=1) if target.address]


def postal_recipients(cases: Sequence[CaseDetail]) -> list[tuple[CaseDetail, list[int]]]:
    """Each case with the numbers of its officials that have a postal address (an envelope or
    a label without one would reach nobody); cases with none are left out."""
    chosen = [(case, officials_with_address(case)) for case in cases]
    return [(case, indexes) for case, indexes in chosen if indexes]


def listed_recipients(
    db: Database, listed: Sequence[CaseSummary]
) -> list[tuple[CaseDetail, list[int]]]:
    """The postal recipients of envelopes or labels made for every case in a list.

    Fictional sample cases are left out: practice never goes on bulk output (a sample named on
    its own still gets its envelope or label, marked as practice)."""
    from app.services.cases import get_case

    return postal_recipients(
        [get_case(db, case.ua_number) for case in listed if not case.is_sample]
    )


@dataclass(frozen=True, slots=True)
class LabelsWritten:
    labels: int
    sheets: int


def save_labels(
    cases: Sequence[tuple[CaseDetail, Sequence[int]]], path: Path, *, options: OutputOptions
) -> LabelsWritten:
    """Address labels for the given (case, official numbers), on sheets of the page size; each
    official named as the letter in the language they read names them."""
    from app.output.address import postal_lines
    from app.output.envelope import write_label_sheet_pdf
    from app.services.samples import sample_marking

    addresses = [
        ([sample_marking()] if case.is_sample else [])  # a practice label says so
        + postal_lines(_as_letter_names(case, index, None), case.country)
        for case, indexes in cases
        for index in indexes
    ]
    if not addresses:
        raise InvalidInput(N_("These cases name no officials to write to."))
    sheets = write_label_sheet_pdf(addresses, path, page_size=options.page_size)
    return LabelsWritten(labels=len(addresses), sheets=sheets)
