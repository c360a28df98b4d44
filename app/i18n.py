"""Interface translations: explicit gettext functions, catalogs read from .po files, negotiation.

Use ``from app.i18n import _, N_, ngettext, pgettext, npgettext`` (never builtins). Catalogs are
``locales/<locale>/LC_MESSAGES/messages.po``, parsed with Babel and compiled in memory when a
language is chosen, chained ``es_PE -> es -> en`` (English is the source language). Setting
``APPEAL_DESK_TEST_PO=/path/to/file.po`` puts that file in front of the chain, so a translator
previews a catalog without building anything. No Qt here: the UI registers a listener with
``add_language_listener`` and retranslates itself when the language changes.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import logging
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
TEST_PO_ENV = "APPEAL_DESK_TEST_PO"
CATALOG_DOMAIN = "messages"

# language, optional script, optional territory: "es", "es_PE", "zh_Hant_TW", "es_419".
LOCALE_ID = re.compile(r"^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?$")

# a POSIX or BCP 47 tag, optionally with an encoding and a modifier: "es-PE", "es_PE.UTF-8@euro"
_TAG_SHAPE = re.compile(
    r"([A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*)(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z0-9]+)?"
)

LanguageListener = Callable[[str], None]

_lock = threading.RLock()
_listeners: list[LanguageListener] = []
_translations: gettext.NullTranslations = gettext.NullTranslations()
_language: str = SOURCE_LANGUAGE
_regional: str = SOURCE_LANGUAGE  # the language with the user's region, for dates


# ---- gettext functions (cheap: one attribute lookup and a dict access) ----------------------


def _(message: str) -> str:
    """Translate a whole sentence of the interface."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it now (translate with ``_`` later)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a sentence with a count; the catalog knows the language's plural forms."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a short string whose meaning depends on ``context`` (e.g. "menu", "status")."""
    return _translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """``pgettext`` with a count."""
    return _translations.npgettext(context, singular, plural, n)


def short_list(names: Iterable[str], more: int = 0, shown: int = 5) -> str:
    """``names`` joined with commas, the first ``shown`` of them whole and the rest (plus
    ``more`` not listed) counted: "a.txt, b.txt, c.txt and 12 more"."""
    listed = list(names)
    more += max(0, len(listed) - shown)
    text = ", ".join(listed[:shown])
    if more > 0:
        text += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
    return text


# ---- locale ids and directories ---------------------------------------------------------------


def normalize_locale(tag: str | None) -> str | None:
    """Turn ``es-PE``, ``es_PE.UTF-8`` or ``es-Latn-PE`` into a canonical Babel id, else None.

    The result matches ``LOCALE_ID`` and is safe to use as a path component.
    """
    if not tag or len(tag) > 40:
        return None
    shape = _TAG_SHAPE.fullmatch(tag.strip())
    if shape is None:
        return None
    cleaned = shape.group(1).replace("-", "_")
    if cleaned.upper() in ("C", "POSIX"):
        return None  # the POSIX locale names no language (Babel agrees)
    if cleaned in _shipped_catalogs() or cleaned == SOURCE_LANGUAGE:
        return cleaned  # a catalog we ship is a valid id: no need to load Babel at start-up
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(cleaned)
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    canonical = str(locale)
    return canonical if LOCALE_ID.fullmatch(canonical) else None


_PLAIN_TAG = re.compile(r"^([a-z]{2,3})(?:_([A-Z]{2}|[0-9]{3}))?$")


def plain_locale(tag: str) -> str | None:
    """``en-US`` or ``es_PE.UTF-8`` as ``en_US`` / ``es_PE``, read without Babel; None when
    the tag has a script or another shape only Babel can canonicalise."""
    shape = _TAG_SHAPE.fullmatch(tag.strip())
    if shape is None:
        return None
    cleaned = shape.group(1).replace("-", "_")
    return cleaned if _PLAIN_TAG.fullmatch(cleaned) else None


def base_language(locale_id: str) -> str:
    """``es_PE`` -> ``es``."""
    return locale_id.split("_")[0]


def locale_chain(locale_id: str) -> list[str]:
    """Fallback chain for a locale: ``es_PE`` -> ``["es_PE", "es", "en"]`` (no duplicates)."""
    chain: list[str] = []
    parts = locale_id.split("_")
    for length in range(len(parts), 0, -1):
        candidate = "_".join(parts[:length])
        if LOCALE_ID.fullmatch(candidate):
            chain.append(candidate)
    chain.append(SOURCE_LANGUAGE)
    return list(dict.fromkeys(chain))


_PACKAGE_DIR = Path(__file__).resolve().parent  # resolved once: every letter asks


def locales_dir() -> Path:
    """The catalogs directory: ``app/locales`` in an installed wheel, ``locales/`` in a checkout."""
    package_dir = _PACKAGE_DIR
    installed = package_dir / "locales"
    if installed.is_dir():
        return installed
    return package_dir.parent / "locales"


def catalog_path(locale_id: str) -> Path:
    """Path of a locale's ``messages.po``; the id is validated before it touches the path."""
    if not LOCALE_ID.fullmatch(locale_id):
        raise ValueError(f"not a locale id: {locale_id!r}")
    return locales_dir() / locale_id / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.po"


