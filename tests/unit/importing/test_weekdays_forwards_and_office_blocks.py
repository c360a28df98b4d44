"""A deadline with its day of the week ("Deadline: Monday 24 July 2023", "hasta el jueves 30
de abril"), the French "Écrivez … jusqu'au 1er juin", a Portuguese final, the French
"DOCUMENT PUBLIC" header of the 2000s and "Son Excellence Monsieur" before an official's name.
Everything here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.model import OutputKind
from app.importing import parse_text
from app.importing.vocabulary import FORWARDED_HEADER

PAGE = """Urgent Action
Teacher detained without charge
Published 12 June 2023 | UA 61/23 | AI Index: ASA 99/1234/2023

Teacher Karel Voorbeeld was detained by police in Capital City on 3 June 2023 after a meeting
about unpaid wages, and has not been allowed to see his family since then.

Write to:

Minister of Home Affairs
Mr Piet Voorbeeld Smit
Ministry of Home Affairs
Capital City, Ruritania
Salutation: Dear Minister

{deadline}

Name and pronoun: Karel Voorbeeld (he/him)
"""


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Deadline: Monday 24 July 2023. Please check with us after this date.", date(2023, 7, 24)),
        ("Please send appeals before Friday, 28 July 2023.", date(2023, 7, 28)),
    ],
)
def test_a_deadline_with_its_day_of_the_week(sentence: str, expected: date) -> None:
    assert parse_text(PAGE.format(deadline=sentence), "invented.txt").deadline == expected


def test_a_spanish_deadline_with_its_day_of_the_week() -> None:
    text = """ACCIÓN URGENTE

PERIODISTA SIGUE EN PRISIÓN

El periodista Karel Voorbeeld sigue en prisión en Ciudad Capital desde marzo de 2020, sin
juicio y sin acceso a su abogado.

Envíen llamamientos hasta el jueves 30 de abril de 2020.

NOMBRE Y PRONOMBRE: Karel Voorbeeld (él)

AU: 104/19 Índice: AMR 99/1922/2020 Ruritania Fecha: 10 de marzo de 2020
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.deadline == date(2020, 4, 30)
    assert parsed.issued_on == date(2020, 3, 10)


def test_a_mail_header_date_with_its_weekday_is_still_not_the_issue_date() -> None:
    text = """De: Grupo Local <grupo@example.example>
Fecha: miércoles, 20 de julio de 2016 10:14
Asunto: AU 88/16

Información complementaria sobre AU: 88/16 Índice: AMR 99/4433/2016 Ruritania Fecha: 18 de julio de 2016

Karel Voorbeeld sigue recibiendo amenazas de muerte en Ciudad Capital.

ENVÍEN LLAMAMIENTOS ANTES DEL 30 DE AGOSTO DE 2016 A:
"""
    assert parse_text(text, "invented.txt").issued_on == date(2016, 7, 18)


def test_a_french_page_asking_to_write_until_a_date() -> None:
    text = """Action urgente – mise à jour
Une militante toujours poursuivie
AU 112/20-1
Index AI : MDE 99/3921/2021
Date : 20.04.2021

La militante Anna Voorbeeld est poursuivie pour « diffamation » depuis août 2020 à Ville-Capitale.

Écrivez une lettre polie au ministre ci-dessous. Écrivez en arabe, en français ou en anglais,
jusqu'au 1er juin 2021.
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.deadline == date(2021, 6, 1)
    assert parsed.issued_on == date(2021, 4, 20)
    assert parsed.ua_number == "112/20"


@pytest.mark.parametrize(
    "closing",
    [
        "NÃO É NECESSÁRIA NENHUMA AÇÃO ADICIONAL DA REDE DE AÇÕES URGENTES.",
        "Nenhuma ação adicional é necessária. Muito obrigado a todas as pessoas que escreveram.",
        "ESTA É A PRIMEIRA E ÚLTIMA ATUALIZAÇÃO DA AU 61/19",
    ],
)
def test_a_portuguese_final(closing: str) -> None:
    text = f"""AÇÃO URGENTE

