"""`appeal-desk i18n check` catches broken catalogs and templates with the right message."""

from __future__ import annotations

import shutil
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
    monkeypatch.setattr(i18n, "locales_dir", lambda: locales)
    i18n.reload_catalogs()
    return templates, locales


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["i18n", "check", *args])
    return code, capsys.readouterr().out


def test_shipped_translations_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(capsys, "--quiet")
    assert code == 0, out
    assert ", 0 errors." in out


def test_broken_catalog_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    pot_header = (locales / "messages.pot").read_text(encoding="utf-8")
    assert pot_header  # the fixture copied the real template
    write_po(
        locales / "xx_broken" / "LC_MESSAGES" / "messages.po",
        "es",
        """\
        #, python-format
        msgid "Hello %(name)s"
        msgstr "Hola %(nombre)s"

        #, python-format
        msgid "%(num)d letter sent"
        msgid_plural "%(num)d letters sent"
        msgstr[0] "%(num)d carta enviada"
        msgstr[1] "cartas enviadas"

        msgid "Write to {email}"
        msgstr "Escriba a {correo}"

        #, python-format
        msgid "%(pct)d done for %(name)s"
        msgstr "100% hecho para %(name)s %(pct)d"
        """,
    )
    # the directory name must be a locale id: use a real one for the broken catalog
    (locales / "xx_broken").rename(locales / "es_PE")
    code, out = run_check(capsys, "es_PE", "--no-render")
    assert code == 1
    po = "error: locales/es_PE/LC_MESSAGES/messages.po"
    assert (
        f'{po}:9: "Hello %(name)s": %(nombre)s should be %(name)s; placeholder names stay in '
        "English, exactly as in the English text\n" in out
    )
    assert (
        f'{po}:15: "%(num)d letter sent": msgstr[1] %(num)d is missing; the English text has '
        "it: put it in your sentence where that value goes\n" in out
    )
    assert f'{po}:18: "Write to {{email}}": {{correo}} should be {{email}};' in out
    assert (
        f'{po}:22: "%(pct)d done for %(name)s": a lone % breaks this text (it has '
        "placeholders); write %% for a percent sign\n" in out
    )
    # each mistake once, plus the test header's two plural forms (Spanish has three); a
    # regional catalog needs only what differs, so the messages it lacks are no error
    assert out.count("error: ") == 5
    assert "messages.pot are missing" not in out


def test_wrong_number_of_plural_forms_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(
        locales / "ar_EG" / "LC_MESSAGES" / "messages.po",
        "ar_EG",
        """\
        #, python-format
        msgid "%(num)d letter"
        msgid_plural "%(num)d letters"
        msgstr[0] "%(num)d رسالة"
        msgstr[1] "%(num)d رسائل"
        """,
        plural="nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);",
    )
    code, out = run_check(capsys, "ar_EG", "--no-render")
    assert code == 1
    assert (
        'messages.po:10: "%(num)d letter": 2 of the 6 plural forms are filled in; fill '
        "msgstr[2], msgstr[3], msgstr[4], msgstr[5] too (locales/README.md, Plural forms)" in out
    )


def test_broken_template_is_caught_with_file_and_line(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    letter = templates / "fr" / "letter.txt.j2"
    lines = letter.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "{{ sender.name }")
    letter.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (templates / "fr" / "solidarity.txt.j2").unlink()
    code, out = run_check(capsys, "fr")
    assert code == 1
    assert "error: templates/fr/letter.txt.j2:5: unexpected '}'" in out
    assert "solidarity.txt.j2 is missing (English has it)" in out


def test_template_that_fails_at_render_time_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    card = templates / "de" / "solidarity.txt.j2"
    card.write_text(card.read_text(encoding="utf-8") + "{{ person.nickname }}\n", encoding="utf-8")
    code, out = run_check(capsys, "de")
    assert code == 1
    assert "de/solidarity.txt.j2:" in out and "nickname" in out


def test_template_reading_an_undocumented_name_is_refused(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    templates, _ = sandbox
    card = templates / "pt" / "solidarity.txt.j2"
    card.write_text(
        card.read_text(encoding="utf-8") + "{{ database_password }}\n", encoding="utf-8"
    )
    code, out = run_check(capsys, "pt")
    assert code == 1
    assert (
        "error: templates/pt/solidarity.txt.j2:30: unknown name database_password; a template "
        "may use only case, letter, official, person, persons, sender (locales/README.md, "
        "Letter templates)\n" in out
    )


def test_unknown_locale_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["i18n", "check", "../../etc"]) == 1
    assert "No catalog or templates" in capsys.readouterr().err


def test_stats_prints_a_coverage_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["i18n", "stats"]) == 0
    out = capsys.readouterr().out
    for locale in ("ar", "de", "es", "fr", "pt"):
        assert any(line.startswith(locale + " ") for line in out.splitlines()), out


