"""The gettext module: negotiation, locale id validation, catalog chains, preview, listeners."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app import i18n
from tests.unit.i18n.conftest import write_po


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (["es_AR", "es_PE"], "es_PE"),  # Babel alone says "es"
        (["es-Latn-PE"], "es_PE"),
        (["es-Latn-AR", "fr"], "es"),
        (["de-CH", "fr-CA"], "en"),
        (["fr-CA", "es"], "es"),
        (["../../etc/passwd", "en_US.UTF-8"], "en"),
        ([], "en"),
    ],
)
def test_negotiate_prefers_a_regional_match_over_a_bare_language(
    preferred: list[str], expected: str
) -> None:
    assert i18n.negotiate(preferred, ["en", "es", "es_PE"]) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("es-PE", "es_PE"),
        ("es_PE.UTF-8", "es_PE"),
        ("es-Latn-PE", "es_PE"),
        ("zh-Hant-TW", "zh_Hant_TW"),
        ("ar", "ar"),
        ("../../etc/passwd", None),
        ("..", None),
        ("/etc", None),
        ("C:\\Windows", None),
        ("es/../../x", None),
        ("es\x00", None),
        ("%2e%2e", None),
        ("zz", None),
        ("x" * 500, None),
        ("", None),
    ],
)
def test_locale_ids_are_validated_before_touching_a_path(tag: str, expected: str | None) -> None:
    assert i18n.normalize_locale(tag) == expected


def test_catalog_path_refuses_anything_but_a_locale_id() -> None:
    with pytest.raises(ValueError):
        i18n.catalog_path("../evil")
    assert i18n.catalog_path("es").parts[-3:] == ("es", "LC_MESSAGES", "messages.po")


def test_locale_chain_falls_back_to_the_base_language_then_english() -> None:
    assert i18n.locale_chain("es_PE") == ["es_PE", "es", "en"]
    assert i18n.locale_chain("en_GB") == ["en_GB", "en"]
    assert i18n.locale_chain("en") == ["en"]


def test_right_to_left_languages() -> None:
    assert i18n.is_rtl("ar") and i18n.is_rtl("ar_EG") and i18n.is_rtl("he")
    assert not i18n.is_rtl("fr") and not i18n.is_rtl("../x")


def test_regional_catalog_overrides_and_base_catalog_fills_in(fake_locales: Path) -> None:
    assert i18n.available_languages() == ["en", "es", "es_PE"]
    assert i18n.set_language("es-PE") == "es_PE"
    assert i18n._("Close") == "Cerrar ventana"  # from es_PE
    assert i18n._("Open cases") == "Casos abiertos"  # from the es catalog behind es_PE
    assert i18n._("Not in any catalog") == "Not in any catalog"
    assert i18n.pgettext("menu", "File") == "Archivo"
    assert (
        i18n.ngettext("%(count)d letter sent", "%(count)d letters sent", 1) % {"count": 1}
        == "1 carta enviada"
    )
    assert (
        i18n.ngettext("%(count)d letter sent", "%(count)d letters sent", 5) % {"count": 5}
        == "5 cartas enviadas"
    )


def test_unknown_language_negotiates_to_a_shipped_one(fake_locales: Path) -> None:
    assert i18n.set_language("es_AR") == "es"
    assert i18n.set_language("../../etc") == "en"
    assert i18n._("Close") == "Close"


def test_listeners_hear_every_language_change(fake_locales: Path) -> None:
    heard: list[tuple[str, str]] = []

    def listener(locale: str) -> None:
        heard.append((locale, i18n._("Open cases")))

    i18n.add_language_listener(listener)
    try:
        i18n.set_language("es")
        i18n.set_language("en")
    finally:
        i18n.remove_language_listener(listener)
    assert heard == [("es", "Casos abiertos"), ("en", "Open cases")]
    assert i18n.current_language() == "en"


def test_test_po_previews_a_catalog_without_building(
    fake_locales: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = write_po(
        tmp_path / "draft" / "fr.po",
        "fr",
        """\
        msgid "Open cases"
        msgstr "Dossiers ouverts"

        #, fuzzy
        msgid "Close"
        msgstr "Fermer"
        """,
    )
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(preview))
    assert i18n.test_po_locale() == "fr"
    assert i18n.set_language(None) == "fr"
    assert i18n._("Open cases") == "Dossiers ouverts"
    assert i18n._("Close") == "Close"  # fuzzy entries are not used, as with msgfmt


def test_words_printed_in_a_letters_language_ignore_the_interface_and_its_preview(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator previews a draft French catalog, so the window speaks the draft's words;
    a letter in French still prints the shipped catalog's, and an English one English."""
    draft = write_po(
        tmp_path / "draft" / "fr.po",
        "fr",
        """\
        msgid "Name:"
        msgstr "Nom et prénom :"
        """,
    )
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(draft))
    assert i18n.set_language("de") == "fr"  # the preview wins over the chosen language
    assert i18n._("Name:") == "Nom et prénom :"
    assert i18n.gettext_in("fr", "Name:") == "Nom :"
    assert i18n.gettext_in("fr", "FICTIONAL SAMPLE - DO NOT SEND") == (
        "EXEMPLE FICTIF - NE PAS ENVOYER"
    )
    assert i18n.gettext_in("en", "Name:") == "Name:"