JOVEM ABSOLVIDO EM CIDADE CAPITAL

Em 6 de maio de 2020, o tribunal absolveu Karel Voorbeeld, que passou sete meses preso.

{closing}

AU: 61/19 Índice: AMR 99/2288/2020 Ruritânia Data: 14 de maio de 2020
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.kind is OutputKind.FINAL
    assert not parsed.action_requested


FRENCH_PUBLIC = """ACTION URGENTE

DOCUMENT PUBLIC                                        Index AI : AFR 99/002/2006
                                                       ÉFAI

3 avril 2006

AU 98/06          Craintes de torture / Préoccupations d'ordre juridique

RURITANIE         Karel Voorbeeld (h), 42 ans, syndicaliste

Karel Voorbeeld a été arrêté le 28 mars à Ville-Capitale et il est détenu au secret.

APPELS À :
Président de la République
Son Excellence Monsieur Piet Voorbeeld Smit
Présidence de la République
BP 6, Ville-Capitale
Formule d'appel : Monsieur le Président de la République,

PRIÈRE D'INTERVENIR IMMÉDIATEMENT. APRÈS LE 15 MAI 2006, VOUS VOUDREZ BIEN VÉRIFIER AUPRÈS DE
VOTRE SECTION S'IL CONVIENT ENCORE D'INTERVENIR.
"""


def test_the_french_public_header_gives_the_concern_line_as_title() -> None:
    parsed = parse_text(FRENCH_PUBLIC, "invented.txt")
    assert parsed.title == "Craintes de torture / Préoccupations d'ordre juridique"
    assert parsed.issued_on == date(2006, 4, 3)
    assert parsed.deadline == date(2006, 5, 15)


def test_son_excellence_monsieur_is_no_part_of_the_name() -> None:
    (target,) = parse_text(FRENCH_PUBLIC, "invented.txt").targets
    assert target.name == "Piet Voorbeeld Smit"
    assert target.title == "Président de la République"
    assert target.salutation == "Monsieur le Président de la République"


@pytest.mark.parametrize(
    ("sentence", "title", "name"),
    [
        (
            "The target and the model letter remain the same: please continue to write to the "
            "Minister of Justice, Piet Voorbeeld Smit, urging him to drop the charges.",
            "Minister of Justice",
            "Piet Voorbeeld Smit",
        ),
        (
            "Las autoridades destinatarias siguen siendo las mismas: por favor, sigan escribiendo "
            "al fiscal general de la República, Piet Voorbeeld Smit, para pedir su libertad.",
            "fiscal general de la República",
            "Piet Voorbeeld Smit",
        ),
        (
            "Tausende Menschen haben sich mit Briefen an den Generalstaatsanwalt Sri Lankas, "
            "Piet Voorbeeld Smit, für ihn eingesetzt.",
            "Generalstaatsanwalt Sri Lankas",
            "Piet Voorbeeld Smit",
        ),
    ],
)
def test_an_official_named_in_a_sentence_of_a_follow_up(
    sentence: str, title: str, name: str
) -> None:
    text = f"""URGENT ACTION

TEACHER STILL FACES TRIAL

The trial of teacher Karel Voorbeeld has been postponed until February 2020.

{sentence}

Third UA: 45/19 Index: ASA 99/1422/2019 Ruritania Date: 15 November 2019
"""
    targets = parse_text(text, "invented.txt").targets
    assert [(t.title, t.name) for t in targets] == [(title, name)]


