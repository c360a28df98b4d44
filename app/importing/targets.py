"""Officials to write to: address blocks under the appeal headings, never the "copies to" ones."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.greetings import greeted_official
from app.domain.model import Target
from app.importing.addresses import (
    CONTACT_LABEL,
    SALUTATION_LABELS,
    block_to_target,
    label_of,
)
from app.importing.dates import find_dates, is_date_line
from app.importing.document import Document, is_id_line
from app.importing.names import (
    has_honorific,
    looks_like_office,
    looks_like_person_name,
    split_office_and_name,
    split_office_prefix,
)
from app.importing.unflatten import WRITE_TO
from app.importing.vocabulary import FORWARD_RULE, FORWARDED_HEADER

# "Write to:" in each language (with or without a space before the colon): the heading itself,
# never the first line of the official's address.
# Headings after which address blocks are targets. The two headings with the word anywhere
# in the line share one branch ("APPEALS BEFORE …", "… APPELS … À :"): the line is scanned for
# it once, not once for each.
TARGET_MARKER = re.compile(
    r"^\s*(?:TAKE ACTION\b.*|RECOMMENDED ACTION\s*:.*|AND ALSO WRITE TO\s*:?|ALSO WRITE TO\s*:?|APPEALS TO\s*:?|"
    r".*\bAPP(?:EALS BEFORE\b.*|ELS\b.*\bÀ\s*:)|TO\s*:|TARGET['’]?S CONTACT DETAILS.*|Contacts?(?: information| details)?\s*:?|"
    r"APPELLE? AN\s*:?|ACT[ÚU](?:EN|A)\s*:.*|AJA\s*:.*|Y TAMBIÉN ESCRIBAN A\s*:?|TAMBIÉN ESCRIBAN A\s*:?|"
    r"ENVÍEN LLAMAMIENTOS\b.*\bA\s*:|AGISSEZ\b.*|PASSEZ À L['’]ACTION\b.*|ÉCRIVEZ ÉGALEMENT À\s*:?|"
    r"ET ÉCRIVEZ ÉGALEMENT À\s*:?|Write to\s*:?|Send appeals to\s*:?|Please write to\s*:?|"
    # Dutch: "BRIEVEN AAN:", "Stuur je brief naar:", "Schrijf aan:"
    r"(?:BRIEVEN|APPELS|OPROEPEN) (?:AAN|NAAR)\s*:?|(?:Stuur|Schrijf) (?:je|uw|jouw) (?:brief|brieven|e-mail) (?:aan|naar)\s*:?|"
    r"Schrijf (?:aan|naar)\s*:?|"
    r"LLAMAMIENTOS A\s*:?|APELOS (?:PARA|A)\s*:?|ENVI(?:A|E|EM) OS (?:TEUS |SEUS |VOSSOS )?APELOS PARA\s*:?|"
    # Swedish, Danish, Polish, Catalan and Turkish headings over the officials' addresses
    r"SKRIV TILL?\s*:?|ADRES(?:Y)?\s*:?|NAPISZ DO\s*:?|ADRECES?\s*:?|ESCRIU A\s*:?|"
    r"(?:MEKTUP GÖNDERİLECEK )?ADRES(?:LER)?\s*:?|"
    # Finnish "appeals to the address", Indonesian "write to", Russian "take action: write an
    # appeal …" and "write to", Japanese and Korean "addressee"
    r"(?:Vetoomukset|Kirjoita) (?:osoitteeseen|osoitteisiin)\s*:?|TULIS(?:KAN)? KEPADA\s*:?|"
    r"ПРЕДПРИМИТЕ ДЕЙСТВИЯ\b.*|ПИШИТЕ(?: ПО АДРЕСУ)?\s*:?|宛先\s*[:：]?|수신인?\s*:?|"
    rf"Contact (?:these|the following|this|both)\b.*\bofficials?\b.*|{WRITE_TO})\s*$",
    re.I,
)
# Headings after which address blocks are only copies (never targets).
COPIES_MARKER = re.compile(
    r"^\s*(?:COPIES TO\b.*|And cop(?:y|ies)(?: to)?\s*:.*|And copies to\b.*|Please copy\b.*|"
    r"(?:Please |And (?:please )?|Also )?send a copy to\b.*|"
    r"(?:Also )?send copies to\b.*|Copy to\b.*|KOPIEN AN\b.*|(?:Sende|Senden Sie) eine Kopie an\b.*|"
    r"KOPIE AN\b.*|Y copias a\b.*|Copias a\b.*|"
    r"ENV[ÍI](?:EN|A|Á)? COPIA[S]? A\b.*|Copies [àa]\b.*|Copie [àa]\b.*|ALSO SEND COPIES TO\b.*|"
    r"Envíen también copias\b.*|Veuillez également adresser des copies\b.*|"
    r"and to diplomatic representatives\b.*|\[Sections to add when relevant\]|"
    r"(?:E |COM )?c[óo]pias? para\b.*|(?:E )?in copia a\b.*|Stuur (?:ook )?een kopie naar\b.*|"
    r"Kopie(?:ën)? naar\b.*|KOPIA? (?:TILL?|DO)\b.*|KOPI TIL\b.*|C[ÒO]PIES? A\b.*|KOPYA\b.*|"
    # Norwegian "send a copy to", Finnish "copy", Indonesian "copy to", Russian "copies",
    # Japanese "where to send the copies", Korean "copies (for reference)"
    r"Send (?:en )?kopi(?:er)? til\b.*|Kopio(?:t)?(?: osoitteeseen)?\s*:.*|TEMBUSAN\b.*|КОПИИ\b.*|"
    r"写しの送付先.*|写し.*|참조\s*:.*|사본\b.*)\s*$",
    re.I,
)
_STOP_MARKER = re.compile(
    r"^\s*(?:ADDITIONAL INFORMATION|BACKGROUND INFORMATION|INFORMACIÓN ADICIONAL|INFORMACIÓN COMPLEMENTARIA|"
    r"INFORMATIONS GÉNÉRALES|COMPLÉMENT D['’]INFORMATION|HINTERGRUNDINFORMATIONEN|PREFERRED LANGUAGE\b|"
    r"IDIOMA PREFERIDO\b|LANGUE À PRIVILÉGIER\b|PLEASE SEND APPEALS IMMEDIATELY|PLEASE TAKE ACTION|"
    r"SAMPLE LETTER|MUSTERBRIEF|MODEL LETTER|CARTA MODELO|LETTRE TYPE|URGENT ACTION|ACCIÓN URGENTE|"
    r"ACTION URGENTE|Additional information|Name and pronoun|NAME AND PRONOUN|"
    # The template's heading above a model letter's text ("INHALT": its contents).
    r"INHALT(?=\s*:?\s*$))\b",
    re.I,
)
_DIPLOMATIC = re.compile(
    r"\b(?:embassy|ambassador|embajada|embajador|ambassade|ambassadeur|botschaft|botschafter|"
    # (the UN High Commissioners for Refugees and for Human Rights are no diplomats)
    r"chargé d['’]affaires|high commission(?:er)?(?! for (?:Refugees|Human Rights))|consulate|consulado|consulat|diplomatic|"
    r"ambasciata|ambasciatore|embaixada|embaixador)\b",
    re.I,
)
# The words a letter's greeting opens with, in the languages UAs are written in.
GREETING_OPENER = (
    r"(?:Dear\b|Your Excellency|Excellency|Your (?:Royal )?(?:Majesty|Highness)|Majestad|Sire|"
    r"Votre Majesté|Excelencia|Excellence|Eure Majestät|Alteza|Señora?\b|Señor\b|Estimad[oa]s?\b|Excelentísim[oa]|"
    r"Monsieur\b|Madame\b|Sehr geehrte|Exzellenz|Excelentíssim[oa]|Senhora?\b|Prezad[oa]|Caro\b|Cara\b|"
    r"Honorable\b|Distinguid[oa]|Egregi[oa]\b|Gentile\b|Illustrissim[oa]\b|Geachte\b|Excellentie|"
    # Arabic: "معالي الوزير،" (Your Excellency the Minister), "سعادة", "فخامة", "حضرة"
    r"معالي|سعادة|فخامة|حضرة|"
    # Russian "Уважаемый", "Уважаемая", "Уважаемые" (Respected …)
    r"Уважаем(?:ый|ая|ые)\b)"
)
GREETING = re.compile(r"^\s*" + GREETING_OPENER + r"[^.!?]{0,80}[,:!،]?\s*$")
_ENDS_GREETING = re.compile(GREETING.pattern.replace(r"[,:!،]?\s*$", r"[,:!،]\s*$"))


@dataclass
class Block:
    lines: list[str]
    role: str  # "target" or "copy"
    next_greeting: str | None = None
    # Under "Contact these two officials" every block is an official to write to, the
    # embassy's ambassador included (pages that list the ambassador beside the minister).
    listed: bool = False


def address_blocks(doc: Document) -> list[Block]:
    """Address blocks in reading order, each tagged "target" or "copy" by the heading above it."""
    blocks: list[Block] = []
    state = "neutral"
    listed = False
    current: list[str] = []

    adjacent = False  # no prose since the last address block (its greeting may follow)
    run_start = 0  # the first of the address blocks with no prose between them
    unlabelled: list[str] | None = (
        None  # an address-like block without contacts, in case a greeting follows
    )

    column_greeting: str | None = None  # set beside the first line: "1) Minister X  Dear Minister"

    def close() -> None:
        nonlocal state, adjacent, unlabelled, run_start, column_greeting
        if column_greeting and current:
            current.append(f"Salutation: {column_greeting}")
        column_greeting = None
        if not current:
            return
        columns = _side_by_side(current)
        current.clear()
        for column in columns:
            if len(columns) > 1 and COPIES_MARKER.match(column[0]):
                state = "copy"  # "And copies to:" heading the last column
                column = column[1:]
            take(column)

    def take(lines: list[str]) -> None:
        nonlocal state, adjacent, unlabelled, run_start
        block_lines = _without_headings(_after_prose(lines))
        if not block_lines:
            return
        if FORWARDED_HEADER.match(block_lines[0]) or FORWARD_RULE.match(block_lines[0]):
            adjacent = False
            return  # "From: Urgent Action Network <…>": a forwarded message's header
        if (adjacent or unlabelled is not None) and _is_letter_date(block_lines):
            return  # "Apeldoorn, April 2020." between the address and "Dear Counsellor,"
        if (
            unlabelled is not None
            and len(block_lines) == 1
            and looks_like_person_name(block_lines[0])
        ):
            return  # the letter's subject, the person it is for, above "Sehr geehrter Herr …"
        if unlabelled is not None and all(CONTACT_LABEL.match(line) for line in block_lines):
            unlabelled.extend(block_lines)  # "Fax: …" a blank line under the bare address
            return
        unlabelled = None
        continuation = blocks and all(CONTACT_LABEL.match(line) for line in block_lines)
        if continuation and not any(label_of(x) in SALUTATION_LABELS for x in blocks[-1].lines):
            blocks[-1].lines.extend(block_lines)  # a block broken by a page break
            adjacent = True
        elif (verdict := _address_verdict(block_lines)) or (
            verdict is None and state != "neutral" and _bare_address(block_lines)
        ):
            role = "copy" if state == "copy" else "target"
            if not adjacent:
                run_start = len(blocks)
            blocks.append(Block(block_lines, role, listed=listed and role == "target"))
            adjacent = True
        elif len(block_lines) == 1 and GREETING.match(block_lines[0]):
            greet(block_lines[0])
        else:
            adjacent = False
            dropped[:] = block_lines  # maybe a block cut by a page foot: resumed after it
            if state == "copy" and _is_prose(block_lines):
                state = "neutral"
            elif state == "neutral" and verdict is None and _bare_address(block_lines):
                unlabelled = block_lines

    def greet(line: str) -> None:
        nonlocal adjacent, unlabelled
        if unlabelled is not None and len(unlabelled) >= 3:
            blocks.append(Block(unlabelled, "target", line))  # a bare address, then the letter
        elif adjacent and blocks[-1].role == "target" and blocks[-1].next_greeting is None:
            # Under several blocks the greeting is the one official's it names ("Dear Prime
            # Minister" after the Prime Minister's and the Minister of Justice's blocks).
            run = [block for block in blocks[run_start:] if block.role == "target"]
            named = greeted_official(line, [" ".join(block.lines[:2]) for block in run])
            greeted = run[named] if named is not None else blocks[-1]
            if greeted.next_greeting is None:
                greeted.next_greeting = line
        adjacent = False
        unlabelled = None

    after_marker = False  # the line before was an appeal heading broken before its "TO:"
    page_break = False  # skipping the footer and page-top banner/headline inside a block
    dropped: list[str] = []  # the last short block that was not an address (yet)
    running = _running_lines(doc.body_lines)
    for line in doc.body_lines:
        stripped = line.strip()
        chrome = _is_page_chrome(stripped) or stripped in running
        if not current and dropped and state != "neutral" and chrome:
            current.extend(dropped)  # "Office / Name" + blank + page foot: the block goes on
        elif not current and state == "target" and chrome and adjacent and _cut_short(blocks):
            # "Office / Name / Building" + page foot: the rest of the address and the
            # salutation its siblings have are on the next page.
            current.extend(blocks.pop().lines)
        if stripped:
            dropped.clear()
        if current and chrome and not _has_salutation(current):
            page_break = True
            continue
        if page_break:
            if not stripped or chrome or _is_headline(stripped):
                continue
            page_break = False
            if _is_prose([stripped]):
                close()
        if after_marker and _MARKER_TAIL.match(stripped) and not COPIES_MARKER.match(stripped):
            after_marker = False
            continue  # "PLEASE SEND APPEALS BEFORE 8 MAY" / "2013 TO:"
        after_marker = "BEFORE" in stripped and bool(_BEFORE.search(stripped))
        after_marker = after_marker and not stripped.endswith(":")
        if TARGET_MARKER.match(stripped) and not COPIES_MARKER.match(stripped.split("&")[0]):
            close()
            state = "target"
            listed = bool(_LISTED_OFFICIALS.match(stripped))
        elif COPIES_MARKER.match(stripped):
            close()
            state = "copy"
        elif (marker := _STOP_MARKER.match(stripped)) or is_id_line(stripped):
            close()
            rest = stripped[marker.end() :].strip() if marker else ""
            if opening := _LETTER_OPENING.match(rest):
                greet(opening.group(1))  # "SAMPLE LETTER Dear Director, I am …" on one line
            state = "neutral"
            adjacent = False  # a letter after "SAMPLE LETTER" greets no block in particular
        elif not stripped:
            if not _goes_on(current):
                close()
        elif current and _LETTER_OPENING.match(stripped):
            close()  # "Dear Mr X, I am writing …" right under a block: the letter begins
            greet(_LETTER_OPENING.match(stripped).group(1))  # type: ignore[union-attr]
            dropped.clear()
        elif _ENDS_GREETING.match(stripped) and not CONTACT_LABEL.match(stripped):
            close()
            greet(stripped)
        elif _names_the_block(stripped, current):
            close()  # "Fiscal General de México:" under his block opens the letter to him
            greet(stripped)
        elif len(stripped) <= 40 and LETTER_CLOSING.match(stripped):
            close()  # "Kind regards," over the address of the next letter
        else:
            numbered = _BLOCK_NUMBER.match(stripped)
            if numbered and current:
                close()  # "2) Mr X" under the first official's lines, no blank between them
            elif current and _next_official(current[-1], stripped):
                close()  # "The Honourable X" right under the last official's fax number
            if not current:
                stripped = _BLOCK_NUMBER.sub("", stripped)  # "1) General ..." opens a block
            greeting_beside = _GREETING_BESIDE.match(stripped) if numbered else None
            if greeting_beside:
                stripped, column_greeting = greeting_beside.group(1), greeting_beside.group(2)
            side_by_side = bool(_COLUMN_GAP.search(stripped))
            pieces = _unrun(stripped) if state != "neutral" and not side_by_side else [stripped]
            if len(pieces) > 1:
                current.extend(pieces[:-1])  # a block run together on one line
                stripped = pieces[-1]
            in_columns = any(_COLUMN_GAP.search(previous) for previous in current)
            if current and current[-1].count("(") > current[-1].count(")") and len(stripped) < 60:
                current[-1] += " " + stripped  # "(Anrede: Dear … / Sehr geehrter Herr" wrapped
            elif in_columns and len(line) - len(line.lstrip()) >= 20:
                current.append(line.rstrip())  # the right column alone: its place kept
            else:
                current.append(stripped)
            if (
                CONTACT_LABEL.match(current[-1])
                and label_of(current[-1]) in SALUTATION_LABELS
                and current[-1].count("(") <= current[-1].count(")")
                and not _COLUMN_GAP.search(current[-1])  # the other column goes on
                and not current[-1].endswith("/")  # "Dear Minister /" + "Sehr geehrter …"
            ):
                close()
    close()
    return blocks


_EMBEDDED_LABEL = re.compile(
    r"\s+(?:I\s+|\|\s+)?(?=(?:E-?mail|Courriel|Correo-e|Fax|Phone|Tel|Salutation|Tratamiento|"
    r"Formule d['’]appel|Anrede)\s*:)",
    re.I,
)


_COLUMN_GAP = re.compile(r"\S(\s{4,})(?=\S)")
# "1) Mr Jack Example Dear Mr Example": the early 1990s set the greeting in a column beside
# the numbered official's first line (its spaces lost on a web page).
_GREETING_BESIDE = re.compile(r"^(\S.*?\S)\s+((?:Dear|Your Excellency)\b[^,.:;]{0,60})$")
# The number before each official in a numbered list of address blocks: "1)", "(2)".
_BLOCK_NUMBER = re.compile(r"^(?:\d{1,2}\)|\(\d{1,2}\))\s+(?=\S)")


def _side_by_side(lines: list[str]) -> list[list[str]]:
    """Two address blocks printed side by side (PDF text of a two-column page) -> the left
    block, then the right one; any other block unchanged. The right column starts at one
    position on every line that has both (the left one at the line start)."""
    starts: list[int | None] = []
    for line in lines:
        gap = _COLUMN_GAP.search(line)
        indent = len(line) - len(line.lstrip())
        starts.append(gap.end() if gap else (indent or None))  # indented: the right one alone
    found = [start for start in starts if start is not None]
    if len(found) < 3:
        return [[line.strip() for line in lines]]
    if max(found) - min(found) > 2:
        return _in_columns(lines)
    left = [
        line[:start].rstrip() if start else line for line, start in zip(lines, starts, strict=True)
    ]
    right = [line[start:].strip() for line, start in zip(lines, starts, strict=True) if start]
    return [[line for line in left if line], right]


def _column_starts(lines: list[str]) -> list[int]:
    """Where the columns after the first start: positions at which three lines or more have
    text after a wide gap (or after their indentation), two characters' drift allowed."""
    seen: dict[int, set[int]] = {}
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        ends = [gap.end(1) for gap in _COLUMN_GAP.finditer(line)]
        for position in [indent, *ends] if indent else ends:
            seen.setdefault(position, set()).add(number)
    starts: list[int] = []
    cluster: set[int] = set()
    first = previous = -10
    for position in sorted(seen):
        if position - previous > 2:
            if len(cluster) >= 3:
                starts.append(first)
            cluster, first = set(), position
        cluster |= seen[position]
        previous = position
    if len(cluster) >= 3:
        starts.append(first)
    return starts


