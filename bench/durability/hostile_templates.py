"""Published Jinja2 sandbox-escape payloads and runaway templates, run like a user template.

Each payload becomes the user's ``letter.txt.j2`` override and is rendered through the same
guarded path as a real letter (``render_guarded``: sandbox + killable worker).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import TemplateProblem
from app.letters.render_worker import render_guarded

ESCAPES = (
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    "{{ [].__class__.__base__.__subclasses__() }}",
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ (1).__class__ }}",
    "{{ dict(a=1).__class__ }}",
    "{{ case.__class__.__init__.__globals__ }}",
    "{{ case.__class__ }}",
    "{{ letter.__dict__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ lipsum.__code__ }}",
    "{{ range.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self._TemplateReference__context.environment }}",
    "{{ gettext.__globals__ }}",
    "{{ _.__globals__ }}",
    "{{ ngettext.__globals__['__builtins__'] }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ '{0.__class__.__mro__}'.format(case) }}",
    "{{ '{0.__init__.__globals__}'.format(cycler) }}",
    "{{ '{x.__class__}'.format_map({'x': 1}) }}",
    "{{ '{0.__class__.__init__.__globals__}'.format_map([case]) }}",
    "{{ ''.format.__self__ }}",
    "{{ 'a'.translate.__self__.__class__ }}",
    "{{ 'x'.__getattribute__('__class__') }}",
    "{{ ''|attr('__class__') }}",
    "{{ ''|attr('__class__')|attr('__mro__') }}",
    "{{ case|attr('__class__') }}",
    "{{ cycler|attr('__init__')|attr('__globals__') }}",
    "{{ '{0.__class__}'|attr('format')(1) }}",
    "{{ ('{0.__class__}'|attr('format_map'))([1]) }}",
    "{{ persons|map(attribute='__class__')|list }}",
    "{{ persons|selectattr('__class__')|list }}",
    "{{ persons|sort(attribute='__class__') }}",
    "{{ persons|groupby('__class__') }}",
    "{{ persons|map('attr', '__class__')|list }}",
    "{{ '%s'|format(''.__class__) }}",
    "{% set x = ''.__class__ %}{{ x }}",
    "{% set f = '{0.__class__}'.format %}{{ f(1) }}",
    "{{ _('%(x)s', x=''.__class__) }}",
    "{{ case.update({'ua_number': 'X'}) }}",
    "{{ case.clear() }}",
    "{{ case.pop('ua_number') }}",
    "{{ case.setdefault('x', 1) }}",
    "{{ person.__setitem__('names', 'X') }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../../../etc/passwd' %}",
    "{% include '..\\\\..\\\\secret.txt' %}",
    "{% extends '../../../../etc/hostname' %}",
    "{% import 'os' as os %}{{ os }}",
    "{% from '/etc/passwd' import x %}",
    "{{ config }}",
    "{{ request.application.__globals__ }}",
    "{{ __builtins__ }}",
    "{{ range(10**7)|list|length }}",
)

RUNAWAYS = (
    "{{ 'a' * 50000000 }}",
    "{{ [1] * 100000000 }}",
    "{{ ('a' * 100000)|replace('a', 'a' * 100000) }}",
    "{{ 'a'|center(999999999) }}",
    "{{ 'a\\nb'|indent(999999999) }}",
    "{{ '%999999999s'|format(1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ range(100000)|join('x' * 100000) }}",
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{% for a in range(100000) %}{{ a }}{% endfor %}",
    "{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "{{ ((9 ** 64) ** 64) ** 64 ** 64 }}",
)

EVIDENCE = (
    "<class",
    "<module",
    "<function",
    "<built-in",
    "<bound",
    "<method",
    "__builtins__",
    "object at 0x",
    "uid=",
    "root:",
    "Environment",
)

CONTEXT = {
    "sender": {"name": "Fictional Sender"},
    "official": {"name": "Fictional Official"},
    "case": {"ua_number": "1/26", "title": "FICTIONAL"},
    "persons": ({"name": "Fictional Person"},),
    "person": {"names": "Fictional Person"},
    "letter": {"body": "Fictional body"},
}


@dataclass
class TemplateFigures:
    payloads: int = 0
    blocked: int = 0
    escaped: list[str] = field(default_factory=list)
    harmless: list[str] = field(default_factory=list)
    runaways: int = 0
    stopped: int = 0
    slowest_stop: float = 0.0
    not_stopped: list[str] = field(default_factory=list)


def _render(root: Path, source: str) -> str:
    (root / "en").mkdir(parents=True, exist_ok=True)
    (root / "en" / "letter.txt.j2").write_text(source, encoding="utf-8")
    return render_guarded(["en"], root, "letter.txt.j2", CONTEXT)


def run_template_corpus(root: Path) -> TemplateFigures:
    figures = TemplateFigures()
    for number, source in enumerate(ESCAPES):
        figures.payloads += 1
        try:
            output = _render(root / f"e{number}", source)
        except TemplateProblem:
            figures.blocked += 1
            continue
        if any(mark in output for mark in EVIDENCE) or CONTEXT["case"]["ua_number"] != "1/26":
            figures.escaped.append(source)
        else:
            figures.harmless.append(f"{source} -> {output[:60]!r}")
    for number, source in enumerate(RUNAWAYS):
        figures.runaways += 1
        started = time.perf_counter()
        try:
            output = _render(root / f"r{number}", source)
        except TemplateProblem:
            figures.stopped += 1
            figures.slowest_stop = max(figures.slowest_stop, time.perf_counter() - started)
            continue
        figures.not_stopped.append(f"{source} -> {len(output)} characters")
    return figures
