"""The sandboxed template environment: limits, strictness, error locations, allowed names."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import TemplateProblem
from app.letters.rendering import MAX_OUTPUT_CHARS, build_environment, render

CONTEXT = {
    "sender": {"name": "Jo & Co"},
    "official": {"title": "Minister"},
    "case": {"ua_number": "1/26"},
    "persons": (),
    "person": {"names": "", "count": 0},
    "letter": {"salutation": "Dear Minister,"},
}


def render_source(tmp_path: Path, source: str, context: dict[str, object] | None = None) -> str:
    """Render ``source`` as the user's English letter template."""
    folder = tmp_path / "templates" / "en"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "letter.txt.j2").write_text(source, encoding="utf-8")
    env = build_environment(["en"], tmp_path / "templates")
    return render(env, "letter.txt.j2", CONTEXT if context is None else context)


def test_plain_text_is_not_escaped_and_keeps_its_last_newline(tmp_path: Path) -> None:
    assert render_source(tmp_path, "{{ sender.name }}\n") == "Jo & Co\n"


def test_missing_field_names_file_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_source(tmp_path, "line one\n{{ official.name }}\n")
    problem = caught.value
    assert problem.filename.endswith("en/letter.txt.j2")
    assert problem.lineno == 2
    assert "name" in problem.problem


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_source(tmp_path, "ok\nok\n{% for x in persons %}\nnever closed\n")
    assert caught.value.filename.endswith("en/letter.txt.j2")
    assert caught.value.lineno == 4
    assert str(caught.value).startswith(caught.value.filename + ":4: ")


def test_undocumented_names_are_refused_before_rendering(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="unknown name\\(s\\) secret"):
        render_source(tmp_path, "{{ secret }}")


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 50000000 }}",
        "{{ 2 ** 100000 }}",
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxx{% endfor %}{% endfor %}",
        "{{ ''.__class__.__mro__ }}",
        "{{ sender|attr('__class__') }}",
        "{{ '{0.__class__}'.format(1) }}",
        "{% set x = case.update({'ua_number': '2/26'}) %}",
    ],
)
def test_sandbox_refuses_abuse(tmp_path: Path, source: str) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_source(tmp_path, source)
    assert (
        "sandbox" in caught.value.problem
        or "unsafe" in caught.value.problem
        or "large" in caught.value.problem
    )


def test_output_cap(tmp_path: Path) -> None:
    assert MAX_OUTPUT_CHARS <= 200_000
    with pytest.raises(TemplateProblem, match="output larger"):
        render_source(tmp_path, "{% for i in range(100000) %}0123456789{% endfor %}")


def test_filters_format_in_the_letter_locale(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "es"
    folder.mkdir(parents=True)
    (folder / "letter.txt.j2").write_text(
        "{{ ['Ana', 'Luis', 'Marta']|format_list }}|{{ 1|plural(one='carta', other='cartas') }}|"
        "{{ 1000000|plural(one='carta', many='de cartas', other='cartas') }}|{{ 1234.5|format_number }}",
        encoding="utf-8",
    )
    env = build_environment(["es", "en"], tmp_path / "templates")
    assert render(env, "letter.txt.j2", CONTEXT) == "Ana, Luis y Marta|carta|de cartas|1.234,5"


def test_trans_block_with_a_literal_percent(tmp_path: Path) -> None:
    source = "{% trans n=3 %}{{ n }} letters, 100% sure{% endtrans %}"  # msgid "%(n)s letters, 100%% sure"
    assert render_source(tmp_path, source) == "3 letters, 100% sure"
