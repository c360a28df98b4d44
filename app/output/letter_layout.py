"""Paper geometry (A4 / DIN 5008, US Letter / #10 window) and the split of a letter's text into parts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from app.domain.model import SenderProfile, Target
from app.domain.output_options import PageSize
from app.letters.sender_address import norm_line, town_line

MM_PER_INCH = 25.4


@dataclass(frozen=True, slots=True)
class TypeSizes:
    """Point sizes of the parts of a letter."""

    body: float
    sender: float
    recipient: float
    return_line: float = 6.5

    @classmethod
    def for_letter(cls, large_print: bool, body: float | None = None) -> TypeSizes:
        if large_print:
            return cls(body=body or 16.0, sender=12.0, recipient=12.0)
        return cls(body=body or 11.0, sender=9.5, recipient=11.0)


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A sheet and where a window envelope shows it; every length in millimetres."""

    name: PageSize
    width: float
    height: float
    margin_top: float
    margin_right: float
    margin_bottom: float
    margin_left: float
    window_left: float  # where the recipient's lines start
    window_top: float  # top of the first recipient line
    window_width: float
    window_bottom: float  # the recipient block must end above this line
    return_line_top: float | None  # the small sender line seen through the window (DIN 5008)
    date_top: float  # where the date line sits, below the window

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right


def _inch(value: float) -> float:
    return value * MM_PER_INCH


# DIN 5008 form B: address field 45 mm from the top, 20 mm from the left, 85 x 45 mm, seen
# through the left window of a C5/6 or DL envelope when the sheet is folded at 105 mm.
A4 = PageSpec(
    name=PageSize.A4,
    width=210.0,
    height=297.0,
    margin_top=15.0,
    margin_right=20.0,
    margin_bottom=18.0,
    margin_left=25.0,
    window_left=25.0,
    window_top=56.0,
    window_width=80.0,
    window_bottom=89.0,
    return_line_top=46.5,
    date_top=98.0,
)

# A US #10 window envelope shows 4.5 x 1.125 in, 7/8 in from the left and 1/2 in from the
# bottom; a letter folded in thirds puts that window at about 2.05-3.15 in from its top.
LETTER = PageSpec(
    name=PageSize.LETTER,
    width=_inch(8.5),
    height=_inch(11),
    margin_top=_inch(0.6),
    margin_right=_inch(1.0),
    margin_bottom=_inch(0.7),
    margin_left=_inch(1.0),
    window_left=_inch(1.0),
    window_top=_inch(2.0),
    window_width=_inch(4.2),
    window_bottom=_inch(3.1),
    return_line_top=None,
    date_top=_inch(3.4),
)

PAGE_SPECS = {PageSize.A4: A4, PageSize.LETTER: LETTER}


def page_spec(page_size: PageSize) -> PageSpec:
    """The geometry of a sheet."""
    return PAGE_SPECS[page_size]


def recipient_lines(target: Target) -> list[str]:
    """The address block of ``target``: the name as printed, its office, then the postal
    address."""
    return list(_recipient_lines(target))


@lru_cache(maxsize=512)  # a batch asks twice per letter (window and head); targets repeat
def _recipient_lines(target: Target) -> tuple[str, ...]:
    lines: list[str] = []
    name = target.display_name.strip()
    if name:
        lines.append(name)
    if target.title and target.title.strip():
        lines.append(target.title.strip())
    known = {norm_line(line) for line in lines}
    for raw in (target.address or "").splitlines():
        for line in _wrap_address_line(raw.strip().rstrip(",")):
            if line and norm_line(line) not in known:
                lines.append(line)
                known.add(norm_line(line))
    return tuple(lines)


ADDRESS_LINE_CHARS = 38


def _wrap_address_line(line: str) -> list[str]:
    """Split a long one-line address ("Ministry, Street, Town 12, Country") at its commas."""
    if len(line) <= ADDRESS_LINE_CHARS or "," not in line:
        return [line]
    wrapped: list[str] = []
    for part in (p.strip() for p in line.split(",")):
        if not part:
            continue
        if wrapped and len(wrapped[-1]) + 2 + len(part) <= ADDRESS_LINE_CHARS:
            wrapped[-1] = f"{wrapped[-1]}, {part}"
        else:
            wrapped.append(part)
    return wrapped


def sender_lines(sender: SenderProfile) -> list[str]:
    """The sender's block: name, address lines, town, country, email (empty fields skipped)."""
    lines = [sender.name.strip()]
    lines += [line.strip() for line in sender.address.splitlines()]
    lines += [town_line(sender), sender.country.strip(), sender.email.strip()]
    return [line for line in lines if line]


# Between the return line's parts: the sender's name first, then the postal address.
RETURN_LINE_SEPARATOR = " · "


class ReturnLineParts(NamedTuple):
    """The return line's parts, each left out when the profile has none: the sender's name,
    the street lines, and the town and the country (the ``end``, kept whole longest)."""

    name: str
    street: tuple[str, ...]
    end: tuple[str, ...]

    @property
    def line(self) -> str:
        parts = (*((self.name,) if self.name else ()), *self.street, *self.end)
        return RETURN_LINE_SEPARATOR.join(parts)


def return_line_parts(sender: SenderProfile) -> ReturnLineParts:
    """The parts of the return line; with no town of its own, the address's last line is the
    town ("28013 Madrid" typed in the address)."""
    street = [line.strip() for line in sender.address.splitlines() if line.strip()]
    town = town_line(sender).strip()
    if not town and street:
        town = street.pop()
    end = tuple(part for part in (town, sender.country.strip()) if part)
    return ReturnLineParts(sender.name.strip(), tuple(street), end)


def return_address_line(sender: SenderProfile) -> str:
    """The one-line sender address printed small above the recipient (DIN 5008)."""
    return return_line_parts(sender).line
