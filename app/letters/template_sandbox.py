"""The sandboxed Jinja2 environment that renders letter templates, and its error reporting.

Loaded where letters are rendered (the worker process, ``appeal-desk i18n check``) through
``app.letters.rendering``, which chooses the templates' folders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from app.domain.errors import N_, TemplateProblem
from app.letters import locale_filters
from app.letters.template_folders import ensure_inside, read_letter_file
from app.letters.template_limits import (
    CONTEXT_NAMES,
    MAX_EXPONENT,
    MAX_OUTPUT_CHARS,
    MAX_TEMPLATE_CHARS,
)


class LetterEnvironment(ImmutableSandboxedEnvironment):
    """Immutable sandbox that also refuses huge ``*`` and ``**`` results (memory exhaustion)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError("exponent too large")
        if operator == "*":
            sequence, count = (
                (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            )
            if (
                isinstance(sequence, (str, list, tuple))
                and isinstance(count, int)
                and len(sequence) * count > MAX_OUTPUT_CHARS
            ):
                raise SecurityError("output too large")
        return super().call_binop(context, operator, left, right)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        """Fail loudly on ``__class__`` & co. (the default quietly yields Undefined in filters)."""
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__} is unsafe")


class CheckedLoader(jinja2.BaseLoader):
    """Wraps a loader: refuses oversized templates and templates that use undocumented names."""

    def __init__(self, inner: jinja2.BaseLoader, user_templates: Path | None = None) -> None:
        self.inner = inner
        self.user_templates = user_templates

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Any]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if filename is not None:
            ensure_inside(Path(filename), self.user_templates)
        shown = filename or template
        if len(source) > MAX_TEMPLATE_CHARS:
            raise TemplateProblem(
                shown,
                None,
                N_("the template is larger than {limit} characters"),
                limit=MAX_TEMPLATE_CHARS,
            )
        tree = environment.parse(source, template, filename)
        unknown = (
            jinja2.meta.find_undeclared_variables(tree) - CONTEXT_NAMES - set(environment.globals)
        )
        if unknown:
            names = ", ".join(sorted(unknown))
            allowed = ", ".join(sorted(CONTEXT_NAMES))
            raise TemplateProblem(
                shown,
                None,
                N_("unknown name(s) {names}; a template may use {allowed}"),
                names=names,
                allowed=allowed,
            )
        return source, filename, self._still_current(template, filename, uptodate)

    def _still_current(
        self, template: str, filename: str | None, uptodate: Callable[[], bool] | None
    ) -> Callable[[], bool]:
        """Up to date only while the same file would still be chosen (a new override wins)."""
        folders = list(getattr(self.inner, "searchpath", ()))

        def check() -> bool:
            chosen = next(
                (str(Path(f) / template) for f in folders if (Path(f) / template).is_file()), None
            )
            if filename is not None and chosen is not None and Path(chosen) != Path(filename):
                return False
            return uptodate() if uptodate is not None else True

        return check

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


@lru_cache(maxsize=32)
def environment(
    folders: tuple[str, ...], locale_id: str, user_templates: Path | None
) -> LetterEnvironment:
    """The environment that reads templates from ``folders`` in order and writes in
    ``locale_id`` (``app.letters.rendering.build_environment`` gives the folders)."""
    loader = jinja2.FileSystemLoader(list(folders))
    env = LetterEnvironment(
        loader=CheckedLoader(loader, user_templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True
    from app.i18n import translations_for

    # The i18n extension adds this method to the environment when it is loaded.
    env.install_gettext_translations(  # type: ignore[attr-defined]
        translations_for(locale_id, use_test_po=False), newstyle=True
    )
    locale_filters.install(env, locale_id)
    return env


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render ``name`` with ``context``; any failure raises ``TemplateProblem`` with file:line."""
    extra = set(context) - CONTEXT_NAMES
    if extra:
        raise ValueError(f"context names outside the documented set: {sorted(extra)}")
    try:
        template = env.get_template(name)
        pieces: list[str] = []
        size = 0
        for piece in template.generate(dict(context)):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                raise SecurityError(f"output larger than {MAX_OUTPUT_CHARS} characters")
            pieces.append(piece)
        return "".join(pieces)
    except TemplateProblem:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            exc.filename or exc.name or name,
            exc.lineno,
            # TRANSLATORS: {detail} is the template engine's own words, in English
            N_(
                "a tag or a brace is out of place on this line of the letter template. "
                "Correct that line, or move the file out of your templates folder to use the "
                "letter that comes with Appeal Desk.\nDetail: {detail}"
            ),
            detail=exc.message or "syntax error",
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(
            name, None, N_("template not found ({detail})"), detail=exc.message or name
        ) from exc
    except Exception as exc:  # UndefinedError, SecurityError, TypeError... inside the template
        filename, lineno = _template_location(exc)
        raise TemplateProblem(filename or name, lineno, _describe(exc)) from exc


def check_syntax(path: Path) -> TemplateProblem | None:
    """Parse one template file without rendering it (for ``appeal-desk i18n check``)."""
    env = LetterEnvironment(
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        source = read_letter_file(path)
    except TemplateProblem as problem:
        return problem
    except OSError as exc:
        return TemplateProblem(str(path), None, N_("cannot read the file ({problem})"), problem=exc)
    try:
        env.parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        return TemplateProblem(str(path), exc.lineno, exc.message or "syntax error")
    return None


def _template_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback (Jinja rewrites frames to template lines)."""
    filename: str | None = None
    lineno: int | None = None
    tb = exc.__traceback__
    while tb is not None:
        code_file = tb.tb_frame.f_code.co_filename
        if code_file.endswith(".j2") or "/templates/" in code_file.replace("\\", "/"):
            filename, lineno = code_file, tb.tb_lineno
        tb = tb.tb_next
    return filename, lineno


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        field = re.search(r"has no attribute '([^']+)'", exc.message or "")
        if field:
            return (
                f"there is no field {field.group(1)} here; check its spelling against the "
                "fields listed in locales/README.md (Letter templates)"
            )
        element = re.search(r"has no element (\S+)", exc.message or "")
        if element:
            return (
                f"there is no item {element.group(1)} here (for some letters the list is shorter "
                "or empty); test it first with {% if ... %} or go through it with {% for %}"
            )
        return (
            f"{exc.message}; check the spelling against the names listed in locales/README.md "
            "(Letter templates)"
        )
    if isinstance(exc, SecurityError):
        return f"refused by the sandbox: {exc}"
    return f"{type(exc).__name__}: {exc}"
