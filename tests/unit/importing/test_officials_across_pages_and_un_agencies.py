"""Officials' blocks that a page break cuts before any contact, a Spanish naval rank before a
name, a UN agency's representative under "AND ALSO WRITE TO:", and a Latin name in a Chinese
story. Fictional."""

from __future__ import annotations

from app.importing import parse_text

_CUT_FIRST_BLOCK = (
    "UA: 141/14 Index: AFR 59/009/2014 Uganda Date: 11 June 2014\n\nURGENT ACTION\n"
    "HEALTH WORKERS CHARGED AFTER POLICE\nRAID ON COMMUNITY CLINIC\n"
    "Three health workers at a community clinic in Kampala were arrested on 2 June 2014.\n\n"
    "PLEASE SEND APPEALS BEFORE 23 JULY 2014 TO:\nInspector General of Police\n"
    "Gen. Moses Example\nUganda Police Headquarters\nParliament Avenue\n1\n"
    "\fUA: 141/14 Index: AFR 59/009/2014 Uganda Date: 11 June 2014\n\nURGENT ACTION\n"
    "HEALTH WORKERS CHARGED AFTER POLICE\nRAID ON COMMUNITY CLINIC\n"
    "PO Box 7055, Kampala, Uganda\nEmail: igp@police.go.ug.example\n"
    "Salutation: Dear Inspector General\n\n"
    "Director of Public Prosecutions\nMs Harriet Example Oroma\nPilkington Road, Kampala\n"
    "Salutation: Dear Director\n"
)


def test_a_page_break_inside_the_first_officials_block_is_skipped() -> None:
    targets = parse_text(_CUT_FIRST_BLOCK).targets
    assert [t.name for t in targets] == ["Moses Example", "Harriet Example Oroma"]
    first = targets[0]
    assert (
        first.address
        == "Uganda Police Headquarters, Parliament Avenue, PO Box 7055, Kampala, Uganda"
    )
    assert (first.email, first.salutation) == ("igp@police.go.ug.example", "Dear Inspector General")


def test_a_naval_rank_and_a_un_representative() -> None:
    text = (
        "URGENT ACTION\nFAMILIES FACE EXPULSION\nSome 300 residents were told they will be "
        "removed.\n\nTAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USE THIS MODEL LETTER\n\n"
        "Director General of Migration\nVicealmirante Rafael Ejemplo Batista\n"
        "Av. 30 de Mayo, Santo Domingo\nEmail: direccion@migracion.example\n\n"
        "Señor Director General:\n\nI am writing to urge you to halt all expulsions.\n\n"
        "Yours sincerely,\n\nAND ALSO WRITE TO:\n"
        "Representative of the United Nations High Commissioner for Refugees in the Dominican "
        "Republic\nMs Joanna Example-Araujo\nCalle Ejemplo 12, Santo Domingo\n"
        "Email: office@unhcr-office.example\nSalutation: Dear Representative\n\n"
        "UA: 38/24 Index: AMR 27/7755/2024 Dominican Republic Date: 20 March 2024\n"
    )
    targets = parse_text(text).targets
    assert [(t.title, t.name) for t in targets] == [
        ("Director General of Migration", "Rafael Ejemplo Batista"),
        (
            "Representative of the United Nations High Commissioner for Refugees in the "
            "Dominican Republic",
            "Joanna Example-Araujo",
        ),
    ]


def test_a_latin_name_in_a_chinese_story_is_the_person() -> None:
    text = (
        "緊急行動\n\n老撾：環保人士被強迫失蹤\nUA 67/19　AI索引：ASA 26/0451/2019\n\n"
        "環保人士 Somphone Example 於2019年4月28日在萬象一間咖啡店外被數名便衣人員帶走，至今下落"
        "不明。他曾公開批評水壩工程，並協助受影響的村民向當局投訴。\n\n"
        "請寫信促請當局立即公開 Somphone Example 的下落。\n\n請寫信給：\n\n"
        "Minister of Public Security\nVilay Example\nNongbone Road, Vientiane\n"
        "稱謂：Dear Minister\n"
    )
    assert [p.name for p in parse_text(text).persons] == ["Somphone Example"]
