"""Words printed around an official's name that are not part of it (post-nominals, the pinyin
office after a Chinese name, Portuguese and Italian honorifics, a retired officer's mark), a
name broken by a narrow PDF column, and closing and follow-up forms of older section mails.
Everything here is invented."""

from __future__ import annotations

from app.domain.model import OutputKind
from app.importing import parse_text

OLD_LAYOUT = """EXTERNAL (for general distribution)          AI Index: AFR 99/01/95
                                             12 March 1995

UA 41/95        Fear of torture

RURITANIA:   Jane Example Roe, 30, teacher

Jane Example Roe was detained on 10 March 1995 by police in the capital.

RECOMMENDED ACTION: Please send faxes and airmail letters in English or your own language.

APPEALS TO:

{block}

PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section
office, if sending appeals after 23 April 1995.
"""


def _names(block: str) -> list[str | None]:
    parsed = parse_text(OLD_LAYOUT.format(block=block), "invented.txt")
    return [target.name for target in parsed.targets]


def test_post_nominals_and_the_pinyin_office_after_a_name_are_not_part_of_it() -> None:
    names = _names(
        "Hon. Joseph Example Kapi MP\nPrime Minister\nPO Box 639\nWaigani, Ruritania\n"
        "Salutation: Dear Prime Minister\n\n"
        "Governor of the Province\nLi Example Ming Shengzhang\n305 Dongfeng Lu\n"
        "Guangzhoushi 510031, Ruritania\nSalutation: Dear Governor"
    )
    assert names == ["Joseph Example Kapi", "Li Example Ming"]


def test_portuguese_italian_and_retired_ranks_are_stripped() -> None:
    names = _names(
        "1) General (r) Juan Example Ortiz\nMinistro del Interior\nPlaza 30 de Agosto s/n\n"
        "Lima 27, Ruritania\nSalutation: Dear Minister\n\n"
        "2) The Hon. Mr Samuel Example Tanui\nAttorney General\nPO Box 40112\n"
        "Nairobi, Ruritania\nSalutation: Dear Attorney General\n\n"
        "3) Exma. Sra. Helena Example Prado\nProcuradora-Geral da República\nSAF Sul, Quadra 4\n"
        "Brasília, Ruritania\nSalutation: Exma. Sra. Procuradora-Geral\n\n"
        "4) Consigliere Hossam Example Rahim\nProcuratore generale\nCorniche El Nil 1\n"
        "Cairo, Ruritania\nSalutation: Egregio Procuratore"
    )
    assert names == [
        "Juan Example Ortiz",
        "Samuel Example Tanui",
        "Helena Example Prado",
        "Hossam Example Rahim",
    ]


def test_a_name_broken_by_a_narrow_column_is_rejoined_but_a_town_line_is_not() -> None:
    names = _names(
        "Chief of Regional Police\nInspector General Bambang Example\nPrakoso\n"
        "Jl. Samratulangi No. 8\nJayapura 99112, Ruritania\nSalutation: Dear Inspector General\n\n"
        "Minister of Justice\nJane Roe\nHarare\n12 Main Street\nSalutation: Dear Minister"
    )
    assert names == ["Bambang Example Prakoso", "Jane Roe"]


def test_a_portuguese_end_of_action_mail_is_a_final_dated_below_its_header() -> None:
    text = """De: Rede de Acções Urgentes <rau@section.example>
Para: rede@lists.example
Data: 12 de Março de 2001 16:20
Assunto: Fim de acção - AU 27/01 Ruritânia

PÚBLICO                                   Índice AI: AFR 99/004/2001
9 de Março de 2001

Informação adicional sobre a AU 27/01 (AFR 99/002/2001, 2 de Fevereiro
de 2001) - Receio de tortura / Detenção sem acusação

Os dois jornalistas foram libertados sem acusação no dia 5 de Março de 2001.

Não é necessária mais nenhuma acção por parte da Rede de Acções Urgentes.
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.kind is OutputKind.FINAL
    assert not parsed.action_requested
    assert parsed.issued_on is not None and parsed.issued_on.isoformat() == "2001-03-09"
    assert parsed.title == "Receio de tortura / Detenção sem acusação"


def test_a_new_concern_split_by_the_line_end_stays_out_of_the_title() -> None:
    text = """EXTERNO                                     Índice AI: AMR 99/19/99/s
16 de abril de 1999

Información complementaria sobre AU 33/99 (AMR 99/08/99/s, del 12 de
febrero de 1999) - Temor por la seguridad / Detención arbitraria y nuevo
motivo de preocupación: Liberación

RURITANIA    Jane Example Roe (m)

Jane Example Roe quedó en libertad el 9 de abril.

No se requieren más acciones por parte de la Red de Acción Urgente.
"""
    assert parse_text(text, "invented.txt").title == "Temor por la seguridad / Detención arbitraria"


def test_no_further_action_by_the_urgent_action_network_closes_the_case() -> None:
    text = OLD_LAYOUT.format(block="").replace(
        "PLEASE SEND APPEALS IMMEDIATELY.",
        "No further action by the Urgent Action network is requested.",
    )
    assert parse_text(text, "invented.txt").kind is OutputKind.FINAL


def test_contact_these_officials_before_a_date_gives_the_deadline() -> None:
    text = """URGENT ACTION

TEACHER HELD FOR A BLOG POST

Ruritania
UA 12.26
Issue Date: January 27, 2026

Teacher Jane Example Roe has been held since November 14, 2025.

Contact these officials before March 10, 2026:

Ms. Farah Example Siddiqui
Minister of Interior
R Block, Secretariat
Capital City, Ruritania
Salutation: Dear Minister
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.deadline is not None and parsed.deadline.isoformat() == "2026-03-10"
