"""One address block -> Target: office, name, postal address, contacts, salutation, gender."""

from __future__ import annotations

import re

from app.domain.model import Target
from app.importing.countries import canonical_country
from app.importing.names import (
    gender_from_honorific,
    gender_from_salutation,
    glue_split_fragments,
    has_honorific,
    looks_like_office,
    looks_like_person_name,
    split_office_prefix,
    strip_honorifics,
)

_CONTACT_LABEL = re.compile(
    r"^\s*\(?\s*(?:korrekte\s+)?(?P<label>E-?mails?|Email address|E-Mail|Correo(?:-e| electrónico)?|Courriel|Mail|"
    r"Fax(?:es)?|Telefax(?:es)?|Phone|Tel(?:ephone|éfono|éphone|efon)?|Tél(?:écopie|égrammes?)?|"
    r"Teléfono|Telegram(?:s|as?)?|Telexes|Telex|"
    r"Twitter|X|Facebook|Instagram|Website|Web|Sitio web|Site web|Salutation|Tratamiento|Saludo|Tratamento|Saudação|"
    r"Formule d['’]appel|Anrede|Formula di saluto|Aanhef|Standardbrief[^:]*|Porto[^:]*|"
    # Swedish, Danish, Polish, Catalan, Portuguese and Turkish labels
    r"E-posta?|Correu(?: electr[òo]nic)?|Correio(?: eletr[óôo]nico)?|Hälsningsfras|Tiltale|"
    r"Zwrot grzecznościowy|Salutació|Hitap|"
    # Finnish, Indonesian, Russian, Japanese and Korean labels (e-mail, phone, greeting)
    r"Sähköposti|Puhelin|Puhuttelu|Telepon|Salam pembuka|Sapaan|Эл\. почта|Электронная почта|"
    r"Телефон|Факс|Обращение|敬称|電子メール|メール|인사말|이메일|전화|"
    # Czech, Hungarian, Greek and Chinese labels (greeting, e-mail, phone, fax)
    r"Oslovení|Megszólítás|Προσφώνηση|Tractament|稱謂|称谓|電郵|电邮|電子郵件|电子邮件|電話|电话|傳真|传真)"
    # The value ends before the spaces that end the line; they are read from the value's last
    # letter only, not again from each space of a long run inside the value.
    r"\.?(?:\s+(?:No\.?|number|Nr\.?|n[°º]\.?))?\s*[:：]\s*(?P<value>.*?)\)?(?:(?<=\S)\s*+)?$",
    re.I,
)


class _ContactLabel:
    """``Fax: …``, ``Salutation: …``: every contact label has its colon, and most lines of a
    document have none, so only lines with one are matched."""

    pattern = _CONTACT_LABEL

    @staticmethod
    def match(line: str) -> re.Match[str] | None:
        return _CONTACT_LABEL.match(line) if ":" in line or "：" in line else None


CONTACT_LABEL = _ContactLabel()
SALUTATION_LABELS = {
    "salutation",
    "tratamiento",
    "saludo",
    "tratamento",
    "saudação",
    "formule d'appel",
    "formule d’appel",
    "anrede",
    "formula di saluto",
    "aanhef",
    "hälsningsfras",
    "tiltale",
    "zwrot grzecznościowy",
    "salutació",
    "hitap",
    "puhuttelu",
    "salam pembuka",
    "sapaan",
    "обращение",
    "敬称",
    "인사말",
    "oslovení",
    "tractament",
    "megszólítás",
    "προσφώνηση",
    "稱謂",
    "称谓",
}
_DANGLING = re.compile(r"\s(?:and|of|for|the|on|de|del|de la|des|du|et|y|und|der|für)$", re.I)
_HONORIFIC_ONLY = re.compile(
    r"(?:(?:His|Her|Your)\s+(?:Excellency|Majesty|Highness)|H\.\s?E\.|S\.\s?E\.|"
    r"Son Excellence|Sa Majesté|Su Excelencia|Su Majestad|(?:Seine|Ihre) Exzellenz)",
    re.I,
)
_SEX_MARK = re.compile(r"\s*\((f|m|h|w)\)\s*$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A numbered court, chamber or district: "5th", "3er", "2ª", "1re", "5º".
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|er|re|e|ème|eme|ª|º|°|a|o)", re.I)


