"""RTF source (a section's ``.rtf`` distribution opened or pasted as text) -> its plain text.

Older UA distributions were word-processor files; saved as ``.rtf`` and opened as text, the
document is hidden among control words (``\\par``, ``\\tab``, ``\\b``), font tables and escaped
letters (``Mar\\'eda`` for "María", ``\\u8217?`` for "’"). Only what a reader would see is kept:
the text, its paragraph breaks and tabs, and the letters the escapes stand for.
"""

from __future__ import annotations

import codecs
import re

from app.importing.vocabulary import words

_TOKEN = re.compile(
    r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
# Groups that hold no text a reader sees (fonts, colours, styles, document properties,
# pictures, fields' instructions).
_DESTINATIONS = words(
    """
    fonttbl colortbl stylesheet info pict object header footer headerl headerr headerf footerl
    footerr footerf footnote listtable listoverridetable rsidtbl generator xmlnstbl themedata
    colorschememapping datastore latentstyles pgdsctbl filetbl revtbl fldinst mmathPr
    """
)
_BREAKS = {"par": "\n", "line": "\n", "sect": "\n\n", "page": "\n\n", "row": "\n", "cell": "\t"}
_CHARACTERS = {
    "tab": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": " ",
    "enspace": " ", "qmspace": " ",
}  # fmt: skip
_SYMBOLS = {"~": "\u00a0", "-": "", "_": "-", "\\": "\\", "{": "{", "}": "}", "\n": "\n"}


# The Mac code pages Word for Mac names, by their Windows numbers.
_MAC_PAGES = {10000: "mac-roman", 10006: "mac-greek", 10007: "mac-cyrillic", 10029: "mac-latin2"}


def _codec(number: str, current: str) -> str:
    """Python's codec for the code page ``number`` (``\\ansicpg1251``), or ``current`` when
    Python has none for it."""
    page = int(number)
    try:
        return codecs.lookup(_MAC_PAGES.get(page, f"cp{page}")).name
    except LookupError:
        return current


def looks_like_rtf(text: str) -> bool:
    """The text is an RTF file's source (it opens with ``{\\rtf``)."""
    return text.lstrip()[:5] == "{\\rtf"


def rtf_to_text(source: str) -> str:
    """The text an RTF document shows, with its paragraphs as lines."""
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skip = False  # inside a group that shows nothing
    per_unicode = 1  # how many stand-in characters follow each \uN (\ucN)
    to_drop = 0  # stand-in characters still to drop after a \uN
    codepage = "cp1252"
    pending = bytearray()  # escaped bytes of one character (a two-byte code page)

    def flush() -> None:
        if pending:
            out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for match in _TOKEN.finditer(source):
        word, argument, hex_byte, symbol, brace, plain = match.groups()
        if hex_byte is None:
            flush()
        if brace == "{":
            stack.append((skip, per_unicode))
        elif brace == "}":
            skip, per_unicode = stack.pop() if stack else (False, 1)
        elif symbol == "*":
            skip = True  # an optional destination a reader does not see
        elif skip:
            continue
        elif word is not None:
            if word in _DESTINATIONS:
                skip = True
            elif word == "mac":
                codepage = "mac-roman"  # an older Mac's file names no code page
            elif word == "ansicpg" and argument:
                codepage = _codec(argument, codepage)
            elif word == "uc" and argument:
                per_unicode = int(argument)
            elif word == "u" and argument:
                out.append(chr(int(argument) % 65536))
                to_drop = per_unicode
            elif word in _BREAKS:
                out.append(_BREAKS[word])
            elif word in _CHARACTERS:
                out.append(_CHARACTERS[word])
        elif hex_byte is not None:
            if to_drop:
                to_drop -= 1
            else:
                pending.append(int(hex_byte, 16))
        elif symbol is not None:
            out.append(_SYMBOLS.get(symbol, ""))
        elif plain is not None:
            if to_drop:
                dropped = min(to_drop, len(plain))
                plain = plain[dropped:]
                to_drop -= dropped
            out.append(plain)
    flush()
    return re.sub(r"[ \t]+\n", "\n", "".join(out)).strip() + "\n"
