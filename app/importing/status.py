"""Initial, update or final: where a document stands in its UA's chain."""

from __future__ import annotations

import re

from app.domain.model import OutputKind
from app.importing.anchored import Anchored
from app.importing.document import Document

_FINAL = re.compile(
    r"no further (?:action|appeals?)(?: (?:by|from) the (?:UA|Urgent Action) network| on this case)? "
    r"(?:is|are|will be) (?:requested|required|needed|necessary)|"
    r"(?:asked|requested) to (?:take|send) no further (?:action|appeals)|"
    r"no (?:more|further) appeals (?:are|is) (?:needed|required|requested)|"
    r"\bSTOP ACTION\b|\bfinal (?:output|update)\b|"
    r"\b(?:first|second|third|fourth|fifth|sixth) and final (?:update|output)\b|"
    r"please stop (?:sending appeals|writing)|stop (?:sending appeals|writing appeals)|"
    r"aucune action compl[ée]mentaire n['’]est (?:requise|n[ée]cessaire)|"
    r"(?:premi[èe]re|deuxi[èe]me|troisi[èe]me) et derni[èe]re mise [àa] jour|derni[èe]re mise [àa] jour|"
    r"no se requiere[n]? m[áa]s acci(?:ó|o)n|no se requiere(?:n)? (?:ninguna )?acci(?:ó|o)n (?:adicional|complementaria)|"
    r"no se (?:solicita|requiere)n? m[áa]s llamamientos|no (?:se )?(?:requieren?|piden?|solicitan?|necesitan?) m[áa]s acciones|"
    r"no es necesario (?:emprender|realizar|tomar) m[áa]s acciones|aucune action suppl[ée]mentaire n['’]est (?:requise|n[ée]cessaire)|"
    r"no further action (?:is|will be) (?:requested|required|needed) (?:at this time|from the network)|(?:primera|segunda|tercera) y [úu]ltima actualizaci[óo]n|"
    r"(?:es sind )?keine weiteren (?:Appelle|Aktionen) (?:mehr )?(?:nötig|erforderlich|notwendig)|"
    r"keine weiteren (?:Appelle|Briefe|E-Mails) mehr(?!\s+nach\b)|"
    r"(?:schicken|senden|schreiben) Sie (?:bitte )?keine (?:weiteren )?(?:Appelle|Briefe|Schreiben|E-Mails)"
    r"(?!\s+(?:mehr\s+)?nach\b)|"
    # "Damit schließen wir diese Urgent Action", "Hiermit beenden wir die Eilaktion"
    r"(?:schließen|beenden) wir (?:hiermit |damit |nun |jetzt )?(?:diese|die) (?:Urgent Action|Eilaktion|UA)\b|"
    r"(?:please )?do not send (?:any )?(?:further|more) (?:appeals|letters)|need not send (?:any )?further appeals|"
    r"no se (?:requiere|necesita|solicita)n? (?:ninguna )?(?:otra|m[áa]s) acci[óo]n|"
    r"(?:dejen|dejar) de enviar llamamientos|no env[íi]en m[áa]s llamamientos|"
    r"aucune autre action n['’]est (?:requise|n[ée]cessaire|demand[ée]e)|"
    r"plus aucune action n['’]est (?:requise|n[ée]cessaire|demand[ée]e)|"
    r"ya no es necesario enviar (?:m[áa]s )?llamamientos|no es necesario enviar m[áa]s llamamientos|"
    r"(?:merci de )?ne plus envoyer d['’]appels|n['’]envoyez plus d['’]appels|"
    r"weitere (?:aktionen|appelle)[^.]{0,80}? sind (?:zurzeit |derzeit |momentan |nun )?"
    r"(?:nicht|nicht mehr) (?:erforderlich|nötig|notwendig)|"
    r"(?:senden|schicken) sie (?:bitte )?keine weiteren appelle(?!\s+(?:mehr\s+)?nach\b)|"
    r"keine weiteren appelle mehr(?!\s+nach\b)|"
    r"no se requieren? m[áa]s acciones|(?:segunda|tercera|primera) y [úu]ltima actualizaci[óo]n|"
    r"il n['’]est plus n[ée]cessaire d['’](?:envoyer (?:des|d['’]autres) appels|agir)|"
    r"n[ãa]o (?:é|e|s[ãa]o) necess[áa]ri[ao]s? mais (?:nenhuma )?(?:ac?[çc][ãa]o|ac?[çc][õo]es|apelos)|"
    r"n[ãa]o (?:é|e) necess[áa]ria (?:nenhuma|qualquer) (?:outra )?ac?[çc][ãa]o(?: adicional)?|"
    r"nenhuma (?:outra )?ac?[çc][ãa]o (?:adicional )?(?:é|e) (?:necess[áa]ria|solicitada|requerida)|"
    r"(?:primeira|segunda|terceira|quarta) e [úu]ltima atualiza[çc][ãa]o|"
    r"n[ãa]o (?:é|e) (?:mais )?preciso (?:enviar|mandar) (?:mais )?apelos|"
    # "no need to take further action" closes the case alone or said of the case or the
    # network; "... against the officers" is a story telling of impunity
    r"no need to (?:send|write) (?:any )?(?:further|more) (?:appeals|letters)|"
    r"no need to take (?:any )?(?:further|more) action"
    r"(?= on this case| (?:from|by) the (?:ua |urgent action )?network|[ \t]*(?:[.!;]|\n|$))|"
    # "this action is closed" in each language: named as the network's urgent action anywhere,
    # as a bare "action" (also a police operation, a lawsuit) only in a sentence of its own
    r"this urgent action (?:is (?:now )?(?:closed|over)|has (?:now )?(?:ended|been closed))|"
    r"(?:la|esta) acci[óo]n urgente (?:ha (?:concluido|finalizado|terminado)|est[áa] cerrada)|"
    r"(?:cette |l['’])action urgente (?:est (?:d[ée]sormais |maintenant )?(?:termin[ée]e|close|cl[ôo]tur[ée]e)|a pris fin)|"
    r"(?:diese|die) (?:urgent action|eilaktion|ua) ist (?:nun |jetzt )?(?:beendet|abgeschlossen)|"
    r"(?:esta|a) a[çc][ãa]o urgente (?:est[áa] encerrada|foi encerrada|terminou|chegou ao fim)|"
    r"(?:(?<![^\n])|(?<=[.!?:] )|(?<=[.!?:]  )|(?<=[.!?:]\t))(?:"
    r"this action (?:is (?:now )?(?:closed|over)|has (?:now )?(?:ended|been closed))|"
    r"(?:la|esta) acci[óo]n (?:ha (?:concluido|finalizado|terminado)|est[áa] cerrada)|"
    r"(?:cette |l['’])action (?:est (?:d[ée]sormais |maintenant )?(?:termin[ée]e|close|cl[ôo]tur[ée]e)|a pris fin)|"
    r"(?:diese|die) aktion ist (?:nun |jetzt )?(?:beendet|abgeschlossen)|"
    r"(?:esta|a) a[çc][ãa]o (?:est[áa] encerrada|foi encerrada|terminou|chegou ao fim)"
    r")(?=[ \t]*(?:[.!]|\n|$))|"
    r"bitte keine (?:Briefe|Appelle|E-Mails) mehr (?:schicken|senden|verschicken)|"
    r"ya no es necesario seguir enviando llamamientos|no se necesitan m[áa]s llamamientos|"
    r"geen verdere (?:actie|acties|brieven)(?: meer)? (?:nodig|vereist)|"
    r"verdere (?:actie|acties|brieven)(?: van het (?:ua|urgent action)[- ]?netwerk)? (?:is|zijn) niet (?:meer )?(?:nodig|vereist)|"
    r"\b(?:eerste|tweede|derde|vierde) en laatste update\b|"
    r"non (?:sono|è) (?:più )?(?:necessari[ae]|richiest[ae]) ulteriori (?:azioni|appelli)|"
    # Norwegian, Danish and Swedish, Finnish, Indonesian, Russian, Japanese and Korean "no
    # further action (appeals) is needed"
    r"ingen (?:flere|ytterligere|yderligere) (?:appeller|aksjoner|aktioner|handlinger)"
    r"(?: er)? (?:nødvendige?|påkrevd|påkrævet)|"
    r"inga (?:fler|ytterligare) (?:åtgärder|appeller|aktioner|vädjanden) (?:behövs|krävs)|"
    r"(?:lisätoimia|vetoomuksia) ei (?:enää )?(?:tarvita|tarvitse lähettää)|"
    r"tidak (?:diperlukan|perlu) (?:lagi )?(?:tindakan|aksi) (?:lebih lanjut|lanjutan)|"
    r"дальнейших действий не требуется|"
    r"これ以上の(?:アクション|行動)は(?:必要ありません|不要です)|"
    r"더 이상의 (?:행동|조치)(?:은|는)? 필요하지 않습니다",
    re.I,
)
# Searched in case-folded text, where a phrase begins (see anchored.py).
_FINAL_PHRASES = Anchored(
    re.compile(_FINAL.pattern.casefold()),
    (
        "no further", "asked to", "requested to", "no more", "stop ", "final ", "first and",
        "second and", "third and", "fourth and", "fifth and", "sixth and", "please stop",
        "aucune ", "premi", "deuxi", "troisi", "derni", "no se ", "no requier", "no pid",
        "no solicit", "no necesit", "no es necesario", "primera ", "segunda ", "tercera ",
        "es sind ", "keine weiteren", "schicken sie", "senden sie", "schreiben sie", "please do",
        "do not send", "plus aucune", "ya no es", "no es necesario",
        "need not send", "dejen de", "dejar de", "no env", "merci de", "ne plus envoyer",
        "n'envoyez", "n’envoyez", "weitere ", "il n", "não ", "nao ", "geen verdere", "non ",
        "verdere ", "eerste ", "tweede ", "derde ", "vierde ", "nenhuma ", "primeira ",
        "terceira ", "quarta ", "esta a", "a ação", "a acao", "no need to", "this action",
        "this urgent", "la acci", "esta acci", "cette action", "l'action", "l’action",
        "diese ", "die aktion", "die urgent", "die eilaktion", "die ua", "bitte keine",
        "ingen ", "inga ", "lisätoimia", "vetoomuksia", "tidak ", "дальнейших", "これ以上",
        "더 이상", "schliessen wir", "beenden wir",
    ),
)  # fmt: skip
# Every phrase above (case folded) holds one of these: a text without any is not searched.
_FINAL_WORDS = (
    "no further", "no more appeals", "stop ", "final ", "aucune ", "mise ", "no se ", "acciones",
    "ltima actualizaci", "keine ", "do not send", "need not send", "llamamientos",
    "ne plus envoyer", "envoyez plus", "weitere ", "plus n", "necessári", "necessari",
    "geen verdere", "ulteriori", "verdere ", "en laatste update", "nenhuma ", "ltima atualiza",
    "preciso ", "encerrada", "terminou", "chegou ao fim", "no need to", "action is", "action has",
    "concluido", "finalizado", "terminado", "cerrada", "termin", "close", "clôtur", "clotur",
    "pris fin", "beendet", "abgeschlossen", "ya no es", "no se necesitan", "ingen ", "inga ",
    " ei ", "tidak ", "дальнейших", "これ以上", "더 이상", "schliessen wir", "beenden wir",
)  # fmt: skip
_UPDATE = re.compile(
    r"further information(?: \(\d+\))? on (?:ua|au)\b|\bFI on UA\b|"
    r"\b(?:first|second|third|fourth|fifth) (?:update|follow-up|follow up)\b|"
    r"\bfollow-up to ua\b|\b(?:segunda|tercera|cuarta) AU\b|\b(?:deuxi[èe]me|troisi[èe]me|quatri[èe]me) AU\b|"
    r"\bupdate\s+(?:to|on)\s+ua\b|\bfurther information on ua\b|\bupdate (?:to|on) ua\b|\b(?:second|third|fourth|fifth) UA\b|"
    r"informaci[óo]n complementaria sobre|compl[ée]ment d['’]information sur|"
    r"(?:primera|segunda|tercera) actualizaci[óo]n|(?:premi[èe]re|deuxi[èe]me|troisi[èe]me) mise [àa] jour|"
    r"\bUA-\d+-\d+/\d{4}\b|\bUA-\d+/\d{4}-\d+\b|This is the (?:\w+ )?update of|"
    r"weitere informationen zu (?:der )?ua\b|action compl[ée]mentaire sur l['’]au\b|"
    r"follow[- ]up (?:on|to) (?:ua|au)\b|\bFI\s+\d+/\d{2}-\d+\b|"
    r"ceci est la (?:premi[èe]re|deuxi[èe]me|troisi[èe]me) mise [àa] jour|"
    r"esta es la (?:primera|segunda|tercera) actualizaci[óo]n|"
    r"dies ist die (?:erste|zweite|dritte) aktualisierung|\b(?:ua|fi)[\s-]*\d+/\d+\s*-\s*nachfolge\b|"
    r"\b(?:seconda|terza|quarta) AU\b|\b(?:tweede|derde|vierde) UA\b|"
    r"verdere informatie (?:over|bij|n\.a\.v\.) (?:de )?(?:ua|urgent action)\b|"
    r"\b(?:eerste|tweede|derde|vierde) update (?:van|bij) (?:de )?(?:ua|urgent action)\b|"
    r"ulteriori informazioni sull['’]\s*(?:au|ua)\b|"
    r"informa[çc][ãa]o (?:adicional|complementar) sobre (?:a )?(?:au|ua)\b|"
    r"mais informa[çc][õo]es (?:\([^)]{0,30}\) )?sobre (?:a )?(?:au|ua)\b|"
    r"m[áa]s informaci[óo]n (?:\([^)]{0,30}\) )?sobre (?:la )?(?:au|ua)\b",
    re.I,
)
# Searched in case-folded text, where a phrase begins (see anchored.py).
_UPDATE_PHRASES = Anchored(
    re.compile(_UPDATE.pattern.casefold()),
    (
        "further information", "fi on ua", "first ", "second ", "third ", "fourth ", "fifth ",
        "follow", "segunda ", "tercera ", "cuarta ", "deuxi", "troisi", "quatri", "premi",
        "update", "informaci", "compl", "primera ", "this is the ", "weitere informationen",
        "action compl", "ua", "au", "fi", "ceci est la ", "esta es la ", "dies ist die ", "seconda ",
        "terza ", "quarta ", "tweede ", "derde ", "vierde ", "ulteriori informazioni",
        "informação ", "informacao ", "mais informa", "más informa", "mas informa",
        "verdere informatie", "eerste ",
    ),
)  # fmt: skip
# A section's follow-up counter after the number ("AU 112/20-1", "UA 45/19-2"): in capitals,
# since the French "du 02/03 au 10/03-11 h" is a range of dates.
_COUNTED_NUMBER = re.compile(r"\b(?:UA|AU)\s*:?\s*\d{1,4}/\d{2}-\d{1,2}\b")
# "2nd update": its own pattern, searched when the text has the words it ends with.
_NUMBERED_UPDATE = re.compile(r"\b\d+(?:st|nd|rd|th) (?:update|follow-up|follow up)\b")