def available_languages() -> list[str]:
    """Locales with a shipped interface catalog, plus English; sorted, English first."""
    return [SOURCE_LANGUAGE, *sorted(_shipped_catalogs() - {SOURCE_LANGUAGE})]


@lru_cache(maxsize=1)
def _shipped_catalogs() -> frozenset[str]:
    root = locales_dir()
    if not root.is_dir():
        return frozenset()
    return frozenset(
        entry.name
        for entry in root.iterdir()
        if LOCALE_ID.fullmatch(entry.name)
        and (entry / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.po").is_file()
    )


def is_rtl(locale_id: str) -> bool:
    """True for right-to-left languages (Arabic, Hebrew, Persian, Urdu...)."""
    plain = plain_locale(locale_id)
    if plain is not None and base_language(plain) in _KNOWN_LEFT_TO_RIGHT:
        return False  # no Babel locale data to load at start-up (about 20 ms)
    canonical = normalize_locale(locale_id)
    if canonical is None:
        return False
    from babel import Locale

    return Locale.parse(canonical).text_direction == "rtl"


_KNOWN_LEFT_TO_RIGHT = frozenset({"en", "es", "fr", "de", "pt", "it", "nl"})

# Every CLDR locale of these languages writes the digits 0-9 by default (a test checks it
# against Babel): the common interface languages need no Babel locale data at start-up.
LATIN_DIGIT_LANGUAGES = frozenset({"en", "es", "fr", "de", "pt", "it", "nl"})


# ---- negotiation ------------------------------------------------------------------------------


def negotiate(preferred: Iterable[str], available: Iterable[str] | None = None) -> str:
    """Pick the best available locale for the user's ordered preferences (BCP 47 or POSIX tags).

    Unlike ``babel.negotiate_locale``, every preference is tried for an exact (region) match
    before any is reduced to its bare language, so ``["es-Latn-AR", "es-PE"]`` picks ``es_PE``
    when it is shipped rather than ``es`` (Babel's negotiation alone picks ``es``). Falls back to
    English.
    """
    shipped = list(available) if available is not None else available_languages()
    shipped_set = set(shipped)
    # A plain tag needs no validation here: it only counts if a shipped catalog matches it.
    wanted = [c for c in (plain_locale(tag) or normalize_locale(tag) for tag in preferred) if c]
    for candidate in wanted:
        for variant in _region_variants(candidate):
            if variant in shipped_set:
                return variant
    for candidate in wanted:
        if base_language(candidate) in shipped_set:
            return base_language(candidate)
    return SOURCE_LANGUAGE if SOURCE_LANGUAGE in shipped_set or not shipped else shipped[0]


def _region_variants(locale_id: str) -> list[str]:
    """``zh_Hant_TW`` -> ``[zh_Hant_TW, zh_TW, zh_Hant]`` (script and region kept when present)."""
    parts = locale_id.split("_")
    if len(parts) == 3:
        return [locale_id, f"{parts[0]}_{parts[2]}", f"{parts[0]}_{parts[1]}"]
    return [locale_id] if len(parts) == 2 else []


# ---- catalogs ---------------------------------------------------------------------------------


# A message every kept .mo carries: the CRC-32 of the .po it was built from and the compiler's
# revision, so a catalog a translator has since edited (or one an older version compiled) is
# compiled again instead of being read stale. A wheel and the
# standalone bundle carry .mo files built with them (``compile_catalogs``); in a checkout the
# .mo is written beside its .po the first time a language is used, so later starts in that
# language read it instead of compiling.
SOURCE_MARK = ("appeal-desk", "source-crc32")
# Raised whenever compile_po compiles the same .po differently (as when messages with a count
# and no translation were left out, so that a regional catalog falls back to its base
# language): a .mo compiled before carries the old number and is compiled again.
COMPILER_REVISION = 2


def compile_po(
    po_path: Path,
    locale_id: str | None = None,
    *,
    mark: bool = False,
    problems: list[str] | None = None,
) -> bytes:
    """Parse a .po file and compile it to .mo bytes (fuzzy and unsafe entries left out, and
    named in ``problems`` when given); ``mark`` adds the source checksum that shipped
    catalogs carry."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = po_path.read_bytes()
    said = io.StringIO()  # Babel prints what it skips in a broken catalog: the log keeps it
    with contextlib.redirect_stdout(said):
        catalog = read_po(io.BytesIO(source), locale=locale_id, domain=CATALOG_DOMAIN)
    for line in said.getvalue().splitlines():
        log.warning("%s: %s", po_path, line.removeprefix("WARNING: "))
    drop_unsafe_translations(catalog, po_path, problems)
    _leave_out_untranslated_counts(catalog)
    if mark:
        catalog.add(SOURCE_MARK[1], compiled_mark(source), context=SOURCE_MARK[0])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Compile every ``<locale>/LC_MESSAGES/messages.po`` under ``source`` into a marked .mo at
    the same place under ``target`` (a wheel's or a bundle's build folder, or ``source``
    itself); returns the files written. Packaging calls this, so an installed app reads its
    catalogs and never compiles them at run time."""
    written = []
    for po_path in sorted(source.glob(f"*/LC_MESSAGES/{CATALOG_DOMAIN}.po")):
        locale_id = po_path.parent.parent.name
        if not LOCALE_ID.fullmatch(locale_id):
            continue
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        data = compile_po(po_path, locale_id, mark=True)
        from app.atomic_files import replace_file_contents

        replace_file_contents(mo_path, data, private=False)  # a program file, not user data
        written.append(mo_path)
    return written


def compiled_mark(source: bytes) -> str:
    """What a .mo compiled from the .po ``source`` by this version carries: the checksum of
    the .po and the compiler's revision."""
    import zlib  # cheap to import, unlike hashlib (about 25 ms at start-up)

    return f"{zlib.crc32(source):08x}-{COMPILER_REVISION}"


def compiled_path(locale_id: str) -> Path:
    """Where the shipped compiled catalog of a locale lives (next to its .po)."""
    return catalog_path(locale_id).with_suffix(".mo")


def compiled_is_current(locale_id: str) -> bool | None:
    """True when the shipped .mo was built from the .po as it is now, by this version's
    compiler; None when there is none."""
    mo_path = compiled_path(locale_id)
    if not mo_path.is_file():
        return None
    return _mark_of(mo_path.read_bytes()) == compiled_mark(catalog_path(locale_id).read_bytes())


def _mark_of(data: bytes) -> str | None:
    """The source checksum a compiled catalog carries, read straight from the .mo tables
    (parsing the whole catalog only to read it would double the cost of starting in another
    language); None when the data is no catalog or has no mark."""
    import struct

    key = f"{SOURCE_MARK[0]}\x04{SOURCE_MARK[1]}".encode("ascii")
    try:
        (magic,) = struct.unpack_from("<I", data)
        order = {0x950412DE: "<", 0xDE120495: ">"}.get(magic)
        if order is None:
            return None
        count, originals, translations = struct.unpack_from(f"{order}3I", data, 8)
        for index in range(count):
            length, offset = struct.unpack_from(f"{order}2I", data, originals + 8 * index)
            if length == len(key) and data[offset : offset + length] == key:
                length, offset = struct.unpack_from(f"{order}2I", data, translations + 8 * index)
                return data[offset : offset + length].decode("ascii")
    except (struct.error, UnicodeDecodeError):
        return None
    return None


def drop_unsafe_translations(
    catalog: Catalog, source: Path, problems: list[str] | None = None
) -> int:
    """Blank every translation that could read or exhaust the program when formatted (see
    ``app.catalog_safety``), so the English text is used instead; returns how many. Each is
    logged, and named in ``problems`` ("file:line: reason") when given."""
    from app.catalog_safety import unsafe_reason

    dropped = 0
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        reason = next((r for f in forms if f for r in [unsafe_reason(ids, f)] if r), None)
        if reason is None:
            continue
        log.warning("%s:%s: translation not used: %s", source, message.lineno, reason)
        if problems is not None:
            problems.append(f"{source}:{message.lineno}: {reason}")
        message.string = tuple("" for _ in forms) if len(forms) > 1 else ""
        dropped += 1
    return dropped


def _leave_out_untranslated_counts(catalog: Catalog) -> None:
    """Remove the messages with a count whose forms are all empty: Babel would compile them as
    the English text, so a regional catalog (``es_PE``) would show English instead of asking
    its base language (``es``), as it does for a message without a count."""
    for message in list(catalog)[1:]:
        if isinstance(message.string, (list, tuple)) and not any(message.string):
            catalog.delete(message.id, context=message.context)


@lru_cache(maxsize=32)
def _shipped_mo(locale_id: str) -> bytes | None:
    """The compiled catalog: the .mo beside the .po when it was built from it (no Babel import
    at start-up), else the .po compiled now and kept as that .mo."""
    path = catalog_path(locale_id)
    if not path.is_file():
        return None
    mo_path = path.with_suffix(".mo")
    try:
        kept = mo_path.read_bytes() if mo_path.is_file() else None
    except OSError as exc:  # another user's compiled catalog this user may not read
        log.info("cannot read %s (%s); compiling the .po", mo_path, exc)
        kept = None
    if kept is not None:
        if _mark_of(kept) == compiled_mark(path.read_bytes()):
            return kept
        log.info("%s is older than its .po or this version; compiling the .po", mo_path)
    data = compile_po(path, locale_id, mark=True)
    _keep_compiled(mo_path, data)
    return data


def compiled_by_this_version(locale_id: str) -> bool:
    """Whether the .mo beside the locale's .po was compiled by this version's compiler (from
    whichever state of the .po): one an older Appeal Desk wrote carries another mark."""
    try:
        mark = _mark_of(compiled_path(locale_id).read_bytes())
    except OSError:
        return False
    return mark is not None and mark.endswith(f"-{COMPILER_REVISION}")


def recompile_kept_catalog(locale_id: str) -> None:
    """Compile the locale's .po again and keep it as the .mo beside it, as a start in that
    language does when the .mo is older than the .po (best effort, as there)."""
    path = catalog_path(locale_id)
    _keep_compiled(path.with_suffix(".mo"), compile_po(path, locale_id, mark=True))
    _shipped_mo.cache_clear()


def _keep_compiled(mo_path: Path, data: bytes) -> None:
    """Keep a compiled catalog beside its .po for the next start (best effort: a read-only
    install compiles again each time, which is slower but correct). It is part of the program,
    not the user's data: every user of the same install may read it."""
    from app.atomic_files import replace_file_contents

    try:
        replace_file_contents(mo_path, data, private=False)
    except OSError as exc:  # the temp file is gone already; the old .mo is as it was
        log.debug("cannot keep the compiled catalog %s: %s", mo_path, exc)


def translations_for(locale_id: str, *, use_test_po: bool = True) -> gettext.NullTranslations:
    """A fresh chained translations object for ``locale_id`` (``es_PE`` -> ``es`` -> source)."""
    canonical = normalize_locale(locale_id) or SOURCE_LANGUAGE
    compiled: list[tuple[str | None, bytes]] = []
    test_po = os.environ.get(TEST_PO_ENV) if use_test_po else None
    preview = _test_po_catalog(test_po) if test_po else None
    if preview is not None:
        compiled.append((None, preview))
    for link in locale_chain(canonical):
        found = None if link == SOURCE_LANGUAGE else _shipped_mo(link)
        if found is not None:
            compiled.append((link, found))
    head: gettext.NullTranslations = gettext.NullTranslations()
    for source, data in compiled:
        head.add_fallback(_parsed(source, data))
    return head


def gettext_in(locale_id: str, message: str) -> str:
    """``message`` as the shipped catalog of ``locale_id`` has it, whatever the interface
    language: the words printed on a letter in the letter's own language ("Nom :" and
    "EXEMPLE FICTIF - NE PAS ENVOYER" on a French letter from a German window)."""
    return translations_for(locale_id, use_test_po=False).gettext(message)


def _parsed(locale_id: str | None, data: bytes) -> gettext.GNUTranslations:
    """A compiled catalog read; a shipped one that is damaged behind an intact checksum is
    compiled again from its .po (the app must start whatever a .mo holds)."""
    import struct

    try:
        return gettext.GNUTranslations(io.BytesIO(data))
    except (OSError, ValueError, struct.error) as exc:
        if locale_id is None:
            raise
        log.warning(
            "the compiled catalog of %s cannot be read (%s); compiling its .po", locale_id, exc
        )
        fresh = compile_po(catalog_path(locale_id), locale_id, mark=True)
        return gettext.GNUTranslations(io.BytesIO(fresh))


def test_po_locale() -> str | None:
    """The language of the catalog named by ``APPEAL_DESK_TEST_PO``, when it is set and readable."""
    test_po = os.environ.get(TEST_PO_ENV)
    if not test_po:
        return None
    from babel.messages.pofile import read_po

    path = Path(test_po)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle)
    except (OSError, ValueError) as exc:
        log.warning("%s=%s cannot be read: %s", TEST_PO_ENV, test_po, exc)
        return None
    for candidate in (str(catalog.locale or ""), path.stem, path.resolve().parent.parent.name):
        found = normalize_locale(candidate)
        if found:
            return found
    return None