def _cut(line: str, start: int) -> int | None:
    """Where the column starting near ``start`` begins on ``line``: after a gap of two spaces
    or more (one space may sit inside a column's own text), or None."""
    for position in range(max(start - 2, 2), start + 3):
        if position < len(line) and line[position] != " " and line[position - 2 : position] == "  ":
            return position
    return None


def _in_columns(lines: list[str]) -> list[list[str]]:
    """Three address blocks side by side (two officials and the copies, say): each line cut
    at the columns' starts, then each column read from top to bottom."""
    starts = _column_starts(lines)
    if len(starts) < 2:
        return [[line.strip() for line in lines]]
    columns: list[list[str]] = [[] for _ in range(len(starts) + 1)]
    for line in lines:
        cuts = [0, *(_cut(line, start) for start in starts), len(line)]
        begin, column = 0, 0
        for index, cut in enumerate(cuts[1:], start=1):
            if cut is None:
                continue
            piece = line[begin:cut].strip()
            if piece:
                columns[column].append(piece)
            begin, column = cut, index
    return [column for column in columns if column]


_HOUSE_NUMBER = re.compile(r"\d{1,4}[a-z]?")


def _with_house_numbers(parts: Iterable[str]) -> list[str]:
    """Parts of a line split at its commas, a bare house number kept with the street after
    it ("8, place Bir Hakem": the French order)."""
    out: list[str] = []
    for part in parts:
        if out and _HOUSE_NUMBER.fullmatch(out[-1]):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _unrun(line: str) -> list[str]:
    """A whole address block printed on one line (web pages, one-line PDF text): office,
    name, address parts and each contact label back on lines of their own."""
    if _SENTENCES.search(line):
        return [line]
    # A label is followed by its colon: a line without one has none run into it.
    pieces = [piece for piece in _EMBEDDED_LABEL.split(line) if piece] if ":" in line else [line]
    head = pieces[0]
    if (len(pieces) == 1 and head.count(", ") < 2 and len(head) < 60) or CONTACT_LABEL.match(head):
        return pieces
    split = split_office_and_name(head)
    if split:
        office, name, rest = split
        parts = re.split(r",\s+|\s+(?=c/o\s)", rest)  # "... Pyongyang c/o Permanent Mission"
        return [office, name, *_with_house_numbers(part for part in parts if part), *pieces[1:]]
    parts = _with_house_numbers(head.split(", "))
    prefixed = split_office_prefix(parts[0])
    if prefixed:
        return [*prefixed, *parts[1:], *pieces[1:]]
    if any(looks_like_person_name(part) for part in parts[:3]):
        return [*parts, *pieces[1:]]  # "Name, Office, Street, City"
    return pieces