def test_an_office_without_a_name_keeps_its_town_in_the_address() -> None:
    text = """ACCIÓN URGENTE
Defensora amenazada de muerte
AU: 52/24 Índice: AMR 99/7810/2024 Ruritania Fecha: 14 de mayo de 2024

Anna Voorbeeld, defensora indígena, recibió amenazas de muerte el 6 de mayo de 2024.

ACTÚA: ESCRIBE UN LLAMAMIENTO CON TUS PROPIAS PALABRAS O UTILIZANDO ESTA CARTA MODELO

Fiscal General del Estado
Libramiento Norte Oriente 2185, Col. El Bosque
C.P. 29049, Villa Hermosa Grande, Estado Norte, Ruritania
Correo-e: atencion@fiscalia.example
Tratamiento: Señor Fiscal General
"""
    (target,) = parse_text(text, "invented.txt").targets
    assert target.title == "Fiscal General del Estado"
    assert target.name is None
    assert target.address == (
        "Libramiento Norte Oriente 2185, Col. El Bosque, C.P. 29049, Villa Hermosa Grande, "
        "Estado Norte, Ruritania"
    )
    assert target.salutation == "Señor Fiscal General"


def test_a_spanish_follow_up_line_with_its_index_is_no_headline() -> None:
    text = """Inicio / Red de Acciones Urgentes / Docente sobreseída

BUENAS NOTICIAS
Argentina: docente sobreseída tras protestar en Ciudad Capital
Información complementaria sobre la AU 98/23 – Índice: AMR 99/7402/2024 – 9 de febrero de 2024

El 2 de febrero de 2024, un juzgado sobreseyó a la docente Anna Voorbeeld, a quien se acusaba
de "sedición" por haber participado en una protesta pacífica.

No es necesario realizar más acciones. ¡Gracias a todas las personas que enviaron llamamientos!
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.title == "docente sobreseída tras protestar en Ciudad Capital"
    assert parsed.kind is OutputKind.FINAL


def test_the_aiusa_title_line_under_a_group_blog_post() -> None:
    text = """Amnesty International USA Group 99 - Capital City
Home | About Us | Meetings | Urgent Actions | Contact

Posted on February 2nd, 2024 by Linda K.

This month's Urgent Action - please write by March 15th!

Hi everyone! Below is the UA we will work on at our February 8th meeting at the library. Bring
stamps if you have them. Copied from the AIUSA website:

Peru: Indigenous Leader Faces Baseless Charges (Peru: UA 15.24)
Issue Date: January 31, 2024

Anna Voorbeeld, a Quechua leader, is facing criminal charges for taking part in a peaceful
road blockade in January 2023.

PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: March 15th, 2024
"""
    parsed = parse_text(text, "invented.txt")
    assert parsed.title == "Indigenous Leader Faces Baseless Charges"
    assert parsed.country == "Peru"
    assert parsed.issued_on == date(2024, 1, 31)
    assert parsed.deadline == date(2024, 3, 15)


BELGIAN_MAIL = """De : Réseau Actions urgentes <au@section.example>
Envoyé : jeudi 13 mai 2021 10:05
À : Réseau AU
Objet : [AU] Bénin : un journaliste libéré – fin de l'action (AU 77/20-3)

Chères et chers membres du réseau,

Voici une excellente nouvelle pour commencer la semaine. Vous trouverez le texte complet
ci-dessous.

Amicalement,
L'équipe Actions urgentes
Amnesty International Belgique francophone

________________________________________

BONNE NOUVELLE
Bénin : le journaliste Karel Voorbeeld libéré
Complément d'information sur l'AU 77/20 | Index AI : AFR 99/4455/2021 | 12 mai 2021

Le journaliste Karel Voorbeeld a été libéré le 7 mai 2021 après que la cour d'appel a annulé
sa condamnation.

Il n'est plus nécessaire d'envoyer des appels. Merci à toutes celles et à tous ceux qui se
sont mobilisés.
"""


def test_a_forwarded_page_under_the_senders_note() -> None:
    parsed = parse_text(BELGIAN_MAIL, "invented.txt")
    assert parsed.title == "le journaliste Karel Voorbeeld libéré"
    assert parsed.country == "Benin"
    assert parsed.ua_number == "77/20"
    assert parsed.kind is OutputKind.FINAL


def test_a_province_named_in_the_story_is_no_person() -> None:
    text = """Urgent Action
