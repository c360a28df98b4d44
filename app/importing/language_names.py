"""CLDR's language names in the languages whose writing instructions the importer reads,
shipped as data generated through Babel.

Reading them from Babel loads each language's whole CLDR data (about 1 MB of Python objects
a language, and a tenth of a second for the thirteen) on the first document parsed. The names
are facts; the shipped file holds them and ``tests/unit/importing/test_language_names.py``
checks it against the installed Babel. Regenerate after a Babel upgrade:
``python -m app.importing.language_names``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

# English, Spanish, French, German, Portuguese, Italian, Dutch, Swedish, Danish, Polish,
# Catalan, Turkish and Arabic: "in turco, inglese", "på arabiska, engelska eller svenska".
LOCALES = ("en", "es", "fr", "de", "pt", "it", "nl", "sv", "da", "pl", "ca", "tr", "ar")
RESOURCE = "language_names.json"


@lru_cache(maxsize=1)
def language_names() -> dict[str, dict[str, str]]:
    """locale -> language code (no region or script variant) -> name, in CLDR's order."""
    text = resources.files("app").joinpath("resources", RESOURCE).read_text("utf-8")
    names: dict[str, dict[str, str]] = json.loads(text)["names"]
    return names


def from_babel() -> dict[str, dict[str, str]]:
    """The same names, read from the installed Babel's CLDR data."""
    from babel import Locale

    return {
        locale: {code: name for code, name in Locale(locale).languages.items() if "_" not in code}
        for locale in LOCALES
    }


def main() -> int:
    """Write the shipped file from the installed Babel."""
    import babel

    from app.atomic_files import replace_file_contents

    data = {"source": f"CLDR through Babel {babel.__version__}", "names": from_babel()}
    path = Path(__file__).resolve().parents[1] / "resources" / RESOURCE
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    replace_file_contents(path, text.encode("utf-8"))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
