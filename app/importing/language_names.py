"""CLDR's language names in the languages whose writing instructions the importer reads,
shipped as data generated through Babel.

Reading them from Babel loads each language's whole CLDR data (about 1 MB of Python objects
a language, and a tenth of a second for thirteen of them) on the first document parsed. The names
are facts; the shipped file holds them and ``tests/unit/importing/test_language_names.py``
checks it against the installed Babel. Regenerate after a Babel upgrade:
``python -m app.importing.language_names``.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from app.importing.cldr_names import LOCALES, shipped_names, write_shipped_names

RESOURCE = "language_names.json"


@lru_cache(maxsize=1)
def language_names() -> dict[str, dict[str, str]]:
    """locale -> language code (no region or script variant) -> name, in CLDR's order."""
    return shipped_names(RESOURCE)


def from_babel() -> dict[str, dict[str, str]]:
    """The same names, read from the installed Babel's CLDR data."""
    from babel import Locale

    return {
        locale: {code: name for code, name in Locale(locale).languages.items() if "_" not in code}
        for locale in LOCALES
    }


def main() -> int:
    """Write the shipped file from the installed Babel."""
    print(f"wrote {write_shipped_names(RESOURCE, from_babel())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
