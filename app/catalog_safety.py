"""Which translations are safe to format: only the msgid's own placeholders, bounded widths.

A translation is text from outside the program, yet the program formats it with values
(``_("{file}: {reason}").format(file=..., reason=...)``). With ``str.format`` a translated
``{file.__class__.__init__.__globals__}`` walks from a value to the program's modules, and
``{reason:>999999999}`` asks for a gigabyte. So a translation may use only the placeholders of
its msgid, by name, with no attribute or index access, no conversion the msgid does not use, and
no width or precision above ``MAX_WIDTH``. The same rule holds for %-placeholders. Used by
``appeal-desk i18n check`` (an error) and when catalogs are loaded (the English text is kept).
Standard library only: this runs while the interface language is loaded.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

MAX_WIDTH = 64
UNKNOWN_NAME = "which the English text does not have"

_PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?(?P<flags>[#0\- +]*)(?P<width>\*|\d+)?"
    r"(?:\.(?P<precision>\*|\d+))?(?P<kind>[diouxXeEfFgGcrsa%])"
)
_SPEC = re.compile(
    r"^(?:.?[<>=^])?[+\- ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[a-zA-Z%]?$"
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def brace_fields(text: str) -> list[tuple[str, str, str | None]]:
    """The ``str.format`` fields of ``text``: (name, format spec, conversion).

    Raises ``ValueError`` when the text is not a valid format string (a lone ``{`` or ``}``).
    """
    fields = []
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.append((name, spec or "", conversion))
    return fields


def _brace_fields_or_none(text: str) -> list[tuple[str, str, str | None]] | None:
    try:
        return brace_fields(text)
    except ValueError:
        return None


def unsafe_reason(msgids: Iterable[str], translation: str) -> str | None:
    """Why ``translation`` must not be formatted in place of ``msgids``, or None when it is safe."""
    ids = list(msgids)
    wanted: dict[str, tuple[str, str | None]] = {}
    for text in ids:
        for name, spec, conversion in _brace_fields_or_none(text) or ():
            wanted.setdefault(name, (spec, conversion))
    fields = _brace_fields_or_none(translation)
    if fields is None:
        if wanted:
            return "is not a valid {placeholder} text (a lone { or }; write {{ or }})"
        fields = []
    for name, spec, conversion in fields:
        if not _NAME.match(name):
            if "." in name or "[" in name:
                return f"placeholder {{{name}}} reads inside a value; use only {_shown(wanted)}"
            return f"placeholder {{{name}}} is not named; use only {_shown(wanted)}"
        if name not in wanted:
            return f"uses placeholder {{{name}}}, {UNKNOWN_NAME}"
        if conversion is not None and conversion != wanted[name][1]:
            return f"placeholder {{{name}}} adds the conversion !{conversion}"
        if spec and spec != wanted[name][0]:
            problem = _spec_problem(spec)
            if problem:
                return f"placeholder {{{name}:{spec}}} {problem}"
    wanted_percent = {m.group("name") for text in ids for m in _PERCENT.finditer(text)}
    for match in _PERCENT.finditer(translation):
        if match.group("kind") == "%":
            continue
        name = match.group("name")
        if name is not None and name not in wanted_percent:
            return f"uses placeholder {match.group(0)}, {UNKNOWN_NAME}"
        for part in ("width", "precision"):
            value = match.group(part)
            if value == "*":
                return f"placeholder {match.group(0)} takes its {part} from the values"
            if value and int(value) > MAX_WIDTH:
                return f"placeholder {match.group(0)} asks for a {part} over {MAX_WIDTH}"
    return None


def _spec_problem(spec: str) -> str | None:
    if "{" in spec or "}" in spec:
        return "nests a placeholder in its format"
    match = _SPEC.match(spec)
    if match is None:
        return "has a format the English text does not use"
    for part in ("width", "precision"):
        value = match.group(part)
        if value and int(value) > MAX_WIDTH:
            return f"asks for a {part} over {MAX_WIDTH}"
    return None


def _shown(wanted: dict[str, tuple[str, str | None]]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(wanted)) or "no placeholder"