def test_a_sections_own_templates_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "data" / "templates" / "es"
    own.mkdir(parents=True)
    (own / "letter.txt.j2").write_text("{{ letter.salutation }}\n{% if %}\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "data"), "i18n", "check", "es", "--user-templates"])
    out = capsys.readouterr().out
    assert code == 1
    assert "templates/es/letter.txt.j2:2:" in out
    (own / "letter.txt.j2").write_text(
        "{{ letter.salutation }}\nNuestro grupo le escribe.\n", encoding="utf-8"
    )
    code = main(
        ["--data-dir", str(tmp_path / "data"), "i18n", "check", "es", "--user-templates", "--quiet"]
    )
    assert code == 0, capsys.readouterr().out


def test_cli_lang_translates_command_line_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "es", "i18n", "check", "xx_YY_ZZ"]) == 1
    assert "No hay catálogo ni plantillas para xx_YY_ZZ" in capsys.readouterr().err
    from app import i18n as gettext_module

    assert gettext_module.current_language() == "es"
    assert gettext_module.pgettext("channel", "Post") == "Correo postal"
    gettext_module.set_language("en")
    capsys.readouterr()


def test_a_plural_forms_header_with_too_few_forms_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    write_po(
        locales / "ar_EG" / "LC_MESSAGES" / "messages.po",
        "ar_EG",
        """\
        #, python-format
        msgid "%(num)d letter"
        msgid_plural "%(num)d letters"
        msgstr[0] "%(num)d رسالة"
        msgstr[1] "%(num)d رسائل"
        """,
    )
    code, out = run_check(capsys, "ar_EG", "--no-render")
    assert code == 1
    assert "ar_EG/LC_MESSAGES/messages.po:5: Plural-Forms says 2 plural form(s)" in out
    assert "the language has 6" in out


