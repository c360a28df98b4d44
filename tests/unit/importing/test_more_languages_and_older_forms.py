"""Italian and Dutch section pages, Portuguese and French wording and older network forms:
each rule read from a short fictional UA, as the importer shows it to a volunteer."""

from __future__ import annotations

from datetime import date

from app.domain.model import OutputKind
from app.importing import parse_text

_ITALIAN = """AU: 12/26 Indice: EUR 44/0001/2026 Turchia                 Data: 9 marzo 2026

AZIONE URGENTE
GIORNALISTA DETENUTO DA UN MESE
Il giornalista Mario Esempio Prova è detenuto dal 9 febbraio nel carcere di Ankara per i suoi
articoli. Le accuse contro di lui sono infondate e deve essere rilasciato.

Scrivete immediatamente in turco, inglese o nella vostra lingua:
 chiedendo il suo rilascio immediato e incondizionato.

INVIATE GLI APPELLI ENTRO IL 20 APRILE 2026 A:
Ministro della Giustizia
Sig. Luca Esempio Rossi
Adalet Bakanlığı, Ankara, Turchia
Email: bakan@adalet.example
Formula di saluto: Egregio Ministro

E in copia a:
Ambasciata della Repubblica di Turchia
Via Esempio 1, 00100 Roma
Email: ambasciata@turchia.example
"""

_DUTCH = """Amnesty International Nederland
URGENT ACTION
Azerbeidzjan: Journalist mishandeld in politiecel

UA 20/26  ·  AI-index: EUR 55/0002/2026  ·  3 maart 2026
Schrijf vóór 14 april 2026

De journalist Elvin Voorbeeld werd op 2 maart in Bakoe gearresteerd, een dag nadat hij een
artikel had gepubliceerd. Volgens zijn advocaat werd hij op het politiebureau geslagen.

Schrijf een brief of e-mail in het Engels, Russisch of Azerbeidzjaans.

Stuur je brief naar:

Minister van Binnenlandse Zaken
Kolonel-generaal Vilayat Voorbeeld
Ministerie van Binnenlandse Zaken, Bakoe, Azerbeidzjan
Aanhef: Dear Minister

Stuur een kopie naar:
Ambassade van de Republiek Azerbeidzjan
Laan van Voorbeeld 1, 2517 AM Den Haag
E-mail: ambassade@azerbeidzjan.example
"""


def test_an_italian_ua_is_read_in_italian() -> None:
    parsed = parse_text(_ITALIAN)
    assert parsed.document_language == "it"
    assert parsed.title == "GIORNALISTA DETENUTO DA UN MESE"
    assert (parsed.issued_on, parsed.deadline) == (date(2026, 3, 9), date(2026, 4, 20))
    assert parsed.preferred_languages == ("Turkish", "English")


def test_an_italian_official_loses_sig_and_the_embassy_copied_is_no_official() -> None:
    [official] = parse_text(_ITALIAN).targets
    assert (official.title, official.name) == ("Ministro della Giustizia", "Luca Esempio Rossi")


def test_a_dutch_page_gives_its_deadline_languages_and_one_official() -> None:
    parsed = parse_text(_DUTCH)
    assert parsed.document_language == "nl"
    assert parsed.deadline == date(2026, 4, 14)
    assert parsed.preferred_languages == ("English", "Russian", "Azerbaijani")
    [official] = parsed.targets
    assert official.name == "Vilayat Voorbeeld"


def test_italian_second_ua_labels_give_the_kind_deadline_languages_and_link() -> None:
    parsed = parse_text(
        "AZIONE URGENTE\nATTIVISTA A RISCHIO DI ESECUZIONE\n"
        "L'attivista Shirin Esempio è stata trasferita in isolamento nel carcere di Urmia.\n\n"
        "LINGUA PREFERITA PER RIVOLGERSI AL DESTINATARIO: persiano, inglese\n"
        "Puoi scrivere anche nella tua lingua.\n\n"
        "PER FAVORE AGISCI IL PRIMA POSSIBILE, ENTRO IL: 28 maggio 2026\n\n"
        "LINK ALL'AU PRECEDENTE: https://www.amnesty.org/it/documents/mde13/0001/2026/it/\n\n"
        "Seconda AU: 19/26 Indice: MDE 13/0002/2026 Iran Data: 15 aprile 2026\n"
    )
    assert parsed.kind is OutputKind.UPDATE
    assert (parsed.issued_on, parsed.deadline) == (date(2026, 4, 15), date(2026, 5, 28))
    assert parsed.preferred_languages == ("Persian", "English")
    assert parsed.previous_ua_link == "https://www.amnesty.org/it/documents/mde13/0001/2026/it/"


