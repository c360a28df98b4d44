"""Officials to write to: address blocks under the appeal headings, never the "copies to" ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.model import Target
from app.importing.document import Document, is_id_line
from app.importing.names import (
    gender_from_honorific,
    gender_from_salutation,
    glue_split_fragments,
    looks_like_office,
    looks_like_person_name,
    strip_honorifics,
)

# Headings after which address blocks are targets.
TARGET_MARKER = re.compile(
    r"^\s*(?:TAKE ACTION\b.*|AND ALSO WRITE TO\s*:?|ALSO WRITE TO\s*:?|APPEALS TO\s*:?|"
    r".*\bAPPEALS BEFORE\b.*|TO\s*:|TARGET['’]?S CONTACT DETAILS.*|Contacts?(?: information| details)?\s*:?|"
    r"APPELLE AN\s*:?|ACTÚEN\b.*|Y TAMBIÉN ESCRIBAN A\s*:?|TAMBIÉN ESCRIBAN A\s*:?|"
    r"ENVÍEN LLAMAMIENTOS\b.*\bA\s*:|.*\bAPPELS\b.*\bÀ\s*:|AGISSEZ\b.*|ÉCRIVEZ ÉGALEMENT À\s*:?|"
    r"ET ÉCRIVEZ ÉGALEMENT À\s*:?|Write to\s*:?|Send appeals to\s*:?|Please write to\s*:?)\s*$",
    re.I,
)
# Headings after which address blocks are only copies (never targets).
COPIES_MARKER = re.compile(
    r"^\s*(?:COPIES TO\b.*|And copies to\b.*|Please copy\b.*|Please send a copy to\b.*|"
    r"(?:Also )?send copies to\b.*|Copy to\b.*|KOPIEN AN\b.*|Y copias a\b.*|Copias a\b.*|"
    r"ENVÍEN COPIA[S]? A\b.*|Copies à\b.*|Copie à\b.*|ALSO SEND COPIES TO\b.*|"
    r"Envíen también copias\b.*|Veuillez également adresser des copies\b.*|"
    r"and to diplomatic representatives\b.*|\[Sections to add when relevant\])\s*$",
    re.I,
)
_STOP_MARKER = re.compile(
    r"^\s*(?:ADDITIONAL INFORMATION|BACKGROUND INFORMATION|INFORMACIÓN ADICIONAL|INFORMACIÓN COMPLEMENTARIA|"
    r"INFORMATIONS GÉNÉRALES|COMPLÉMENT D['’]INFORMATION|HINTERGRUNDINFORMATIONEN|PREFERRED LANGUAGE\b|"
    r"IDIOMA PREFERIDO\b|LANGUE À PRIVILÉGIER\b|PLEASE SEND APPEALS IMMEDIATELY|PLEASE TAKE ACTION|"
    r"SAMPLE LETTER|MUSTERBRIEF|MODEL LETTER|CARTA MODELO|LETTRE TYPE|URGENT ACTION|ACCIÓN URGENTE|"
    r"ACTION URGENTE|Additional information|Name and pronoun|NAME AND PRONOUN)\b",
    re.I,
)
CONTACT_LABEL = re.compile(
    r"^\s*\(?\s*(?P<label>E-?mails?|Email address|E-Mail|Correo(?:-e| electrónico)?|Courriel|Mail|"
    r"Fax(?:es)?|Telefax|Phone|Tel(?:ephone|éfono|éphone|efon)?|Tél|Teléfono|Telegrams?|Telexes|Telex|"
    r"Twitter|X|Facebook|Instagram|Website|Web|Sitio web|Site web|Salutation|Tratamiento|Saludo|"
    r"Formule d['’]appel|Anrede|Standardbrief[^:]*|Porto[^:]*)\s*:\s*(?P<value>.*?)\)?\s*$",
    re.I,
)
_SALUTATION_LABELS = {
    "salutation",
    "tratamiento",
    "saludo",
    "formule d'appel",
    "formule d’appel",
    "anrede",
}
_DIPLOMATIC = re.compile(
    r"\b(?:embassy|ambassador|embajada|embajador|ambassade|ambassadeur|botschaft|botschafter|"
    r"chargé d['’]affaires|high commission(?:er)?|consulate|consulado|consulat|diplomatic)\b",
    re.I,
)
GREETING = re.compile(
    r"^\s*(?:Dear\b|Your Excellency|Excellency|Señora?\b|Señor\b|Estimad[oa]s?\b|Excelentísim[oa]|"
    r"Monsieur\b|Madame\b|Sehr geehrte|Exzellenz|Excelentíssim[oa]|Prezad[oa]|Caro\b|Cara\b|"
    r"Honorable\b|Distinguid[oa])[^.!?]{0,80}[,:!]?\s*$",
)
_ENDS_GREETING = re.compile(GREETING.pattern.replace(r"[,:!]?\s*$", r"[,:!]\s*$"))
_DANGLING = re.compile(r"\s(?:and|of|for|the|on|de|del|de la|des|du|et|y|und|der|für)$", re.I)
_SEX_MARK = re.compile(r"\s*\((f|m|h|w)\)\s*$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class Block:
    lines: list[str]
    role: str  # "target" or "copy"
    next_greeting: str | None = None


def address_blocks(doc: Document) -> list[Block]:
    """Address blocks in reading order, each tagged "target" or "copy" by the heading above it."""
    blocks: list[Block] = []
    state = "neutral"
    current: list[str] = []

    adjacent = False  # no prose since the last address block (its greeting may follow)

    def close() -> None:
        nonlocal state, adjacent
        if not current:
            return
        block_lines = list(current)
        current.clear()
        continuation = blocks and all(CONTACT_LABEL.match(line) for line in block_lines)
        if continuation and not any(_label_of(x) in _SALUTATION_LABELS for x in blocks[-1].lines):
            blocks[-1].lines.extend(block_lines)  # a block broken by a page break
            adjacent = True
        elif _is_address_block(block_lines, under_heading=state != "neutral"):
            blocks.append(Block(block_lines, "copy" if state == "copy" else "target"))
            adjacent = True
        elif len(block_lines) == 1 and GREETING.match(block_lines[0]):
            greet(block_lines[0])
        else:
            adjacent = False
            if state == "copy" and _is_prose(block_lines):
                state = "neutral"

    def greet(line: str) -> None:
        nonlocal adjacent
        if adjacent and blocks[-1].role == "target" and blocks[-1].next_greeting is None:
            blocks[-1].next_greeting = line
        adjacent = False

    for line in doc.body_lines:
        stripped = line.strip()
        if TARGET_MARKER.match(stripped) and not COPIES_MARKER.match(stripped.split("&")[0]):
            close()
            state = "target"
        elif COPIES_MARKER.match(stripped):
            close()
            state = "copy"
        elif _STOP_MARKER.match(stripped) or is_id_line(stripped):
            close()
            state = "neutral"
        elif not stripped:
            close()
        elif _ENDS_GREETING.match(stripped) and not CONTACT_LABEL.match(stripped):
            close()
            greet(stripped)
        else:
            current.append(stripped)
            if CONTACT_LABEL.match(stripped) and _label_of(stripped) in _SALUTATION_LABELS:
                close()
    close()
    return blocks


def _label_of(line: str) -> str:
    match = CONTACT_LABEL.match(line)
    return match.group("label").casefold() if match else ""


def _is_prose(lines: list[str]) -> bool:
    return any(len(line) > 95 for line in lines) or (len(lines) == 1 and lines[0].endswith("."))


def _is_address_block(lines: list[str], under_heading: bool) -> bool:
    if any(len(line) > 110 or line.startswith(("+", "|", "- ", "* ", "/*")) for line in lines):
        return False
    has_contact = any(CONTACT_LABEL.match(line) for line in lines)
    if CONTACT_LABEL.match(lines[0]) or GREETING.match(lines[0]) or is_id_line(lines[0]):
        return False
    if has_contact:
        return True
    return (
        under_heading and len(lines) >= 3 and not any(line.endswith((".", ";")) for line in lines)
    )


def block_to_target(block: Block, split_words: bool = False) -> Target:
    """One address block -> Target (title, name, salutation, address, e-mail, fax, phone...)."""
    head: list[str] = []
    emails: list[str] = []
    fax = phone = salutation = None
    social: list[str] = []
    seen_contact = False
    for line in block.lines:
        match = CONTACT_LABEL.match(line)
        if not match:
            if not seen_contact:
                bracketed = line.startswith("(") and line.endswith(")")
                head.append(line[1:-1].strip() if bracketed else line.strip())
            continue
        seen_contact = True
        label, value = match.group("label").casefold(), match.group("value").strip()
        if label in _SALUTATION_LABELS:
            salutation = value.strip("() ").rstrip(",:;").strip() or None
        elif label.startswith(("e-mail", "email", "correo", "courriel", "mail")):
            emails.extend(_emails_in(value))
        elif label.startswith(("fax", "telefax")):
            fax = value or None
        elif label.startswith(("phone", "tel", "tél")) and not label.startswith(
            ("telegram", "telex")
        ):
            phone = value or None
        elif label in {"twitter", "x", "facebook", "instagram"}:
            social.extend(re.findall(r"@\w+", value) or ([value] if value else []))
    for line in block.lines:
        if not CONTACT_LABEL.match(line):
            for email in _EMAIL.findall(line):
                if email not in emails:
                    emails.append(email)
    if salutation is None and block.next_greeting:
        salutation = block.next_greeting.strip().rstrip(",:;!").strip()
    marked = None  # "(f)" / "(m)" printed after the name
    for i, line in enumerate(head):
        found = _SEX_MARK.search(line)
        if found:
            marked = "f" if found.group(1).lower() in {"f", "w"} else "m"
            head[i] = _SEX_MARK.sub("", line).strip()
    title, printed_name, address_lines = _split_head(_rejoin_broken(head), split_words)
    name = strip_honorifics(printed_name) if printed_name else None
    if name and split_words:
        name = glue_split_fragments(name)
        printed_name = glue_split_fragments(printed_name or "")
    gender = (
        marked
        or gender_from_honorific(printed_name or "")
        or gender_from_salutation(salutation)
        or gender_from_salutation(title)
    )
    return Target(
        title=title,
        name=name,
        salutation=salutation,
        address=", ".join(address_lines) or None,
        email=", ".join(emails) or None,
        name_as_printed=printed_name,
        fax=fax,
        phone=phone,
        social=tuple(social),
        gender=gender,
    )


def _emails_in(value: str) -> list[str]:
    found = _EMAIL.findall(value)
    if not found or len(" ".join(found)) + 3 < len(value.strip()):
        squeezed = re.sub(r"\s+", "", value)
        found = _EMAIL.findall(squeezed) or found
    return found


def _rejoin_broken(lines: list[str]) -> list[str]:
    """Rejoin an address line the extraction broke in the middle (next line starts lowercase)."""
    out: list[str] = []
    for line in lines:
        if out and _DANGLING.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"  # "Minister of Justice, Prison Affairs and" / "Reforms"
        elif (
            out
            and line
            and (line[0].islower() and not re.match(r"^(?:c/|s/n|de |del |du |des |la )", line))
        ):
            out[-1] = f"{out[-1]} {line}"
        elif out and out[-1].endswith(("-", "–")) and not out[-1].endswith(" –"):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _split_head(lines: list[str], split_words: bool) -> tuple[str | None, str | None, list[str]]:
    """(title, name as printed, address lines) for title-first or name-first blocks."""
    if not lines:
        return None, None, []
    for i, line in enumerate(lines[:4]):
        if not looks_like_person_name(line, glue_fragments=split_words):
            continue
        if i == 0:
            if len(lines) > 1 and looks_like_office(lines[1]):
                return lines[1], line, lines[2:]
            return None, line, lines[1:]
        return " ".join(lines[:i]), line, lines[i + 1 :]
    return lines[0], None, lines[1:]


def is_diplomatic(target: Target) -> bool:
    """Embassies and ambassadors are never targets, whatever heading they sit under."""
    return bool(_DIPLOMATIC.search(target.title or ""))


def block_targets(doc: Document) -> tuple[list[Target], list[str]]:
    """(targets, copies-to labels) from the document's address blocks."""
    targets: list[Target] = []
    copies: list[str] = []
    for block in address_blocks(doc):
        target = block_to_target(block, doc.split_words)
        if not (target.name or target.title):
            continue
        if block.role == "copy" or is_diplomatic(target):
            copies.append(target.label or block.lines[0])
            continue
        if any(t.name == target.name and t.title == target.title for t in targets):
            continue
        targets.append(target)
    return targets, copies
