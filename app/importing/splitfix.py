"""Repair words, labels and numbers that an HTML/PDF converter split with stray spaces.

The 2017 authoring template circulates as pdf2htmlEX text where ``TITLE`` reads ``TIT LE``,
``UA 127/17`` reads ``UA 1 27/17`` and ``2017`` reads ``20 17``. The repair only runs when the
document shows that symptom (a known label written with a space inside it).
"""

from __future__ import annotations

import re

from app.importing.anchored import Anchored
from app.importing.dates import MONTH_WORDS
from app.importing.vocabulary import COMMON_WORDS

# Labels of the template and the modern layout, matched with optional spaces between letters.
TEMPLATE_LABELS = (
    "URGENT ACTION TITLE",
    "PUBLICATION DATE",
    "URGENT ACTION TYPE AND NUMBER",
    "INDEX NUMBER",
    "URGENT ACTION SUMMARY",
    "URGENT ACTION LETTER",
    "TARGET'S CONTACT DETAILS",
    "COPIES TO",
    "PREFERRED LANGUAGE TO ADDRESS TARGET",
    "APPEAL DEADLINE NOTICE",
    "ALSO SEND COPIES TO DIPLOMATIC REPRESENTATIVES ACCREDITED TO YOUR COUNTRY",
    "LINK TO PREVIOUS UA",
    "BACKGROUND INFORMATION",
    "NAME AND PRONOUN",
    "ADDITIONAL INFORMATION",
    "URGENT ACTION",
    "SALUTATION",
    "EMAIL",
    "TWITTER",
    "FACEBOOK",
    "PHONE",
)


def _fuzzy(label: str) -> re.Pattern[str]:
    parts: list[str] = []
    for i, ch in enumerate(label):
        if ch == " ":
            parts.append(r"\s+")
        elif ch == "'":
            parts.append(r"\s?['’]?")
        elif i + 1 < len(label) and label[i + 1] not in " '":
            parts.append(re.escape(ch) + r"(?: (?=\S))?")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"\b" + "".join(parts) + r"\b", re.I)


_FUZZY_LABELS = [(_fuzzy(label), label.replace("'", "’")) for label in TEMPLATE_LABELS]
_SPLIT_FORMS = (
    "TIT LE", "ACT ION", "NUM BER", "NUMB ER", "SUMM ARY", "LETT ER", "DET AILS", "INFORM ATION",
    "TARG ET",
)  # fmt: skip
_SPLIT_SYMPTOM = Anchored(re.compile(rf"\b(?:{'|'.join(_SPLIT_FORMS)})\b"), _SPLIT_FORMS)
_YEAR_SPLIT = re.compile(r"\b(1 ?9|2 ?0) ?(\d) ?(\d)\b")
_WORD = re.compile(r"[^\W\d_]+")
_COMMON_WORDS = COMMON_WORDS
_ONE_LETTER_WORDS = {"a", "e", "i", "à", "é"}


def has_split_words(text: str) -> bool:
    """True when a known label appears split by a stray space (the template symptom)."""
    return bool(_SPLIT_SYMPTOM.search(text))


def repair_split_words(text: str) -> str:
    """Rejoin split labels, years and words (only for documents showing the symptom)."""
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    for pattern, label in _FUZZY_LABELS:

        def relabel(m: re.Match[str], label: str = label) -> str:
            return _label_or_original(m.group(0), label)

        text = pattern.sub(relabel, text)
    text = _YEAR_SPLIT.sub(lambda m: m.group(0).replace(" ", ""), text)
    vocabulary = {w.casefold() for w in _WORD.findall(text) if len(w) >= 3} | MONTH_WORDS
    label_words = {w.casefold() for label in TEMPLATE_LABELS for w in _WORD.findall(label)}
    vocabulary |= label_words
    return "\n".join(_repair_line(line, vocabulary) for line in text.split("\n"))


def _label_or_original(found: str, label: str) -> str:
    """Replace only a label that really was split (prose "copies to" keeps its case)."""
    return label if len(found.split()) > len(label.split()) else found


def _repair_line(line: str, vocabulary: set[str]) -> str:
    tokens = line.split(" ")
    out: list[str] = []
    for token in tokens:
        if out and _should_join(out[-1], token, vocabulary):
            out[-1] = out[-1] + token
        else:
            out.append(token)
    return " ".join(out)


_LAST_WORD = re.compile(r"[^\W\d_]+$")
_WORD_AND_MARKS = re.compile(r"^([^\W\d_]+)[^\w\s]*$")


def _should_join(left: str, right: str, vocabulary: set[str]) -> bool:
    left_match = _LAST_WORD.search(left)
    right_match = _WORD_AND_MARKS.match(right)
    if not left_match or not right_match:
        return False
    left_word, right_word = left_match.group(0), right_match.group(1)
    if right_word[0].isupper() and not right_word.isupper():
        return False
    joined = (left_word + right_word).casefold()
    if joined in vocabulary and not (
        left_word.casefold() in _COMMON_WORDS and right_word.casefold() in _COMMON_WORDS
    ):
        return True
    # A lone trailing letter (``victim s``, ``sincerel y``) belongs to the word before it.
    return (
        len(right_word) == 1
        and right_word.islower()
        and right_word not in _ONE_LETTER_WORDS
        and len(left_word) >= 4
    )