def test_portuguese_appeal_heading_languages_and_copies() -> None:
    parsed = parse_text(
        "AÇÃO URGENTE\nLIDERANÇA AMEAÇADA DE MORTE\n"
        "AU: 118/26 – Índice: AMR 19/0003/2026 – Data: 21 de junho de 2026\n\n"
        "A liderança indígena Lúcia Exemplo Teste vem recebendo ameaças de morte desde maio.\n\n"
        "Escreva imediatamente em português ou no seu próprio idioma:\n"
        "• pedindo às autoridades que garantam a sua proteção imediata.\n\n"
        "ENVIE APELOS ATÉ 2 DE AGOSTO DE 2026 PARA:\n\n"
        "Ministro da Justiça\nSr. Otávio Exemplo Teste\nEsplanada dos Ministérios, Bloco T\n"
        "70064-900 Brasília – DF, Brasil\nE-mail: gabinete@mj.example\nSaudação: Senhor Ministro\n\n"
        "E cópias para:\nFundação Nacional do Índio (FUNAI)\nSEPS Quadra 702/902, Brasília – DF\n"
        "E-mail: presidencia@funai.example\n"
    )
    assert parsed.deadline == date(2026, 8, 2)
    assert parsed.preferred_languages == ("Portuguese",)
    assert [t.name for t in parsed.targets] == ["Otávio Exemplo Teste"]


def test_closing_sentences_in_french_portuguese_dutch_and_italian_end_the_action() -> None:
    for closing in (
        "Il n'est plus nécessaire d'envoyer des appels.",
        "Não é necessária mais nenhuma ação da rede de Ações Urgentes.",
        "Er is geen verdere actie meer nodig.",
        "Non sono necessarie ulteriori azioni.",
    ):
        parsed = parse_text(f"UA 77/26\nActivist Jane Example was released on 8 May.\n{closing}\n")
        assert parsed.kind is OutputKind.FINAL, closing
        assert not parsed.action_requested


def test_a_link_after_the_update_sentence_or_a_previous_action_label_is_the_previous_ua() -> None:
    for before, printed, link in (
        (
            "This is the first and final update of UA 63/26:\n",
            "https://www.amnesty.org/en/documents/asa23/0004/2026/en/",
            "https://www.amnesty.org/en/documents/asa23/0004/2026/en/",
        ),
        (
            "Esta é a primeira e última atualização da AU 34/26:\n",
            "www.amnistia.example/acoes-urgentes/au-34-26",
            "https://www.amnistia.example/acoes-urgentes/au-34-26",
        ),
        ("Action précédente : ", "amnesty.ch/fr/agir/2026/x", "https://amnesty.ch/fr/agir/2026/x"),
        (
            "Eerdere actie: ",
            "www.aivl.be/dringende-acties/x",
            "https://www.aivl.be/dringende-acties/x",
        ),
    ):
        parsed = parse_text(f"UA 63/26\nJane Example was released on bail.\n{before}{printed}\n")
        assert parsed.previous_ua_link == link, before


def test_french_delai_d_envoi_des_appels_gives_the_deadline() -> None:
    parsed = parse_text(
        "ACTION URGENTE\nUNE OPPOSANTE DÉTENUE AU SECRET\n"
        "AU 231/26 | Index AI : AFR 47/0005/2026 | Publié le 24 octobre 2026\n"
        "Délai d'envoi des appels : 5 décembre 2026\n"
    )
    assert parsed.deadline == date(2026, 12, 5)


def test_web_dates_after_posted_publicado_em_and_pubblicato_il() -> None:
    for line, day in (
        ("Posted: 2026-11-06", date(2026, 11, 6)),
        ("Publicado em 3 de setembro de 2026", date(2026, 9, 3)),
        ("Pubblicato il 16 aprile 2026", date(2026, 4, 16)),
    ):
        parsed = parse_text(f"Urgent Action\nUA 34/26\n{line}\nJane Example was detained.\n")
        assert parsed.issued_on == day, line


def test_good_news_with_an_exclamation_mark_is_no_part_of_the_title() -> None:
    parsed = parse_text(
        "Home > Urgent Actions\n\nGOOD NEWS! Cambodia: River activists freed on bail\n\n"
        "Urgent Action Update | UA 63/26 | AI index: ASA 23/0006/2026\n\n"
        "The four activists were released on bail by the court on 30 October after three months "
        "in detention. No further action is requested.\n"
    )
    assert (parsed.title, parsed.country) == ("River activists freed on bail", "Cambodia")


