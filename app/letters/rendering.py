"""Letter templates: their names and folders, and the sandboxed Jinja2 environment that
renders them.

Templates live in ``app/templates/<locale>/`` (shipped) and ``<data dir>/templates/<locale>/``
(the user's overrides, same names). A template sees only the names in ``CONTEXT_NAMES``, built
from plain dicts and tuples (``app.letters.context``); anything else is refused before the
first render, so a contributed template cannot read what it has no business reading. Every
failure becomes ``TemplateProblem(file, line, problem)``.

The environment itself (``app.letters.template_sandbox``) is loaded when first asked for:
the window drafts its letters in a worker process, so its own process, which only chooses
the template file, does not load Jinja2 (about 2 MB).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import N_, TemplateProblem
from app.letters.template_folders import SHIPPED_TEMPLATES
from app.letters.template_limits import (
    CONTEXT_NAMES,
    MAX_EXPONENT,
    MAX_OUTPUT_CHARS,
    MAX_TEMPLATE_CHARS,
)

if TYPE_CHECKING:
    from app.letters.template_sandbox import (
        CheckedLoader,
        LetterEnvironment,
        check_syntax,
        render,
    )

__all__ = [
    "CONTEXT_NAMES",
    "MAX_EXPONENT",
    "MAX_OUTPUT_CHARS",
    "MAX_TEMPLATE_CHARS",
    "SHIPPED_TEMPLATES",
    "TEMPLATE_NAMES",
    "CheckedLoader",
    "LetterEnvironment",
    "build_environment",
    "check_syntax",
    "render",
    "search_path",
    "template_file",
]

TEMPLATE_NAMES = ("letter.txt.j2", "solidarity.txt.j2")

_SANDBOX_NAMES = frozenset({"CheckedLoader", "LetterEnvironment", "check_syntax", "render"})


def __getattr__(name: str) -> object:
    """The names of ``app.letters.template_sandbox``, loaded (with Jinja2) when first asked for."""
    if name in _SANDBOX_NAMES:
        from app.letters import template_sandbox

        return getattr(template_sandbox, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def search_path(locale_chain: list[str], user_templates: Path | None) -> list[Path]:
    """Directories searched in order: for each locale of the chain, the user's then the shipped."""
    paths: list[Path] = []
    for locale_id in locale_chain:
        if user_templates is not None:
            paths.append(user_templates / locale_id)
        paths.append(SHIPPED_TEMPLATES / locale_id)
    return paths


def build_environment(
    locale_chain: list[str], user_templates: Path | None = None
) -> LetterEnvironment:
    """The environment for one letter locale chain (``["es_PE", "es", "en"]``), cached.

    One environment per chain keeps compiled templates; an edited template file is
    recompiled on its next use (Jinja checks the file's modification time).
    """
    from app.letters.template_sandbox import environment

    folders = tuple(str(folder) for folder in search_path(locale_chain, user_templates))
    return environment(folders, locale_chain[0], user_templates)


def template_file(
    locale_chain: list[str], name: str, user_templates: Path | None = None
) -> Path | None:
    """The file that would be used for ``name``, or None (tells which locale really answered)."""
    if name not in TEMPLATE_NAMES:
        raise TemplateProblem(name, None, N_("not a letter template name"))
    for directory in search_path(locale_chain, user_templates):
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None
