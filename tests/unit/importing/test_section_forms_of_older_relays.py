"""Labels, honorifics and sentences of older section relays (Spanish, Italian, Portuguese,
German, Amharic names): each rule read from a short fictional UA, as a volunteer sees it."""

from __future__ import annotations

from datetime import date

from app.domain.model import OutputKind
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


_ITALIAN_APPEALS = """AZIONE URGENTE

AI Index: ASA 99/001/2004
3 marzo 2004

AU 21/04 - Timore di tortura

ESEMPIA         Mario Prova Esempio (m), studente

Mario Prova Esempio è detenuto senza accusa dal 1 marzo nella caserma di Città Esempio.

APPELLI A:
Capo di stato maggiore dell'esercito
Generale Bruno Finto Modello
Quartier generale dell'esercito
Città Esempio, Esempia
Formula di saluto: Egregio Generale

Ministro dell'Interno
On. Carla Prova Fittizia
Ministero dell'Interno
Città Esempio, Esempia
Formula di saluto: Egregio Ministro
"""


def test_italian_rank_and_onorevole_are_not_part_of_an_officials_name() -> None:
    targets = parse_text(_ITALIAN_APPEALS).targets
    assert [t.name for t in targets] == ["Bruno Finto Modello", "Carla Prova Fittizia"]


def test_the_amharic_honorific_ato_is_not_part_of_an_officials_name() -> None:
    text = (
        "EXTERNAL    AI Index: AFR 99/02/97\n\nFurther information on UA 12/97 - Release\n\n"
        "EXAMPLIA    Abebe Sample Example, journalist - released\n\n"
        "Abebe Sample Example was released on 8 October 1997.\n\n"
        "Appeals sent to the Minister of Information, Ato Kebede Fictional-Name, were "
        "acknowledged by his office.\n\n"
        "No further action is requested from the Urgent Action network.\n"
    )
    assert [t.name for t in parse_text(text).targets] == ["Kebede Fictional-Name"]


def test_portuguese_and_italian_check_with_the_office_after_a_date_is_the_deadline() -> None:
    portuguese = (
        "AÇÃO URGENTE\n\nAU 55/09  Receio de tortura  3 de julho de 2009\n\n"
        "Ana Exemplo Fictícia foi detida em 1 de julho.\n\n"
        "ENVIEM OS APELOS IMEDIATAMENTE. Consultem o Secretariado Internacional ou a vossa "
        "secção se enviarem apelos depois de 14 de agosto de 2009.\n"
    )
    italian = (
        "AZIONE URGENTE\n\nAU 44/04 - Timore di tortura\n2 maggio 2004\n\n"
        "Mario Prova Esempio è detenuto senza accusa.\n\n"
        "INVIATE GLI APPELLI IMMEDIATAMENTE. Verificate con l'Ufficio Azioni Urgenti\n"
        "se inviate appelli dopo il 13 giugno 2004.\n"
    )
    assert parse_text(portuguese).deadline == date(2009, 8, 14)
    assert parse_text(italian).deadline == date(2004, 6, 13)


def test_german_sentence_with_the_verb_last_names_the_languages_to_write_in() -> None:
    text = (
        "Examplien\nGEWERKSCHAFTER IN HAFT\nUA 12/21 · AI-Index: EUR 99/0001/2021 · 3. Mai 2021\n\n"
        "Der Gewerkschafter Peter Muster ist seit März in Haft.\n\n"
        "Bitte schreiben Sie bis zum 10. Juni 2021 höflich formulierte Briefe. Sie können auf "
        "Russisch, Englisch oder Deutsch schreiben.\n"
    )
    assert parse_text(text).preferred_languages == ("Russian", "English", "German")


def test_portuguese_your_own_language_in_the_plural_keeps_the_named_language() -> None:
    text = (
        "AÇÃO URGENTE\n\nAU 55/09  Receio de tortura  3 de julho de 2009\n\n"
        "Ana Exemplo Fictícia foi detida em 1 de julho.\n\n"
        "AÇÃO RECOMENDADA: Por favor, enviem apelos que cheguem o mais rapidamente possível, "
        "em português ou na vossa própria língua:\n- apelando à sua libertação.\n"
    )
    assert parse_text(text).preferred_languages == ("Portuguese",)


def test_italian_further_information_is_an_update_titled_by_its_concern() -> None:
    text = (
        "AZIONE URGENTE\n\n"
        "DOCUMENTO PUBBLICO                      AI Index: ASA 99/010/2004\n"
        "                                        7 maggio 2004\n\n"
        "ULTERIORI INFORMAZIONI SULL'AU 40/04 (ASA 99/005/2004, 2 aprile 2004) - "
        "Timore di tortura\n\n"
        "ESEMPIA         Mario Prova Esempio (m), studente\n\n"
        "Mario Prova Esempio è ancora detenuto senza accusa nella caserma di Città Esempio.\n"
    )
    parsed = parse_text(text)
    assert parsed.kind is OutputKind.UPDATE
    assert parsed.title == "Timore di tortura"


