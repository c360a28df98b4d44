"""How a letter, an envelope, labels or a report go to paper: sheet, envelope, type, writer safety."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# Territories where US Letter is the usual paper; everyone else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "DO", "NI", "PA", "BZ"}
)


class PageSize(StrEnum):
    """A sheet of paper; the value is what settings files and the command line spell."""

    A4 = "A4"
    LETTER = "Letter"

    @classmethod
    def parse(cls, value: str | None) -> PageSize | None:
        """``"a4"``, ``"LETTER"``... as a member (any case); None for None, "" or unknown."""
        wanted = (value or "").strip().casefold()
        return next((size for size in cls if size.value.casefold() == wanted), None)

    @classmethod
    def for_locale(cls, locale_or_territory: str | None) -> PageSize:
        """Letter for the US, Canada, Mexico and the other Letter countries, else A4.

        Accepts a territory ("US") or a whole locale id ("en_US", "es-MX", "en_US.UTF-8").
        """
        text = (locale_or_territory or "").strip().split(".")[0].split("@")[0]
        parts = re.split(r"[_\-]", text)
        if len(parts) == 1:
            territory = parts[0].upper()
        else:
            territory = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
        return cls.LETTER if territory in LETTER_TERRITORIES else cls.A4

    @property
    def envelope(self) -> EnvelopeFormat:
        """The window envelope a sheet of this size is usually posted in."""
        return EnvelopeFormat.NO_10 if self is PageSize.LETTER else EnvelopeFormat.DL


class EnvelopeFormat(StrEnum):
    """An envelope size; the value is what the command line spells."""

    DL = "DL"
    C5 = "C5"
    NO_10 = "10"  # US #10 (Commercial 10)

    @classmethod
    def parse(cls, value: str | None) -> EnvelopeFormat | None:
        """``"dl"``, ``"C5"``, ``"10"``, ``"#10"`` or ``"COM10"`` as a member; None if unknown."""
        key = (value or "").strip().upper().lstrip("#").replace("COM", "")
        return next((fmt for fmt in cls if fmt.value == key), None)


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Everything an output needs beyond the letter itself, resolved once from the settings.

    ``writer_safety`` None means: decide per case from ``caution_countries`` (the countries
    the user has ties to or will travel to); True or False is the user's explicit choice.
    """

    page_size: PageSize
    envelope_format: EnvelopeFormat | None = None  # None: the usual one for the page size
    large_print: bool = False
    caution_countries: tuple[str, ...] = ()
    writer_safety: bool | None = None

    @property
    def envelope(self) -> EnvelopeFormat:
        return self.envelope_format or self.page_size.envelope