Ruritanien
Umweltaktivist in Isolationshaft
UA 031/21
AI-Index: ASA 99/3702/2021
Datum: 04.02.2021

Der Umweltaktivist Karel Voorbeeld wird seit seiner Festnahme am 9. Januar 2021 ohne Kontakt
zur Aussenwelt festgehalten. Er hatte über die Verschmutzung eines Flusses in der Provinz
Nam Dinh berichtet. Karel Voorbeeld drohen bis zu zwölf Jahre Haft.

Briefvorschlag
Dear Prime Minister,
I am deeply concerned about Karel Voorbeeld, who is prosecuted for his posts about river
pollution in Nam Dinh province.
"""
    persons = parse_text(text, "invented.txt").persons
    assert [p.name for p in persons] == ["Karel Voorbeeld"]


ONE_PAGE = {
    "en": """URGENT ACTION

TEACHER DETAINED WITHOUT CHARGE

Teacher Karel Voorbeeld was detained by police in Capital City on 3 June 2023.

{sentence}

UA: 61/23 Index: ASA 99/1234/2023 Ruritania Date: 12 June 2023
""",
    "es": """ACCIÓN URGENTE

DOCENTE DETENIDO SIN CARGOS

El docente Karel Voorbeeld fue detenido por la policía en Ciudad Capital el 3 de junio de 2023.

{sentence}

AU: 61/23 Índice: AMR 99/1234/2023 Ruritania Fecha: 12 de junio de 2023
""",
    "fr": """ACTION URGENTE

ENSEIGNANT DÉTENU SANS INCULPATION

L'enseignant Karel Voorbeeld a été arrêté par la police à Ville-Capitale le 3 juin 2023.

{sentence}

AU : 61/23 Index : AFR 99/1234/2023 Ruritanie Date : 12 juin 2023
""",
    "de": """URGENT ACTION

LEHRER OHNE ANKLAGE IN HAFT

Der Lehrer Karel Voorbeeld wurde am 3. Juni 2023 in Hauptstadt von der Polizei festgenommen.

{sentence}

UA-061/2023 AI-Index: EUR 99/1234/2023 Datum: 12. Juni 2023
""",
    "pt": """AÇÃO URGENTE

PROFESSOR DETIDO SEM ACUSAÇÃO

O professor Karel Voorbeeld foi detido pela polícia em Cidade Capital em 3 de junho de 2023.

{sentence}

