"""Language names (English, Spanish, French, German, Portuguese, Italian, Dutch) -> English;
document language."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from app.importing.language_names import LOCALES as NAMING_LOCALES
from app.importing.language_names import language_names
from app.importing.normalize import fold
from app.importing.vocabulary import STOPWORDS

# Indigenous and regional languages CLDR does not name (or names differently from Amnesty).
_EXTRA = {
    "kichwa": "Kichwa", "quichua": "Kichwa", "guarani": "Guarani", "guaraní": "Guarani",
    "farsi": "Persian", "persa": "Persian", "castellano": "Spanish", "mandarin": "Chinese",
    "mandarin chinese": "Chinese", "chino mandarin": "Chinese", "azeri": "Azerbaijani",
    "kurdish": "Kurdish", "kurdo": "Kurdish", "rundi": "Kirundi", "kirundi": "Kirundi",
    "tamazight": "Tamazight", "mapudungun": "Mapudungun", "nahuatl": "Nahuatl",
    "english": "English", "spanish": "Spanish", "french": "French", "arabic": "Arabic",
    "bélarussien": "Belarusian", "biélorusse": "Belarusian", "bielorruso": "Belarusian",
    "belaruso": "Belarusian", "weißrussisch": "Belarusian", "belarussisch": "Belarusian",
    "birman": "Burmese", "birmano": "Burmese", "birmanisch": "Burmese", "myanmar": "Burmese",
    "filipino": "Filipino", "tagalog": "Filipino", "pashto": "Pashto", "dari": "Dari",
    "uyghur": "Uyghur", "uigur": "Uyghur", "ouïghour": "Uyghur", "tibetan": "Tibetan",
    "amharic": "Amharic", "amhárico": "Amharic", "amharique": "Amharic", "tigrinya": "Tigrinya",
    "kinyarwanda": "Kinyarwanda", "swahili": "Swahili", "suajili": "Swahili",
    "singhalais": "Sinhala", "cingalais": "Sinhala", "tzotzil": "Tzotzil", "tseltal": "Tseltal",
    "mixteco": "Mixtec", "zapoteco": "Zapotec", "turkmeno": "Turkmen", "maya": "Maya",
    "kazakhe": "Kazakh", "kiswahili": "Swahili", "amazigh": "Tamazight", "luganda": "Luganda",
    # Mayan languages of Guatemala, with the glottal stop written as an apostrophe
    "q'eqchi'": "Q'eqchi'", "k'iche'": "K'iche'", "kaqchikel": "Kaqchikel",
    "azerice": "Azerbaijani",
    # Japanese "Burmese" in the older name CLDR does not give
    "ビルマ語": "Burmese",
}  # fmt: skip
_LOCALES = ("en", "es", "fr", "de", "pt")
# The languages whose names are read in a writing instruction ("in turco, inglese",
# "in het Engels, Russisch of Azerbeidzjaans", "på arabiska, engelska eller svenska"),
# NAMING_LOCALES: the five above, Italian, Dutch, Swedish, Danish, Norwegian, Finnish,
# Polish, Catalan, Turkish, Indonesian, Russian, Arabic, Japanese and Korean. Their names are
# shipped (language_names.py); the standalone bundle also keeps Babel's data for each of them.
# Amnesty's English names where CLDR's differ.
_AMNESTY_LANGUAGE_NAMES = {"Bangla": "Bengali", "Myanmar (Burmese)": "Burmese", "Ganda": "Luganda"}
_NOT_LANGUAGES = {"own", "your own", "your own language", "su propio idioma", "votre propre langue"}
# Words around language names in "write in good Russian, English or in German" and friends.
_FILLER = re.compile(
    r"^(?:(?:in|en|auf|em|gutem|guten|gutes|good|plain|the|el|le|la|or|o|ou|oder|and|y|et|und|e|"
    r"het|of|på|po|eller|lub|og|veya|bahasa|dalam|atau|на|или|v|nebo|vagy|στα|ή|باللغة|أو)\s+)+|"
    r"\s+(?:language|languages|idioma|langue|sprache|языке|языках)$",
    re.I,
)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    names = language_names()
    english = names["en"]
    table: dict[str, str] = {}
    for code, name in english.items():
        for locale in NAMING_LOCALES:
            local = names[locale].get(code)
            if local:
                table.setdefault(fold(local), name)
        table[fold(name)] = name
    # German adjectival forms: "Russisch", "auf Deutsch", "in gutem Englisch"; the Polish
    # adverb a writing instruction uses: "po rosyjsku" (rosyjski).
    for folded, name in list(table.items()):
        if folded.endswith("isch"):
            table.setdefault(folded + "en", name)
        if folded.endswith("ski"):
            table.setdefault(folded[:-1] + "u", name)
        if name in _AMNESTY_LANGUAGE_NAMES:
            table[folded] = _AMNESTY_LANGUAGE_NAMES[name]
    # The Finnish translative a writing instruction uses: "venäjäksi" (venäjä, "into
    # Russian"), "englanniksi" (englanti), "suomeksi" (suomi).
    for code, local in names["fi"].items():
        cldr_name = english.get(code)
        if cldr_name is None or " " in local:
            continue
        name = _AMNESTY_LANGUAGE_NAMES.get(cldr_name, cldr_name)
        forms = [local + "ksi"]
        if local.endswith("nti"):
            forms.append(local[:-3] + "nniksi")
        if local.endswith("mi"):
            forms.append(local[:-1] + "eksi")
        for form in forms:
            table.setdefault(fold(form), name)
    # The Czech locative a writing instruction uses: "v ruštině, tádžičtině nebo angličtině"
    # (ruština); the Hungarian adverb: "spanyolul vagy angolul" (spanyol), "németül",
    # "franciául" (francia).
    for locale, forms_of in (
        ("cs", lambda n: [n[:-1] + "ě"] if n.endswith("ina") else []),
        (
            "hu",
            lambda n: [
                n[:-1] + "ául"
                if n.endswith("a")
                else n[:-1] + "éül"
                if n.endswith("e")
                else n + "ul",
                n + "ül",
            ],
        ),
    ):
        for code, local in names[locale].items():
            cldr_name = english.get(code)
            if cldr_name is None or " " in local:
                continue
            for form in forms_of(local):
                table.setdefault(fold(form), _AMNESTY_LANGUAGE_NAMES.get(cldr_name, cldr_name))
    # The Russian prepositional case a writing instruction uses: "на русском или английском
    # языке" (русский, английский).
    for code, local in names["ru"].items():
        cldr_name = english.get(code)
        if cldr_name and " " not in local and local.endswith(("ий", "ый")):
            name = _AMNESTY_LANGUAGE_NAMES.get(cldr_name, cldr_name)
            table.setdefault(fold(local[:-2] + "ом"), name)
    table.update({fold(k): v for k, v in _EXTRA.items()})
    return table


@lru_cache(maxsize=1)
def printed_language_names() -> tuple[str, ...]:
    """Language names as the five locales print them (``français``, ``créole haïtien``)."""
    names: set[str] = set()
    for locale in _LOCALES:
        names.update(language_names()[locale].values())
    names.update(_EXTRA)
    return tuple(sorted(names))


def english_language_name(name: str) -> str | None:
    """``español`` -> ``Spanish``; ``kichwa`` -> ``Kichwa``; ``your own language`` -> None."""
    cleaned = _FILLER.sub("", name.strip(" .,:;()،")).strip()
    cleaned = _FILLER.sub("", cleaned).strip()
    if not cleaned or fold(cleaned) in _NOT_LANGUAGES or "own" in fold(cleaned).split():
        return None
    if "propio" in fold(cleaned) or "propre" in fold(cleaned) or "eigene" in fold(cleaned):
        return None
    known = _table().get(fold(cleaned))
    if known:
        return known
    if (
        len(cleaned.split()) == 1
        and cleaned.isalpha()
        and cleaned[0].isupper()
        and len(cleaned) > 3
    ):
        return cleaned[:1].upper() + cleaned[1:].lower()
    return None


def known_language_name(name: str) -> str | None:
    """Like english_language_name, but only for names the language table knows."""
    cleaned = _FILLER.sub("", _FILLER.sub("", name.strip(" .,:;()،")).strip()).strip()
    return _table().get(fold(cleaned)) if cleaned else None


_SPLITTER = re.compile(
    r"\s*(?:,|،|;|/|\bor\b|\band\b|\bo\b|\by\b|\bou\b|\bet\b|\boder\b|\bund\b|\bou\b|\be\b|"
    r"\beller\b|\bog\b|\blub\b|\bveya\b|\bya da\b|\batau\b|\bили\b|\bnebo\b|\bvagy\b|"
    r"\bή\b|\bأو\b|、|或)\s*",
    re.I,
)


def languages_in(phrase: str) -> list[str]:
    """All languages named in a phrase such as ``English, Turkish or your own language``."""
    result: list[str] = []
    for part in _SPLITTER.split(phrase):
        name = english_language_name(part)
        if name and name not in result:
            result.append(name)
    return result


_STOPWORDS = {code: frozenset(words) for code, words in STOPWORDS.items()}
# A word, but not a suffix written after an apostrophe to a number or a name (Turkish
# "2021'de", "İstanbul'da"), nor the particle before a hyphen ("al-Mutairi", "e-mail"): they
# would count as Spanish "de" and Portuguese "da" and "e". French "d'une", "l'homme" count.
_WORD = re.compile(r"(?<!\w)(?<!\d['’])(?<![^\W\d_]{3}['’])[^\W\d_]++(?![-‐][^\W\d_])")


def detect_language(text: str, stressed: str = "", stress: int = 1) -> str:
    """ISO 639-1 code of the text's main language (stop-word count; English by default); the
    words of ``stressed`` count ``stress`` times more (a story weighs more than its page)."""
    script = _by_script(stressed or text)
    if script:
        return script
    seen = Counter(_WORD.findall(text.casefold()))  # each distinct word is looked up once
    for word, count in Counter(_WORD.findall(stressed.casefold())).items():
        seen[word] += count * stress
    counts = {
        code: sum(seen[word] for word in stop if word in seen) for code, stop in _STOPWORDS.items()
    }
    best = max(counts.items(), key=lambda item: item[1])
    if best[0] == "es" and counts["ca"] > sum(seen[word] for word in _SPANISH_NOT_CATALAN):
        return "ca"  # the articles both share won it for Spanish, the rest is Catalan
    if best[0] == "da" and counts["no"] > sum(seen[word] for word in _DANISH_NOT_NORWEGIAN):
        return "no"  # the words both share won it for Danish, the rest is Norwegian
    return best[0] if best[1] > 0 else "en"


# Frequent Spanish words Catalan writes otherwise ("los" "els", "y" "i", "con" "amb").
_SPANISH_NOT_CATALAN = frozenset(
    ["los", "las", "y", "por", "con", "para", "su", "sus", "fue", "como"]
)


# Frequent Danish words Norwegian writes otherwise ("af" "av", "blev" "ble", "efter" "etter").
_DANISH_NOT_NORWEGIAN = frozenset(
    ["af", "blev", "blevet", "efter", "sig", "hende", "hendes", "været", "mod", "havde", "fik"]
)


_ARABIC_LETTER = re.compile(r"[\u0620-\u064a]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _by_script(text: str) -> str | None:
    """The language a script tells: Arabic, Russian or Greek when most letters are Arabic,
    Cyrillic or Greek (an official's address in Latin letters aside), Japanese, Chinese or
    Korean when a third of them are kana and kanji, hanzi or hangul (a CJK letter carries a
    word's worth)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return None
    if len(_ARABIC_LETTER.findall(text)) > letters / 2:
        return "ar"
    if len(_CYRILLIC_LETTER.findall(text)) > letters / 2:
        return "ru"
    if len(_GREEK_LETTER.findall(text)) > letters / 2:
        return "el"
    kana = len(_KANA.findall(text))
    if kana + len(_HAN.findall(text)) > letters / 3:
        return "ja" if kana else "zh"
    if len(_HANGUL.findall(text)) > letters / 3:
        return "ko"
    return None


def all_languages(phrase: str) -> bool:
    """True when every part of the phrase names a language (or is "your own language")."""
    parts = [part for part in _SPLITTER.split(phrase) if part and part.strip(" .,:;")]
    if not parts:
        return False
    named = [english_language_name(part) for part in parts]
    own = [_is_own_language(part) for part in parts]
    return any(named) and all(n is not None or o for n, o in zip(named, own, strict=True))


def _is_own_language(part: str) -> bool:
    folded = fold(part)
    return "own" in folded.split() or "propi" in folded or "propre" in folded or "eigene" in folded
