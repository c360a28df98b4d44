"""Each kind of broken translator file is caught by `appeal-desk i18n check`, naming the file and
the line, and a hostile translation never reaches the interface."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from pathlib import Path

import pytest

from app import i18n
from app.letters import rendering
from app.main import main
from tests.unit.i18n.conftest import write_po


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Copies of the shipped templates and catalogs that a test may break."""
    templates = tmp_path / "templates"
    shutil.copytree(rendering.SHIPPED_TEMPLATES, templates)
    locales = tmp_path / "locales"
    shutil.copytree(i18n.locales_dir(), locales)
    monkeypatch.setattr(rendering, "SHIPPED_TEMPLATES", templates)
    from app.letters import salutations

    monkeypatch.setattr(salutations, "SHIPPED_TEMPLATES", templates)
    monkeypatch.setattr(i18n, "locales_dir", lambda: locales)
    i18n.reload_catalogs()
    return templates, locales


def check(capsys: pytest.CaptureFixture[str], locale: str) -> tuple[int, str]:
    code = main(["i18n", "check", locale, "--no-render"])
    return code, capsys.readouterr().out


def break_catalog(locales: Path, body: str) -> Path:
    return write_po(locales / "es_PE" / "LC_MESSAGES" / "messages.po", "es", body)


HOSTILE = """\
msgid "{file}: rejected - {reason}"
msgstr "{file._flavour.__init__.__globals__[os].environ}"

msgid "{file}: {outcome}"
msgstr "{outcome:>999999999}"

#, python-format
msgid "%(count)d cases"
msgstr "%(count)999999999d casos"

msgid "Importing {file}…"
msgstr "Importando {0}…"
"""


