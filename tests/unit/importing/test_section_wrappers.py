"""Section pages, forwarded e-mails and old network texts: the UA's own title, date and
index, never the wrapper's (site banners, mail headers, column dates)."""

from __future__ import annotations

from app.importing import parse_text

LETTER = (
    "\n\nAPPEALS TO:\nMinister of Justice\nJane Example\n1 Sample Street\nCapital, Country\n"
    "Salutation: Dear Minister\n"
)


def test_a_banner_between_the_headline_and_the_number_is_not_the_title() -> None:
    text = (
        "Amnesty Suisse\nAlgérie\nUn militant condamné pour une publication\n\nAction urgente\n"
        "AU 203/19\nAI Index: MDE 28/1277/2019\nDate: 22 octobre 2019\n\n"
        "Le militant Yacine Exemple a été condamné le 15 octobre 2019 à un an de prison ferme "
        "pour une publication appelant à manifester pacifiquement.\n"
        "Délai d'envoi : 3 décembre 2019\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "Un militant condamné pour une publication"
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "2019-12-03"


def test_a_german_mail_header_and_a_follow_up_number_line_above_the_headline() -> None:
    text = (
        "Von: UA-Team <ua@example.org>\nGesendet: Donnerstag, 1. Juli 2021 08:14\n"
        "Betreff: Weitere Informationen zu UA-041/2021-2\n\nLiebe Aktive,\n\n"
        "anbei die gute Nachricht aus Usbekistan. Vielen Dank für euren Einsatz!\n\n"
        "----------------------------------------\nWeitere Informationen zu UA-041/2021-2\n"
        "AI-Index: EUR 62/4412/2021\nDatum: 29. Juni 2021\n\nUsbekistan\n"
        "Brüder freigesprochen und freigelassen\n\nDas Gericht hat Sanjar Beispiel und Bekzod "
        "Beispiel am 24. Juni 2021 freigesprochen. Sie sind zu ihrer Familie zurückgekehrt.\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "Brüder freigesprochen und freigelassen"
    assert parsed.issued_on is not None and parsed.issued_on.isoformat() == "2021-06-29"
    assert [p.name for p in parsed.persons] == ["Sanjar Beispiel", "Bekzod Beispiel"]


def test_a_quoted_forward_keeps_the_uas_date_not_the_forwarded_headers() -> None:
    body = (
        "AU: 138/14 Índice: AMR 41/027/2014 México Fecha: 17 de junio de 2014\n\n"
        "ACCIÓN URGENTE\nDOS PERIODISTAS AMENAZADOS\n\nLos periodistas Gerardo Ejemplo Ruiz y "
        "Lucía Muestra Olvera\nfueron amenazados de muerte el 12 de junio de 2014 en Xalapa.\n"
    )
    text = (
        "Subject: RV: AU 138/14\n\n-----Mensaje original-----\nDe: AU <au@example.org>\n"
        "Fecha: 18 de junio de 2014 13:40\nAsunto: AU 138/14\n\n"
        + "".join(f"> {line}\n" for line in body.split("\n"))
    )
    parsed = parse_text(text)
    assert parsed.issued_on is not None and parsed.issued_on.isoformat() == "2014-06-17"
    assert parsed.title == "DOS PERIODISTAS AMENAZADOS"
    assert [p.name for p in parsed.persons] == ["Gerardo Ejemplo Ruiz", "Lucía Muestra Olvera"]


def test_the_date_column_of_an_extra_line_is_not_part_of_the_concern() -> None:
    text = (
        "EXTERNAL (for general distribution)        AI Index: AFR 44/031/97\n\n"
        "EXTRA 58/97      Fear of torture / Incommunicado detention      12 June 1997\n\n"
        "NIGERIA          Fifteen students\n" + LETTER
    )
    assert parse_text(text).title == "Fear of torture / Incommunicado detention"


def test_an_official_named_only_in_a_german_appeal_sentence_is_the_target() -> None:
    text = (
        "URGENT ACTION\nJournalistin bedroht\nUA-Nr: UA-188/2012\n\nDie Journalistin Ainura "
        "Beispiel wurde am 8. Juni 2012 bedroht. Die Polizei ermittelt nicht gegen die Täter.\n\n"
        "SCHREIBEN SIE BITTE FAXE ODER LUFTPOSTBRIEFE an den Gouverneur des Gebiets Batken, "
        "Herrn Almaz Beispielow, und fordern Sie ihn auf, den Angriff zu untersuchen.\n"
    )
    assert [(t.title, t.name) for t in parse_text(text).targets] == [
        ("Gouverneur des Gebiets Batken", "Almaz Beispielow")
    ]


def test_an_aiusa_footer_gives_the_index() -> None:
    text = (
        "Urgent Action\nJournalist Held\nIssue Date: August 6, 2019\n"
        + LETTER
        + ("\nUA 142.19 | AFR 25/0811/2019\n")
    )
    assert parse_text(text).ai_index == "AFR 25/0811/2019"