AU: 61/23 Índice: AMR 99/1234/2023 Ruritânia Data: 12 de junho de 2023
""",
}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The deadline for this Urgent Action has been extended to 24 July 2023."),
        ("en", "Take action before the 24th of July 2023."),
        ("fr", "Écrivez d'ici le 24 juillet 2023."),
        ("fr", "Merci d'envoyer vos appels jusqu'au lundi 24 juillet 2023."),
        ("fr", "Le délai a été prolongé jusqu'au 24 juillet 2023."),
        ("pt", "Escreva até 24 de julho de 2023."),
        ("pt", "Envie seus apelos até segunda-feira, 24 de julho de 2023."),
    ],
)
def test_more_ways_to_give_the_deadline(language: str, sentence: str) -> None:
    parsed = parse_text(ONE_PAGE[language].format(sentence=sentence), "invented.txt")
    assert parsed.deadline == date(2023, 7, 24)
    assert parsed.kind is OutputKind.INITIAL


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "There is no need to send further appeals."),
        ("en", "This action is now closed. Thank you to everyone who wrote."),
        ("es", "Ya no es necesario seguir enviando llamamientos."),
        ("es", "No se necesitan más llamamientos. Gracias a quienes escribieron."),
        ("es", "La acción ha concluido."),
        ("fr", "Cette action est terminée."),
        ("de", "Die Aktion ist beendet. Bitte keine Briefe mehr schicken."),
        ("de", "Diese Urgent Action ist abgeschlossen."),
        ("pt", "Não é preciso enviar mais apelos."),
        ("pt", "Esta ação está encerrada."),
    ],
)
def test_more_ways_to_close_the_case(language: str, sentence: str) -> None:
    parsed = parse_text(ONE_PAGE[language].format(sentence=sentence), "invented.txt")
    assert parsed.kind is OutputKind.FINAL
    assert parsed.deadline is None


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "The prosecutor said there was no need to take further action against the guards."),
        ("en", "The police said this action is closed and no officer would be charged."),
        ("de", "Die Aktion ist beendet, sagte die Polizei."),
        ("es", "Según la fiscalía, la acción ha concluido sin detenidos."),
        ("fr", "Selon la police, l'action est terminée et personne n'a été inculpé."),
        ("pt", "A ação terminou com três pessoas feridas."),
        ("pt", "A ação foi encerrada à noite."),
    ],
)
def test_a_story_about_an_ended_police_action_leaves_the_case_open(
    language: str, sentence: str
) -> None:
    parsed = parse_text(ONE_PAGE[language].format(sentence=sentence), "invented.txt")
    assert parsed.kind is OutputKind.INITIAL


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "There is no need to take further action on this case."),
        ("en", "This Urgent Action has now been closed, as the family asked."),
        ("es", "Esta acción urgente ha concluido gracias a sus llamamientos."),
        ("de", "Die Eilaktion ist beendet, vielen Dank."),
        ("pt", "Esta ação urgente foi encerrada depois da libertação."),
    ],
)
def test_the_network_told_its_action_is_over_closes_the_case(language: str, sentence: str) -> None:
    parsed = parse_text(ONE_PAGE[language].format(sentence=sentence), "invented.txt")
    assert parsed.kind is OutputKind.FINAL


def test_no_appeals_after_the_deadline_does_not_close_the_case() -> None:
    sentence = "Nach dem 16. November 2023 sollten Sie keine Appelle mehr verschicken."
    parsed = parse_text(ONE_PAGE["de"].format(sentence=sentence), "invented.txt")
    assert parsed.kind is OutputKind.INITIAL
    assert parsed.deadline == date(2023, 11, 16)


AIUK_PAGE = """Skip to main content
Amnesty International UK

Egypt: Researcher detained for his social media posts

Published 18 March 2021 | AI Index: MDE 99/3756/2021

Karel Voorbeeld, a researcher on gender and human rights, has been held in pre-trial detention
since 7 February 2021 after he was arrested at the airport on his return from his studies.

What you can do
Write to the Public Prosecutor in your own words, or adapt the letter below.

Public Prosecutor
Counsellor Piet Voorbeeld Smit
Office of the Public Prosecutor
Capital City, Ruritania
Email: prosecutor.office@ppo.example
Salutation: Dear Counsellor

Dear Counsellor,

I am concerned about the detention of Karel Voorbeeld, who has been held since February solely
for social media posts. I urge you to release him immediately and unconditionally.

Yours sincerely,
"""


def test_a_page_forwarded_from_outlook_with_its_sent_line() -> None:
    text = (
        "From: Jane Member <jane@group.example>\n"
        "Sent: Monday, 5 September 2022 19:02\n"
        "To: Group <members@group.example>\n"
        "Subject: FW: Urgent Action\n\n"
        "Hi all,\n\nPlease see below the new UA. Bring your letters to Thursday's meeting.\n\n"
        "Thanks,\nJane\n\n"
        "-----Original Message-----\n"
        "From: UA Network <uan@section.example>\n"
        "Sent: 05 September 2022 11:47\n"
        "To: Jane Member\n"
        "Subject: Urgent Action\n\n" + AIUK_PAGE
    )
    parsed = parse_text(text, "invented.txt")
    assert parsed.title == "Researcher detained for his social media posts"
    assert [(t.title, t.name) for t in parsed.targets] == [
        ("Public Prosecutor", "Piet Voorbeeld Smit")
    ]


AIUSA_PAGE = """Skip to content
Amnesty International USA
Donate
Take Action  >  Urgent Actions

