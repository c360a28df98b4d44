"""Word lists the importer's heuristics use (offices, honorific genders, stop words)."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A whitespace-separated list as a set."""
    return frozenset(text.split())


# Words that mark an office, an institution or an address rather than a person's name.
NON_NAME_WORDS = words(
    """
    amnesty international internacional urgent action network section sección
    uluslararası örgütü
    acción acciones urgente urgentes eilaktion
    minister ministers ministry ministerio ministère ministerium ministro ministra ministre
    ministério president presidente président präsident prime premier attorney general
    generalstaatsanwalt prosecutor prosecutor's fiscal fiscalía fiscalia procurador procuradora
    procureur procureure procuradoria governor gobernador gouverneur governador gouvernement government
    gobierno governo regierung chief director directora directeur diretor head chair chairman
    chairperson chairwoman secretary secretaría secretario secretaria secrétaire commissioner
    commission comisión comisionado committee comité inspector police policía policia polizei army ejército
    armée military force forces staff office oficina bureau cabinet gabinete kabinett
    department departamento département court tribunal corte supreme justice justicia judge
    juez juge council consejo conseil embassy embajada ambassade botschaft ambassador embajador
    ambassadeur botschafter headquarters palace palacio palais palácio house hall building
    complex centre center street st road rd avenue av avda avenida boulevard blvd calle rua rue
    lane square plaza place drive way highway ul ulitsa strasse straße platz box p.o. po
    crescent close terrace gardens mews alley prospekt prospect quay embankment
    territory territorio territoire capital
    apartado casilla province provincial provincia state states estado état district region
    región région republic república république republik federation federación fédération
    föderation national nacional nationale nation nación nação federal agency agence agencia institute
    instituto authority authorities autoridad services service servicio division división unit
    unidad affairs asuntos affaires foreign exterior exteriores interior interiores home security
    seguridad human rights derechos droits humanos humains defender defensor defensoría
    ombudsman defensora pueblo public pública público publique prison prisión prisons jail
    penitentiary centre
    commander commandant comandante kommandant command comando mayor alcalde maire bürgermeister
    king queen sultan emir
    roi reine rey reina könig königin
    representative representante représentant mission permanent kingdom reino royaume office,
    minister, senator senador deputy diputado député parliament parlamento
    custodian leader speaker spokesperson rector dean warden superintendent officer
    act law code decree ordinance statute constitution convention article penal criminal
    ley código decreto loi décret gesetz
    sie ihnen ihre
    procureur-generaal advocaat-generaal minister-president inspecteur-generaal
    directeur-generaal secretaris-generaal commissaris-generaal staatssecretaris ministerie
    justitie politie rechtbank gerechtshof burgemeester commissaris regering republiek
    koninkrijk mensenrechten gevangenis
    gobernación alcaldía procuraduría municipalidad municipio ayuntamiento intendencia
    prefeitura préfecture mairie
    menteri kementerian jaksa agung presiden kepala kepolisian gubernur kantor jalan
    keamanan pertahanan kehakiman
    министр министерство генеральный прокурор прокуратура президент председатель суд суда
    республики республика начальник управление комитет посольство
    prokurator prokuratura generalny generalna republiki prezydent ministerstwo
    prokurátor republiky ministr ministerstvo prezident
    ügyész főügyész legfőbb miniszter minisztérium elnök köztársaság
    εισαγγελέας υπουργός υπουργείο πρωθυπουργός πρόεδρος
    başsavcı başsavcılığı bakan bakanı bakanlığı cumhurbaşkanı valisi
    riksåklagare justitieminister rigsadvokat justitsminister
    nations naciones unidas unies high refugees refugiados réfugiés
"""
)
# What a person at risk does, printed before the name ("Musician Jane Roe was released").
ROLE_NOUNS = words(
    """
    musician singer rapper poet writer novelist artist cartoonist filmmaker photographer
    journalist reporter editor blogger lawyer activist student students teacher professor
    farmer fisherman doctor nurse medic researcher academic economist engineer unionist
    defender campaigner protester worker villager chief elder imam cleric monk nun
    musicienne musicien journaliste avocat avocate militant militante étudiant étudiante
    periodista abogado abogada activista estudiante maestro maestra defensora defensor
    dziennikarka dziennikarz aktywistka aktywista prawnik prawniczka studentka
    journalisten studenten aktivisten advokaten gazeteci avukat öğrenci
    advokát advokátka novinář novinářka aktivistka bloger blogerka právník právnička studentka
    újságíró ügyvéd diák δημοσιογράφος ακτιβιστής δικηγόρος
    """
)
MALE_HONORIFICS = words(
    "ato de heer dhr dom don herr herrn king lord m. monsieur mr prince senhor señor sir sr"
)
FEMALE_HONORIFICS = words(
    "dame doña dra dña frau lady madame miss mevr mevrouw mlle mme mrs ms mw princess queen senhora señora sra srta w/ro woizero"
)
# Pairs of these stay apart even when their join is a word too ("in to", "any one").
COMMON_WORDS = words(
    """
    a an and any as at be body by can do every for fore from he her him his how i in into is it
    its may me my no not of on one or our out over self she so some that the their them there
    they thing this times to up us we well what when where who with you your
"""
)
STOPWORDS = {
    "en": words(
        "the and of to in that is for was have has with are on by from this their they been"
    ),
    "es": words("el la los las de que y en del por con para una su se sus ha han fue como al"),
    "fr": words("le la les des du et en que un une pour par dans sur au aux est ont été qui"),
    "de": words(
        "der die das und den dem des sie ist nicht mit von sich auf für wird ein eine zu im "
        "wurde war hat haben seit bei nach wegen ihr ihre oder auch"
    ),
    "pt": words("o os as de que e do da dos das em para com uma não por foi ao"),
    # Frequent Italian and Dutch words, few of them shared with the languages above.
    "it": words("il di che della delle dei degli nella nel alla gli sono è stato stata anche più"),
    "nl": words(
        "het een dat voor niet zijn werd hij zij naar bij ook wordt heeft hebben hun van op te "
        "uit om ze aan dit"
    ),
    # Swedish, Danish and Polish: frequent words the languages above do not use.
    "sv": words(
        "och att är inte hans hennes hon från efter också eller vid mot sig honom henne blev "
        "ska till för av sina sin år"
    ),
    "da": words(
        "og ikke hendes hun af blevet også eller efter sig ham hende fra været til skal kan "
        "deres mod har siden ved der den det er"
    ),
    "pl": words(
        "się że jest został została zostały przez oraz jego jej ich dla jako który która które "
        "roku lat go po od"
    ),
    # Catalan: the words Spanish, French and Italian do not share.
    "ca": words(
        "els amb és va van seva seu seus seves dels pels aquesta aquest però també fins després "
        "perquè anys està ésser"
    ),
    "tr": words(
        "ve bir bu için ile olarak tarafından olan değil gibi daha kadar sonra ama çok veya"
    ),
    # Norwegian: the frequent words Danish writes otherwise ("av" "af", "ble" "blev").
    "no": words(
        "av ble etter å seg fikk noen nå hadde hennes henne mot ikkje eit ein blitt dette disse"
    ),
    "fi": words(
        "ja on ei että hän oli se ovat kanssa mutta tai kun jälkeen myös hänen hänet joka jotka "
        "ole olla sekä"
    ),
    # Czech and Hungarian: frequent words the languages above do not use.
    "cs": words(
        "je že jako byl byla bylo byli jsou jeho její který která které podle také aby nebo již "
        "během jejich když před proti"
    ),
    "hu": words(
        "az és hogy nem egy volt után ellen szerint miatt óta akár azóta csak már mint vagy "
        "kell amely aki"
    ),
    "id": words(
        "yang dan ini itu dengan untuk dari dalam tidak akan pada telah oleh karena sejak bahwa "
        "sebagai ia mereka"
    ),
}