_UPDATE_HEADLINE = re.compile(
    r"^[^\S\n]*(?:urgent action\s+)?(?:update|follow[- ]up|further information)\s*:|\burgent action update\b|"
    # a document page's headline, under its country: "Guatémala: Action complémentaire: …"
    r"^[^\S\n]*(?:[^\W\d_][^:.\n]{1,44}[:.]\s+)?(?:action compl[ée]mentaire|compl[ée]ment d['’]information|"
    r"informaci[óo]n complementaria|acci[óo]n complementaria|weitere informationen|"
    r"informa[çc][ãa]o complementar|verdere informatie|ulteriori informazioni)\s*:",
    re.I | re.M,
)


# Every heading above holds one of these (case folded): a text without any is not searched.
_HEADLINE_WORDS = re.compile("update|follow|further|compl|weitere|verdere|ulteriori")


def document_kind(doc: Document) -> OutputKind:
    """``final`` when the network is told to stop; ``update`` for follow-ups; else ``initial``."""
    text = doc.flat.casefold()
    if any(word in text for word in _FINAL_WORDS) and _FINAL_PHRASES.search(text):
        return OutputKind.FINAL
    if (
        _own_update(doc, _UPDATE_PHRASES.search(text))
        or ((" update" in text or " follow" in text) and _NUMBERED_UPDATE.search(text))
        or _COUNTED_NUMBER.search(doc.flat)
        or (_HEADLINE_WORDS.search(text) and _UPDATE_HEADLINE.search(doc.text))
        or _has_previous_link(doc)
    ):
        return OutputKind.UPDATE
    return OutputKind.INITIAL


def _own_update(doc: Document, match: re.Match[str] | None) -> bool:
    """The follow-up the phrase marks is this document's: a counted number of another UA
    ("UA-257-1/2014" further down a section's page whose own is "UA-313/2014") is not."""
    if match is None:
        return False
    counted = re.match(r"(?:ua|au)\W*0*(\d{1,4})\W", match.group(0))
    if counted is None:
        return True
    from app.importing.identity import ua_number

    own = ua_number(doc)
    return own is None or own.split("/")[0] == counted.group(1)


def _has_previous_link(doc: Document) -> bool:
    from app.importing.identity import previous_ua_link

    return previous_ua_link(doc) is not None
