"""What the letter engine keeps between letters never outlives what it was worked out from:
an edited case, another language, or a translator's edited data file gives the next letter."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from app.domain.model import CaseDetail, SenderProfile, Target
from app.letters.salutations import compile_phrase, fold, needle_of
from app.services.letters import draft_letter
from tests.builders import make_case

TODAY = datetime.date(2026, 3, 5)
SENDER = SenderProfile(name="Jo Example", city="Ashford", country="Nowhereland")


def _vizier_case() -> CaseDetail:
    return make_case(
        model_letter=None,
        recommended_actions=(),
        targets=(Target("Grand Vizier", "Sayyid Karim Haddad"),),
    )


def test_an_edited_offices_file_changes_the_next_letter(tmp_path: Path) -> None:
    case = _vizier_case()
    (tmp_path / "en").mkdir()
    offices = tmp_path / "en" / "offices.toml"
    offices.write_text("[offices]\n", encoding="utf-8")
    before = draft_letter(case, 1, SENDER, locale="es", today=TODAY, user_templates=tmp_path)
    assert before.salutation == "Estimada señora, estimado señor:"
    assert before.recipient is None  # the name is printed as the UA gave it

    offices.write_text(
        '[offices]\n"grand vizier" = "head_of_government"\n\n[gender]\nm = ["sayyid"]\n',
        encoding="utf-8",
    )
    after = draft_letter(case, 1, SENDER, locale="es", today=TODAY, user_templates=tmp_path)
    assert after.salutation == "Excelentísimo Señor Primer Ministro:"
    assert after.recipient is not None
    assert after.recipient.display_name == "Karim Haddad"  # an English honorific, left out

    offices.write_text("[offices]\n", encoding="utf-8")
    again = draft_letter(case, 1, SENDER, locale="es", today=TODAY, user_templates=tmp_path)
    assert again.text == before.text


def test_an_edited_asks_file_changes_the_next_letter(tmp_path: Path) -> None:
    case = make_case(
        model_letter="Dear Minister,\n\nPlease let her see a physician of her choice.\n",
        recommended_actions=(),
    )
    (tmp_path / "en").mkdir()
    asks = tmp_path / "en" / "asks.toml"
    asks.write_text("[recognise]\n", encoding="utf-8")
    assert (
        draft_letter(case, 1, SENDER, locale="fr", today=TODAY, user_templates=tmp_path).asks == ()
    )

    asks.write_text('[recognise]\nmedical = ["physician*"]\n', encoding="utf-8")
    letter = draft_letter(case, 1, SENDER, locale="fr", today=TODAY, user_templates=tmp_path)
    assert letter.asks == ("medical",)
    assert "soins médicaux" in letter.text


def test_an_edited_official_or_model_letter_is_in_the_next_letter() -> None:
    case = make_case()
    first = draft_letter(case, 1, SENDER, locale="fr", today=TODAY)
    assert first.salutation == "Monsieur le Ministre,"

    judge = (replace(case.targets[0], title="Judge of the Supreme Court"), *case.targets[1:])
    edited = draft_letter(replace(case, targets=judge), 1, SENDER, locale="fr", today=TODAY)
    assert edited.salutation != first.salutation
    assert "Ministre" not in edited.salutation

    woman = (replace(case.targets[0], gender="f"), *case.targets[1:])
    assert (
        draft_letter(replace(case, targets=woman), 1, SENDER, locale="fr", today=TODAY).salutation
        == "Madame la Ministre,"
    )

    new_model = "Dear Minister,\n\nI urge you to let her family visit her.\n\nYours sincerely,\n"
    letter = draft_letter(
        replace(case, model_letter=new_model), 1, SENDER, today=TODAY, locale="en"
    )
    assert "let her family visit her" in letter.text
    assert "release Tharani" not in letter.text
    assert draft_letter(case, 1, SENDER, locale="fr", today=TODAY).text == first.text


def test_letters_in_turn_in_each_language_are_each_their_own() -> None:
    case = make_case()
    languages = ("en", "es", "fr", "de", "pt", "ar")
    first = {loc: draft_letter(case, 2, SENDER, locale=loc, today=TODAY) for loc in languages}
    assert len({letter.salutation for letter in first.values()}) == len(languages)
    for loc in reversed(languages):
        again = draft_letter(case, 2, SENDER, locale=loc, today=TODAY)
        assert again.text == first[loc].text
        assert again.locale == loc
    later = draft_letter(case, 2, SENDER, locale="de", today=datetime.date(2026, 3, 6))
    assert "6. März 2026" in later.text
    assert "5. März 2026" in first["de"].text


def test_a_phrase_is_only_found_where_its_longest_word_is() -> None:
    for phrase, text in [
        ("procureur* general*", "procureure generale du roi"),
        ("*minister", "la primeminister"),
        ("release ... immediately", "release him immediately"),
        ("h.e.", "h.e. the ambassador"),
    ]:
        needle = needle_of(phrase)
        assert needle
        if " ... " not in phrase:
            assert compile_phrase(phrase).search(fold(text))
        assert needle in fold(text)


def _no_file_parsed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The asks files may not be parsed from here on (their words come from the kept file)."""
    from app.letters import asks

    def refused(path: Path) -> None:
        raise AssertionError(f"{path} was parsed")

    monkeypatch.setattr(asks, "read_toml", refused)
    monkeypatch.setattr(asks, "_KEPT", {})
    asks._ask_words.cache_clear()


def test_the_ask_words_kept_between_runs_are_those_of_the_files(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.letters import asks

    monkeypatch.setattr(asks, "_KEPT", {})
    asks._ask_words.cache_clear()
    kept = tmp_path / "cache" / "ask-words.marshal"
    parsed = asks.kept_ask_words(kept)  # the first run parses the files and keeps the words
    assert kept.is_file()

    _no_file_parsed(monkeypatch)  # a later run reads them back
    again = asks.kept_ask_words(kept)
    assert (again.phrases, again.mentions) == (parsed.phrases, parsed.mentions)
    assert asks.ask_words() is again  # recognition uses them
    assert "release" in asks.recognise(["We urge you to release her immediately."])


def test_a_damaged_kept_file_is_worked_out_again_and_written_anew(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.letters import asks

    monkeypatch.setattr(asks, "_KEPT", {})
    asks._ask_words.cache_clear()
    kept = tmp_path / "ask-words.marshal"
    kept.write_bytes(b"not what the app writes")
    words = asks.kept_ask_words(kept)
    assert "release" in {ask for ask, *_rest in words.phrases}

    _no_file_parsed(monkeypatch)
    assert asks.kept_ask_words(kept).phrases == words.phrases


def test_a_kept_file_that_cannot_be_written_is_passed_over(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.letters import asks

    monkeypatch.setattr(asks, "_KEPT", {})
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    words = asks.kept_ask_words(blocked / "ask-words.marshal")
    assert words.phrases == asks.ask_words().phrases
