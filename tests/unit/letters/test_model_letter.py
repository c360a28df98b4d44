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


def test_a_french_request_beginning_je_vous_prie_is_kept_and_the_formula_dropped() -> None:
    text = (
        "Madame la Ministre,\n\nJe vous écris au sujet de Paul Exemple, détenu depuis mars.\n"
        "Je vous prie de le libérer immédiatement et sans condition.\n\n"
        "Veuillez agréer, Madame la Ministre, l'expression de ma haute considération.\n"
    )
    assert model_letter_body(text) == (
        "Je vous écris au sujet de Paul Exemple, détenu depuis mars. "
        "Je vous prie de le libérer immédiatement et sans condition."
    )
    closing = "Je vous écris.\n\nJe vous prie d'agréer, Monsieur, mes salutations distinguées.\n"
    assert model_letter_body(closing) == "Je vous écris."


def test_a_request_opening_with_a_closing_word_is_kept() -> None:
    text = (
        "Dear Minister,\n\nI write about X.\n\nRespectfully, I urge you to release him.\n\n"
        "Yours sincerely,\n"
    )
    assert model_letter_body(text) == "I write about X.\n\nRespectfully, I urge you to release him."
    assert model_letter_body("Señor Ministro:\n\nLe escribo.\n\nLe saluda atentamente,\n") == (
        "Le escribo."
    )
    assert model_letter_body("Dear Sir,\n\nI write.\n\nRespectfully yours,\nAna\n") == "I write."


def test_the_arabic_closing_formulas_are_closings() -> None:
    for closing in ("وتفضلوا بقبول فائق الاحترام والتقدير،", "مع خالص التحية والتقدير،"):
        text = f"معالي الوزير،\n\nأكتب إليكم بشأن شخص متخيل.\n\n{closing}\n"
        assert model_letter_body(text) == "أكتب إليكم بشأن شخص متخيل."
