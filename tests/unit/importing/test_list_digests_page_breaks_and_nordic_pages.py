"""Mailing-list digests, page breaks inside an official's address, and section pages in
languages the importer learnt late (Swedish, Danish, Polish, Catalan, Turkish, Arabic).
Everything here is invented."""

from __future__ import annotations

from pathlib import Path

from app.domain.model import OutputKind
from app.importing import parse_file_documents, parse_text

LIST_DIGEST = """From: Appeals Digest <appeals@lists.network.example>
Subject: Appeals Digest, Vol 3, Issue 9

Today's Topics:

   1. UA 7/05 Ruritania: teacher detained
   2. FI on UA 2/05 Borduria: released

----------------------------------------------------------------------

Message: 1
Date: Mon, 3 Jan 2005 10:00:00 +0000
From: Coordinator <coord@network.example>
Subject: UA 7/05 Ruritania: teacher detained

PUBLIC                                         AI Index: EUR 99/001/2005

2 January 2005

UA 7/05      Fear of torture

CHILE         Anna Exempel (f), teacher

Anna Exempel was arrested on 1 January 2005 and is held incommunicado.

APPEALS TO:
Minister of Justice
Petr Beispiel
Ministry of Justice, Ruritania City, Ruritania
Salutation: Dear Minister

PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section
office, if sending appeals after 14 February 2005.

------------------------------

Message: 2
Date: Mon, 3 Jan 2005 10:05:00 +0000
From: Coordinator <coord@network.example>
Subject: FI on UA 2/05 Borduria: released

PUBLIC                                         AI Index: EUR 98/002/2005

Further information on UA 2/05 (EUR 98/001/2005, 1 January 2005) - Fear of torture

BOLIVIA      Karl Muster (m)

Karl Muster was released on 2 January. No further action is requested.

------------------------------

End of Appeals Digest, Vol 3, Issue 9
*************************************
"""


def test_a_mailing_list_digest_gives_one_document_per_message(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text(LIST_DIGEST, encoding="utf-8")
    documents = [parsed for _name, parsed in parse_file_documents(path)]
    assert [d.ua_number for d in documents] == ["7/05", "2/05"]
    first, second = documents
    assert first.kind is OutputKind.INITIAL
    assert [p.name for p in first.persons] == ["Anna Exempel"]
    assert [t.name for t in first.targets] == ["Petr Beispiel"]
    assert str(first.deadline) == "2005-02-14"
    assert second.kind is OutputKind.FINAL
    assert [p.name for p in second.persons] == ["Karl Muster"]


PAGE_BREAK = """UA: 12/13 Index: ASA 99/001/2013 Ruritania Date: 3 May 2013

URGENT ACTION
TEACHER HELD WITHOUT CHARGE
Anna Exempel, a teacher, has been held without charge since 1 May 2013.

PLEASE SEND APPEALS BEFORE 14 JUNE 2013 TO:
Prime Minister
Petr Beispiel
Office of the Prime Minister
Ruritania City, Ruritania
Email: pm@gov.example
Salutation: Dear Prime Minister

Minister of Justice
Karla Muster
Ministry of Justice
                                                                    1

UA: 12/13 Index: ASA 99/001/2013 Ruritania Date: 3 May 2013

URGENT ACTION
TEACHER HELD WITHOUT CHARGE
12 Castle Street
Ruritania City, Ruritania
Salutation: Dear Minister

ADDITIONAL INFORMATION
Teachers have been detained before.
"""


def test_an_address_cut_by_the_page_foot_goes_on_after_the_next_page_top() -> None:
    targets = parse_text(PAGE_BREAK).targets
    assert [(t.title, t.name) for t in targets] == [
        ("Prime Minister", "Petr Beispiel"),
        ("Minister of Justice", "Karla Muster"),
    ]
    assert targets[1].address == "Ministry of Justice, 12 Castle Street, Ruritania City, Ruritania"
    assert targets[1].salutation == "Dear Minister"


RUNNING_FOOTER = """Amnistía Internacional · Sección Ejemplo                                  Acción Urgente
AU: 5/17 Índice: AMR 99/0001/2017 Ruritania Fecha: 3 de abril de 2017

ACCIÓN URGENTE
MAESTRA AMENAZADA
La maestra Ana Ejemplo ha recibido amenazas de muerte.

ENVÍEN LLAMAMIENTOS ANTES DEL 15 DE MAYO DE 2017 A:
Fiscal General
Sr. Pedro Ejemplo
Calle 1, Ciudad, Ruritania
Correo-e: fiscal@mp.example
Tratamiento: Señor Fiscal General

Ministra del Interior
Sra. Carla Modelo

Amnistía Internacional · Sección Ejemplo                                  Página 1 de 2
Amnistía Internacional · Sección Ejemplo                                  Acción Urgente
Calle 2, Ciudad, Ruritania
Tratamiento: Señora Ministra

Amnistía Internacional · Sección Ejemplo                                  Página 2 de 2
"""


def test_a_running_footer_and_header_between_a_name_and_its_address_are_skipped() -> None:
    targets = parse_text(RUNNING_FOOTER).targets
    assert [t.name for t in targets] == ["Pedro Ejemplo", "Carla Modelo"]
    assert targets[1].address == "Calle 2, Ciudad, Ruritania"
    assert targets[1].salutation == "Señora Ministra"
