"""What a translator reads from `appeal-desk i18n check` for each common mistake: one finding
per mistake, with the file and line, the English text, what is wrong and what to do.

Each test copies the Spanish catalog and templates to a new language, Italian, as a translator
starting a language would, makes one realistic mistake and checks the exact lines printed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.letters import rendering, salutations
from app.main import main

PO = "locales/it/LC_MESSAGES/messages.po"
LETTER = "templates/it/letter.txt.j2"


@pytest.fixture
def italian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """Copies of the shipped catalogs and templates, with es copied to it (the .po's header
    made Italian, as `pybabel init` would write it, and each letter file marked as the
    translator's own, so it is no longer the Spanish file byte for byte)."""
    templates = tmp_path / "templates"
    shutil.copytree(rendering.SHIPPED_TEMPLATES, templates)
    locales = tmp_path / "locales"
    shutil.copytree(i18n.locales_dir(), locales)
    shutil.copytree(locales / "es", locales / "it")
    shutil.copytree(templates / "es", templates / "it")
    catalog = locales / "it" / "LC_MESSAGES" / "messages.po"
    for compiled in catalog.parent.glob("*.mo"):
        compiled.unlink()
    edit(catalog, '"Language: es\\n"', '"Language: it\\n"')
    for path in (templates / "it").iterdir():
        mark = "{# tradotto #}\n" if path.suffix == ".j2" else "# tradotto\n"
        path.write_text(path.read_text(encoding="utf-8") + mark, encoding="utf-8")
    monkeypatch.setattr(rendering, "SHIPPED_TEMPLATES", templates)
    monkeypatch.setattr(salutations, "SHIPPED_TEMPLATES", templates)
    monkeypatch.setattr(i18n, "locales_dir", lambda: locales)
    i18n.reload_catalogs()
    yield catalog, templates / "it"
    i18n.set_language("en")
    i18n.reload_catalogs()


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of ``old``; returns the line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[str]]:
    """The exit status, and the findings printed (without the two summary lines)."""
    code = main(["i18n", "check", "it", *options])
    captured = capsys.readouterr()
    assert captured.err == ""  # nothing beside the findings: no library chatter, no log
    lines = captured.out.splitlines()
    assert lines[-2].startswith("it: ") and lines[-1].startswith("1 locale checked")
    return code, lines[:-2]


CHOOSE = 'msgstr "Elija un archivo que termine en .pdf, .txt o .eml (no %(name)s)."'
CHOOSE_ID = '"Choose a file ending in .pdf, .txt or .eml (not…"'
EVENT = 'msgstr "Ya existe un evento llamado «%(name)s». Elija otro nombre."'
EVENT_ID = "\"There is already an event called '%(name)s'. Ch…\""
DOCUMENTS = 'msgstr[0] "%(count)d documento"'


def test_the_copied_language_is_clean(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, "--no-render") == (0, [])


def test_a_misspelt_placeholder_is_one_error(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    line = edit(catalog, CHOOSE, CHOOSE.replace("%(name)s", "%(nmae)s"))
    assert check(capsys) == (
        1,
        [
            f"error: {PO}:{line}: {CHOOSE_ID}: %(nmae)s should be %(name)s; placeholder names "
            "stay in English, exactly as in the English text"
        ],
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            DOCUMENTS,
            DOCUMENTS.replace("%(count)d", "%(count)s"),
            '"%(count)d document": msgstr[0] %(count)s should be %(count)d; keep the letter '
            "after the name as the English text has it (d: a whole number)",
        ),
        (
            CHOOSE,
            CHOOSE.replace("%(name)s", "%(name)d"),
            f"{CHOOSE_ID}: %(name)d should be %(name)s; keep the letter after the name as the "
            "English text has it (s: a text)",
        ),
    ],
)
def test_a_placeholder_of_the_wrong_kind_names_both_as_written(
    italian: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    said: str,
) -> None:
    catalog, _ = italian
    line = edit(catalog, old, new)
    assert check(capsys, "--no-render") == (1, [f"error: {PO}:{line}: {said}"])