def test_gettext_functions_import_without_qt() -> None:
    import subprocess
    import sys

    code = "import sys, app.i18n; app.i18n._('x'); print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_preview_wins_over_the_system_language(
    fake_locales: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = write_po(
        tmp_path / "ar.po",
        "ar",
        """\
        msgid "Open cases"
        msgstr "القضايا المفتوحة"
        """,
        plural="nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);",
    )
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(preview))
    assert i18n.set_language("es") == "ar"
    assert i18n.is_rtl(i18n.current_language())
    assert i18n._("Open cases") == "القضايا المفتوحة"
    assert i18n._("Close") == "Close"


def test_a_missing_or_broken_preview_is_ignored(
    fake_locales: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(tmp_path / "missing.po"))
    assert i18n.set_language("es") == "es"
    assert i18n._("Close") == "Cerrar"
    broken = tmp_path / "broken.po"
    broken.write_bytes(b'msgid "x"\nmsgstr "unterminated\n\xff\xfe')
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(broken))
    assert i18n.set_language("es") in {"es", "en"}  # never an exception at start-up


def _cli_with_preview(preview: Path, data: Path) -> tuple[str, str]:
    """``appeal-desk list`` with APPEAL_DESK_TEST_PO set: its stderr, and its log."""
    import os
    import subprocess
    import sys

    env = {**os.environ, i18n.TEST_PO_ENV: str(preview)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr, (data / "logs" / "appeal-desk.log").read_text(encoding="utf-8")


def test_a_missing_preview_catalog_is_said_on_stderr_and_in_the_log(tmp_path: Path) -> None:
    missing = tmp_path / "missing.po"
    err, log = _cli_with_preview(missing, tmp_path / "data")
    [line] = err.splitlines()
    assert line == (
        f"appeal-desk: warning: the preview catalog {missing} (APPEAL_DESK_TEST_PO) cannot be "
        "read (the file or folder does not exist); the shipped translations are used."
    )
    assert line.removeprefix("appeal-desk: ") in log


def test_a_preview_catalog_with_a_cut_string_is_said_on_stderr_and_in_the_log(
    tmp_path: Path,
) -> None:
    preview = write_po(
        tmp_path / "fr.po",
        "fr",
        """
        msgid "Open cases"
        msgstr "Dossiers ouverts"

        msgid "Close"
        msgstr "Fermer
        """,
    )
    err, log = _cli_with_preview(preview, tmp_path / "data")
    [line] = err.splitlines()
    # said in the previewed language (French here), naming the line that is cut short
    assert line.startswith("appeal-desk: avertissement : ")
    assert f"{preview}:12: not one whole quoted string" in line
    assert line.removeprefix("appeal-desk: ") in log


def test_a_broken_catalog_compiles_without_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """What Babel skips in a broken catalog goes to the log, not into a command's output."""
    po = write_po(
        tmp_path / "it" / "LC_MESSAGES" / "messages.po",
        "it",
        'msgid "Open"\n\nmsgid "Close"\nmsgstr "Chiudi"\n',
    )
    with caplog.at_level(logging.WARNING, logger="app.i18n"):
        data = i18n.compile_po(po, "it")
    assert data and capsys.readouterr().out == ""
    assert "missing msgstr for msgid 'Open'" in caplog.text


def test_a_regional_catalog_as_pybabel_init_leaves_it_falls_back_to_the_base_language(
    fake_locales: Path,
) -> None:
    # pybabel init -l es_PE writes every message, the ones with a count as empty forms; the
    # translator fills only the strings that differ from es
    write_po(
        fake_locales / "es_PE" / "LC_MESSAGES" / "messages.po",
        "es_PE",
        """\
        msgid "Close"
        msgstr "Cerrar ventana"

        msgid "Open cases"
        msgstr ""

        msgid "%(count)d letter sent"
        msgid_plural "%(count)d letters sent"
        msgstr[0] ""
        msgstr[1] ""
        """,
    )
    i18n.reload_catalogs()
    assert i18n.set_language("es_PE") == "es_PE"
    assert i18n._("Close") == "Cerrar ventana"
    assert i18n._("Open cases") == "Casos abiertos"
    for count, shown in ((1, "1 carta enviada"), (5, "5 cartas enviadas")):
        sent = i18n.ngettext("%(count)d letter sent", "%(count)d letters sent", count)
        assert sent % {"count": count} == shown


def test_a_missing_preview_catalog_is_said_wholly_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "fehlt.po"
    monkeypatch.setenv(i18n.TEST_PO_ENV, str(missing))
    try:
        i18n.set_language("de")
        i18n.say_preview_problems()
    finally:
        monkeypatch.delenv(i18n.TEST_PO_ENV)
        i18n.set_language("en")
    [line] = [line for line in capsys.readouterr().err.splitlines() if str(missing) in line]
    assert "(die Datei oder der Ordner existiert nicht)" in line
    assert "No such file" not in line