def _holds_a_number(line: str) -> bool:
    """A house number, a post code or a box number, not an ordinal ("5th Criminal Court")."""
    return any(
        any(ch.isdigit() for ch in word) and not _ORDINAL.fullmatch(word.strip(",;:.()"))
        for word in line.split()
    )


def label_of(line: str) -> str:
    match = CONTACT_LABEL.match(line)
    return match.group("label").casefold() if match else ""


def block_to_target(
    lines: list[str], next_greeting: str | None = None, split_words: bool = False
) -> Target:
    """One address block -> Target (title, name, salutation, address, e-mail, fax, phone...)."""
    lines = [piece for line in lines for piece in _labels_side_by_side(line)]
    head: list[str] = []
    emails: list[str] = []
    fax = phone = salutation = None
    social: list[str] = []
    seen_contact = False
    greeting_open = False  # the salutation was the last label: lines after it continue it
    for line in lines:
        match = CONTACT_LABEL.match(line)
        if not match:
            if greeting_open and salutation:
                salutation = f"{salutation} {line.strip()}"  # wrapped in a narrow column
            elif not seen_contact and any(ch.isalnum() for ch in line):
                # (a line of punctuation alone, "." left by a name's wrap, is no address part)
                bracketed = line.startswith("(") and line.endswith(")")
                # Lines set as paragraphs end with a comma ("DOJ Building,"): the join adds one.
                head.append(line[1:-1].strip() if bracketed else line.strip().rstrip(",").rstrip())
            continue
        seen_contact = True
        label, value = match.group("label").casefold(), match.group("value").strip()
        greeting_open = label in SALUTATION_LABELS
        if label in SALUTATION_LABELS:
            salutation = value.strip("() ").rstrip(",:;").strip() or None
        elif label.startswith(
            (
                "e-mail",
                "email",
                "correo",
                "courriel",
                "mail",
                "e-post",
                "correu",
                "correio",
                "sähköposti",
            )
        ) or label.startswith(
            (
                "эл",
                "электрон",
                "이메일",
                "電子メール",
                "メール",
                "電郵",
                "电邮",
                "電子郵件",
                "电子邮件",
            )
        ):
            emails.extend(_emails_in(value))
        elif label.startswith(("fax", "telefax", "факс", "傳真", "传真")):
            fax = value or None
        elif label.startswith(
            ("phone", "tel", "tél", "puhelin", "телефон", "전화", "電話", "电话")
        ) and not label.startswith(("telegram", "telex")):
            phone = value or None
        elif label in {"twitter", "x", "facebook", "instagram"}:
            social.extend(re.findall(r"@\w+", value) or ([value] if value else []))
    for line in lines:
        if not CONTACT_LABEL.match(line):
            emails.extend(_EMAIL.findall(line))
    emails = list(dict.fromkeys(email.casefold() for email in emails))  # each address once
    if salutation is None and next_greeting:
        salutation = next_greeting.strip().rstrip(",:;!،").strip()
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


# Lines that open in lower case of their own: "c/o", "s/n", particles of a place name, and
# the street abbreviations of Slavic addresses ("ul. Gulyamova 66", "pr. Mustakillik 5"), in
# Latin or Cyrillic letters ("ул. Интернациональная, 22", "г. Минск").
_LOWER_CASE_LINE_OPENING = re.compile(
    r"^(?:c/|s/n|de |del |du |des |la |(?:ul|pr|pl|al|prosp|per|bul|str)\.\s|"
    r"(?:ул|пр|пл|просп|пер|бул|наб|г|д|обл)\.\s)"
)


# A wide gap, then a label with its colon: "Fax: +63 2 555 2301     Salutation: Your Excellency".
_GAP_BEFORE_LABEL = re.compile(r"\s{3,}(?=[^\W\d_][\w'’. -]{0,25}:\s)")


