"""CLDR's territory names in the UA languages, shipped as data generated through Babel.

Reading them from Babel loads each language's whole CLDR data (about 1 MB of Python objects
a language, kept for the life of the process): 7 MB in the window just to know that
"Estados Unidos" is the USA. The names are facts; the shipped file holds them and
``tests/unit/importing/test_territory_names.py`` checks it against the installed Babel.
Regenerate after a Babel upgrade: ``python -m app.importing.territory_names``.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from app.importing.cldr_names import LOCALES, shipped_names, write_shipped_names

RESOURCE = "territory_names.json"


@lru_cache(maxsize=1)
def territory_names() -> dict[str, dict[str, str]]:
    """locale -> two-letter ISO code -> short name, in CLDR's order."""
    return shipped_names(RESOURCE)


def from_babel() -> dict[str, dict[str, str]]:
    """The same names, read from the installed Babel's CLDR data."""
    from babel import Locale

    return {
        locale: {
            code: name
            for code, name in Locale(locale).territories.items()
            if len(code) == 2 and code.isalpha()
        }
        for locale in LOCALES
    }


def main() -> int:
    """Write the shipped file from the installed Babel."""
    print(f"wrote {write_shipped_names(RESOURCE, from_babel())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