# Labels that open an e-mail or news posting header wrapping the document, in the languages
# mail programs print them in (Outlook, Thunderbird).
MAIL_WRAPPER_OPENING_LABELS = (
    "From", "To", "Subject", "Newsgroups", "Message-ID", "Path", "Sender", "Reply-To", "$FILE",
    "Von", "Betreff", "Gesendet", "De", "Asunto", "Enviado", "Objet", "Envoyé", "Assunto", "Sent",
    "Oggetto", "Van", "Onderwerp", "Verzonden",
)  # fmt: skip
# Every label of such a wrapping header (not the UA's own fields): the opening ones and these.
MAIL_WRAPPER_LABELS = MAIL_WRAPPER_OPENING_LABELS + (
    "Cc", "Date", "Lines", "Organization", "Issue Date", "Gender m/f", "Categories", "Keywords",
    "Summary", "Distribution", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    "An", "Para", "À", "Data", "Aan", "Datum",
)  # fmt: skip
# Extension headers of a wrapping header ("X-Mailer:").
MAIL_EXTENSION_PREFIX = "X-"
# Labels of a message forwarded inside the body, as mail programs quote its header.
FORWARDED_MAIL_LABELS = (
    "From", "De", "Von", "To", "Para", "An", "À", "Subject", "Asunto", "Assunto", "Oggetto",
    "Betreff", "Objet", "Sent", "Enviado", "Gesendet", "Envoyé", "Cc", "Van", "Aan", "Onderwerp",
    "Verzonden",
)  # fmt: skip


# The rule a mail program prints above a forwarded message, or between the sender's note and
# what it passes on: "-----Original Message-----", "---------- Mensaje reenviado ---------", or
# a line of underscores or dashes.
FORWARD_RULE = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Mensaje (?:original|reenviado)|"
    r"Message (?:d['’]origine|transf[ée]r[ée])|Original-Nachricht|Weitergeleitete Nachricht|"
    r"Mensagem (?:original|encaminhada)|Oorspronkelijk bericht|Doorgestuurd bericht)\s*-{2,}|"
    r"_{4,}|-{4,})\s*$",
    re.I,
)


def label_line(
    labels: tuple[str, ...], *, prefixes: tuple[str, ...] = (), indented: bool = False
) -> re.Pattern[str]:
    """A line opening with one of the labels (or a prefix and a name) and a colon, any case."""
    alternatives = [re.escape(label) for label in labels]
    alternatives += [re.escape(prefix) + r"[\w-]+" for prefix in prefixes]
    indent = r"\s*" if indented else ""
    return re.compile(rf"^{indent}(?:{'|'.join(alternatives)})\s*:", re.I)


# A header line of a message forwarded inside the body ("From: …", "Fecha: …"), which neither
# the headline nor the officials are read from.
FORWARDED_HEADER = label_line(FORWARDED_MAIL_LABELS + ("Date", "Fecha", "Datum", "Data"))