Urgent Action
Photojournalist Jailed Under Cyber Security Act (Bangladesh: UA 19.24)
February 9, 2024

Freelance photojournalist Karel Voorbeeld has been held in Capital Jail since January 21, 2024.

TAKE ACTION
Write a letter, send an email, call, or tweet.

Contact
Piet Voorbeeld Smit
Minister of Home Affairs
Ministry of Home Affairs
Capital City 1000, Bangladesh
Email: minister@mha.example
Salutation: Dear Minister

SAMPLE LETTER

Dear Minister,

I am deeply troubled that photojournalist Karel Voorbeeld has been in jail since January 21, 2024.

Sincerely,
"""


def test_the_line_above_a_quoted_page_is_no_official() -> None:
    quoted = "\n".join(f"> {line}" if line else ">" for line in AIUSA_PAGE.split("\n"))
    text = (
        "From: Jane Member <jane@group.example>\nTo: ua-list@group.example\n"
        "Subject: Fwd: new UA\n\nHi all, here is the new one. Best, Jane\n\n"
        "On 18/11/2019 9:14 am, Amnesty Section wrote:\n" + quoted
    )
    parsed = parse_text(text, "invented.txt")
    assert [(t.title, t.name) for t in parsed.targets] == [
        ("Minister of Home Affairs", "Piet Voorbeeld Smit")
    ]
    assert parsed.title == "Photojournalist Jailed Under Cyber Security Act"


def test_a_forwarded_page_whose_subject_looks_like_a_letters_is_imported() -> None:
    text = (
        "Hola a todas y todos:\n\nOs reenvío la acción.\n\nPilar\n\n"
        "---------- Mensaje reenviado ---------\n"
        "De: Red de Acciones Urgentes <rau@section.example>\n"
        "Asunto: AU 61/21 Ruritania: investigador detenido\n"
        "Para: <pilar@grupo.example>\n\n"
        "Ruritania: Investigador detenido por sus publicaciones\n\n"
        "Karel Voorbeeld, investigador, está en prisión preventiva desde el 7 de febrero de 2021.\n"
    )
    parsed = parse_text(text, "invented.txt")
    assert parsed.ua_number == "61/21"


def test_a_page_forwarded_from_gmail_under_a_signed_note() -> None:
    text = (
        "De: Pilar <pilar@grupo.example>\nPara: Grupo <grupo@grupo.example>\n"
        "Fecha: 11 mar 2021 18:22\nAsunto: Fwd: nueva acción\n\n"
        "Hola a todas y todos:\n\nOs reenvío la acción.\n\nPilar\n\n"
        "---------- Mensaje reenviado ---------\n"
        "De: Red de Acciones Urgentes <rau@section.example>\n"
        "Fecha: mié, 10 mar 2021 a las 12:40\n"
        "Para: <pilar@grupo.example>\n\n" + BELGIAN_MAIL
    )
    parsed = parse_text(text, "invented.txt")
    assert parsed.title == "le journaliste Karel Voorbeeld libéré"
    assert parsed.issued_on == date(2021, 5, 12)


SECTION_MAIL = """From: Urgent Action Network <uan@section.example>
To: ua-list@section.example
Subject: UA 121/09 Ruritania - Fear for safety
Date: Mon, 22 Jun 2009 18:40:00 +0200

Dear members of the network,
here is a new Urgent Action. Remember that you can send your appeals by e-mail or by post.

PUBLIC
AMR 99/008/2009 - UA 121/09                         19 June 2009

Fear for safety

RURITANIA       Anna Voorbeeld (f), community leader

Anna Voorbeeld, a community leader, has received death threats after she led a consultation on
a dam project. On 14 June unknown men fired shots at her house.

