"""PDF text layers that lost every accented letter ("ACCIN URGENTE", "ndice:", "Mxico").

Some PDFs embed their accented glyphs in a way the extractor cannot map, and the letters
simply vanish. When a text shows that damage, the words the importer relies on - the labels
of each layout, country and language names - are restored from a vocabulary: each known word
with accented letters, written without them, points back to itself. Names of people and
officials are left as printed: nothing tells what was lost there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from app.importing.anchored import Anchored

# Label words of the Spanish, French, German and Portuguese layouts (and status phrases).
_LABEL_WORDS = (
    "ACCIÓN Acción ÍNDICE Índice INFORMACIÓN Información ENVÍEN Envíen ACTÚEN Actúen TAMBIÉN "
    "También LLAMAMIENTOS MÁS Más más ÚLTIMA última Última actualización ACTUALIZACIÓN "
    "información acción Fecha emisión EMISIÓN Tratamiento Correo-e español inglés francés "
    "portugués árabe chino ruso PRÉCÉDENTE précédente COMPLÉMENTAIRE complémentaire "
    "Complément COMPLÉMENT d'information DERNIÈRE dernière PRIVILÉGIER privilégier ÉCRIVEZ "
    "Écrivez ÉGALEMENT également À à Français français anglais espagnol arabe "
    "requise REQUISE nécessaire NÉCESSAIRE Entre-temps Sécurité sécurité Ministère "
    "République république Fédération Señor Señora SEÑOR SEÑORA Excelentísimo Excelencia "
    "México Perú Panamá Haití Irán Sudán Pakistán Túnez Turquía Camerún Bahréin Japón "
    "Côte Égypte Éthiopie Algérie Sénégal Yémen Pérou Bénin Érythrée Émirats États-Unis "
    "Guinée Équatoriale Arabia Saudí Arabie saoudite Brésil Brasil Colombie Bélarus Biélorussie "
    "Rusia Líbano Liban Níger Nigéria Ruanda Burundi Malí Kazajistán Kirguistán Tayikistán "
    "Uzbekistán Azerbaiyán Afganistán Kenia Túnez Mauritanie Tchad Maroc Tunisie "
    # Ranks before a name, and the month names of dates ("19 AOT 2016", "3 Mrz 2014").
    "Général GÉNÉRAL général Générale générale "
    "février FÉVRIER août AOÛT décembre DÉCEMBRE März MÄRZ"
)
# Every sign below opens with one of these words.
_SIGN_WORDS = (
    "ACCIN", "Accin", "ndice", "INFORMACIN", "COMPLMENT", "PRCDENTE", "ENVEN", "ACTEN", "espaol",
    "franais", "Mxico", "Rpublique",
)  # fmt: skip
# An "ndice:" that opens a line is one after a word boundary too: no branch of its own.
_STRONG_SIGNS = Anchored(
    re.compile(
        r"\bACCIN\b|\bAccin\b|\bndice\s*:|\bINFORMACIN\b|\bCOMPLMENT|"
        r"\bPRCDENTE\b|\bENVEN\b|\bACTEN\b|\bespaol\b|\bfranais\b|\bMxico\b|\bRpublique\b"
    ),
    _SIGN_WORDS,
)


def _strip(word: str) -> str:
    return "".join(
        ch for ch in word if ord(ch) < 128 or not unicodedata.category(ch).startswith("L")
    )


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    """Damaged form -> the word as printed before the damage (only words that had accents)."""
    from app.importing.languages import _table as language_table
    from app.importing.languages import printed_language_names
    from app.importing.territory_names import territory_names
    from app.importing.vocabulary import NON_NAME_WORDS, STOPWORDS

    words = set(_LABEL_WORDS.split())
    for names in territory_names().values():
        for name in names.values():
            words.update(re.findall(r"[^\W\d_][\w'’-]*", name))
    for name in [*language_table(), *printed_language_names(), *NON_NAME_WORDS]:
        words.update(re.findall(r"[^\W\d_][\w'’-]*", name))
    found: dict[str, str] = {}
    # "ministre" and "dans" are words of their own, not "ministère" or "danés" damaged.
    known = {word.casefold() for word in words}.union(*STOPWORDS.values())
    labels = set(_LABEL_WORDS.split())
    for word in sorted(words, key=lambda word: _preference(word, labels)):
        damaged = _strip(word)
        if damaged.casefold() in known:
            continue
        if damaged != word and len(damaged) >= 3 and damaged.lower() not in _COMMON:
            found.setdefault(damaged, word)
            if word.islower():
                found.setdefault(damaged.capitalize(), word.capitalize())
    return found


def _preference(word: str, labels: set[str]) -> tuple[bool, int, bool, str]:
    """Which word a damaged form stands for when several lose the same letters ("inglés" and
    "inglês" both become "ingls"; "última" and "Última" both "ltima"), the same on every run:
    a label word first, then the one with fewer accents other than the acute (the Spanish and
    French of most UAs before the Portuguese or German), the lower-case one (a capital lost
    with its accent is put back by its place in the text), then alphabetical order."""
    not_acute = sum(1 for ch in word if ord(ch) >= 128 and ch not in _ACUTE)
    return word not in labels, not_acute, word[:1].isupper(), word


_ACUTE = frozenset("áéíóúÁÉÍÓÚ")

# Damaged forms that are ordinary words and must stay as they are.
_COMMON = {"per", "core", "mal", "ser", "son", "les", "des", "ces", "the", "con", "mas"}


def is_accent_damaged(text: str) -> bool:
    """The text shows the loss: a label or a common name without its accented letters."""
    if not any(word in text for word in _SIGN_WORDS):  # most texts: no pattern search at all
        return False
    return bool(_STRONG_SIGNS.search(text))


def repair_accent_damage(text: str) -> str:
    """Restore the vocabulary's words; everything else stays as printed."""
    vocabulary = _vocabulary()
    pattern = _pattern()

    def restore(match: re.Match[str]) -> str:
        damaged = match.group(0)
        word = vocabulary.get(damaged, damaged)
        if word[:1].islower() and _strip(word[:1]) == "" and _starts_sentence(text, match.start()):
            return word[:1].upper() + word[1:]  # "ltima actualizacin:" opening a line
        return word

    text = pattern.sub(restore, text)
    # "MISE  JOUR", "LANGUE  PRIVILÉGIER", "Copies  :": a lost "À" leaves two spaces.
    return re.sub(r"\b(MISE|Mise|mise|LANGUE|Langue|langue|COPIES|Copies)  (?=\S)", r"\1 à ", text)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` opens the text, a line or a sentence (after ". ")."""
    at = start - 1
    while at >= 0 and text[at] in " \t":  # back over the spaces only, not the whole text
        at -= 1
    return at < 0 or text[at] in "\n.!?•-*"


def as_printed(name: str, printed: str) -> str:
    """A name as the damaged text prints it: a word the repair restored ("Saudí" from
    "Arabia Saud", "guaraní" from the language) is put back when the text never has it."""

    def back(match: re.Match[str]) -> str:
        word = match.group(0)
        damaged = _strip(word)
        if damaged == word or word in printed or _vocabulary().get(damaged) != word:
            return word
        return damaged

    return re.sub(r"[^\W\d_]+", back, name)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(_vocabulary(), key=len, reverse=True)
    return re.compile(  # never inside an e-mail address or a link
        r"(?<![\w'’@./-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'’@/-])"
    )