_NETWORK_1996 = """PUBLIC                                   AI Index: AFR 57/01/26
                                         26 April 2026

UA 104/26        Fear of torture / Legal concern

TOGO:   Kossi Example Adjovi (m), aged 24, student leader
        Yawa Example-Kpodar (f), aged 22, student

Two students, named above, were arrested in Lomé on 22 April by gendarmes.

APPEALS TO:

1) Général de Brigade Séna Example Atsutsè
   Ministre de la Défense nationale
   Ministère de la Défense nationale
   Lomé, Togo
   Salutation: Monsieur le Ministre / Dear Minister

2) General de División EP Aurelio Example Villacorta
   Ministro de Defensa
   Ministerio de Defensa
   Lima 1, Perú
   Salutation: Señor Ministro

PLEASE SEND APPEALS IMMEDIATELY.
"""


def test_a_country_with_a_colon_opens_the_names_column() -> None:
    names = [p.name for p in parse_text(_NETWORK_1996).persons]
    assert names == ["Kossi Example Adjovi", "Yawa Example-Kpodar"]


def test_numbered_blocks_and_ranks_with_their_service_leave_the_names_bare() -> None:
    names = [t.name for t in parse_text(_NETWORK_1996).targets]
    assert names == ["Séna Example Atsutsè", "Aurelio Example Villacorta"]


def test_a_french_complement_d_information_keeps_its_concern_line_as_the_title() -> None:
    parsed = parse_text(
        "EXTERNE                                  Index AI : AFR 43/01/26\n"
        "                                         Londres, le 17 février 2026\n\n"
        "Complément d'information sur l'AU 21/26 (AFR 43/02/26 du 30 janvier 2026)\n"
        "- Craintes de torture / Détention au secret\n"
        "et nouveau sujet de préoccupation : Prisonniers d'opinion\n\n"
        "NIGER           Moussa Exemple Garba, journaliste\n\n"
        "Moussa Exemple Garba a été transféré à la prison civile de Say.\n"
    )
    assert parsed.title == "Craintes de torture / Détention au secret"
    assert parsed.kind is OutputKind.UPDATE


def test_the_language_edition_of_a_1990s_index_is_kept() -> None:
    parsed = parse_text(
        "EXTERNO     Índice AI: AMR 46/09/26/s\n\nAU 61/26   Temor por la seguridad\n"
    )
    assert parsed.ai_index == "AMR 46/09/26/s"


def test_officials_a_portuguese_or_dutch_closing_story_names_are_the_targets() -> None:
    portuguese = parse_text(
        "AÇÃO URGENTE – ATUALIZAÇÃO FINAL\nAtivistas libertados\nAU 34/26\n\n"
        "Os ativistas Armando Exemplo Indjai e Mariama Exemplo Cassamá foram libertados sem "
        "acusação em 28 de agosto de 2026.\n\n"
        "Milhares de pessoas escreveram ao Procurador-Geral da República, Fernando Exemplo Có, "
        "e à Ministra do Interior, Aissatu Exemplo Embaló, a pedir a sua libertação.\n\n"
        "Não é necessária mais nenhuma ação da rede de Ações Urgentes.\n"
    )
    assert [(t.title, t.name) for t in portuguese.targets] == [
        ("Procurador-Geral da República", "Fernando Exemplo Có"),
        ("Ministra do Interior", "Aissatu Exemplo Embaló"),
    ]
    dutch = parse_text(
        "DRINGENDE ACTIE – GOED NIEUWS\nActivisten vrijgelaten\nUA 142/26\n\n"
        "De twee activisten van de burgerbeweging LUCHA, Fabrice Voorbeeld Ilunga en Grâce "
        "Voorbeeld Tshibangu, zijn op 15 november vrijgelaten uit de gevangenis van Goma.\n\n"
        "Duizenden mensen schreven aan de minister van Justitie, Justin Voorbeeld Kalombo, om "
        'hun vrijlating te vragen. Grâce Voorbeeld Tshibangu liet weten: "Dank jullie wel."\n\n'
        "Er is geen verdere actie meer nodig.\n"
    )
    assert [(t.title, t.name) for t in dutch.targets] == [
        ("minister van Justitie", "Justin Voorbeeld Kalombo")
    ]
    assert {p.name for p in dutch.persons} == {
        "Fabrice Voorbeeld Ilunga",
        "Grâce Voorbeeld Tshibangu",
    }


def test_a_group_named_before_a_list_of_its_members_is_no_person() -> None:
    parsed = parse_text(
        "Urgent Action Update | UA 63/26\n\nGOOD NEWS! Cambodia: River activists freed on bail\n\n"
        "The four young activists of the Mother Example group, Sokha Example, Chhorn Example, "
        "Prak Example and Long Example, were released on bail on 30 October 2026 after three "
        "months in pre-trial detention.\n\nNo further action is requested from the UA Network.\n"
    )
    assert {p.name for p in parsed.persons} == {
        "Sokha Example",
        "Chhorn Example",
        "Prak Example",
        "Long Example",
    }