def test_a_further_information_line_under_a_banner_gives_its_concern_as_title() -> None:
    text = (
        "ACCIÓN URGENTE\n\nÍndice AI: AMR 99/020/2003\n13 de octubre de 2003\n\n"
        "Información complementaria sobre AU 30/03 (AMR 99/011/2003, del 9 de septiembre de "
        "2003) - Temor por la seguridad y nuevo motivo de preocupación: «desaparición»\n\n"
        "EJEMPLIA        Ana Ejemplo Prueba (m), maestra\n\n"
        "Ana Ejemplo Prueba fue vista por última vez el 8 de octubre en un retén.\n"
    )
    parsed = parse_text(text)
    assert parsed.kind is OutputKind.UPDATE
    assert parsed.title == "Temor por la seguridad"


def test_a_translated_index_with_its_unit_is_the_documents_index() -> None:
    text = (
        "De : Coordination AU <au@exemple.example>\nObjet : AU 20/05 - fin d'action\n\n"
        "Bonjour à toutes et à tous,\n\nvoici le dernier document sur cette action.\n"
        "Merci pour vos lettres !\n\nAmicalement,\nCoordination AU\n\n"
        "----------------------------------------------------------------------\n"
        "ACTION URGENTE\n\nDOCUMENT PUBLIC\nAMR 99/021/2005 - ÉFAI\n15 novembre 2005\n\n"
        "Complément d'information sur l'AU 20/05 (AMR 99/014/2005, 22 juillet 2005)\n\n"
        "Craintes pour la sécurité\n\n"
        "EXEMPLIE        Jean Exemple Fictif (h), journaliste\n\n"
        "Jean Exemple Fictif a quitté le pays le 4 novembre.\n"
    )
    assert parse_text(text).ai_index == "AMR 99/021/2005"


def test_a_finals_status_banner_above_the_headline_is_not_the_title() -> None:
    text = (
        "URGENT ACTION\nKEINE WEITEREN APPELLE\n\nÄGYPTEN\nJOURNALISTIN FREIGELASSEN\n\n"
        "UA-Nr: UA-050-2/2017   AI-Index: MDE 12/7000/2017   Datum: 14. November 2017\n\n"
        "Die Journalistin Nadia Beispiel ist am 6. November 2017 freigelassen worden.\n\n"
        "Es sind keine weiteren Appelle nötig.\n"
    )
    assert parse_text(text).title == "JOURNALISTIN FREIGELASSEN"


def test_a_mayan_language_with_apostrophes_is_a_preferred_language() -> None:
    text = (
        "Acción Urgente\nPERIODISTA DETENIDA\n\nAU 12/24 | Índice: AMR 99/1000/2024 | Guatemala\n\n"
        "La periodista Ana Ejemplo Prueba fue detenida el 3 de marzo.\n\n"
        "IDIOMA PREFERIDO PARA REDACTAR LLAMAMIENTOS: español, k'iche'. También pueden "
        "escribir en su propio idioma.\n"
    )
    assert parse_text(text).preferred_languages == ("Spanish", "K'iche'")


def test_a_german_final_names_the_official_people_appealed_to_in_its_story() -> None:
    text = (
        "URGENT ACTION\n\nÄGYPTEN\nJOURNALISTIN FREIGELASSEN\n\n"
        "UA-Nr: UA-050-2/2017   AI-Index: MDE 12/7000/2017   Datum: 14. November 2017\n\n"
        "Die Journalistin Nadia Beispiel ist am 6. November 2017 freigelassen worden. Sie dankte "
        "allen, die sich beim Justizminister Omar Fiktiv Muster für sie eingesetzt hatten.\n\n"
        "Es sind keine weiteren Appelle nötig.\n"
    )
    targets = parse_text(text).targets
    assert [(t.title, t.name) for t in targets] == [("Justizminister", "Omar Fiktiv Muster")]


def test_a_banner_glued_to_a_wrapped_headline_leaves_the_headline_whole() -> None:
    text = (
        "Primera AU 012/24: 012/24 | Índice: AMR 99/1000/2024 | Fecha: | Guatemala\n"
        "Acción UrgentePERIODISTA DETENIDA POR\nINFORMAR SOBRE UN DESALOJO\n"
        "La periodista Ana Ejemplo Prueba lleva detenida desde el 2 de julio de 2024 en el "
        "centro de detención de Ciudad Ejemplo.\n"
    )
    assert parse_text(text).title == "PERIODISTA DETENIDA POR INFORMAR SOBRE UN DESALOJO"


def test_a_region_after_a_town_in_the_story_is_no_person() -> None:
    text = (
        "Primera AU 012/24: 012/24 | Índice: AMR 99/1000/2024 | Fecha: | Guatemala\n"
        "Acción Urgente\nPERIODISTA DETENIDA\n"
        "La periodista Ana Ejemplo Prueba lleva detenida desde el 2 de julio de 2024 en el "
        "centro de detención de Ejemplópolis, Sierra Ejemplar, acusada de usurpación.\n"
        "Las radios de Sierra Ejemplar denuncian la detención de Ana Ejemplo Prueba.\n"
    )
    assert [p.name for p in parse_text(text).persons] == ["Ana Ejemplo Prueba"]
