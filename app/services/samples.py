"""The fictional sample pack: practice cases, marked as samples everywhere they appear."""

from __future__ import annotations

from app.domain.errors import N_, ImportRejected
from app.domain.model import ImportOutcome, ImportResult
from app.services.importing import ImportBatch, save_parsed
from app.store.database import Database

SAMPLE_MARKING = N_("FICTIONAL SAMPLE - DO NOT SEND")


def sample_marking(language: str | None = None) -> str:
    """The words every output made from a sample case carries: in the interface language, or
    in ``language`` for what is written in that language (a practice letter in French says
    so in French, whatever the language of the window that printed it)."""
    from app.i18n import _, gettext_in

    return _(SAMPLE_MARKING) if language is None else gettext_in(language, SAMPLE_MARKING)


def letter_sample_marking(language: str, second_language: str | None = None) -> str:
    """The marking of a practice letter in its language; a letter in two languages carries it
    in both ("MUESTRA FICTICIA ... / FICTIONAL SAMPLE ..."), each reader seeing it in theirs."""
    markings = [sample_marking(language)]
    if second_language:
        markings.append(sample_marking(second_language))
    return " / ".join(dict.fromkeys(markings))


def sample_numbers(db: Database) -> frozenset[str]:
    """UA numbers of the sample cases: never counted in reports, tallies or Write today."""
    from app.store.practice import sample_numbers as numbers

    with db.unit_of_work() as session:
        return numbers(session)


def load_sample_pack(db: Database) -> list[ImportResult]:
    """Import the shipped fictional cases (idempotent: a second call changes nothing)."""
    from app.importing import parse_file
    from app.samples import sample_paths

    results: list[ImportResult] = []
    batch = ImportBatch("sample pack")
    for path in sample_paths():
        try:
            document = parse_file(path)
        except ImportRejected as exc:
            results.append(
                ImportResult(path.name, ImportOutcome.REJECTED, reason=exc.reason, problem=exc)
            )
            continue
        results.append(save_parsed(db, document, path.name, is_sample=True, batch=batch))
    return results
