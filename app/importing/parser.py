"""``parse_text``: recognise the layout, extract every field, return a ParsedDocument."""

from __future__ import annotations

import re
from dataclasses import replace

from app.domain.errors import N_, Count, ImportRejected
from app.domain.greetings import greeted_official, official_descriptions
from app.domain.model import OutputKind, ParsedDocument, Person, Target
from app.importing import identity, library_page
from app.importing.countries import (
    canonical_country,
    country_from_index,
    most_mentioned_country,
)
from app.importing.damage import as_printed
from app.importing.document import Document
from app.importing.languages import detect_language
from app.importing.layouts import recognise
from app.importing.names import looks_like_person_name
from app.importing.narrative import greeted_office, narrative_targets
from app.importing.normalize import fold
from app.importing.own_outputs import check_text
from app.importing.persons import (
    column_persons,
    country_and_name_line,
    introduced_name_list,
    labelled_persons,
    marked_names_under_concern,
    members_group,
    name_lines_under_headline,
    only_added_names,
    table_persons,
    with_sex_marks_read,
)
from app.importing.status import document_kind
from app.importing.story import model_letter, preferred_languages, summary
from app.importing.story_persons import narrative_persons
from app.importing.targets import GREETING, block_targets
from app.importing.titles import Reading, clean_title

MAX_CHARS = 2_000_000
NOT_A_UA = N_(
    "This does not look like an Urgent Action document: no UA number, index or appeal section "
    "was found. Import the UA itself (PDF, text or the web page's text)."
)
_UA_SIGNS = re.compile(
    r"\b(?:URGENT ACTION|ACCIÓN URGENTE|ACTION URGENTE|Urgent Action|AI[\s-]*Index|APPEALS TO|"
    r"TAKE ACTION|PASSEZ À L['’]ACTION|PLEASE SEND APPEALS|APPELLE AN|Índice|Further information on UA|"
    r"A[ÇC][ÃA]O URGENTE|Azion[ei] Urgent[ei]|Dringende Actie|"
    # What Dutch and German sections call their letter actions.
    r"Schrijfactie|Eilaktion|Briefe gegen das Vergessen)\b",
    re.I,
)
_ID_COUNTRY = re.compile(
    r"(?:Index|Índice)\s*:\s*[A-Z]{3}\s?\d{1,2}/[\d ]+/\d{2,4}\s+(.+?)\s+"
    r"(?:Issue Date|Date|Fecha|Fecha de emisi[oó]n|Date d['’][ée]mission|Datum)\s*:",
    re.I,
)
_FOOTER_COUNTRY = re.compile(
    r"\b(?:UA|AU)\s+\d{1,4}/\d{2}\s*,\s*[A-Z]{3}\s?\d{1,2}/\d+/\d{2,4}\s*,\s*([^,\n]+?)\s*,"
)
_COUNTRY_COLUMN = re.compile(r"^([A-Z][A-Z .'-]+?)\s{2,}\S")
# (A name ends at its last letter: the spaces after it are read once, not from each letter.)
_SUBJECT_LAST_COUNTRY = re.compile(
    r"\b(?:Urgent Action|UA|AU)\s+([A-Z](?:[A-Za-z .'-]*[A-Za-z.'-])?)\s*$", re.I
)
_SUBJECT_COUNTRY = re.compile(r"\b(?:on|to)\s+([a-z][a-z.'-]*(?: +[a-z.'-]+)*)(?:\s*\(|\s*$)", re.I)


