"""Batch printing for an event: N letters for one case (named or blank) and N envelopes, one PDF."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic_files import atomic_path, output_failed
from app.domain.errors import N_, InvalidInput, OutputFailed
from app.domain.model import CaseStatus, SenderProfile
from app.domain.output_options import OutputOptions
from app.i18n import gettext_in
from app.services.cases import get_case
from app.services.events import MAX_BATCH, ClosedEventCase, get_event, ua_key
from app.store.database import Database

if TYPE_CHECKING:
    from app.output.envelope import EnvelopeItem
    from app.output.paper import PrintItem

_NAME_LABEL = N_("Name:")
MAX_PRINT_BATCH = 500  # letters in one PDF: a table's worth, not a print shop's


def batch_signers(names: Sequence[str], blank: int) -> list[str]:
    """Signature names, one per letter; ``blank`` letters get an empty line to sign by hand."""
    cleaned = [" ".join(n.split()) for n in names if n.strip()]
    if blank < 0 or blank > MAX_BATCH:
        raise InvalidInput(
            N_("The number of blank letters must be between 0 and %(n)d."), n=MAX_BATCH
        )
    signers = cleaned + [""] * blank
    if not signers:
        raise InvalidInput(N_("Give a list of names or a number of blank letters to print."))
    if len(signers) > MAX_PRINT_BATCH:
        raise InvalidInput(N_("Print at most %(n)d letters in one go."), n=MAX_PRINT_BATCH)
    return signers


@dataclass(frozen=True, slots=True)
class EventBatch:
    """The letters of a batch, drafted and signed, and their envelopes: ready for paper."""

    title: str
    letters: tuple[PrintItem, ...]
    envelopes: tuple[EnvelopeItem, ...]


def draft_event_batch(
    db: Database,
    event_name: str,
    ua_number: str,
    *,
    names: Sequence[str] = (),
    blank: int = 0,
    target_index: int = 1,
    locale: str | None = None,
    options: OutputOptions,
    closed_too: bool = False,
) -> EventBatch:
    """A letter per signer and an envelope per letter, drafted (no paper yet).

    Envelopes carry no return address, and in a caution country the letters are signed
    with initials (writer safety). A case closed since the event was set up is refused
    (``ClosedEventCase``) unless ``closed_too``. Reads the store and renders each letter:
    the window calls it, and then ``write_event_batch``, off the GUI thread.
    """
    from app.output.envelope import EnvelopeItem
    from app.output.paper import PrintItem
    from app.services.letters import draft_letter
    from app.services.outputs import emphasis, letter_sender, target_of
    from app.services.samples import sample_marking

    event = get_event(db, event_name)
    key = ua_key(ua_number)
    if key not in {c.ua_number for c in event.cases}:
        raise InvalidInput(
            N_("UA %(ua)s is not one of the cases of '%(event)s'."), ua=key, event=event.name
        )
    case = get_case(db, key)
    if case.status is CaseStatus.CLOSED and not closed_too:
        raise ClosedEventCase(key, event.name)
    target = target_of(case, target_index)
    signers = batch_signers(list(names), blank)
    bold = emphasis(case)
    letters = []
    for signer in signers:
        sender = letter_sender(SenderProfile(name=signer), case, options)
        letter = draft_letter(case, target_index, sender, locale=locale)
        if not signer:  # a line to sign and one to print the name, for whoever takes it
            lines = "\n\n\n\n" + "_" * 32 + "\n" + _name_label(letter.locale) + " " + "_" * 26
            letter = replace(letter, text=letter.text.rstrip() + lines + "\n")
        letters.append(PrintItem(letter, target, sender, bold, case.country))
    # the envelopes of practice letters say so in the letters' language, as the letters do
    language = letters[0].letter.locale if letters else None
    marking = sample_marking(language) if case.is_sample else None
    envelope = EnvelopeItem(target, case.country, None, marking)
    return EventBatch(f"UA {key} \u2013 {event.name}", tuple(letters), (envelope,) * len(signers))


def write_event_batch(batch: EventBatch, out: Path, *, options: OutputOptions) -> int:
    """Write one PDF: the batch's letters, then their envelopes; returns the letter count.

    Nothing is recorded as sent: the letters are counted once they are signed
    (``appeal-desk sent ... --event --count N``).
    """
    from pypdf import PdfReader, PdfWriter

    from app.output.envelope import write_envelopes_pdf
    from app.output.paper import write_letters_pdf
    from app.output.pdf_file import check_pdf

    existed = out.is_file() and not out.is_symlink()
    try:
        with tempfile.TemporaryDirectory(dir=out.parent if out.parent.is_dir() else None) as tmp:
            letters_pdf, envelopes_pdf = Path(tmp) / "letters.pdf", Path(tmp) / "envelopes.pdf"
            write_letters_pdf(
                list(batch.letters),
                letters_pdf,
                page_size=options.page_size,
                title=batch.title,
                large_print=options.large_print,
            )
            write_envelopes_pdf(list(batch.envelopes), envelopes_pdf, envelope=options.envelope)
            merged = PdfWriter()
            for part in (letters_pdf, envelopes_pdf):
                for page in PdfReader(part).pages:
                    merged.add_page(page)
            pages = len(merged.pages)
            with (
                atomic_path(out, lambda temp: check_pdf(temp, pages)) as temp,
                open(temp, "wb") as handle,
            ):
                merged.write(handle)
    except OutputFailed as exc:  # the parts are written first: name the file the user chose
        if isinstance(exc.__cause__, OSError):
            raise output_failed(out, exc.__cause__, existed) from exc.__cause__
        raise
    except OSError as exc:  # the folder for the parts could not be made
        raise output_failed(out, exc, existed) from exc
    return len(batch.letters)


def print_event_batch(
    db: Database,
    event_name: str,
    ua_number: str,
    out: Path,
    *,
    names: Sequence[str] = (),
    blank: int = 0,
    target_index: int = 1,
    locale: str | None = None,
    options: OutputOptions,
    closed_too: bool = False,
) -> int:
    """``draft_event_batch`` then ``write_event_batch``: one PDF of letters and envelopes."""
    batch = draft_event_batch(
        db,
        event_name,
        ua_number,
        names=names,
        blank=blank,
        target_index=target_index,
        locale=locale,
        options=options,
        closed_too=closed_too,
    )
    return write_event_batch(batch, out, options=options)


def _name_label(letter_locale: str) -> str:
    """ "Name:" in the letter's language ("Nom :" on a French letter), whatever the interface's."""
    return gettext_in(letter_locale, _NAME_LABEL)