def test_a_dropped_placeholder(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    line = edit(catalog, EVENT, 'msgstr "Ya existe un evento con ese nombre. Elija otro."')
    assert check(capsys, "--no-render") == (
        1,
        [
            f"error: {PO}:{line}: {EVENT_ID}: %(name)s is missing; the English text has it: "
            "put it in your sentence where that value goes"
        ],
    )


def test_a_missing_plural_form(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    line = edit(catalog, DOCUMENTS, DOCUMENTS)
    edit(catalog, 'msgstr[2] "%(count)d documentos"\n', "")
    assert check(capsys, "--no-render") == (
        1,
        [
            f'error: {PO}:{line}: "%(count)d document": 2 of the 3 plural forms are filled in; '
            "fill msgstr[2] too (locales/README.md, Plural forms)"
        ],
    )


def test_a_plural_forms_header_for_another_language(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    header = (
        '"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0"\n'
        '" ? 1 : 2);\\n"'
    )
    line = edit(catalog, header, '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"')
    assert check(capsys, "--no-render") == (
        1,
        [
            f"error: {PO}:{line}: Plural-Forms says 2 plural form(s), the language has 3; write "
            "the line `pybabel init` writes: Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : "
            "n != 0 && n % 1000000 == 0 ? 1 : 2);"
        ],
    )


def test_a_fuzzy_entry_is_a_warning_at_its_mark(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    mark = '#, python-format\nmsgid "There is already an event called'
    line = edit(catalog, mark, mark.replace("#, python-format", "#, fuzzy, python-format"))
    assert check(capsys, "--no-render") == (
        0,
        [
            f"warning: {PO}:{line}: {EVENT_ID}: marked fuzzy: the app shows the English text "
            'instead; check the translation, then delete "fuzzy" from the "#," line above it'
        ],
    )


def test_an_edited_english_text_is_one_error_at_its_line(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    line = edit(catalog, 'msgid "There is already an event', 'msgid "There is alredy an event')
    assert check(capsys, "--no-render") == (
        1,
        [
            f"error: {PO}:{line}: \"There is alredy an event called '%(name)s'. Cho…\": this "
            'English text (msgid) was changed; messages.pot has "There is already an event '
            "called '%(name)s'. Choose another name.\"; copy the msgid back exactly as "
            "messages.pot has it; translate only msgstr"
        ],
    )


def test_a_header_naming_another_language_is_a_warning(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    line = edit(catalog, '"Language: it\\n"', '"Language: es\\n"')
    assert check(capsys, "--no-render") == (
        0,
        [
            f"warning: {PO}:{line}: the header says Language: es, but this is the it catalog; "
            "write Language: it"
        ],
    )


QUOTES = (
    'each text goes between two " on one line; write \\" for a quote inside it and \\n for a '
    "new line"
)


def test_syntax_errors_hide_nothing_else(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """An unclosed quote and a lost msgstr in the catalog, a typo elsewhere in it, a broken
    template and a missing one: each is reported once, in file and line order."""
    catalog, folder = italian
    typo = edit(catalog, CHOOSE, CHOOSE.replace("%(name)s", "%(nmae)s"))
    unclosed = edit(catalog, EVENT, EVENT[:-1])
    lost = edit(catalog, 'msgid "Close"\nmsgstr "Cerrar"\n', 'msgid "Close"\n')
    broken = edit(folder / "letter.txt.j2", "{% if sender.name %}", "{% if sender.name }")
    (folder / "solidarity.txt.j2").unlink()
    assert check(capsys) == (
        1,
        [
            f"error: {PO}:{typo}: {CHOOSE_ID}: %(nmae)s should be %(name)s; placeholder names "
            "stay in English, exactly as in the English text",
            f"error: {PO}:{unclosed}: {EVENT_ID}: end-of-line within string; {QUOTES}",
            f'error: {PO}:{lost}: "Close": this entry has no msgstr; add a line msgstr "..." '
            "with the translation under the msgid",
            f"error: {LETTER}:{broken}: unexpected '}}'; close {{{{ with }}}} and {{% with %}}",
            "error: templates/it/solidarity.txt.j2: solidarity.txt.j2 is missing (English has "
            "it); copy templates/en/solidarity.txt.j2 here and translate it",
        ],
    )


def test_a_template_syntax_error(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = italian
    line = edit(
        folder / "letter.txt.j2",
        "{{ letter.subject }}",
        '{{ letter.subject | default: "Oggetto" }}',
    )
    assert check(capsys) == (
        1,
        [
            f"error: {LETTER}:{line}: expected token 'end of print statement', got ':'; a "
            'filter takes its value in brackets: |default("text"), not |default: "text"'
        ],
    )


LETTER_FIELDS = (
    "asks, body, closing, date, date_iso, form_of_address, locale, personal_note, salutation, "
    "salutation_from_document, subject"
)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "{{ lettera.subject }}",
            "unknown name lettera; a template may use only case, letter, official, person, "
            "persons, sender (locales/README.md, Letter templates)",
        ),
        (
            "{{ letter.oggetto }}",
            f"letter.oggetto: letter has no field oggetto; the fields of letter are "
            f"{LETTER_FIELDS}",
        ),
        (
            '{{ letter.oggetto|default("Oggetto") }}',
            "letter.oggetto: letter has no field oggetto, so |default would always print its "
            f"fallback; the fields of letter are {LETTER_FIELDS}",
        ),
        (
            '{{ default(letter.subject, "Oggetto") }}',
            'unknown name default; default is a filter: write {{ value|default("text") }}',
        ),
    ],
)
def test_a_name_or_field_a_letter_does_not_have_is_one_error_with_its_line(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str], written: str, said: str
) -> None:
    _, folder = italian
    line = edit(folder / "letter.txt.j2", "{{ letter.subject }}", written)
    assert check(capsys) == (1, [f"error: {LETTER}:{line}: {said}"])


def test_a_template_left_in_english_is_a_warning(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = italian
    shutil.copy(folder.parent / "en" / "letter.txt.j2", folder / "letter.txt.j2")
    assert check(capsys, "--no-render") == (
        0,
        [
            f"warning: {LETTER}: letter.txt.j2 is a copy of the English template; letters in "
            "it would be in English"
        ],
    )


def test_findings_come_in_file_and_line_order(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    edit(catalog, EVENT, 'msgstr "Ya existe un evento con ese nombre."')
    edit(catalog, CHOOSE, CHOOSE.replace("%(name)s", "%(nmae)s"))
    edit(catalog, DOCUMENTS, DOCUMENTS.replace("%(count)d", "%(count)s"))
    _, lines = check(capsys, "--no-render")
    numbers = [int(re.search(r"messages\.po:(\d+):", line)[1]) for line in lines]  # type: ignore[index]
    assert len(numbers) == 3 and numbers == sorted(numbers)


def test_a_right_to_left_language_with_left_to_right_text_is_a_warning(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Hebrew started from a copy of the Spanish files: the check says the text runs the
    wrong way for the language (besides Hebrew's own plural rule)."""
    catalog, folder = italian
    locales, templates = catalog.parents[2], folder.parent
    shutil.copytree(locales / "it", locales / "he")
    shutil.copytree(templates / "it", templates / "he")
    edit(locales / "he" / "LC_MESSAGES" / "messages.po", '"Language: it\\n"', '"Language: he\\n"')
    code = main(["i18n", "check", "he", "--no-render"])
    lines = capsys.readouterr().out.splitlines()
    rtl = (
        "Hebrew (he) is written right to left, but {n} of {n} {what} here have only "
        "left-to-right letters; translate them, or check that the folder is named after your "
        "language"
    )
    assert code == 1  # the plural rule; the direction is a warning
    warnings = [line for line in lines if line.startswith("warning: ")]

    def copied(name: str, would: str) -> str:  # each file is still the one it was copied from
        return (
            f"warning: templates/he/{name}: {name} is the same file as templates/it/{name}: "
            f"letters in he would {would}; translate the copy into its language"
        )

    assert [re.sub(r"\d+ of \d+", "{n} of {n}", w) for w in warnings] == [
        "warning: locales/he/LC_MESSAGES/messages.po: " + rtl.format(n="{n}", what="translations"),
        copied("asks.toml", "take its words from it"),
        f"warning: templates/he/letter.txt.j2: {rtl.format(n='{n}', what='lines')}",
        copied("letter.txt.j2", "read as letters in it do"),
        copied("offices.toml", "take its words from it"),
        copied("salutations.toml", "take its words from it"),
        f"warning: templates/he/solidarity.txt.j2: {rtl.format(n='{n}', what='lines')}",
        copied("solidarity.txt.j2", "read as letters in it do"),
    ]


def test_untranslated_entries_are_warnings_at_their_msgstr(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    single = edit(catalog, EVENT, 'msgstr ""')
    forms = (
        '"%(count)d documento"\nmsgstr[1] "%(count)d documentos"\nmsgstr[2] "%(count)d documentos"'
    )
    plural = edit(catalog, f"msgstr[0] {forms}", 'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""')
    assert check(capsys, "--no-render") == (
        0,
        [
            f'warning: {PO}:{plural}: "%(count)d document": not translated yet: the app shows '
            "the English text",
            f"warning: {PO}:{single}: {EVENT_ID}: not translated yet: the app shows the "
            "English text",
        ],
    )


def test_a_broken_language_is_reported_by_its_own_check_only(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Letters in Spanish are also drafted with a second language (Italian among them): a
    mistake in the Italian letter is Italian's finding, not Spanish's."""
    _, folder = italian
    line = edit(
        folder / "letter.txt.j2",
        "{{ letter.subject }}",
        "{{ letter.subject }} {{ persons[0].nickname }}",
    )
    assert main(["i18n", "check", "es"]) == 0
    assert "templates/it" not in capsys.readouterr().out
    assert check(capsys) == (
        1,
        [
            f"error: {LETTER}:{line}: there is no field nickname here; check its spelling "
            "against the fields listed in locales/README.md (Letter templates)"
        ],
    )


def test_an_item_some_letters_lack_is_said_plainly(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = italian
    line = edit(
        folder / "solidarity.txt.j2", "{{ sender.name }}", "{{ sender.name }} {{ persons[5].name }}"
    )
    assert check(capsys) == (
        1,
        [
            f"error: templates/it/solidarity.txt.j2:{line}: there is no item 5 here (for some "
            "letters the list is shorter or empty); test it first with {% if ... %} or go "
            "through it with {% for %}"
        ],
    )


def test_the_entry_after_a_broken_line_is_still_checked(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _ = italian
    text = catalog.read_text(encoding="utf-8")
    header = text[: text.index("\n\n") + 2]
    catalog.write_text(
        header + 'msgid "Close"\nmsgstr "Chiudi\n\nmsgid "Open %(name)s"\nmsgstr "Apri %(nome)s"\n',
        encoding="utf-8",
    )
    first = header.count("\n") + 2
    _, lines = check(capsys, "--no-render")
    errors = [line for line in lines if line.startswith("error: ") and ":" in line[7:]]
    assert errors[:-1] == [
        f'error: {PO}:{first}: "Close": end-of-line within string; {QUOTES}',
        f'error: {PO}:{first + 3}: "Open %(name)s": %(nome)s should be %(name)s; placeholder '
        "names stay in English, exactly as in the English text",
    ]
    assert errors[-1].startswith(f"error: {PO}: ")  # the messages of messages.pot it lacks


def test_a_new_language_names_its_first_untranslated_messages_then_counts_the_rest(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalog as `pybabel init` writes it: nothing translated yet."""
    from babel.messages.pofile import read_po, write_po

    catalog, _ = italian
    with catalog.open("rb") as handle:
        messages = read_po(handle, locale="it")
    for message in messages:
        if message.id:
            message.string = ("",) * 3 if isinstance(message.id, tuple) else ""
    with catalog.open("wb") as handle:
        write_po(handle, messages)
    code, lines = check(capsys, "--no-render")
    total = sum(1 for message in messages if message.id)
    assert code == 0
    assert len(lines) == 11
    assert all("not translated yet: the app shows the English text" in line for line in lines[:10])
    assert lines[10] == (
        f"warning: {PO}: and {total - 10} more untranslated message(s); appeal-desk i18n stats "
        "counts them; Poedit or Lokalize lists them"
    )


def test_a_render_stopped_by_a_busy_machine_is_tried_again_before_it_is_called_a_loop(
    italian: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A letter that takes a moment (a million empty turns of a loop) outlasts a deadline of
    a millisecond, as a sound letter outlasts two seconds on a machine busy with other work;
    the check's second try, with a longer deadline, drafts it."""
    from app.domain.errors import TemplateProblem
    from app.letters import render_worker
    from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS
    from app.services.letters import draft_letter
    from app.services.translation_check import _draft

    _, folder = italian
    edit(
        folder / "letter.txt.j2",
        "{{ letter.subject }}",
        "{{ letter.subject }}{% for a in range(2000) %}{% for b in range(500) %}{% endfor %}"
        "{% endfor %}",
    )
    case = next(c for c in SAMPLE_CASES if c.targets)
    monkeypatch.setattr(render_worker, "_unguarded", [])  # in the worker, as in the app
    monkeypatch.setattr(render_worker._worker, "timeout", 0.001)
    with pytest.raises(TemplateProblem) as stopped:
        draft_letter(case, 1, SAMPLE_SENDERS[0], locale="it")
    assert stopped.value.problem_template == render_worker.TIMED_OUT
    letter = _draft(case, 1, SAMPLE_SENDERS[0], locale="it")
    assert letter.locale == "it" and case.ua_number in letter.text
    assert render_worker._worker.timeout == 0.001  # the longer deadline was for that try only


def test_a_letter_file_copied_from_another_language_is_a_warning_naming_it(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A translator starts Italian from the Spanish files and forgets one: the check names
    the file and the language it is still a copy of; a warning, the letters still work."""
    _, folder = italian
    shutil.copy(folder.parent / "es" / "solidarity.txt.j2", folder / "solidarity.txt.j2")
    assert check(capsys, "--no-render") == (
        0,
        [
            "warning: templates/it/solidarity.txt.j2: solidarity.txt.j2 is the same file as "
            "templates/es/solidarity.txt.j2: letters in it would read as letters in es do; "
            "translate the copy into its language"
        ],
    )
    main(["i18n", "check", "it", "--no-render"])
    summary = capsys.readouterr().out.splitlines()[-2]  # the line for the language
    assert summary.endswith("; 0 errors; 1 file the same as another language's")


def test_a_regional_folder_may_hold_its_base_languages_file(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """es_PE falls back to es: the same file in both is a choice, not a forgotten copy."""
    _, folder = italian
    shutil.copytree(folder.parent / "es", folder.parent / "es_PE")
    assert main(["i18n", "check", "es_PE", "--no-render"]) == 0
    assert "warning" not in capsys.readouterr().out


def test_the_findings_are_in_the_language_the_translator_reads(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The same two findings as above, read by a translator whose interface is French: the
    words are French; the file, the placeholders and the English text stay as they are."""
    catalog, folder = italian
    line = edit(catalog, CHOOSE, CHOOSE.replace("%(name)s", "%(nmae)s"))
    shutil.copy(folder.parent / "es" / "solidarity.txt.j2", folder / "solidarity.txt.j2")
    assert main(["--lang", "fr", "i18n", "check", "it", "--no-render"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        f"erreur : {PO}:{line} : {CHOOSE_ID}: %(nmae)s devrait être %(name)s ; les noms des "
        "marqueurs restent en anglais, exactement comme dans le texte anglais",
        "avertissement : templates/it/solidarity.txt.j2 : solidarity.txt.j2 est le même fichier "
        "que templates/es/solidarity.txt.j2 : les lettres en it se liraient comme les lettres "
        "en es ; traduisez la copie dans sa langue",
    ]


def test_a_letter_data_file_mistake_is_said_in_the_translators_language(
    italian: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A table the salutations file does not have, read in English and then in French."""
    _, folder = italian
    salutations = folder / "salutations.toml"
    salutations.write_text(
        salutations.read_text(encoding="utf-8") + '\n[saluti]\ngeneric = "Gentile"\n',
        encoding="utf-8",
    )
    where = "templates/it/salutations.toml"
    code, lines = check(capsys, "--no-render")
    assert (code, [line for line in lines if where in line]) == (
        1,
        [f"error: {where}:1: unknown table [saluti]"],
    )
    assert main(["--lang", "fr", "i18n", "check", "it", "--no-render"]) == 1
    out = capsys.readouterr().out
    assert f"erreur : {where}:1 : table inconnue [saluti]\n" in out