def parse_text(text: str, source_name: str = "") -> ParsedDocument:
    """Parse one UA document's text; raise ImportRejected when it is empty or not a UA."""
    source = source_name or "text"
    if not text or not text.strip():
        raise ImportRejected(source, N_("The document is empty: there is no text to import."))
    if len(text) > MAX_CHARS:
        raise ImportRejected(
            source,
            N_(
                "The text is far longer than an Urgent Action ({count} characters). "
                "Import one UA document at a time."
            ),
            count=Count(len(text)),
        )
    check_text(text, source)  # our own letters, reports and event files are not UAs
    doc = Document(text, source_name)
    number = identity.ua_number(doc)
    index = identity.ai_index(doc)
    kind = document_kind(doc)
    # A document page summing a UA up, or a section's page saying the case needs no more
    # appeals: a UA, though it prints no number.
    summed_up = library_page.is_ua_summary(doc)
    signed = (
        number is not None
        or index is not None
        or _UA_SIGNS.search(doc.text)
        or summed_up
        or kind is OutputKind.FINAL
    )
    if not signed and not _is_appeal_letter(doc.flat_body):
        raise ImportRejected(source, NOT_A_UA)
    _layout, reading = recognise(doc)
    reading, headline_names = _library_headline(doc, reading)
    targets, copies = block_targets(doc)
    letter = model_letter(doc)
    if not targets:
        targets = narrative_targets(doc.flat_body)  # named only in a sentence
    elif letter:
        targets = _greeting_to_unsaluted(targets, letter)
    story = summary(doc, reading.story_start)
    if letter and not targets and _only_the_letter(story or "", letter):
        # A page that holds only the model letter: it greets the official and tells the story.
        greeted = greeted_office(letter)
        targets = [greeted] if greeted else []
        story = story or letter
    persons = _persons(
        doc, story or _letter_body(doc), targets, reading.title or "", reading.story_start
    )
    if not persons and story and (body := _letter_body(doc)):
        # A page's note above the model letter names no one; the letter names the person.
        persons = _persons(doc, body, targets, reading.title or "", reading.story_start)
    if headline_names and not column_persons(doc) and not labelled_persons(doc):
        persons = headline_names  # the page names them; its summary tells no more
    title, persons = _subject_line(reading.title or "", persons)
    previous = identity.previous_ua_link(doc)
    country_and_name = country_and_name_line(doc)
    hinted = reading.country or (country_and_name[0] if country_and_name else None)
    country = _country(doc, hinted, index, previous) or _addressed_country(story or "", targets)
    if number is None and index is None and not targets and not persons and not summed_up:
        raise ImportRejected(source, NOT_A_UA)
    if doc.accent_damaged:
        persons, targets = _names_as_printed(doc, persons, targets)
    # The story weighs more than the page around it (cookie banners, menus in English).
    language = detect_language(doc.flat_body, stressed=story or "", stress=3)
    persons = with_sex_marks_read(doc, persons, language)
    return ParsedDocument(
        ua_number=number,
        ai_index=index,
        kind=kind,
        action_requested=kind is not OutputKind.FINAL,
        title=title,
        country=country or "",
        issued_on=identity.issued_on(doc),
        deadline=None if kind is OutputKind.FINAL else identity.deadline(doc),
        persons=tuple(persons),
        targets=tuple(targets),
        preferred_languages=() if kind is OutputKind.FINAL else tuple(preferred_languages(doc)),
        previous_ua_link=previous,
        document_language=language,
        summary=story,
        model_letter=letter,
        copies_to=tuple(copies),
        text=doc.text,
    )


# A model appeal letter a section or group printed without the UA around it: a greeting, an
# appeal to the official and a word of what is done to the person, in the UA network's languages.
_LETTER_GREETING = re.compile(
    r"(?:^|[\s.])(?:Dear|Your Excellency|Excellency|Monsieur|Madame|Señora?|Excelentísim[oa]|"
    r"Estimad[oa]|Sehr geehrte[rn]?|Geachte|Egregi[oa]|Gentile)\b[^.!?\n]{0,60}[,:]"
)
_APPEAL = re.compile(
    r"\bI(?:['’]m| am| must| would like to)? (?:writ\w*|urge|call on|ask|request|appeal)\b|"
    r"\bI (?:therefore|respectfully) urge\b|\bexpress(?:ing)? (?:my|our) (?:\w+ ){0,2}concern|"
    r"\bI am (?:deeply |gravely )?concerned\b|\bJe vous (?:demande|prie|exhorte|écris)\b|"
    r"\bL[ea]s? (?:pido|solicito|insto)\b|\bIch (?:fordere|bitte) Sie\b|\bIk (?:verzoek|vraag) u\b|"
    r"\b(?:Le|Vi) chiedo\b",
    re.I,
)
_AT_RISK = re.compile(
    r"\b(?:releas\w*|detention|detained|prison\w*|arrest\w*|execut\w*|tortur\w*|charges|"
    r"libér\w*|détention|détenu\w*|emprisonn\w*|liberaci[óo]n|liberen|detenci[óo]n|detenid\w*|"
    r"encarcelad\w*|Freilassung|Haft|inhaftiert|vrijlating|gevangen\w*|scarcerazione|detenzione)\b",
    re.I,
)


