"""The command line in the language chosen in Settings (or with --lang): what a user reads."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.i18n import set_language
from app.main import main
from app.paths import resolve_paths
from app.settings import Settings, save_settings
from tests.builders import fictional_document, store_documents


def deadline_in_five_days() -> date:
    return date.today() + timedelta(days=5)


@pytest.fixture(autouse=True)
def back_to_english() -> object:
    yield
    set_language("en")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store_documents(
        resolve_paths(folder), fictional_document("12/26", deadline=deadline_in_five_days())
    )
    return folder


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def choose_in_settings(data: Path, language: str) -> None:
    save_settings(resolve_paths(data), Settings(ui_language=language))


def test_english_stays_the_default(capsys, data) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = cli(capsys, data, "list")
    assert code == 0
    heading, row = out.splitlines()
    assert heading.split() == ["UA", "Deadline", "Days", "left", "Sent", "Country", "Title"]
    assert row.startswith("12/26") and "5 days left" in row
    assert (
        deadline_in_five_days().strftime("%b") in row and str(deadline_in_five_days().year) in row
    )


@pytest.mark.parametrize(
    ("language", "headings", "days_left", "month"),
    [
        ("es", ["AU", "Plazo"], "Quedan 5 días", "es"),
        ("fr", ["AU", "Date limite"], "5 jours restants", "fr"),
        ("de", ["UA", "Frist"], "Noch 5 Tage", "de"),
        ("ar", ["الرقم", "المهلة"], "5 أيام", "ar"),
    ],
)
def test_list_speaks_the_language_chosen_in_settings(  # type: ignore[no-untyped-def]
    capsys, data, language, headings, days_left, month
) -> None:
    from babel.dates import format_date

    choose_in_settings(data, language)
    code, out, _err = cli(capsys, data, "list")
    assert code == 0
    heading, row = out.splitlines()
    for word in headings:
        assert word in heading
    assert days_left in row
    assert format_date(deadline_in_five_days(), "medium", locale=month) in row
    assert "Deadline" not in heading and "days left" not in row


def test_an_error_is_printed_in_the_users_language(capsys, data) -> None:  # type: ignore[no-untyped-def]
    choose_in_settings(data, "es")
    code, _out, err = cli(capsys, data, "sent", "99/26", "--channel", "post")
    assert code == 1
    assert err.strip() == "appeal-desk: No tiene ningún caso con el número de AU 99/26."


def test_a_bad_option_value_is_explained_in_the_users_language(capsys, data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data), "--lang", "fr", "sent", "12/26", "--date", "2026-13-01"])
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "« 2026-13-01 » n’est pas une date comme 2026-03-31." in err
    assert "(voir « appeal-desk sent --help »)" in err


def test_arabic_counts_take_their_plural_forms(capsys, data) -> None:  # type: ignore[no-untyped-def]
    choose_in_settings(data, "ar")
    code, out, _err = cli(capsys, data, "sent", "12/26", "--channel", "post", "--count", "3")
    assert code == 0
    assert out.startswith("سُجّلت 3 مناشدات للتحرك العاجل 12/26.")
    assert "(البريد)" in out
    code, out, _err = cli(capsys, data, "sent", "12/26", "--channel", "email", "--count", "11")
    assert out.startswith("سُجّلت 11 مناشدةً للتحرك العاجل 12/26.")
    code, out, _err = cli(capsys, data, "list")
    assert " 14 " in out.splitlines()[1]


def test_lang_before_the_command_wins_over_settings(capsys, data) -> None:  # type: ignore[no-untyped-def]
    choose_in_settings(data, "de")
    code, out, _err = cli(capsys, data, "--lang", "fr", "list")
    assert code == 0 and "Date limite" in out
    code, out, _err = cli(capsys, data, "list")
    assert "Frist" in out


def test_events_and_their_dates_in_the_users_language(capsys, data) -> None:  # type: ignore[no-untyped-def]
    choose_in_settings(data, "fr")
    code, out, _err = cli(
        capsys, data, "event", "create", "Soirée", "--date", "2026-12-10", "--cases", "12/26"
    )
    assert code == 0 and out.strip() == "Événement « Soirée » créé (dossiers : 12/26)."
    code, out, _err = cli(capsys, data, "event", "list")
    assert out.strip() == "Soirée (10 déc. 2026) : 12/26"
    code, out, _err = cli(capsys, data, "event", "tally", "Soirée")
    assert out.splitlines()[0] == "Soirée : 0 lettre"


def test_parse_summary_in_german(capsys, data) -> None:  # type: ignore[no-untyped-def]
    sample = Path(__file__).resolve().parents[3] / "app" / "samples" / "ua-901-27-initial.txt"
    code, out, _err = cli(capsys, data, "--lang", "de", "parse", str(sample))
    assert code == 0
    assert "Land: Nepal" in out and "Frist: 15.10.2027" in out
    assert "Amtsperson 1: " in out and "Country" not in out


def test_help_is_in_the_language_chosen_in_settings(capsys, data) -> None:  # type: ignore[no-untyped-def]
    choose_in_settings(data, "fr")
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data), "list", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "inclure les dossiers clos" in out and "include closed cases" not in out


def test_argparse_speaks_the_interface_language_and_only_while_parsing(  # type: ignore[no-untyped-def]
    capsys, data, monkeypatch
) -> None:
    import os

    monkeypatch.setenv("LANGUAGE", "de")  # the system's language is not the app's
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data), "list", "--bogus"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: --bogus (see 'appeal-desk list --help')" in err
    choose_in_settings(data, "es")
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data), "sent"])
    err = capsys.readouterr().err
    assert "se requieren los siguientes argumentos: UA_NUMBER, --channel" in err
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data), "list", "--help"])
    assert capsys.readouterr().out.startswith("uso: appeal-desk list")
    assert os.environ["LANGUAGE"] == "de"


def test_a_language_without_a_catalog_is_said_once_and_english_is_used(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, out, err = cli(capsys, data, "--lang", "xx", "list")
    assert code == 0 and "12/26" in out and "Deadline" in out
    assert err.splitlines() == [
        "warning: there is no translation for 'xx'; using en. Languages: ar, de, en, es, fr, pt."
    ]
    code, _out, err = cli(capsys, data, "--lang", "pt-BR", "list")
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    ("language", "russia", "congo"),
    [("de", "Russland", "Kongo-Kinshasa"), ("ar", "روسيا", "الكونغو - كينشاسا")],
)
def test_list_names_countries_in_the_interface_language_json_keeps_them_stored(  # type: ignore[no-untyped-def]
    capsys, tmp_path, language, russia, congo
) -> None:
    import json

    from app.services.country_names import country_label

    folder = tmp_path / "countries"
    store_documents(
        resolve_paths(folder),
        fictional_document("31/26", deadline=deadline_in_five_days(), country="Russia"),
        fictional_document(
            "32/26", deadline=deadline_in_five_days(), country="Democratic Republic of the Congo"
        ),
    )
    assert country_label("Russia", language) == russia
    assert country_label("Democratic Republic of the Congo", language) == congo
    code, out, _err = cli(capsys, folder, "--lang", language, "list")
    assert code == 0
    assert russia in out and congo in out
    assert "Russia" not in out and "Democratic Republic" not in out
    code, out, _err = cli(capsys, folder, "--lang", language, "list", "--json")
    assert code == 0
    countries = {case["country"] for case in json.loads(out)}
    assert countries == {"Russia", "Democratic Republic of the Congo"}


@pytest.mark.parametrize(
    ("lang", "listed", "recorded"),
    [
        ("en_GB", "11 Apr 2023", "on 1 March 2023 (Post)."),
        ("en_US", "Apr 11, 2023", "on March 1, 2023 (Post)."),
    ],
)
def test_english_dates_follow_the_region_asked_for(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    listed: str,
    recorded: str,
) -> None:
    from tests.conftest import UA_SAMPLES

    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    data = tmp_path / "data"
    ua = UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"  # due 11 April 2023
    assert cli(capsys, data, "import", str(ua))[0] == 0
    code, out, err = cli(capsys, data, "--lang", lang, "list", "--all")
    assert code == 0 and err == ""  # English is shown, with no word about a missing catalog
    assert out.splitlines()[1].startswith(f"28/23  {listed}  ")
    sent = ("sent", "28/23", "--channel", "post", "--date", "2023-03-01")
    code, out, _err = cli(capsys, data, "--lang", lang, *sent)
    assert code == 0 and out.endswith(f"{recorded}\n")


def test_a_british_system_locale_writes_british_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import UA_SAMPLES

    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    data = tmp_path / "data"
    assert (
        cli(capsys, data, "import", str(UA_SAMPLES / "101_sri_lanka_activists_pta_pdf_2023.txt"))[0]
        == 0
    )
    code, out, _err = cli(capsys, data, "list", "--all")
    assert code == 0 and out.splitlines()[1].startswith("28/23  11 Apr 2023  ")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # another language's region: English dates
    code, out, _err = cli(capsys, data, "list", "--all")
    assert code == 0 and out.splitlines()[1].startswith("28/23  Apr 11, 2023  ")
