"""A fast tokenizer for simple PDF content streams, giving exactly the operations pypdf parses.

pypdf reads content streams a byte at a time, which is over half of the time spent reading a
QPdfWriter PDF (one ``Td``/``Tj`` pair per glyph). This tokenizer reads the common token kinds
(numbers, names, hex and plain literal strings, arrays, comments, operators) with one regular
expression and builds the same pypdf objects. Anything less common (dictionaries, escapes in
strings, inline images, odd numbers, very long streams) returns None, and pypdf parses the stream
itself as before, so the text extracted is the same either way.
"""

from __future__ import annotations

import re
from typing import Any

MAX_FAST_BYTES = 2_000_000  # below pypdf's token budget (2,000,000 tokens), so it cannot be hit
_NUMBER_LIMIT = 19  # pypdf reads a number within a 20-byte peek
_NAME_LIMIT = 4000  # pypdf's NameObject limit is 4096
_OPERATOR_LIMIT = 120  # pypdf's operator limit is 128
_ARRAY_LIMIT = 50_000  # pypdf refuses arrays of over 100,000 elements

_DELIMITED = rb"[^ \t\n\r\f\v/\[\]()<>{}%]"
_SPACE = rb"[ \t\n\r\f]"
_VALUE = (
    rb"[+-]?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)(?![+\-.0-9])"  # number
    rb"|/" + _DELIMITED + rb"*+"  # name
    rb"|<[0-9A-Fa-f \t\n\r\f\x00]*+>"  # hex string
    rb"|\([^()\\]*+\)"  # literal string without escapes or nested parentheses
)
_OPERATOR = rb"[A-Za-z'\"]" + _DELIMITED + rb"*+"
_TOKENS = re.compile(
    _SPACE + rb"*+(?:"
    rb"(?P<operands>(?:(?:" + _VALUE + rb")" + _SPACE + rb"*+)*+)(?P<operator>" + _OPERATOR + rb")"
    rb"|(?P<value>" + _VALUE + rb")"
    rb"|(?P<open>\[)"
    rb"|(?P<close>\])"
    rb"|(?P<comment>%[^\r\n]*+)"
    rb"|(?P<end>$))"
)
_VALUES = re.compile(_VALUE)
_HEX_SPACE = re.compile(rb"[ \t\n\r\f\x00]+")


class _Unusual(Exception):
    """A token this tokenizer leaves to pypdf."""


def fast_operations(data: bytes) -> list[tuple[Any, bytes]] | None:
    """The (operands, operator) list pypdf would parse from ``data``, or None to let pypdf parse."""
    if len(data) > MAX_FAST_BYTES:
        return None
    try:
        return _operations(data)
    except _Unusual:
        return None


def _operations(data: bytes) -> list[tuple[Any, bytes]]:
    from pypdf.generic import ArrayObject

    operations: list[tuple[Any, bytes]] = []
    operands: list[Any] = []
    arrays: list[list[Any]] = []  # the open arrays, innermost last
    target = operands
    values: dict[bytes, Any] = {}  # token -> pypdf object; they repeat a lot and are not changed
    runs: dict[bytes, list[Any]] = {}  # the operands before an operator, as pypdf objects
    position = 0
    for match in _TOKENS.finditer(data):
        if match.start() != position:
            raise _Unusual  # a token the pattern does not know
        position = match.end()
        kind = match.lastgroup
        if kind == "operator":
            token = match.group(kind)
            if arrays or token in (b"BI", b"R") or len(token) > _OPERATOR_LIMIT:
                raise _Unusual  # inline image, indirect reference, keyword in an array
            run = match.group("operands")
            if run:
                found = runs.get(run)
                if found is None:
                    found = runs[run] = [_cached(values, t) for t in _VALUES.findall(run)]
                operands.extend(found)
            operations.append((operands, token))
            operands = []
            target = operands
        elif kind == "value":
            target.append(_cached(values, match.group(kind)))
        elif kind == "open":
            arrays.append(target)
            target = ArrayObject()
        elif kind == "close":
            if not arrays or len(target) > _ARRAY_LIMIT:
                raise _Unusual
            array = target
            target = arrays.pop()
            target.append(array)
        elif kind == "end":
            break
    if arrays or position != len(data):
        raise _Unusual
    return operations


def _cached(values: dict[bytes, Any], token: bytes) -> Any:
    value = values.get(token)
    if value is None:
        value = values[token] = _value(token)
    return value


def _value(token: bytes) -> Any:
    """The pypdf object for one number, name or string token, as pypdf's parser builds it."""
    from pypdf.generic import ByteStringObject, FloatObject, NameObject, NumberObject

    first = token[:1]
    if first == b"/":
        if b"#" in token or len(token) > _NAME_LIMIT:
            raise _Unusual
        try:
            return NameObject(token.decode("utf-8"))
        except UnicodeDecodeError:
            raise _Unusual from None
    if first == b"<":
        digits = _HEX_SPACE.sub(b"", token[1:-1])
        if len(digits) % 2:
            digits += b"0"
        return ByteStringObject(bytes.fromhex(digits.decode("ascii")))
    if first == b"(":
        return ByteStringObject(token[1:-1])
    if len(token) > _NUMBER_LIMIT:
        raise _Unusual
    return FloatObject(token) if b"." in token else NumberObject(token)