# compiled at its first use (``re`` keeps it), not as the module loads at every start
_PO_KEYWORD = r'(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(?=")'


def _unquoted_lines(source: bytes, path: Path) -> list[str]:
    """Lines of a .po file whose text is not one whole quoted string ("file:line: ..."): Babel
    reads such a file without a word, cutting the text short or dropping it."""
    found = []
    for number, line in enumerate(source.decode("utf-8", "replace").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        keyword = re.match(_PO_KEYWORD, text)
        if keyword is not None:
            text = text[keyword.end() :]
        body = text[1:-1]
        escapes = len(body) - len(body.rstrip("\\"))
        if len(text) < 2 or text[0] != '"' or text[-1] != '"' or escapes % 2:
            found.append(f"{path}:{number}: not one whole quoted string")
    return found


def _test_po_catalog(test_po: str) -> bytes | None:
    problems: list[str] = []
    try:
        for problem in _unquoted_lines(Path(test_po).read_bytes(), Path(test_po)):
            log.warning("%s", problem)
            problems.append(problem)
        compiled = compile_po(Path(test_po), problems=problems)
    except (OSError, ValueError) as exc:  # a missing or broken preview must not stop the app
        log.warning("%s=%s is ignored: %s", TEST_PO_ENV, test_po, exc)
        from app.domain.errors import os_problem

        reason = os_problem(exc)  # the usual failures, said in the language of the line
        _preview_problems.setdefault(
            test_po,
            (
                N_(
                    "warning: the preview catalog {file} ({variable}) cannot be read "
                    "({reason}); the shipped translations are used."
                ),
                {"file": test_po, "variable": TEST_PO_ENV, "reason": reason},
            ),
        )
        return None
    if problems:
        _preview_problems.setdefault(
            test_po,
            (
                N_(
                    "warning: some translations in the preview catalog {file} cannot be "
                    "shown as written; the first: {first} (the log names them all)."
                ),
                {"file": test_po, "first": problems[0]},
            ),
        )
    return compiled


# APPEAL_DESK_TEST_PO values that could not be used (fully or in part): the template to say
# and its fields, said once logging is set up (say_preview_problems)
_preview_problems: dict[str, tuple[str, dict[str, object]]] = {}


def say_preview_problems() -> None:
    """One line on stderr, and the same in the log, for a preview catalog that could not be
    used as it is: a translator would otherwise see English and not know why."""
    for test_po, (template, fields) in list(_preview_problems.items()):
        from app.domain.errors import Phrase

        shown = {
            name: value.translated(_) if isinstance(value, Phrase) else value
            for name, value in fields.items()
        }
        line = _(template).format(**shown)
        log.warning("%s", line)
        print(f"appeal-desk: {line}", file=sys.stderr)
        del _preview_problems[test_po]


def reload_catalogs() -> None:
    """Forget cached catalogs (after a translator edited a .po file)."""
    _shipped_catalogs.cache_clear()
    _shipped_mo.cache_clear()


# ---- the current language ---------------------------------------------------------------------


def set_language(locale_id: str | None) -> str:
    """Switch the interface language; returns the locale actually used and notifies listeners.

    Unknown or unsafe ids fall back to negotiation against the shipped catalogs (then English).
    While ``APPEAL_DESK_TEST_PO`` is set, the previewed catalog's language always wins.
    """
    global _translations, _language, _regional
    canonical = normalize_locale(locale_id) if locale_id else None
    requested = canonical
    previewed = test_po_locale() if os.environ.get(TEST_PO_ENV) else None
    if previewed:
        canonical = previewed
    elif canonical is None:
        canonical = SOURCE_LANGUAGE
    elif canonical not in available_languages():
        canonical = negotiate([canonical])
    with _lock:
        fresh = translations_for(canonical)
        _translations, _language = fresh, canonical
        _regional = _with_region(canonical, requested)
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(canonical)
        except RuntimeError as exc:
            # A window closed without unregistering: its Qt object is gone. Forget it
            # rather than let one stale listener stop every other window retranslating.
            if "already deleted" not in str(exc):
                raise
            log.debug("dropping a language listener of a deleted widget: %s", exc)
            remove_language_listener(listener)
    return canonical


def current_language() -> str:
    """The locale of the interface right now (``en`` until ``set_language`` is called)."""
    return _language


def regional_locale() -> str:
    """The interface language with the user's region, the locale dates are written in: the
    region asked for (``--lang en_GB``) or the system's (``LANG=en_GB.UTF-8``) when it is the
    interface language's, so a British user reads "11 April 2023" where "en" alone writes
    "April 11, 2023". Unchecked against CLDR: the date formatter checks it (``app.dates``)."""
    return _regional


def _with_region(language: str, requested: str | None) -> str:
    """``language`` with the region of ``requested`` or of the system locale when either is
    that language. Only for languages that write 0-9 in every region: elsewhere a region may
    bring other digits, and the interface keeps the language's own."""
    if "_" in language or language not in LATIN_DIGIT_LANGUAGES:
        return language
    for candidate in (requested, _environment_locale()):
        plain = plain_locale(candidate) if candidate else None
        if plain is not None and "_" in plain and base_language(plain) == language:
            return plain
    return language


_platform_locale: str | None = None


def remember_platform_locale(tag: str | None) -> None:
    """The window passes the platform's own locale (Windows and macOS set no LANG)."""
    global _platform_locale
    _platform_locale = plain_locale(tag) if tag else None


def system_locale() -> str | None:
    """The user's locale with its territory when known ("en_GB"): the interface language when it
    names a territory, else LC_ALL, LC_TIME or LANG as POSIX reads them, else the platform's
    locale the window passed; None when none of them names a language."""
    if "_" in _language:
        return _language
    return _environment_locale()


def _environment_locale() -> str | None:
    """LC_ALL, LC_TIME or LANG as POSIX reads them, else the platform's locale."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return plain_locale(value) or _platform_locale
    return _platform_locale


def add_language_listener(callback: LanguageListener) -> None:
    """Call ``callback(locale)`` after every language change (the UI retranslates itself)."""
    with _lock:
        if callback not in _listeners:
            _listeners.append(callback)


def remove_language_listener(callback: LanguageListener) -> None:
    with _lock:
        if callback in _listeners:
            _listeners.remove(callback)