_LETTER_OPENING = re.compile(
    r"^((?:Dear|Your (?:Royal )?(?:Excellency|Majesty|Highness)|Excellency|Estimad[oa]|Señora?|"
    r"Monsieur|Madame|Sehr geehrte)"
    r"[^,.;:]{0,60},)\s+\S.{40,}$"
)
_BEFORE = re.compile(r"\bBEFORE\b")
_LISTED_OFFICIALS = re.compile(r"^\s*Contact (?:these|the following|this|both)\b", re.I)
_MARKER_TAIL = re.compile(r"^[\w ]{0,30}\b(?:TO|A|À)\s*:$")
_BANNER_LINE = re.compile(r"^(?:URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|AÇÃO URGENTE)$", re.I)


# A letter's place and date on a line of its own: "Leiden, 4 maart 2020", "Apeldoorn, April
# 2020.", "Im November 2025".
_PLACE_AND_MONTH = re.compile(
    r"^(?:[A-Z][\w'. -]{1,30},\s+(?:\d{1,2}\.?\s+)?|(?:Im|In|En|Em)\s+)[^\W\d_]{3,12}\.?\s+\d{4}\.?$"
)


def _is_letter_date(lines: list[str]) -> bool:
    if len(lines) != 1 or len(lines[0]) > 45:
        return False
    return bool(_PLACE_AND_MONTH.match(lines[0])) or is_date_line(lines[0])