def test_a_plural_rule_that_sends_a_count_to_the_wrong_form_is_caught(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, locales = sandbox
    forms = "\n".join(f'msgstr[{i}] "%(num)d form {i}"' for i in range(6))
    write_po(
        locales / "ar_EG" / "LC_MESSAGES" / "messages.po",
        "ar_EG",
        '#, python-format\nmsgid "%(num)d letter"\nmsgid_plural "%(num)d letters"\n' + forms,
        plural="nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n < 11 ? 3 : "
        "n < 100 ? 4 : 5);",
    )
    code, out = run_check(capsys, "ar_EG", "--no-render")
    assert code == 1
    assert "Plural-Forms puts the count 103 in form 5, the language uses form 3" in out


def test_data_files_still_english_copies_are_named_one_by_one(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # A translator copied the English folder and translated only the letter itself.
    templates, _ = sandbox
    shutil.copytree(templates / "en", templates / "it")
    letter = templates / "it" / "letter.txt.j2"
    # (its words stand in for an Italian letter: translated, no line left in English)
    translated = (templates / "es" / "letter.txt.j2").read_text(encoding="utf-8") + "\n"
    letter.write_text(translated, encoding="utf-8")
    code, out = run_check(capsys, "it")
    assert code == 0  # warnings: the letters still render
    assert "letter.txt.j2" not in out
    for name, what in (
        ("salutations.toml", "the salutations, closings and subject line in English"),
        ("offices.toml", "the officials' titles in English"),
        ("asks.toml", "the sentences asking for what the UA demands in English"),
        ("solidarity.txt.j2", "would be in English"),
    ):
        assert f"warning: templates/it/{name}: {name} is a copy of the English" in out
        assert what in out
    assert "it: templates: 5/5; 0 errors; 4 files still the English copy" in out


def test_stats_show_a_regional_catalog_done_as_far_as_its_base_language_fills_it(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    # As pybabel init -l es_MX leaves it, with the one string Mexico says differently filled
    _, locales = sandbox
    with (locales / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    regional = Catalog(locale="es_MX", domain="messages")
    regional.update(template)
    regional.get("Settings").string = "Configuración"  # type: ignore[union-attr]
    target = locales / "es_MX" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as po:
        write_po(po, regional)
    total = len([m for m in template if m.id])
    assert main(["i18n", "stats"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("es_MX ")]
    assert line.split()[1:6] == ["1", "0", str(total - 1), str(total), "100.0%"]
    assert line.endswith(f"({total - 1} entries show the es text)")


def test_a_catalog_copied_from_another_language_is_not_counted_done(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A translator starts Italian from the French catalog (header corrected, one entry done):
    its French entries are still to translate, for the check and the coverage table alike;
    the French catalog it was copied from stays done."""
    _, locales = sandbox
    italian = locales / "it" / "LC_MESSAGES" / "messages.po"
    italian.parent.mkdir(parents=True)
    french = (locales / "fr" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    italian.write_text(
        french.replace("Language: fr", "Language: it").replace(
            'msgstr "Paramètres"', 'msgstr "Impostazioni"'
        ),
        encoding="utf-8",
    )
    _, out = run_check(capsys, "it")
    [summary] = [line for line in out.splitlines() if line.startswith("it: translated: ")]
    done, total = (int(n) for n in summary.split(",")[0].split()[-1].split("/"))
    untranslated = int(summary.split("untranslated: ")[1].split()[0])
    assert done + untranslated == total and untranslated > total * 0.9
    assert f"untranslated: {untranslated} ({untranslated} entries are still the fr text);" in (
        summary
    )

    assert main(["i18n", "stats"]) == 0
    table = capsys.readouterr().out.splitlines()
    [line] = [line for line in table if line.startswith("it ")]
    assert line.split()[1:6] == [
        str(done),
        "0",
        str(untranslated),
        str(total),
        f"{100 * done / total:.1f}%",
    ]
    assert line.endswith(f"({untranslated} entries are still the fr text)")
    [french_line] = [line for line in table if line.startswith("fr ")]
    assert french_line.split()[1:6] == [str(total), "0", "0", str(total), "100.0%"]


def _coverage(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["i18n", "stats"]) == 0
    table = capsys.readouterr().out.splitlines()
    return {line.split()[0]: line for line in table if line.split()}


def test_a_copy_is_found_by_what_the_files_say_not_by_when_they_were_written(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh checkout writes every catalog in the same second. The Italian copy of the
    French catalog still says "French translations" and "Language-Team: fr" in its header:
    it is the copy, and the French catalog stays done however the two files' times compare."""
    import os

    _, locales = sandbox
    french_file = locales / "fr" / "LC_MESSAGES" / "messages.po"
    italian = locales / "it" / "LC_MESSAGES" / "messages.po"
    italian.parent.mkdir(parents=True)
    italian.write_text(
        french_file.read_text(encoding="utf-8").replace("Language: fr", "Language: it"),
        encoding="utf-8",
    )
    for older, newer in ((french_file, italian), (italian, french_file)):
        written = older.stat().st_mtime_ns
        os.utime(newer, ns=(written, written))  # the same time to the nanosecond
        table = _coverage(capsys)
        assert table["fr"].split()[5] == "100.0%"
        assert table["it"].endswith("entries are still the fr text)")


def test_two_languages_sharing_translations_are_not_copies_when_the_files_say_nothing(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A Catalan catalog written on its own shares many short words with the Spanish one, and
    was revised the same day: neither file says it was copied, so both count as done (before,
    two catalogs written in the same second counted as copies of each other)."""
    import os

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po
    from babel.messages.pofile import write_po as write_catalog

    _, locales = sandbox
    spanish_file = locales / "es" / "LC_MESSAGES" / "messages.po"
    with spanish_file.open("rb") as handle:
        spanish = read_po(handle, locale="es")
    catalan = Catalog(locale="ca", domain="messages", header_comment="# Catalan translations.")
    catalan.revision_date = spanish.revision_date
    kept = 0
    for message in spanish:
        if not message.id or message.fuzzy:
            continue
        text = message.string
        if kept % 2 and isinstance(text, str) and text:  # every other entry its own words
            text = "ca: " + text
        kept += 1
        catalan.add(message.id, text, context=message.context, flags=message.flags)
    target = locales / "ca" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as po:
        write_catalog(po, catalan)
    written = spanish_file.stat().st_mtime_ns
    os.utime(target, ns=(written, written))
    table = _coverage(capsys)
    assert table["es"].split()[5] == "100.0%"
    assert "text)" not in table["es"] and "es text" not in table["ca"]


def test_a_template_plural_is_checked_by_the_languages_plural_rules(
    sandbox: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A letter counts with ``|plural``, by CLDR's forms rather than a catalog's slots: an
    Arabic template that gives only one and other is reported with the four forms it lacks,
    and a German one with one and other passes."""
    templates, _ = sandbox
    lines = {}
    for locale in ("ar", "de"):
        card = templates / locale / "solidarity.txt.j2"
        text = card.read_text(encoding="utf-8")
        card.write_text(
            text + '{{ person.count|plural(one="letter", other="letters") }}\n', encoding="utf-8"
        )
        lines[locale] = len(text.splitlines()) + 1
    line = lines["ar"]
    code, out = run_check(capsys, "ar", "--no-render")
    assert code == 1
    assert (
        f"error: templates/ar/solidarity.txt.j2:{line}: |plural lacks forms that ar uses for "
        'some counts: zero, two, few, many; add each, as zero="…"' in out
    ), out
    code, out = run_check(capsys, "de", "--no-render")
    assert "|plural" not in out, out
