"""Is this line a person's name, an office or an address? Honorifics, ranks and gender."""

from __future__ import annotations

import re

from app.importing.normalize import fold

# Honorifics, courtesy titles and ranks printed before a name (stripped for matching).
_HONORIFIC = re.compile(
    r"^(?:(?:his|her|your)\s+excellency|h\.\s?e\.|s\.\s?e\.|e\.\s?s\.|excmo\.?|excma\.?|"
    r"lieutenant[\s-]general|lt\.?\s*gen\.?|major[\s-]general|brigadier(?:[\s-]general)?|"
    r"general\s+de\s+divisi[oó]n|general|gen\.|colonel|col\.|coronel|captain|capt\.|major|"
    r"commander|admiral|chief|justice|judge|the\s+honou?rable|hon\.|rt\.?\s+hon\.?|"
    r"mr|mrs|ms|miss|mx|dr|dra|prof|professor|lic|licda|licdo|abog|abg|ing|arq|"
    r"sr|sra|srta|señor|señora|don|doña|dña|mme|mlle|m\.|monsieur|madame|herrn?|frau|"
    r"sheikh|shaikh|sir|dame|lord|lady|king|queen|prince|princess|president|senhor|senhora|dom)"
    r"\.?(?=\s)\s+",
    re.I,
)
_MALE = {"mr", "herr", "herrn", "señor", "sr", "don", "monsieur", "m.", "senhor", "dom", "sir", "lord", "king", "prince"}
_FEMALE = {"mrs", "ms", "miss", "frau", "señora", "sra", "srta", "doña", "dña", "madame", "mme", "mlle", "senhora", "dame", "lady", "queen", "princess", "dra"}
NAME_PARTICLES = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von",
    "der", "den", "ten", "ter", "bin", "binti", "bint", "ibn", "al", "el", "y", "e", "af", "zu",
    "mac", "st", "st.", "ould", "ben", "abu", "ap",
}  # fmt: skip
# Words that mark an office, an institution or an address rather than a person.
_NON_NAME_WORDS = set(
    fold(word)
    for word in """
minister ministers ministry ministerio ministère ministerium ministro ministra ministre ministério
president presidente président präsident prime premier attorney general generalstaatsanwalt
prosecutor prosecutor's fiscal fiscalía fiscalia procurador procuradora procureur procuradoria
governor gobernador gouverneur governador gouvernement government gobierno governo regierung
chief director directora directeur diretor head chair chairman chairperson chairwoman secretary
secretaría secretario secretaria secrétaire commissioner commission comisión comisionado
inspector police policía policia polizei army ejército armée military force forces staff
office oficina bureau cabinet gabinete kabinett department departamento département
court tribunal corte supreme justice justicia judge juez juge council consejo conseil
embassy embajada ambassade botschaft ambassador embajador ambassadeur botschafter
headquarters palace palacio palais palácio house hall building complex centre center
street st road rd avenue av avda avenida boulevard blvd calle rua rue lane square plaza
place drive way highway ul ulitsa strasse straße platz box p.o. po apartado casilla
province provincial provincia state states estado état district region región région
republic república république republik federation federación fédération föderation
national nacional nationale nation federal agency agence agencia institute instituto
authority authorities autoridad services service servicio division división unit unidad
affairs asuntos affaires foreign exterior exteriores interior home security seguridad
human rights derechos droits humanos humains defender defensor defensoría ombudsman
public pública público publique prison prisión prisons jail penitentiary centre
commander command comando mayor alcalde maire bürgermeister king queen sultan emir
representative representante représentant mission permanent kingdom reino royaume
office, minister, senator senador deputy diputado député parliament parlamento
""".split()
)


def strip_honorifics(name: str) -> str:
    """``H.E. General Jane Doe`` -> ``Jane Doe`` (repeatedly, keeping at least two words)."""
    result = name.strip()
    while True:
        match = _HONORIFIC.match(result)
        if not match or len(result[match.end() :].split()) < 1:
            return result
        result = result[match.end() :].strip()


def has_honorific(line: str) -> bool:
    return bool(_HONORIFIC.match(line.strip()))


def gender_from_honorific(name: str) -> str | None:
    """``Mrs``/``Frau``/``Señora`` -> "f", ``Mr``/``Herrn``/``Señor`` -> "m", else None."""
    result = name.strip()
    while True:
        match = _HONORIFIC.match(result)
        if not match:
            return None
        word = fold(match.group(0).strip().rstrip(".")) if match.group(0).strip() != "M." else "m."
        if word in _MALE:
            return "m"
        if word in _FEMALE:
            return "f"
        result = result[match.end() :]


def gender_from_salutation(salutation: str | None) -> str | None:
    """``Señora Ministra``, ``Sehr geehrte Frau``, ``Dear Madam`` -> "f"; male forms -> "m"."""
    if not salutation:
        return None
    words = set(re.findall(r"[^\W\d_]+", fold(salutation)))
    female = {"senora", "madame", "madam", "frau", "geehrte", "excelentissima", "senhora", "ministra", "presidenta", "mrs", "ms", "estimada", "chere"}
    male = {"senor", "monsieur", "herr", "geehrter", "excelentissimo", "senhor", "sir", "mr", "estimado", "cher"}
    if words & female and not words & male:
        return "f"
    if words & male and not words & female:
        return "m"
    return None


def looks_like_person_name(line: str, *, glue_fragments: bool = False) -> bool:
    """A line that is a person's name: 1-6 capitalised words, no office/address words."""
    text = line.strip().rstrip(",")
    if not text or any(ch.isdigit() for ch in text) or "@" in text or ":" in text:
        return False
    if has_honorific(text):
        rest = strip_honorifics(text)
        return bool(rest) and _capitalised_words(rest, glue_fragments) and not _has_office_word(rest)
    if text.isupper() and len(text) > 4:
        return False
    if "," in text or "(" in text:
        return False
    return _capitalised_words(text, glue_fragments) and not _has_office_word(text) and len(text.split()) >= 2


def _capitalised_words(text: str, glue_fragments: bool) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 7:
        return False
    for word in words:
        bare = word.strip("'’.-")
        if not bare:
            return False
        if fold(bare) in NAME_PARTICLES:
            continue
        if glue_fragments and bare.islower() and len(bare) <= 2:
            continue
        if not bare[0].isupper() or not re.fullmatch(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?", bare):
            return False
    return True


def _has_office_word(text: str) -> bool:
    return any(fold(word.strip("(),.;:'’")) in _NON_NAME_WORDS for word in text.split())


def looks_like_office(line: str) -> bool:
    """A line naming an office or institution (``Minister of Justice``, ``GENERALSTAATSANWALT``)."""
    return _has_office_word(line) or (line.isupper() and len(line) > 4)


def glue_split_fragments(name: str) -> str:
    """Rejoin surname fragments split by the template converter: ``Lem os`` -> ``Lemos``."""
    out: list[str] = []
    for word in name.split():
        if out and word.islower() and len(word) <= 2 and fold(word) not in NAME_PARTICLES:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)