def _is_appeal_letter(text: str) -> bool:
    """The text holds an appeal letter (a section's page printing only the model letter): it
    greets an official, appeals to them and tells what is done to someone."""
    greeting = _LETTER_GREETING.search(text)
    if greeting is None:
        return False
    after = text[greeting.end() : greeting.end() + 3000]
    return bool(_APPEAL.search(after) and _AT_RISK.search(after))


def _letter_body(doc: Document) -> str | None:
    """The text under a letter's greeting, where a page holds no story but the letter (a
    group's "Briefe gegen das Vergessen" page): the case it tells names the people."""
    lines = doc.body_lines
    for i, line in enumerate(lines):
        if GREETING.match(line):
            body = "\n".join(lines[i + 1 : i + 40]).strip()
            return body or None
    return None


_NUMBER_BEFORE_HEADLINE = re.compile(r"^(?:UA|AU|EXTRA)\s+\d{1,4}/\d{2,4}\s*[-–:]\s*(?=\S)")


def _library_headline(doc: Document, reading: Reading) -> tuple[Reading, list[Person]]:
    """A document page's headline ``Country: concern: Name, Name`` read as the title: the
    concern is the title, and the names are the people the document is about."""
    line = library_page.headline_line(doc)
    if line is None:
        return _headline_naming(reading)
    # "UA 86/94 - Guatemala: death threats: Name, Name": the number leads the older headlines.
    printed = _NUMBER_BEFORE_HEADLINE.sub("", doc.body_lines[line].strip(), count=1)
    printed = library_page.as_headline(printed)
    headline, country = clean_title(printed)
    if reading.title and reading.title != headline:
        return reading, []  # the document's own concern line or headline
    concern, named = library_page.concern_and_names(headline)
    start = reading.story_start or doc.header_end + line + 1
    return Reading(concern, reading.country or country, start), named


def _headline_naming(reading: Reading) -> tuple[Reading, list[Person]]:
    """A headline that names the people after its concern, on a page without the site's
    index line ("Further information on UA 180/93 - Kuwait: fear of torture: Name, Name"):
    the concern is the title and the names are the people."""
    title = reading.title or ""
    if title.count(": ") != 1:
        return reading, []
    concern, named = library_page.concern_and_names(title)
    if len(named) < 2 or concern == title:
        return reading, []
    return Reading(concern, reading.country, reading.story_start), named


def _subject_line(title: str, persons: list[Person]) -> tuple[str, list[Person]]:
    """A "headline" that is one of the people's names is the letter's subject set above its
    greeting, not a headline; printed in full there ("Billy Joe Wardlow" for the letter's
    "Billy Wardlow"), it is that person's name."""
    words = title.split()
    for i, person in enumerate(persons):
        if fold(title) == fold(person.name):
            return "", persons
        named = person.name.split()
        if (
            len(words) > len(named) >= 2
            and fold(words[0]) == fold(named[0])
            and fold(words[-1]) == fold(named[-1])
            and looks_like_person_name(title)
        ):
            return "", [*persons[:i], replace(person, name=title), *persons[i + 1 :]]
    return title, persons


def _only_the_letter(story: str, letter: str) -> bool:
    """The story found is the model letter itself (or nothing): the page holds no other text."""
    opening = " ".join(story.split())[:80]
    return not opening or opening in " ".join(letter.split())


def _names_as_printed(
    doc: Document, persons: list[Person], targets: list[Target]
) -> tuple[list[Person], list[Target]]:
    """Names keep the letters the damaged text printed (the repair is for labels and
    countries; nothing tells what a name lost)."""
    printed = [replace(p, name=as_printed(p.name, doc.raw)) for p in persons]
    officials = [
        replace(
            t,
            name=as_printed(t.name, doc.raw) if t.name else t.name,
            name_as_printed=(as_printed(t.name_as_printed, doc.raw) if t.name_as_printed else None),
        )
        for t in targets
    ]
    return printed, officials


