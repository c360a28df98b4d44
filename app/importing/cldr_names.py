"""Names from CLDR (languages, territories) shipped as JSON files generated through Babel.

Reading names from Babel loads each language's whole CLDR data (about 1 MB of Python objects
a language, kept for the life of the process); the names are facts, so the files under
``app/resources`` hold them and a test checks each against the installed Babel.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

# The languages whose documents the importer reads names in: English, Spanish, French,
# German, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian, Finnish, Polish, Catalan,
# Turkish, Indonesian, Russian, Arabic, Japanese, Korean, Czech, Hungarian, Greek and Chinese
# (simplified, traditional, and the Hong Kong names: "老撾" where Taiwan writes "寮國").
LOCALES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "ca", "tr", "id", "ru",
    "ar", "ja", "ko", "cs", "hu", "el", "zh", "zh_Hant", "zh_Hant_HK",
)  # fmt: skip


def shipped_names(resource: str) -> dict[str, dict[str, str]]:
    """locale -> code -> name, as the shipped file ``resource`` holds them."""
    text = resources.files("app").joinpath("resources", resource).read_text("utf-8")
    names: dict[str, dict[str, str]] = json.loads(text)["names"]
    return names


def write_shipped_names(resource: str, names: dict[str, dict[str, str]]) -> Path:
    """Write ``names`` (read from the installed Babel) as the shipped file ``resource``."""
    import babel

    from app.atomic_files import replace_file_contents

    data = {"source": f"CLDR through Babel {babel.__version__}", "names": names}
    path = Path(__file__).resolve().parents[1] / "resources" / resource
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    replace_file_contents(path, text.encode("utf-8"))
    return path