APPEALS TO:
Minister of the Interior
Piet Voorbeeld Smit
Ministry of the Interior
Capital City, Ruritania
Salutation: Dear Minister
"""


def test_a_section_mail_forwarded_in_a_mail() -> None:
    text = (
        "From: Jane Member <jane@group.example>\n"
        "Sent: Monday, 22 June 2009 19:02\n"
        "To: Group <members@group.example>\n"
        "Subject: FW: UA 121/09\n\n"
        "Hi all,\n\nPlease see below the new UA. Bring your letters to Thursday's meeting.\n\n"
        "Thanks,\nJane\n\n"
        "-----Original Message-----\n" + SECTION_MAIL
    )
    parsed = parse_text(text, "invented.txt")
    assert parsed.ai_index == "AMR 99/008/2009"
    assert [(t.title, t.name) for t in parsed.targets] == [
        ("Minister of the Interior", "Piet Voorbeeld Smit")
    ]
    assert parsed.issued_on == date(2009, 6, 19)


def test_a_labelled_date_below_a_forwarded_header_and_a_blank_line() -> None:
    text = (
        "-----Original Message-----\n"
        "From: UA Network <uan@section.example>\n"
        "Sent: 12 July 2017 11:47\n"
        "To: Jane Member\n"
        "Subject: Urgent Action\n\n"
        "URGENT ACTION TITLE: Ruritania: Witness and family at risk\n"
        "PUBLICATION DATE: 11 July 2017\n"
        "URGENT ACTION TYPE AND NUMBER: THIRD UA 60/17\n"
        "INDEX NUMBER: ASA 99/6677/2017\n"
    )
    assert parse_text(text, "invented.txt").issued_on == date(2017, 7, 11)


MODERN = """URGENT ACTION
TEACHER DETAINED FOR UNION WORK
Teacher and union leader Karel Voorbeeld has been held without charge since 3 May 2024 after
he organised a strike over unpaid salaries in Capital City. He has not been allowed to see a
lawyer, and his family does not know where he is held.
TAKE ACTION: WRITE AN APPEAL IN YOUR OWN WORDS OR USING THIS MODEL LETTER
Minister of the Interior
Piet Voorbeeld Smit
Ministry of the Interior
12 Freedom Avenue, Capital City, Ruritania
Email: minister@interior.example
Dear Minister,
I am writing to express my concern about teacher Karel Voorbeeld, who has been held without
charge since 3 May 2024. I urge you to release him immediately and unconditionally, and to
ensure that he has access to a lawyer and his family while he is held.
Yours sincerely,
ADDITIONAL INFORMATION
Teachers in Ruritania have not been paid for several months, and union leaders who called for
strikes have been arrested in at least three regions since the beginning of the year.
PREFERRED LANGUAGE TO ADDRESS TARGET: English
PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 28 June 2024
NAME AND PRONOUN: Karel Voorbeeld (he/him)
UA: 52/24 Index: EUR 99/8123/2024 Ruritania Date: 17 May 2024
"""


@pytest.mark.parametrize("quoted", [False, True])
def test_one_line_pdf_text_under_a_mail_note(quoted: bool) -> None:
    one_line = " ".join(MODERN.split("\n")).strip()
    body = f"> {one_line}" if quoted else one_line
    text = (
        "From: Jane Member <jane@group.example>\n"
        "To: ua-list@group.example\n"
        "Subject: Fwd: new UA\n\n"
        "Hi all, the new one came as a PDF, I copied its text below.\n\n" + body + "\n"
    )
    alone = parse_text(one_line, "invented.txt")
    wrapped = parse_text(text, "invented.txt")
    assert wrapped.title == alone.title == "TEACHER DETAINED FOR UNION WORK"
    assert [p.name for p in wrapped.persons] == ["Karel Voorbeeld"]
    assert [(t.title, t.name) for t in wrapped.targets] == [
        ("Minister of the Interior", "Piet Voorbeeld Smit")
    ]
    assert wrapped.deadline == date(2024, 6, 28)


CONCERN_LINE_PAGE = """PUBLIC                                                AI Index: MDE 99/002/2007

28 February 2007

{number}          Medical concern / Prisoner of conscience