def _greeting_to_unsaluted(targets: list[Target], letter: str) -> list[Target]:
    """The model letter's greeting is the salutation of the official it names, else of the
    first target without one (AIUSA pages print the sample letter after the copies block),
    unless a target already has it."""
    first_line = letter.split("\n", 1)[0]
    if not GREETING.match(first_line):
        return targets  # a model letter that opens with its first sentence greets nobody
    greeting = first_line.strip().rstrip(",:;!،").strip()
    if not greeting or any(fold(t.salutation or "") == fold(greeting) for t in targets):
        return targets
    named = greeted_official(greeting, official_descriptions(targets))
    unsaluted = [i for i, target in enumerate(targets) if target.salutation is None]
    for i in [named] if named is not None else unsaluted[:1]:
        if targets[i].salutation is None:  # never another official's: they get their own
            return [*targets[:i], replace(targets[i], salutation=greeting), *targets[i + 1 :]]
    return targets


def _persons(
    doc: Document,
    story: str | None,
    targets: list[Target],
    headline: str = "",
    story_start: int = 0,
) -> list[Person]:
    persons: list[Person] = []
    columns = column_persons(doc)
    for person in [*labelled_persons(doc), *columns]:
        if all(fold(p.name) != fold(person.name) for p in persons):
            persons.append(person)
    if not persons and (country_and_name := country_and_name_line(doc)):
        return [country_and_name[1]]  # "Russland: Vera Beispielowa" above the letter
    if not persons and (listed := introduced_name_list(doc)):
        return listed
    if not persons and (tabled := table_persons(doc)):
        return tabled
    if (persons and (columns or not only_added_names(doc))) or not story:
        return persons
    if not persons:
        persons = name_lines_under_headline(doc, story_start)
        if persons:
            return persons
        marked = marked_names_under_concern(doc, story_start)
        if len(marked) >= 2:
            return marked  # a list's name block without its country column
    exclude = " ".join(
        fold(" ".join(filter(None, (t.name, t.title, t.address, t.name_as_printed))))
        for t in targets
    )
    named = narrative_persons(doc, story, {fold(p.name) for p in persons}, headline)
    added = [p for p in named if fold(p.name) not in exclude]
    # A follow-up's "New name:" adds to the people its story names.
    found = [*added, *(p for p in persons if all(fold(p.name) != fold(a.name) for a in added))]
    group = members_group(story)
    if group and all(fold(p.name) in fold(group[0].name) for p in found):
        return group  # "Ruritanian Dockers Union" read as a name is the body the group is of
    return found


_PLACE_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*(?: [^\W\d_][^\W\d_'’-]*){0,2}")


def _addressed_country(story: str, targets: list[Target]) -> str | None:
    """The country an official's address ends with, when nothing else names the country; one
    no list knows (a fictional one) when the story names it too ("République de Belmont" and
    "Belmont-Ville, Belmont")."""
    for target in targets:
        last = (target.address or "").rsplit(",", 1)[-1].strip()
        if canonical_country(last):
            return canonical_country(last)  # "…, Texas 78711-2428, USA": the page names no other
        if not _PLACE_NAME.fullmatch(last):
            continue
        name = last.title() if last.isupper() else last
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", story):
            return name
    return None


def _country(
    doc: Document, hinted: str | None, index: str | None, previous: str | None
) -> str | None:
    printed = None
    for line in doc.lines:
        match = _ID_COUNTRY.search(line)
        if match and canonical_country(match.group(1)):
            return canonical_country(match.group(1))
        if match and printed is None and len(match.group(1).split()) <= 6:
            printed = match.group(1).strip()
        match = _FOOTER_COUNTRY.search(line)
        if match and canonical_country(match.group(1)):
            return canonical_country(match.group(1))
    if hinted:
        return hinted
    for line in doc.body_lines:
        column = _COUNTRY_COLUMN.match(line)
        if column and canonical_country(column.group(1)):
            return canonical_country(column.group(1))
    subject = doc.header_value("Subject")
    if subject:
        for match in _SUBJECT_COUNTRY.finditer(subject):
            if canonical_country(match.group(1)):
                return canonical_country(match.group(1))
        # "Urgent Action Mexico": the country last in a forwarder's subject
        last = _SUBJECT_LAST_COUNTRY.search(subject)
        if last and canonical_country(last.group(1)):
            return canonical_country(last.group(1))
    for source in (index, previous):
        if source and country_from_index(source):
            return country_from_index(source)
    return printed or most_mentioned_country(doc.body)
