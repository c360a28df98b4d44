"""recommended actions: the UA's bulleted demands kept with the case

Revision ID: 0005_recommended_actions
Revises: 0004_edit_and_undo
Create Date: 2026-12-06 10:20:00

One text column on ``cases``: the bullets of the newest document that lists some, one per
line. Existing cases get them from their stored documents' text, read here with a frozen copy
of the importer's rules of this date (a migration never changes when the importer does).
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0005_recommended_actions"
down_revision = "0004_edit_and_undo"
branch_labels = None
depends_on = None

_HEADING = re.compile(
    r"^\s*(?:further\s+)?recommended\s+action|^\s*please\s+write\b"
    r"|^\s*(?:otras\s+)?acci[oó]n(?:es)?\s+recomendada|^\s*escriban\s+inmediatamente"
    r"|^\s*[ée]crivez\s+imm[ée]diatement|^\s*actions?\s+recommand[ée]e"
    r"|^\s*schreiben\s+sie\s+bitte\b(?!\s+ihre)|^\s*escrevam?\s+(?:imediatamente|j[aá])"
    r"|^\s*(?:يرجى|الرجاء|نرجو)\s+(?:الكتابة|كتابة)|^\s*التحرك\s+الموصى\s+به",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25a0\u2023\u2013\uf0a7]|\d{1,2}[.)])\s+")
_END = re.compile(
    r"^\s*(?:appeals?\s+to|please\s+send|copies\s+to|and\s+copies|background|additional\s+"
    r"information|llamamientos\s+a|env[ií]en|copias\s+a|informaci[oó]n\s+complementaria|"
    r"appels?\s+[àa]|envoyez|copies\s+[àa]|compl[ée]ment\s+d|appelle\s+an|kopien\s+an|"
    r"hintergrund|apelos\s+para|c[oó]pias\s+para|informa[cç][aã]o\s+adicional)",
    re.IGNORECASE,
)


def _bullets_after(lines: list[str], start: int) -> list[str]:
    bullets: list[list[str]] = []
    skipped, gap = 0, False
    for line in lines[start:]:
        stripped = line.strip()
        if _BULLET.match(line):
            bullets.append([_BULLET.sub("", line).strip()])
            gap = False
        elif not bullets:
            if stripped and _END.match(stripped):
                return []
            skipped += 1 if stripped else 0
            if skipped > 3:
                return []
        elif not stripped:
            gap = True
        elif gap or _END.match(stripped) or stripped.isupper():
            break
        else:
            bullets[-1].append(stripped)
        if len(bullets) > 20:
            break
    joined = (" ".join(parts).strip() for parts in bullets[:20])
    return [text[:800] for text in joined if text]


def _recommended_actions(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        if _HEADING.search(line):
            found = _bullets_after(lines, index + 1)
            if found:
                return found
    return []


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(
            sa.Column("recommended_actions", sa.Text(), nullable=False, server_default="")
        )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT case_id, text FROM outputs "
            "ORDER BY case_id, COALESCE(issued_on, DATE(imported_at)) DESC, id DESC"
        )
    ).fetchall()
    done: set[object] = set()
    for case_id, text in rows:
        if case_id in done:
            continue
        bullets = _recommended_actions(str(text or ""))
        if bullets:
            done.add(case_id)
            conn.execute(
                sa.text("UPDATE cases SET recommended_actions = :value WHERE id = :id"),
                {"value": "\n".join(bullets), "id": case_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("recommended_actions")
