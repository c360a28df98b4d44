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
    rb"(?P<operation>(?P<operands>(?:(?:" + _VALUE + rb")" + _SPACE + rb"*+)*+)"
    rb"(?P<operator>" + _OPERATOR + rb"))"
    rb"|(?P<value>" + _VALUE + rb")"
    rb"|(?P<open>\[)"
    rb"|(?P<close>\])"
    rb"|(?P<comment>%[^\r\n]*+)"
    rb"|\Z"
    rb"|(?P<other>.))",  # any other byte: a token this tokenizer does not read
    re.DOTALL,
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
    """Every token comes from one pass of the pattern (the tuples of ``findall``: no Python
    call per token). An operation seen before in the stream (a glyph drawn again, the same
    move) is the same (operands, operator) pair as the first time: a page of a few thousand
    operations then holds a few hundred objects, not tens of thousands that the garbage
    collector would scan again and again while the page is read. Text extraction only reads
    the operands (pypdf changes operands in place only when it merges pages)."""
    from pypdf.generic import ArrayObject

    operations: list[tuple[Any, bytes]] = []
    append = operations.append
    operands: list[Any] = []
    arrays: list[list[Any]] = []  # the open arrays, innermost last
    target = operands
    values: dict[bytes, Any] = {}  # token -> pypdf object; they repeat a lot and are not changed
    known: dict[bytes, tuple[list[Any], bytes]] = {}  # operation -> its operands and operator
    for operation, run, operator, value, opening, closing, _comment, other in _TOKENS.findall(data):
        if operation:
            if arrays:
                raise _Unusual  # a keyword inside an array
            found = known.get(operation)
            if found is None:
                if operator in (b"BI", b"R") or len(operator) > _OPERATOR_LIMIT:
                    raise _Unusual  # inline image, indirect reference
                parsed = [_cached(values, token) for token in _VALUES.findall(run)] if run else []
                found = known[operation] = (parsed, operator)
            if operands:
                operands.extend(found[0])
                append((operands, found[1]))
                operands = []
                target = operands
            else:
                append(found)
        elif value:
            target.append(_cached(values, value))
        elif opening:
            arrays.append(target)
            target = ArrayObject()
        elif closing:
            if not arrays or len(target) > _ARRAY_LIMIT:
                raise _Unusual
            array = target
            target = arrays.pop()
            target.append(array)
        elif other:
            raise _Unusual
    if arrays:
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