def _names_the_block(line: str, lines: list[str]) -> bool:
    """A letter greeting its official by the office alone, as Spanish model letters do
    ("Fiscal General de México:" under "Fiscal General de México Alejandro Gertz Manero")."""
    if not lines or not line.endswith(":") or not 8 <= len(line) <= 60:
        return False
    office = line[:-1].rstrip()
    return lines[0].startswith(office + " ") and any(CONTACT_LABEL.match(x) for x in lines)


def _goes_on(lines: list[str]) -> bool:
    """A short line ending in a comma goes on after a blank line: web pages that set each line
    of an address as its own paragraph ("Department of Justice," + blank + "DOJ Building,")."""
    start = len(lines)
    while start and len(lines[start - 1]) <= 60 and lines[start - 1].endswith(","):
        start -= 1  # the lines ending in a comma at the block's end
    if start == len(lines) or _ENDS_GREETING.match(lines[-1]):
        return False
    first = lines[start].rstrip(",")  # an office or a name opens them, never "Kind regards,"
    return looks_like_office(first) or looks_like_person_name(first)


def _next_official(previous: str, line: str) -> bool:
    """A name with an honorific ("The Honourable X", "Ms Y") opening the next official's lines
    right under the last one's contact line. A plain capitalised line there is no proof: it is
    as often the town that ends the address ("Mexico City" under the fax number)."""
    if not CONTACT_LABEL.match(previous) or CONTACT_LABEL.match(line) or _COLUMN_GAP.search(line):
        return False
    if label_of(previous) in SALUTATION_LABELS:
        return False  # the greeting going on ("Salutation: Dear Minister /" + "Monsieur le …")
    # "Ambassador Yasser Roe" under the prosecutor's Twitter handle: an office and a name;
    # "Ambassador X Embassy of Y 1 Main Street …": the embassy's block run onto one line.
    return (
        has_honorific(line)
        or split_office_prefix(line) is not None
        or bool(_DIPLOMATIC.match(line))
    )