def _labels_side_by_side(line: str) -> list[str]:
    """A contact line with a second contact printed beside it -> the two lines."""
    if not CONTACT_LABEL.match(line) or not _GAP_BEFORE_LABEL.search(line):
        return [line]
    pieces = _GAP_BEFORE_LABEL.split(line)
    return pieces if all(CONTACT_LABEL.match(piece) for piece in pieces) else [line]


def _rejoin_broken(lines: list[str]) -> list[str]:
    """Rejoin an address line the extraction broke in the middle (next line starts lowercase)."""
    out: list[str] = []
    for line in lines:
        if out and _HONORIFIC_ONLY.fullmatch(out[-1].strip()):
            out[-1] = f"{out[-1]} {line}"  # "His Excellency" / "President Jane Roe"
        elif out and _DANGLING.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"  # "Minister of Justice, Prison Affairs and" / "Reforms"
        elif out and line and (line[0].islower() and not _LOWER_CASE_LINE_OPENING.match(line)):
            out[-1] = f"{out[-1]} {line}"
        elif out and out[-1].endswith(("-", "–")) and not out[-1].endswith(" –"):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _split_head(lines: list[str], split_words: bool) -> tuple[str | None, str | None, list[str]]:
    """(title, name as printed, address lines) for title-first or name-first blocks."""
    title, name, rest = _split_head_lines(lines, split_words)
    if name and _name_wrapped(name, rest, lines):
        return title, f"{name} {rest[0].strip()}", rest[1:]
    return title, name, rest


def _name_wrapped(name: str, rest: list[str], lines: list[str]) -> bool:
    """A long name line broken by a narrow PDF column: its last word alone on the next line,
    before the street (``Inspector General Jane`` / ``Roe`` / ``Jl. Merdeka No. 8``)."""
    if len(rest) < 2 or CONTACT_LABEL.match(rest[1]):
        return False
    # A rank and a given name alone ("Lieutenant General Marat") cannot be the whole name:
    # its last two words may have gone down, above an office line as well as a street.
    given_only = len(strip_honorifics(name).split()) == 1
    if not (any(map(str.isdigit, rest[1])) or (given_only and looks_like_office(rest[1]))):
        return False
    words = rest[0].strip().split()
    if not 1 <= len(words) <= (2 if given_only else 1) or any(
        len(word) > 15  # a compound institution ("Generalstaatsanwaltschaft"), not a surname
        or not re.fullmatch(r"[^\W\d_][^\W\d_'’-]+", word)
        or not word[0].isupper()
        or word.isupper()
        or looks_like_office(word)
        or canonical_country(word)
        for word in words
    ):
        return False
    if looks_like_office(rest[0]) or canonical_country(rest[0]) or not 2 <= len(name.split()) <= 4:
        return False
    if given_only:
        return True
    name_line = lines[len(lines) - len(rest) - 1]  # the office may share it with the name
    return len(name_line) >= 0.85 * max(len(line) for line in lines)


def _split_head_lines(
    lines: list[str], split_words: bool
) -> tuple[str | None, str | None, list[str]]:
    if not lines:
        return None, None, []
    for i, line in enumerate(lines[:4]):
        prefixed = split_office_prefix(line)
        # "Fiscal Regional de La Araucanía" above "Sr. Cristóbal Roe": the honorific marks
        # the next line as the name, so this whole line is the office.
        honoured_next = i + 1 < len(lines) and has_honorific(lines[i + 1])
        if prefixed and not (honoured_next and looks_like_person_name(lines[i + 1])):
            # "Governor Rick Perry": the office printed before the name
            title = " ".join(lines[:i]) or prefixed[0]
            return title, prefixed[1], lines[i + 1 :]
        if not looks_like_person_name(line, glue_fragments=split_words):
            if i > 0 and _holds_a_number(line):
                break  # a street or a post code: the address has begun, no name comes after it
            continue
        if i == 0:
            if len(lines) > 1 and looks_like_office(lines[1]):
                return lines[1], line, lines[2:]
            return None, line, lines[1:]
        return " ".join(lines[:i]), line, lines[i + 1 :]
    return lines[0], None, lines[1:]