RURITANIA         Karel Voorbeeld (m), aged 63, writer

Prisoner of conscience Karel Voorbeeld, who has a serious heart condition, is being denied the
specialist treatment he urgently needs.

APPEALS TO:
Minister of Justice
Piet Voorbeeld Smit
Ministry of Justice
Capital City, Ruritania
Salutation: Dear Minister

PLEASE SEND APPEALS IMMEDIATELY. Check with the International Secretariat, or your section office,
if sending appeals after 11 April 2007.
"""


@pytest.mark.parametrize(
    ("number", "ua_number", "kind"),
    [
        ("UA 31/07-1", "31/07", OutputKind.UPDATE),
        ("UA 45/07-2", "45/07", OutputKind.UPDATE),
        ("MA 04/07", None, OutputKind.INITIAL),
        ("NSA 05/07", None, OutputKind.INITIAL),
    ],
)
def test_a_concern_line_after_a_counted_or_other_series_number(
    number: str, ua_number: str | None, kind: OutputKind
) -> None:
    parsed = parse_text(CONCERN_LINE_PAGE.format(number=number), "invented.txt")
    assert parsed.title == "Medical concern / Prisoner of conscience"
    assert parsed.ua_number == ua_number  # a medical action's number is not a UA number
    assert parsed.kind is kind


FRENCH_PAGE = """ACTION URGENTE
RURITANIE : UN MILITANT DÉTENU
AU 12/24 Index : EUR 99/1234/2024 Ruritanie Date : 3 mars 2024

Le militant Jean Exemple a été détenu du 02/03 au 10/03-11 h sans avoir accès à un avocat.

ÉCRIVEZ IMMÉDIATEMENT :
Ministre de l'Intérieur
M. Paul Exemple
1 rue Exemple
Capitale, Ruritanie
Formule d'appel : Monsieur le Ministre,

MERCI D'AGIR AVANT LE 14 AVRIL 2024.
"""


def test_a_french_range_of_dates_is_no_follow_up_counter() -> None:
    assert parse_text(FRENCH_PAGE, "invented.txt").kind is OutputKind.INITIAL


GERMAN_PAGE = """Amnesty International Deutschland
Startseite / Mitmachen / Urgent Actions

{headline}

Die Aktivistin Lena Beispiel wurde am 3. März 2024 in Beispielstadt festgenommen, weil sie
eine Kundgebung für die Rechte von LGBTI organisiert hatte. Ihr drohen bis zu fünf Jahre Haft.

Schreiben Sie bis zum 14. April 2024 an:
Generalstaatsanwalt
Herrn Ivan Beispiel
Beispielstraße 1
10000 Beispielstadt
Anrede: Sehr geehrter Herr Generalstaatsanwalt

UA-031/2024 Index: EUR 99/1234/2024
"""


@pytest.mark.parametrize(
    "headline",
    ["Liebe ist kein Verbrechen: Aktivistin in Haft", "Hallo Welt: Bloggerin in Haft"],
)
def test_a_headline_opening_with_a_greetings_word_is_the_title(headline: str) -> None:
    parsed = parse_text(GERMAN_PAGE.format(headline=headline), "invented.txt")
    assert parsed.title == headline


@pytest.mark.parametrize(
    ("line", "is_header"),
    [
        ("From: Urgent Action Network <ua@network.example>", True),
        ("Fecha: mié, 10 mar 2021 a las 12:40", True),
        ("Datum: Mittwoch, 10. März 2021", True),
        ("Envoyé : mercredi 10 mars 2021", True),
        ("Subject: FW: Urgent Action", True),
        ("Minister of the Interior", False),
        ("Dear Minister,", False),
    ],
)
def test_one_rule_tells_the_header_lines_of_a_message_forwarded_in_the_body(
    line: str, is_header: bool
) -> None:
    # The headline reader, the officials' reader and the recogniser of our own outputs all
    # pass over these lines; they share this one rule.
    assert bool(FORWARDED_HEADER.match(line)) is is_header
