"""The UA's model letter loses its greeting and closing, and hard wrapping, before use."""

from __future__ import annotations

from app.letters.model_letter import model_letter_body, model_letter_greeting, salutation_languages


def test_greeting_closing_and_placeholder_lines_are_removed() -> None:
    text = "Dear Minister,\n\nI am writing about X.\n\nYours sincerely,\n[Your name]\n"
    assert model_letter_body(text) == "I am writing about X."
    assert model_letter_greeting(text) == "Dear Minister,"


def test_hard_wrapped_paragraphs_are_joined_but_lists_are_kept() -> None:
    text = (
        "Señor Ministro:\n\nLe escribo por X, detenido\nsin cargos desde marzo.\n\n"
        "Le pido que:\n- lo libere;\n- garantice su salud.\n\nAtentamente,\n"
    )
    assert model_letter_body(text) == (
        "Le escribo por X, detenido sin cargos desde marzo.\n\nLe pido que:\n- lo libere;\n- garantice su salud."
    )


def test_empty_model_letter() -> None:
    assert model_letter_body(None) is None
    assert model_letter_body("  \n ") is None
    assert model_letter_greeting("I write to you.\n") is None


def test_salutation_languages() -> None:
    assert salutation_languages("Dear Minister/Señor Ministro") == {"en", "es"}
    assert salutation_languages("Monsieur le Ministre") == {"fr"}
    assert salutation_languages("معالي الوزير") == {"ar"}
    assert salutation_languages("Hon. X") == set()
