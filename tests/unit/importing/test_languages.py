"""Preferred languages in English, whatever language the document names them in."""

from __future__ import annotations

import pytest

from app.importing.document import Document
from app.importing.languages import detect_language, english_language_name
from app.importing.story import preferred_languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PREFERRED LANGUAGE TO ADDRESS TARGET: English, Sinhala, Tamil\nYou may also write in your own language.",
         ["English", "Sinhala", "Tamil"]),
        ("PREFERRED LANGUAGE TO ADDRESS TARGET: Persian, English. You can also write in your own language.",
         ["Persian", "English"]),
        ("Please send telegrams/telexes/faxes/express and airmail\nletters in English, Turkish or your own language:",
         ["English", "Turkish"]),
        ("Escriban inmediatamente en español, guaraní o en su propio idioma:", ["Spanish", "Guarani"]),
        ("Écrivez immédiatement en français, en kirundi ou dans votre propre langue :", ["French", "Kirundi"]),
        ("IDIOMA PREFERIDO PARA DIRIGIRSE A LOS DESTINATARIOS: español, kichwa", ["Spanish", "Kichwa"]),
        ("LANGUE À PRIVILÉGIER POUR S’ADRESSER AUX DESTINATAIRES : français, anglais", ["French", "English"]),
        ("Schreiben Sie in gutem Russisch, Englisch oder auf Deutsch.", ["Russian", "English", "German"]),
        ("Please write in your own language.", []),
        ("Schreibe bis zum 20. April 2021 in gutem Usbekisch, Russisch oder auf Deutsch.",
         ["Uzbek", "Russian", "German"]),
        ("ÉCRIVEZ IMMÉDIATEMENT en arabe, en anglais ou en français :\n- demandez sa libération",
         ["Arabic", "English", "French"]),
        ("Écrivez au Ministre en français ou en arabe, ou rédigez votre lettre en français si "
         "vous n'êtes pas sûr de la langue.", ["French", "Arabic"]),
        ("Please take action before 24 March 2022. Preferred language to address target: "
         "English, Filipino.", ["English", "Filipino"]),
        ("Envía tu llamamiento antes del 7 de junio de 2022. Idioma preferido: español.",
         ["Spanish"]),
        ("envoyez des lettres (en français,\nen kirundi ou dans votre propre langue) :",
         ["French", "Kirundi"]),
        ("Please write to the authorities in Turkey and in Ankara.", []),
    ],
)  # fmt: skip
def test_preferred_languages(text: str, expected: list[str]) -> None:
    assert preferred_languages(Document(text)) == expected


def test_language_names_are_translated_and_own_language_dropped() -> None:
    assert english_language_name("español") == "Spanish"
    assert english_language_name("Englisch") == "English"
    assert english_language_name("your own language") is None
    assert english_language_name("su propio idioma") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The authorities must release him and drop the charges that they have brought.", "en"),
        ("La Fiscalía debe retirar la acusación contra el dirigente de la comunidad.", "es"),
        (
            "Il était détenu depuis juin pour des articles sur les marchés publics de la ville.",
            "fr",
        ),
        (
            "Die Behörden haben mehrere Protestierende mit Geldstrafen belegt und sie ist nicht frei.",
            "de",
        ),
    ],
)
def test_document_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_language_names_that_lost_their_accents_in_a_pdf_are_read() -> None:
    text = (
        "ACCIN URGENTE\nCRIVEZ IMMDIATEMENT en franais, en crole hatien ou dans votre "
        "propre langue :\n"
    )
    assert preferred_languages(Document(text)) == ["French", "Haitian Creole"]