# "Page 2 of EXTRA 19/92": the old layouts' page top.
_PAGE_OF = re.compile(r"^Page \d{1,2} of\b", re.I)


def _is_page_chrome(line: str) -> bool:
    """A page foot's id line, a page top's banner, an old page top ("Page 2 of EXTRA 19/92")
    or a page count ("Página 1 de 2" after the running footer's text): a page break, not the
    end of a block."""
    return is_id_line(line) or bool(
        _BANNER_LINE.match(line) or _PAGE_OF.match(line) or _PAGE_COUNT.search(line)
    )


_PAGE_COUNT = re.compile(
    r"(?:^|\s)(?:Page|Página|Pagina|Seite|Pág\.|p\.)\s*\d{1,3}\s+(?:of|de|von|sur|di|van|/)\s+\d{1,3}$",
    re.I,
)


def _running_lines(lines: list[str]) -> set[str]:
    """A running header or footer: a line naming the organisation (``Amnistía Internacional ·
    Sección Española   Acción Urgente``) printed again on another page."""
    seen: set[str] = set()
    running: set[str] = set()
    for line in lines:
        stripped = line.strip()
        if _OURSELVES.match(stripped):
            (running if stripped in seen else seen).add(stripped)
    return running


def _cut_short(blocks: list[Block]) -> bool:
    """The last block, an official's, has neither contacts nor the salutation the official
    before it has (or, the first official's, neither contacts nor a salutation at all): a page
    break cut it."""
    if not blocks or blocks[-1].role != "target":
        return False
    last = blocks[-1].lines
    if any(CONTACT_LABEL.match(x) for x in last):
        return False
    if len(blocks) == 1:
        return len(last) >= 3  # "Office / Name / Building" and the page ends
    return blocks[-2].role == "target" and _has_salutation(blocks[-2].lines)


