"""Country names in any of the UA languages -> the English short name Amnesty uses."""

from __future__ import annotations

import re
from functools import lru_cache

from app.importing.normalize import fold
from app.importing.territory_names import LOCALES as _LOCALES
from app.importing.territory_names import territory_names

# Amnesty's English usage where it differs from CLDR's short names.
_AMNESTY_NAMES = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "VN": "Viet Nam",
    "RU": "Russia",
    "TR": "Turkey",
    "SY": "Syria",
    "IR": "Iran",
    "KR": "South Korea",
    "KP": "North Korea",
    "LA": "Laos",
    "MM": "Myanmar",
    "CI": "Côte d'Ivoire",
    "PS": "Palestine",
    "US": "USA",
    "GB": "UK",
    "MK": "North Macedonia",
    "CZ": "Czech Republic",
    "SZ": "Eswatini",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "BN": "Brunei Darussalam",
    "TL": "Timor-Leste",
    "HK": "Hong Kong",
}
# Formal or older names that CLDR does not list, in several languages.
_EXTRA_NAMES = {
    "RU": ["Russian Federation", "Russische Föderation", "Fédération de Russie", "Federación de Rusia", "Federação Russa"],
    "CD": ["DRC", "RDC", "DR Congo", "République démocratique du Congo", "República Democrática del Congo",
           "Demokratische Republik Kongo", "Congo (Kinshasa)", "Democratic Republic of Congo"],
    "CG": ["Congo", "République du Congo", "Congo (Brazzaville)"],
    "VN": ["Vietnam", "Viet Nam", "Viêt Nam", "Việt Nam"],
    "TR": ["Turkey", "Türkiye", "Turquía", "Turquie", "Türkei"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "US": ["United States", "United States of America", "Estados Unidos", "États-Unis", "EEUU", "USA"],
    "GB": ["United Kingdom", "Great Britain", "Reino Unido", "Royaume-Uni", "Großbritannien"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast", "Côte d’Ivoire"],
    "PS": ["Occupied Palestinian Territories", "Palestinian Territories", "Israel and the Occupied Palestinian Territories"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
}  # fmt: skip
# Formal, older and localised names CLDR lacks, found on section pages and translations.
_MORE_NAMES = {
    "BY": ["Weißrussland", "Weissrussland", "Republic of Belarus", "Bielorrusia", "Biélorussie", "Belorussia", "Byelorussia"],
    "SA": ["Kingdom of Saudi Arabia", "Reino de Arabia Saudí", "Royaume d’Arabie saoudite", "Arabia Saudita", "KSA"],
    "EG": ["Arab Republic of Egypt", "República Árabe de Egipto", "République arabe d’Égypte"],
    "CI": ["Costa de Marfil", "Elfenbeinküste", "Cote d'Ivoire"],
    "MM": ["Birmania", "Birmanie", "Birma", "Myanmar (Burma)", "Republic of the Union of Myanmar"],
    "PH": ["Republic of the Philippines"],
    "AE": ["UAE", "EAU"],
    "GM": ["The Gambia"],
    "KZ": ["Kazajstán", "Republic of Kazakhstan"],
    "BA": ["Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia Herzegovina"],
    "HK": ["Hong Kong SAR", "China (Hong Kong)", "Hong Kong SAR, China"],
    "US": ["États-Unis d’Amérique", "Estados Unidos de América", "Vereinigte Staaten von Amerika"],
    "PS": ["Territorios Palestinos Ocupados", "Territoires palestiniens occupés", "Besetzte Palästinensische Gebiete"],
    "CD": ["Democratische Republiek Congo", "Repubblica Democratica del Congo", "República Democrática do Congo"],
    "CG": ["Republiek Congo", "Repubblica del Congo"],
}  # fmt: skip
# Names of their time kept as printed (the 1990s network texts).
_PERIOD_NAMES = [
    "Zaire",
    "Yugoslavia",
    "Federal Republic of Yugoslavia",
    "Serbia and Montenegro",
    "East Timor",
]


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Folded localised name -> English Amnesty name."""
    names = territory_names()
    english = names["en"]
    table: dict[str, str] = {}
    for code, name in english.items():
        if code in {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}:
            continue
        canonical = amnesty_name(code, name)
        for locale in _LOCALES:
            local = names[locale].get(code)
            if local:
                table.setdefault(fold(local), canonical)
                # "ミャンマー (ビルマ)", "Мьянма (Бирма)": the name before the bracket too
                table.setdefault(
                    fold(re.sub(r"\s*\(.*\)\s*$", "", local)) or fold(local), canonical
                )
        table[fold(canonical)] = canonical
        table[fold(name)] = canonical
    for code, extras in [*_EXTRA_NAMES.items(), *_MORE_NAMES.items()]:
        for extra in extras:
            english_name = english.get(code, extra).replace(" & ", " and ")
            table[fold(extra)] = _AMNESTY_NAMES.get(code, english_name)
    for name in _PERIOD_NAMES:
        table.setdefault(fold(name), name)
    return table


def amnesty_name(code: str, cldr_name: str) -> str:
    """The English short name Amnesty uses for the territory ``code`` (CLDR's otherwise)."""
    return _AMNESTY_NAMES.get(code, cldr_name.replace(" & ", " and "))


_WHITESPACE = re.compile(r"\s+")


def canonical_country(name: str) -> str | None:
    """``Russische Föderation`` -> ``Russia``; ``TURKEY`` -> ``Turkey``; unknown -> None."""
    key = fold(_WHITESPACE.sub(" ", name.strip(" .,:;()")))
    if not key or len(key) > 60:
        return None
    found = _table().get(key)
    if found is None and "(" in key:  # "USA (Texas)", "Myanmar (Burma)"
        found = _table().get(re.sub(r"\s*\(.*$", "", key).strip())
    if found is None and "," in key:  # "Iran, Islamic Republic of"
        found = _table().get(key.split(",")[0].strip())
    return found


@lru_cache(maxsize=1)
def _mention_pattern() -> re.Pattern[str]:
    names = sorted({n for n in _table() if len(n) >= 4}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


_SAINT_BEFORE = re.compile(r"\b(?:san|santa|santo|sao|saint|sainte|st\.?)\s+$")


def most_mentioned_country(text: str) -> str | None:
    """The country named most often in ``text`` (a fallback when no field names it)."""
    counts: dict[str, int] = {}
    folded = fold(text)
    for match in _mention_pattern().finditer(folded):
        if _SAINT_BEFORE.search(folded, max(0, match.start() - 7), match.start()):
            continue  # "San Salvador" in Jujuy: a town named after a saint, not El Salvador
        country = _table()[match.group(1)]
        counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda item: item[1])[0]


# AI Index country codes (region + two digits) for the countries UAs most often concern.
_INDEX_CODES = {
    "AFR 12": "Angola", "AFR 16": "Burundi", "AFR 17": "Cameroon", "AFR 19": "Central African Republic",
    "AFR 20": "Chad", "AFR 25": "Ethiopia", "AFR 27": "Gambia", "AFR 28": "Ghana", "AFR 29": "Guinea",
    "AFR 31": "Côte d'Ivoire", "AFR 32": "Kenya", "AFR 34": "Liberia", "AFR 37": "Mali",
    "AFR 41": "Mozambique", "AFR 43": "Niger", "AFR 44": "Nigeria", "AFR 46": "Zimbabwe",
    "AFR 47": "Rwanda", "AFR 49": "Senegal", "AFR 51": "Sierra Leone", "AFR 52": "Somalia",
    "AFR 53": "South Africa", "AFR 54": "Sudan", "AFR 56": "Tanzania", "AFR 57": "Togo",
    "AFR 59": "Uganda", "AFR 62": "Democratic Republic of the Congo", "AFR 63": "Zambia",
    "AFR 64": "Eritrea", "AFR 65": "South Sudan",
    "AMR 13": "Argentina", "AMR 18": "Bolivia", "AMR 19": "Brazil", "AMR 22": "Chile",
    "AMR 23": "Colombia", "AMR 25": "Cuba", "AMR 27": "Dominican Republic", "AMR 28": "Ecuador",
    "AMR 29": "El Salvador", "AMR 34": "Guatemala", "AMR 36": "Haiti", "AMR 37": "Honduras",
    "AMR 41": "Mexico", "AMR 43": "Nicaragua", "AMR 45": "Paraguay", "AMR 46": "Peru",
    "AMR 51": "USA", "AMR 53": "Venezuela",
    "ASA 11": "Afghanistan", "ASA 13": "Bangladesh", "ASA 16": "Myanmar", "ASA 17": "China",
    "ASA 20": "India", "ASA 21": "Indonesia", "ASA 23": "Cambodia", "ASA 24": "North Korea",
    "ASA 25": "South Korea", "ASA 28": "Malaysia", "ASA 31": "Nepal", "ASA 33": "Pakistan",
    "ASA 35": "Philippines", "ASA 36": "Singapore", "ASA 37": "Sri Lanka", "ASA 39": "Thailand",
    "ASA 41": "Viet Nam",
    "EUR 44": "Turkey", "EUR 46": "Russia", "EUR 49": "Belarus", "EUR 50": "Ukraine",
    "EUR 55": "Azerbaijan", "EUR 56": "Georgia", "EUR 57": "Kazakhstan", "EUR 60": "Tajikistan",
    "EUR 61": "Turkmenistan", "EUR 62": "Uzbekistan",
    "MDE 11": "Bahrain", "MDE 12": "Egypt", "MDE 13": "Iran", "MDE 14": "Iraq", "MDE 15": "Israel",
    "MDE 18": "Lebanon", "MDE 19": "Libya", "MDE 23": "Saudi Arabia", "MDE 24": "Syria",
    "MDE 25": "United Arab Emirates", "MDE 30": "Tunisia", "MDE 31": "Yemen",
}  # fmt: skip


def country_from_index(index_or_link: str) -> str | None:
    """``AMR 46/5033/2021`` or a link with ``amr46/`` -> ``Peru`` (known codes only)."""
    match = re.search(r"\b(AFR|AMR|ASA|EUR|MDE)\s?(\d{2})(?=\s*/)", index_or_link, re.I)
    if not match:
        return None
    return _INDEX_CODES.get(f"{match.group(1).upper()} {match.group(2)}")
