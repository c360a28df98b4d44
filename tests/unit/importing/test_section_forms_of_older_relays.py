"""Labels, honorifics and sentences of older section relays (Spanish, Italian, Portuguese,
German, Amharic names): each rule read from a short fictional UA, as a volunteer sees it."""

from __future__ import annotations

from app.importing import parse_text


def test_an_added_name_on_the_names_column_keeps_only_the_name() -> None:
    text = (
        "ULTERIOR INFORMACIÓN\n\nÍndice AI: AMR 99/001/2003\n10 de marzo de 2003\n\n"
        "Información complementaria sobre AU 11/03 - Temor por la seguridad\n\n"
        "COLOMBIA        Ana Ejemplo Prueba (m), maestra\n"
        "                Nuevo nombre: Berto Muestra Ficticio (h), campesino\n\n"
        "Berto Muestra Ficticio fue visto por última vez el 2 de marzo. Ana Ejemplo Prueba "
        "sigue recibiendo amenazas.\n"
    )
    names = [p.name for p in parse_text(text).persons]
    assert sorted(names) == ["Ana Ejemplo Prueba", "Berto Muestra Ficticio"]