def test_hostile_placeholders_are_errors_with_file_and_line(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    break_catalog(locales, HOSTILE)
    code, out = check(capsys, "es_PE")
    assert code == 1
    po = "error: locales/es_PE/LC_MESSAGES/messages.po"
    assert f'{po}:8: "{{file}}: rejected - {{reason}}": placeholder {{file._flavour' in out
    assert "reads inside a value; use only {file}, {reason} (the app will not use it)" in out
    assert f"{po}:11: " + '"{file}: {outcome}": placeholder {outcome:>999999999} asks for a ' in out
    assert f'{po}:15: "%(count)d cases": placeholder %(count)999999999d asks for a width' in out
    assert f'{po}:18: "Importing {{file}}…": placeholder {{0}} is not named' in out


def test_hostile_translations_are_not_used_at_run_time(
    sandbox: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    _, locales = sandbox
    break_catalog(locales, HOSTILE + '\nmsgid "Close"\nmsgstr "Cerrar"\n')
    with caplog.at_level(logging.WARNING, logger="app.i18n"):
        i18n.set_language("es_PE")
    # the es_PE entries are refused; the chain falls back to the shipped Spanish ones
    text = i18n._("{file}: rejected - {reason}").format(file="a.pdf", reason="empty")
    assert text.startswith("a.pdf: ") and text.endswith(" - empty") and "environ" not in text
    assert len(i18n._("{file}: {outcome}").format(file="a.pdf", outcome="ok")) < 40
    assert i18n.ngettext("%(count)d cases", "%(count)d cases", 2) % {"count": 2} == "2 cases"
    assert i18n._("Close") == "Cerrar"  # the safe translations stay
    assert "translation not used" in caplog.text


def test_unterminated_string_is_an_error_with_its_line(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    break_catalog(locales, 'msgid "Close"\nmsgstr "Cerrar\n\nmsgid "Open"\nmsgstr "Abrir\\q"\n')
    code, out = check(capsys, "es_PE")
    assert code == 1
    fix = 'each text goes between two " on one line; write \\" for a quote inside it'
    assert f'messages.po:8: "Close": end-of-line within string; {fix}' in out
    assert f'messages.po:11: "Open": invalid escape sequence \\q; {fix}' in out


def test_text_outside_quotes_and_a_msgstr_without_msgid(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    break_catalog(locales, 'msgid "Close"\nmsgstr "Cerrar" oops\n\nmsgstr "Abrir"\n')
    code, out = check(capsys, "es_PE")
    assert code == 1
    assert 'messages.po:8: "Close": text after the closing quote; each text goes between' in out
    assert (
        'messages.po:10: "Close": msgstr without a msgid before it; a msgstr belongs right under '
        "its msgid (or msgid_plural); no empty line between\n" in out
    )


def test_missing_messages_are_named(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(
        locales / "it" / "LC_MESSAGES" / "messages.po", "it", 'msgid "Close"\nmsgstr "Chiudi"\n'
    )
    code, out = check(capsys, "it")
    assert code == 1
    from app.services.catalog_check import template_msgids

    expected = template_msgids()
    assert expected is not None and ("Close", None) in expected
    count = len(expected) - 1
    assert (
        f"error: locales/it/LC_MESSAGES/messages.po: {count} message(s) of messages.pot are "
        'missing ("' in out
    )
    assert "update the catalog (locales/README.md, Refresh the catalogs)\n" in out


@pytest.mark.parametrize(
    ("table", "line", "expected"),
    [
        ('minister = "Estimado {apodo}:"', "minister", "unknown placeholder {apodo}"),
        ('ministre = "Señor Ministro:"', "ministre", "unknown rank 'ministre'"),
        (
            'judge = { m = "Señor Juez:", f = "Señora Jueza:" }',
            "judge",
            '[salutation] judge: the neutral form is missing; add neutral = "…", the words for an'
            " official whose gender the UA does not state",
        ),
        ('judge = { m = "Señor Juez:", x = "?", neutral = "Señoría:" }', "judge", "unknown gender"),
    ],
)
def test_broken_salutation_data_names_file_and_line(
    sandbox: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    table: str,
    line: str,
    expected: str,
) -> None:
    templates, _ = sandbox
    path = templates / "es" / "salutations.toml"
    lines = [
        entry
        for entry in path.read_text(encoding="utf-8").splitlines()
        if not entry.startswith(f"{line} = ")
    ]
    lines.insert(lines.index("[salutation]") + 1, table)
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    number = text.splitlines().index(table) + 1
    code, out = check(capsys, "es")
    assert code == 1
    assert f"templates/es/salutations.toml:{number}: [salutation]" in out, out
    assert expected in out


def test_broken_toml_and_office_data_name_file_and_line(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    offices = templates / "fr" / "offices.toml"
    text = offices.read_text(encoding="utf-8").replace(
        "[offices]\n", '[offices]\n"ministre des armees" = "ministre"\n'
    )
    offices.write_text(text, encoding="utf-8")
    salutations = templates / "de" / "salutations.toml"
    salutations.write_text(
        salutations.read_text(encoding="utf-8") + '\n[closing]\nbroken = "Mit\n', "utf-8"
    )
    code, out = check(capsys, "fr")
    assert code == 1
    number = text.splitlines().index('"ministre des armees" = "ministre"') + 1
    assert f"templates/fr/offices.toml:{number}: [offices] 'ministre des armees': unknown" in out
    code, out = check(capsys, "de")
    assert code == 1
    assert "salutations.toml:" in out and "line" in out


def test_an_unclosed_text_in_salutations_says_where_and_how_to_close_it(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    path = templates / "es" / "salutations.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("minister = "))
    lines[number - 1] = 'minister = "Señor Ministro:'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check(capsys, "es")
    assert code == 1
    assert (
        f"error: templates/es/salutations.toml:{number}: a text is not closed: each text "
        'goes between two " on one line, as in minister = "…"'
    ) in out
    assert "Illegal character" not in out


def test_other_toml_mistakes_name_the_line_and_the_english_file_to_compare_with(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    path = templates / "es" / "offices.toml"
    text = path.read_text(encoding="utf-8").replace("[offices]\n", "[offices]\nministro\n", 1)
    path.write_text(text, encoding="utf-8")
    number = text.splitlines().index("ministro") + 1
    code, out = check(capsys, "es")
    assert code == 1
    assert f"error: templates/es/offices.toml:{number}: this line is not valid TOML (" in out
    assert "compare it with the same table of the English file app/templates/en/offices.toml" in out
    assert "(at line" not in out


@pytest.mark.parametrize("name", ["solidarity.txt.j2", "salutations.toml"])
def test_a_file_saved_as_latin_1_names_its_line_and_asks_for_utf_8(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str], name: str
) -> None:
    templates, _ = sandbox
    path = templates / "es" / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    lines = text.splitlines()
    number = next(n for n, line in enumerate(lines, 1) if not line.isascii())
    code, out = check(capsys, "es")
    assert code == 1
    assert (
        f"error: templates/es/{name}:{number}: the file is not saved as UTF-8 (the byte 0x"
    ) in out
    assert "save it with the encoding UTF-8 (your editor's Save as, Encoding)" in out
    assert "codec" not in out


def test_a_template_copied_from_english_is_a_warning(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    shutil.copy(templates / "en" / "solidarity.txt.j2", templates / "pt" / "solidarity.txt.j2")
    code, out = check(capsys, "pt")
    assert code == 0
    assert "templates/pt/solidarity.txt.j2: solidarity.txt.j2 is a copy of the" in out


def test_broken_ask_sentences_name_file_and_line(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    path = templates / "pt" / "asks.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith('lawyer = "Peço'))
    lines[number - 1] = 'lawyer = "Peço-lhe que {nomes} tenha um advogado."'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check(capsys, "pt")
    assert code == 1
    assert f"templates/pt/asks.toml:{number}: [sentences] lawyer: unknown placeholder" in out


def test_a_template_that_drops_the_personal_note_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    path = templates / "de" / "letter.txt.j2"
    text = path.read_text(encoding="utf-8").replace("{{ letter.personal_note }}", "")
    path.write_text(text, encoding="utf-8")
    code = main(["i18n", "check", "de"])
    out = capsys.readouterr().out
    assert code == 0  # a section may leave it out of its own template; the check says so
    assert "warning: de President of the Republic (f): the personal note is missing" in out


def test_a_regional_catalog_made_by_pybabel_init_is_not_a_list_of_untranslated_warnings(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # pybabel init -l es_MX writes every message empty; the translator fills only what differs
    # from Spanish, and keeps the letters of app/templates/es
    _, locales = sandbox
    write_po(
        locales / "es_MX" / "LC_MESSAGES" / "messages.po",
        "es_MX",
        """\
        msgid "Settings"
        msgstr "Configuración"

        msgid "Quit"
        msgstr ""

        #, python-format
        msgid "%(count)d day left"
        msgid_plural "%(count)d days left"
        msgstr[0] ""
        msgstr[1] ""
        msgstr[2] ""
        """,
        plural="nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    )
    code, out = check(capsys, "es_MX")
    assert code == 0, out
    assert "warning" not in out, out
    assert "es_MX: translated: 1/3, fuzzy: 0, untranslated: 2; 0 errors" in out


def test_a_regional_locale_whose_language_has_no_letters_is_told_they_are_english(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(
        locales / "it_CH" / "LC_MESSAGES" / "messages.po",
        "it_CH",
        """\
        msgid "Settings"
        msgstr "Impostazioni"
        """,
        plural="nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    )
    code, out = check(capsys, "it_CH")
    assert "warning: templates/it_CH: no letter templates; letters fall back to English" in out


def test_a_catalog_saved_outside_lc_messages_is_named_with_where_it_belongs(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(locales / "it" / "messages.po", "it", 'msgid "Settings"\nmsgstr "Impostazioni"\n')
    code, out = check(capsys, "it")
    assert code == 1
    assert (
        "error: locales/it/LC_MESSAGES/messages.po: the catalog file is missing; "
        "move locales/it/messages.po to locales/it/LC_MESSAGES/messages.po"
    ) in out


def test_a_misnamed_template_and_a_nested_folder_are_named_as_never_read(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    shutil.copy(templates / "es" / "letter.txt.j2", templates / "es" / "carta.txt.j2")
    shutil.copytree(templates / "es", templates / "es" / "es")
    code, out = check(capsys, "es")
    assert code == 0
    folder_holds = (
        "a letter folder holds only asks.toml, letter.txt.j2, offices.toml, salutations.toml,"
        " solidarity.txt.j2: rename or move it"
    )
    assert (
        f"warning: templates/es/carta.txt.j2: the app never reads carta.txt.j2; {folder_holds}"
        in out
    )
    assert f"warning: templates/es/es: the app never reads es; {folder_holds}" in out


def test_a_fuzzy_entry_of_a_regional_catalog_says_the_base_language_is_shown(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(
        locales / "es_MX" / "LC_MESSAGES" / "messages.po",
        "es_MX",
        """\
        #, fuzzy
        msgid "Settings"
        msgstr "Configuración"
        """,
        plural="nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    )
    code, out = check(capsys, "es_MX")
    assert code == 0
    assert (
        'warning: locales/es_MX/LC_MESSAGES/messages.po:7: "Settings": marked fuzzy: the app '
        'shows the es text instead; check the translation, then delete "fuzzy" from the "#," line'
    ) in out


def test_a_compiled_catalog_from_an_older_version_is_reported_and_compiled_again(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    # A regional catalog as pybabel init leaves it, compiled by a version that kept its empty
    # counts (so they showed in English) and marked the .mo with the .po's checksum alone.
    _, locales = sandbox
    po = write_po(
        locales / "es_MX" / "LC_MESSAGES" / "messages.po",
        "es_MX",
        """\
        msgid "Settings"
        msgstr "Configuración"

        #, python-format
        msgid "%(count)d day left"
        msgid_plural "%(count)d days left"
        msgstr[0] ""
        msgstr[1] ""
        msgstr[2] ""
        """,
        plural="nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
    )
    catalog = read_po(BytesIO(po.read_bytes()), locale="es_MX")
    old_mark = i18n.compiled_mark(po.read_bytes()).split("-")[0]
    catalog.add(i18n.SOURCE_MARK[1], old_mark, context=i18n.SOURCE_MARK[0])
    with open(po.with_suffix(".mo"), "wb") as old_mo:
        write_mo(old_mo, catalog)
    i18n.reload_catalogs()

    code, out = check(capsys, "es_MX")
    assert code == 0
    assert (
        "warning: locales/es_MX/LC_MESSAGES/messages.mo: the compiled catalog is out of date: "
        "it was built from an older messages.po or by an older Appeal Desk; run appeal-desk "
        "i18n compile (the app also compiles it again the next time it starts in this language)"
    ) in out.splitlines()
    # The app does not read it as it is: the count shows the Spanish words, not English.
    i18n.set_language("es_MX")
    left = i18n.ngettext("%(count)d day left", "%(count)d days left", 5) % {"count": 5}
    assert left == "Quedan 5 días"
    assert i18n.compiled_is_current("es_MX") is True
    assert "out of date" not in check(capsys, "es_MX")[1]


def test_a_letter_template_translated_in_part_names_each_line_left_in_english(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    letter = templates / "fr" / "letter.txt.j2"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(
        text.replace(
            "Je vous remercie de l'attention que vous porterez à cette affaire.",
            "Thank you for your attention to this case.",
        ),
        encoding="utf-8",
    )
    code, out = check(capsys, "fr")
    assert code == 0
    assert (
        "warning: templates/fr/letter.txt.j2:46: this line is still in English (“Thank you "
        "for your attention to this case.”): letters in fr would mix two languages; translate "
        "it like the rest of the file"
    ) in out.splitlines()
    assert out.count("still in English") == 1


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_a_catalog_compiled_at_start_up_or_by_i18n_compile_is_readable_by_every_user(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A compiled catalog belongs to the program, not to the user's data: in an install shared
    by several users, the first one to start in a language keeps it readable for the others."""
    from app.paths import use_private_umask

    _, locales = sandbox
    spanish = locales / "es" / "LC_MESSAGES" / "messages.mo"
    french = locales / "fr" / "LC_MESSAGES" / "messages.mo"
    spanish.unlink(missing_ok=True)
    french.unlink(missing_ok=True)
    users_umask = os.umask(0o022)
    try:
        use_private_umask()  # as the app does when it starts
        i18n.reload_catalogs()
        i18n.set_language("es")
        assert i18n._("Settings") == "Configuración"
        assert stat.S_IMODE(spanish.stat().st_mode) == 0o644
        assert main(["i18n", "compile"]) == 0
        capsys.readouterr()
        assert stat.S_IMODE(french.stat().st_mode) == 0o644
        assert stat.S_IMODE(spanish.stat().st_mode) == 0o644
    finally:
        os.umask(users_umask)


def test_checking_a_new_language_twice_does_not_call_the_first_checks_catalog_out_of_date(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from babel.messages.frontend import CommandLineInterface

    templates, locales = sandbox
    init = ["pybabel", "init", "-i", str(locales / "messages.pot"), "-d", str(locales)]
    CommandLineInterface().run([*init, "-D", "messages", "-l", "it"])
    shutil.copytree(templates / "en", templates / "it")
    po = locales / "it" / "LC_MESSAGES" / "messages.po"
    i18n.reload_catalogs()

    code, first = main(["i18n", "check", "it"]), capsys.readouterr().out
    assert code == 0 and "out of date" not in first
    assert po.with_suffix(".mo").is_file()  # the check compiled the catalog to render letters
    text = po.read_text(encoding="utf-8")
    untranslated = 'msgid "Open folder"\nmsgstr ""\n'
    assert untranslated in text
    po.write_text(
        text.replace(untranslated, 'msgid "Open folder"\nmsgstr "Apri la cartella"\n'),
        encoding="utf-8",
    )
    i18n.reload_catalogs()

    code, second = main(["i18n", "check", "it"]), capsys.readouterr().out
    assert code == 0
    assert "out of date" not in second
    assert "it: translated: 1/" in second
    i18n.set_language("it")
    assert i18n._("Open folder") == "Apri la cartella"