def _is_headline(line: str) -> bool:
    """The headline repeated at a page top (capitals, no digits, not a heading we act on)."""
    letters = [ch for ch in line if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or any(map(str.isdigit, line)):
        return False
    return not (TARGET_MARKER.match(line) or COPIES_MARKER.match(line) or _STOP_MARKER.match(line))


def _has_salutation(lines: list[str]) -> bool:
    return any(label_of(line) in SALUTATION_LABELS for line in lines)


def _is_prose(lines: list[str]) -> bool:
    return any(len(line) > 95 for line in lines) or (len(lines) == 1 and lines[0].endswith("."))


# A sentence's end and the next sentence's start; the stop is found first, the four letters
# before it checked after (a run of letters tried at each of its letters took longer).
_SENTENCES = re.compile(
    r"[.!?](?<=[a-z]{4}[.!?])\s+[A-Z][a-z]*\s+(?!(?:de|del|la|las|los|le|du|des|da|do|dos|von|van)\b)[a-z]{2,}\s"
    r"|https?://|www\.|^Please\b"
)


# The closing line of a letter ("Yours sincerely,"): the letter ends there.
LETTER_CLOSING = re.compile(
    r"^\s*(?:Yours (?:sincerely|faithfully|truly)|Sincerely(?: yours)?|Kind regards|Best regards|"
    r"Respectfully(?: yours)?|Atentamente|Cordialmente|Saludos cordiales|Le saluda atentamente|"
    r"Cordialement|Veuillez agréer\b.*|Je vous prie d['’]agréer\b.*|Mit freundlichen Grüßen|"
    r"Hochachtungsvoll|Atenciosamente|(?:Met )?vriendelijke groet(?:en)?|Hoogachtend|"
    r"وتفضلوا بقبول|مع فائق الاحترام|مع خالص التحية)\b.*$",
    re.I,
)


def _ends_prose(line: str) -> bool:
    """A line of the page's prose: long, or a sentence's end ("… (like the one below).")."""
    return len(line) > 95 or (len(line) > 40 and line.endswith((".", ":", "!", "?")))


def _after_prose(lines: list[str]) -> list[str]:
    """Drop prose run into an address block when the extraction lost the blank line between,
    and the letter's closing line above the block ("Yours sincerely," / "Minister of ...")."""
    closings = [i for i, line in enumerate(lines[:-1]) if LETTER_CLOSING.match(line)]
    if closings:
        lines = lines[closings[-1] + 1 :]
    first_contact = next((i for i, x in enumerate(lines) if CONTACT_LABEL.match(x)), None)
    if first_contact is None:
        # A bare address right under the page's prose, then the letter's date: the address.
        last = len(lines) - 1 if _is_letter_date(lines[-1:]) else len(lines)
        prose = [i for i, line in enumerate(lines[:last]) if _ends_prose(line)]
        if prose and last - prose[-1] > 3:
            return lines[prose[-1] + 1 : last]
        return lines
    prose = [i for i, line in enumerate(lines[:first_contact]) if _ends_prose(line)]
    if prose and first_contact - prose[-1] >= 2:
        return lines[prose[-1] + 1 :]
    return lines


# "MERCI D'AGIR AVANT LE : 10 janvier 2027", "Write to:" when the extraction lost the blank
# line after them: headings and deadlines above a block, never an official's title.
_DEADLINE_WORDS = re.compile(
    r"\b(?:before|until|by|deadline|avant|jusqu['’]au|antes|hasta|bis|vor|até)\b", re.I
)


def _is_heading_line(line: str) -> bool:
    if CONTACT_LABEL.match(line) or label_of(line) in SALUTATION_LABELS:
        return False
    if TARGET_MARKER.match(line) and line.rstrip().endswith(":"):
        return True
    if not _DEADLINE_WORDS.search(line):  # none before a date either: no dates looked for
        return False
    found = find_dates(line)
    return bool(found) and bool(_DEADLINE_WORDS.search(line[: found[0][0]]))


def _without_headings(lines: list[str]) -> list[str]:
    """The block without the heading and deadline lines run into its top."""
    start = 0
    while start < len(lines) and _is_heading_line(lines[start]):
        start += 1
    return lines[start:]


def _address_verdict(lines: list[str]) -> bool | None:
    """True for an official's address block (it has contacts), False for what never is one,
    None for a bare address: a block only under an appeal heading, and then only when
    ``_bare_address`` holds (a block is judged once, whatever heading it is under)."""
    if any(len(line) > 110 or line.startswith(("+", "|", "- ", "* ", "/*")) for line in lines):
        return False
    if any(_SENTENCES.search(line) for line in lines if not CONTACT_LABEL.match(line)):
        return False
    has_contact = any(CONTACT_LABEL.match(line) for line in lines)
    # "Madame Claire Essomba" over an office and contacts is a name with its civility, the
    # French order; "Madame la Ministre," (punctuated) or a bare greeting opens a letter.
    greeting = _ENDS_GREETING.match(lines[0]) or (
        GREETING.match(lines[0])
        and not (has_contact or (len(lines) >= 3 and looks_like_office(lines[1])))
    )
    if CONTACT_LABEL.match(lines[0]) or greeting or is_id_line(lines[0]):
        return False
    if has_contact:
        return True
    if any(" | " in line or line.startswith("©") for line in lines):
        return False  # site navigation or a footer
    return None


def _bare_address(lines: list[str]) -> bool:
    """Three lines or more, none ending a sentence, opening with an office or a name."""
    return (
        len(lines) >= 3
        and not any(line.endswith((".", ";")) for line in lines)
        and (looks_like_office(lines[0]) or any(looks_like_person_name(x) for x in lines[:2]))
    )


_OURSELVES = re.compile(
    r"^\s*(?:Amnesty|Amnist[íi]a)\s+Internacional|^\s*Amnesty International\b", re.I
)


def is_diplomatic(target: Target) -> bool:
    """Embassies and ambassadors are copies, unless a heading lists them among the officials."""
    return bool(_DIPLOMATIC.search(target.title or ""))


def block_targets(doc: Document) -> tuple[list[Target], list[str]]:
    """(targets, copies-to labels) from the document's address blocks."""
    targets: list[Target] = []
    copies: list[str] = []
    for block in address_blocks(doc):
        target = block_to_target(block.lines, block.next_greeting, doc.split_words)
        if not (target.name or target.title) or _OURSELVES.search(block.lines[0]):
            continue  # a section's own address in the page footer is no official
        # An ambassador the model letter greets right below the block is its addressee.
        greeted = block.next_greeting is not None
        if block.role == "copy" or (is_diplomatic(target) and not block.listed and not greeted):
            copies.append(target.label or block.lines[0])
            continue
        if any(t.name == target.name and t.title == target.title for t in targets):
            continue
        targets.append(target)
    return targets, copies
