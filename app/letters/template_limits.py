"""What a letter template may use and how large it and its letter may be.

Shared by the template's choice (``app.letters.rendering``) and the sandbox that renders it
(``app.letters.template_sandbox``), without Jinja2.
"""

from __future__ import annotations

MAX_TEMPLATE_CHARS = 64 * 1024
MAX_OUTPUT_CHARS = 200_000
MAX_EXPONENT = 64

# The documented context of a letter template (see locales/README.md for the fields).
CONTEXT_NAMES = frozenset({"sender", "official", "case", "persons", "person", "letter"})
