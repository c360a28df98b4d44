"""sex marks: a person's one-letter mark stored as "f" or "m" whatever the UA's language

Revision ID: 0008_sex_marks
Revises: 0007_case_counts_index
Create Date: 2026-12-06 21:45:00

Spanish and Portuguese UAs mark a woman "(m)" (mujer, mulher) and a man "(h)" (hombre,
homem); French ones a man "(h)" (homme). Until this revision the mark was stored as printed,
and a letter read "m" as a man. The importer now stores "f" or "m"; the marks stored before
are rewritten the same way: each document's persons by the document's language, each case's
persons by the case's. No schema change.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0008_sex_marks"
down_revision = "0007_case_counts_index"
branch_labels = None
depends_on = None


def _marks_read(language: str) -> dict[str, str]:
    """Printed mark -> stored mark, for a document in ``language``."""
    return {"h": "m", "f": "f", "m": "f" if language in ("es", "pt") else "m"}


def _read_mark(pronouns: object, language: str) -> object:
    if not isinstance(pronouns, str):
        return pronouns
    return _marks_read(language).get(pronouns.strip().casefold(), pronouns)


def upgrade() -> None:
    conn = op.get_bind()
    outputs = conn.execute(sa.text("SELECT id, parsed_json FROM outputs")).fetchall()
    for output_id, parsed_json in outputs:
        try:
            data = json.loads(str(parsed_json or "{}"))
        except ValueError:
            continue
        persons = data.get("persons") if isinstance(data, dict) else None
        if not isinstance(persons, list):
            continue
        language = str(data.get("document_language") or "en")
        changed = False
        for person in persons:
            if isinstance(person, dict) and "pronouns" in person:
                read = _read_mark(person["pronouns"], language)
                changed = changed or read != person["pronouns"]
                person["pronouns"] = read
        if changed:
            conn.execute(
                sa.text("UPDATE outputs SET parsed_json = :value WHERE id = :id"),
                {"value": json.dumps(data, ensure_ascii=False), "id": output_id},
            )
    persons = conn.execute(
        sa.text(
            "SELECT persons.id, persons.pronouns, cases.document_language FROM persons "
            "JOIN cases ON cases.id = persons.case_id "
            "WHERE LOWER(TRIM(persons.pronouns)) IN ('m', 'h', 'f')"
        )
    ).fetchall()
    for person_id, printed, case_language in persons:
        stored = _read_mark(printed, str(case_language or "en"))
        if stored != printed:
            conn.execute(
                sa.text("UPDATE persons SET pronouns = :value WHERE id = :id"),
                {"value": stored, "id": person_id},
            )


def downgrade() -> None:
    """The marks stay "f" and "m", which the earlier code reads the same way."""
