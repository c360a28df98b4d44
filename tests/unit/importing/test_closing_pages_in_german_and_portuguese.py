"""Closing pages worded otherwise than usual: a German page that "closes this Urgent Action"
and asks for no more "Schreiben", whose story ends with a quotation („…“) and whose earlier
UA is linked under "Frühere Urgent Actions zu diesem Fall:"; a Portuguese final update whose
banner says "ATUALIZAÇÃO FINAL" and whose names are listed with "e". Fictional."""

from __future__ import annotations

from app.domain.model import OutputKind
from app.importing import parse_text
from app.importing.persons import split_person_list

_GERMAN = """Amnesty International Deutschland

Urgent Action – Abschluss
UA-087-2/2022   AI-Index: EUR 62/6102/2022   17. Oktober 2022

Usbekistan
Blogger aus der Haft entlassen

Der Blogger Otabek Beispielow ist am 5. Oktober 2022 aus der Untersuchungshaft entlassen
worden. Das Verfahren gegen ihn wurde eingestellt. Er sagt: „Eure Briefe haben mir gezeigt,
dass ich nicht vergessen bin.“

Damit schließen wir diese Urgent Action. Bitte verschicken Sie keine weiteren Schreiben an die
Behörden. Herzlichen Dank für Ihren Einsatz!

Frühere Urgent Actions zu diesem Fall:
https://www.amnesty.de/mitmachen/urgent-action/usbekistan-blogger-beispiel-2022-09-14
"""

_PORTUGUESE = """AÇÃO URGENTE – ATUALIZAÇÃO FINAL
ANGOLA: ATIVISTAS LIBERTADOS
SEM ACUSAÇÕES
AU 59/23   Índice: AFR 12/7390/2023   Data: 28 de novembro de 2023

Os quatro ativistas detidos em Luanda em 16 de setembro de 2023 foram libertados em 21 de
novembro. O Ministério Público arquivou o processo sem apresentar acusações.

Encerramos aqui esta Ação Urgente: não é mais preciso enviar apelos às autoridades.

NOMES: Domingos Exemplo, Ana Lutete, Mateus Nzinga e Rosa Kiame
"""


def test_a_german_page_that_closes_the_action_in_its_own_words() -> None:
    parsed = parse_text(_GERMAN)
    assert parsed.kind is OutputKind.FINAL
    assert not parsed.action_requested
    assert [p.name for p in parsed.persons] == ["Otabek Beispielow"]
    assert parsed.previous_ua_link == (
        "https://www.amnesty.de/mitmachen/urgent-action/usbekistan-blogger-beispiel-2022-09-14"
    )


def test_a_portuguese_final_banner_is_no_part_of_the_title_and_e_ends_the_list() -> None:
    parsed = parse_text(_PORTUGUESE)
    assert parsed.kind is OutputKind.FINAL
    assert parsed.title == "ATIVISTAS LIBERTADOS SEM ACUSAÇÕES"
    assert [p.name for p in parsed.persons] == [
        "Domingos Exemplo",
        "Ana Lutete",
        "Mateus Nzinga",
        "Rosa Kiame",
    ]


def test_an_e_inside_one_name_is_kept() -> None:
    names = [p.name for p in split_person_list("Ana Lutete, Maria da Silva e Souza")]
    assert names == ["Ana Lutete", "Maria da Silva e Souza"]
