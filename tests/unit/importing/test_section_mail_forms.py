"""Forms sections' mails and pages take: digests of several UAs, mail bodies whose charset
label is wrong, Swiss follow-up counters, German deadline wording that is no closure.
Everything here is invented."""

from __future__ import annotations

from pathlib import Path

from app.domain.model import OutputKind
from app.importing import parse_file, parse_file_documents, parse_text

RULE = "*" * 40
DIGEST = f"""From: UA-Netz Digest <digest@section.example>
To: abo@section.example
Subject: UA-Netz Digest 12/2003 (2 Eilaktionen)
Date: Tue, 9 Sep 2003 07:30:05 +0200

UA-NETZ DIGEST 12/2003
Diese Sammelmail enthält 2 Urgent Actions:
  1. UA-101/2003  PERU     Sorge um die Sicherheit
  2. UA-88/2003-1 TÜRKEI   Weitere Informationen: Folter

{RULE}
1. UA-101/2003
{RULE}

ai-Index: AMR 46/010/2003
UA-Nr.: UA-101/2003
Datum: 5. September 2003

PERU
Sorge um die Sicherheit

Die Gewerkschafterin Ana Beispiel Quispe hat am 1. September 2003 Drohungen erhalten. Ana
Beispiel Quispe leitet eine Gewerkschaft in Cusco.

APPELLE AN:
INNENMINISTER
Herrn Luis Beispiel Rojas
Ministerio del Interior
Lima, PERU
(korrekte Anrede: Señor Ministro / Sehr geehrter Herr Minister)

Nach dem 20. Oktober 2003 sollten Sie keine Appelle mehr verschicken.

{RULE}
2. UA-88/2003-1
{RULE}

ai-Index: EUR 44/030/2003
UA-Nr.: UA-88/2003-1
Datum: 4. September 2003

TÜRKEI
Weitere Informationen zu UA-88/2003 (EUR 44/020/2003 vom 1. Juli 2003)
Folter

Mehmet Beispiel ist am 28. August 2003 freigelassen worden. Mehmet Beispiel dankt allen.

APPELLE AN:
JUSTIZMINISTER
Herrn Kemal Beispiel
Adalet Bakanlığı
Ankara, TÜRKEI
(korrekte Anrede: Dear Minister / Sehr geehrter Herr Minister)

Nach dem 15. Oktober 2003 sollten Sie keine Appelle mehr verschicken.
"""


def test_a_digest_gives_one_document_per_ua(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text(DIGEST, encoding="utf-8")
    documents = [parsed for _name, parsed in parse_file_documents(path)]
    assert [d.ua_number for d in documents] == ["101/03", "88/03"]
    assert [d.title for d in documents] == ["Sorge um die Sicherheit", "Folter"]
    assert [d.kind for d in documents] == [OutputKind.INITIAL, OutputKind.UPDATE]
    assert [[t.name for t in d.targets] for d in documents] == [
        ["Luis Beispiel Rojas"],
        ["Kemal Beispiel"],
    ]
    assert [d.deadline.isoformat() for d in documents if d.deadline] == [
        "2003-10-20",
        "2003-10-15",
    ]
    assert parse_file(path).ua_number == "101/03"  # one document: the digest's first UA


def test_a_mail_labelled_latin_1_whose_bytes_are_utf_8_keeps_its_accents(tmp_path: Path) -> None:
    body = DIGEST.split(f"{RULE}\n1. UA-101/2003\n{RULE}\n", 1)[1].split(RULE, 1)[0]
    mail = (
        "From: UA-Netz <ua@section.example>\nTo: list@section.example\n"
        "Subject: UA-101/2003 Peru\nDate: Fri, 5 Sep 2003 09:14:22 +0200\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=ISO-8859-1\n\n" + body
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(mail.encode("utf-8"))
    parsed = parse_file(path)
    assert parsed.targets[0].salutation == "Señor Ministro / Sehr geehrter Herr Minister"
    assert parsed.title == "Sorge um die Sicherheit"


def test_a_swiss_follow_up_counter_is_no_title_and_marks_an_update() -> None:
    text = (
        "Amnesty International Schweiz\nMitmachen > Briefe schreiben > Urgent Actions\n\n"
        "Türkei\nAnwältinnen weiter in Haft\n\nUA 145/17 - Nachfolge 1\n"
        "Index: EUR 44/7129/2017\nDatum: 9. Oktober 2017\nGültig bis: 20. November 2017\n\n"
        "Die Anwältinnen Zeynep Beispiel und Melek Beispiel sitzen seit dem 11. Juli 2017 in "
        "Istanbul in Untersuchungshaft. Am 2. Oktober hat ein Gericht ihre Haft verlängert.\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "Anwältinnen weiter in Haft"
    assert parsed.kind is OutputKind.UPDATE
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "2017-11-20"


def test_no_appeals_after_a_date_is_a_deadline_not_a_closure() -> None:
    text = (
        "ai-Index: ASA 33/12/96\nUA 147/96          Folter\n\n"
        "PAKISTAN           Ghulam Beispiel (m), 52 Jahre, Landarbeiter\n\n"
        "Die Männer wurden am 8. Juni 1996 festgenommen.\n\n"
        "Bitte schreiben Sie sofort. Bitte senden Sie keine Appelle mehr nach dem 25. Juli 1996.\n"
    )
    parsed = parse_text(text)
    assert parsed.kind is OutputKind.INITIAL
    assert parsed.action_requested
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "1996-07-25"
