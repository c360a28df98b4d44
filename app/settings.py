"""User settings (sender profile, languages, page size) in a small JSON file, written atomically."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import N_, FolderUnwritable, InvalidInput, cannot_be_written, os_problem
from app.domain.model import SenderProfile
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.domain.output_options import PageSize

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user set once: the sender, the languages, the paper, the database address.

    (Its docstring also spares start-up a step: ``dataclass`` writes one from the class's
    signature for a class without one, about a fifth of the time it takes to make it.)"""

    sender: SenderProfile = field(default_factory=SenderProfile)
    ui_language: str | None = None
    letter_language: str | None = None
    page_size: PageSize | None = None  # None: the paper of the system locale
    caution_countries: tuple[str, ...] = ()  # writer safety: initials only for these
    database_url: str | None = None  # the address a start without --database-url opens
    # A start-up address (--database-url) that failed and the address the window's Connection
    # settings corrected it to: a start with that address opens the correction instead, and
    # the address of a start without one stays as it was.
    corrects_database_url: str | None = None
    corrected_database_url: str | None = None
    welcome_done: bool = False
    # kind of file ("import", "pdf", "csv"...) -> the folder the window last took it from or
    # wrote it to, so file dialogs open there again after a restart
    last_folders: tuple[tuple[str, str], ...] = ()


def load_settings(paths: AppPaths) -> Settings:
    """Read the settings; a missing or unreadable file, or a setting of the wrong type, gives
    the default for it (and is logged). See :func:`read_settings` for what was ignored."""
    return read_settings(paths)[0]


def read_settings(paths: AppPaths) -> tuple[Settings, list[str]]:
    """The settings, and the names of those ignored because their value had the wrong type."""
    try:
        raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", paths.settings_file, exc)
        return Settings(), ["settings.json"]
    if not isinstance(raw, dict):
        log.warning("settings file %s holds no settings; using defaults", paths.settings_file)
        return Settings(), ["settings.json"]
    ignored: list[str] = []
    sender_fields = SenderProfile.__dataclass_fields__
    sender_value = raw.get("sender", {})
    if not isinstance(sender_value, dict):
        ignored.append("sender")
        sender_value = {}
    sender_values: dict[str, str] = {}
    abouts: tuple[tuple[str, str], ...] | None = None
    for key, value in sender_value.items():
        if key == "abouts":
            abouts = _abouts(value)
            if abouts is None and value is not None:
                ignored.append("sender.abouts")
            continue
        if key not in sender_fields:
            continue
        if isinstance(value, str):
            sender_values[key] = value
        elif value is not None:
            ignored.append(f"sender.{key}")
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key == "sender" or key not in Settings.__dataclass_fields__:
            continue
        checked = _checked(key, value)
        if checked is _WRONG:
            ignored.append(key)
        else:
            values[key] = checked
    if values.get("corrects_database_url") and "corrected_database_url" not in raw:
        # written by 0.10.0, whose correction was also the settings' own address
        values["corrected_database_url"] = values.get("database_url")
    if ignored:
        log.warning("settings ignored (wrong type) in %s: %s", paths.settings_file, ignored)
    settings = replace(Settings(sender=SenderProfile(**sender_values)), **values)  # type: ignore[arg-type]
    own = about_language(settings)
    if abouts is None:
        # a file from before sentences had a language: the one sentence was written in the
        # writer's own language (see ``about_language``)
        sentence = settings.sender.about.strip()
        abouts = ((own, sentence),) if sentence else ()
    sender = replace(settings.sender, abouts=abouts, about=dict(abouts).get(own, ""))
    return replace(settings, sender=sender), ignored


def _abouts(value: object) -> tuple[tuple[str, str], ...] | None:
    """The "why I write" sentences of a settings file (language -> sentence), or None."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return None
    return tuple(sorted((k, v.strip()) for k, v in value.items() if k and v.strip()))


def about_language(settings: Settings) -> str:
    """The writer's own language, which a "why I write" sentence without a language was
    written in (a settings file of an older version, ``settings set about``): the letter
    language they chose, else the interface language they chose, else the system's, else
    English. A base language ("fr"), as sentences are kept."""
    from app.i18n import base_language, normalize_locale, system_locale

    chosen = settings.letter_language or settings.ui_language or system_locale()
    locale = normalize_locale(chosen) if chosen else None
    return base_language(locale) if locale else "en"


def with_about(settings: Settings, language: str, sentence: str) -> Settings:
    """``settings`` with ``sentence`` as the writer's "why I write" in ``language``."""
    sender = settings.sender.with_about(language, sentence.strip())
    own = dict(sender.abouts).get(about_language(settings), "")
    return replace(settings, sender=replace(sender, about=own))


_WRONG = object()


def _checked(key: str, value: object) -> object:
    """``value`` as the setting ``key`` holds it, or ``_WRONG`` when its type is not right."""
    if key == "welcome_done":
        return value if isinstance(value, bool) else _WRONG
    if key == "caution_countries":
        if value is None:
            return ()
        if isinstance(value, list) and all(isinstance(c, str) for c in value):
            return tuple(value)
        return _WRONG
    if key == "last_folders":
        if value is None:
            return ()
        if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
        ):
            return tuple(sorted(value.items()))
        return _WRONG
    if value is not None and not isinstance(value, str):
        return _WRONG
    if key == "page_size":
        from app.domain.output_options import PageSize  # only when a page size is set

        return PageSize.parse(value)
    return value


def database_address(given: str | None, settings: Settings) -> str | None:
    """The address the window and the command line open: the one given at start
    (--database-url), unless the settings hold a correction of exactly that one; without
    one given, the settings' own (None: the SQLite file in the data folder)."""
    if not given:
        return settings.database_url
    if given == settings.corrects_database_url and settings.corrected_database_url:
        return settings.corrected_database_url
    return given


def correction_moves_normal_start(settings: Settings, in_use: str) -> bool:
    """Whether correcting ``in_use`` also changes what a start without --database-url opens:
    yes when that start opens ``in_use`` or has no address saved yet (a laptop started for
    the group only); no when the settings hold another address, which stays as it was."""
    return address_kept_apart(settings, in_use) is None


def address_kept_apart(settings: Settings, in_use: str) -> str | None:
    """The address a start without --database-url still opens once ``in_use`` is corrected:
    the settings' own when it is another one; None when the correction moves that start too
    (see ``correction_moves_normal_start``)."""
    saved = settings.database_url
    return None if saved is None or saved == in_use else saved


def corrected_address(settings: Settings, in_use: str, corrected: str) -> Settings:
    """``settings`` once the window's Connection settings corrected ``in_use``, the address
    that failed, to ``corrected``: the settings' own address is replaced only when it is the
    one that failed or there is none (see ``correction_moves_normal_start``); an address
    given at start (or an earlier correction of it) is remembered with its correction."""
    database_url = settings.database_url
    if correction_moves_normal_start(settings, in_use):
        database_url = corrected
    corrects, now = settings.corrects_database_url, settings.corrected_database_url
    if in_use == now and corrects is not None:
        now = corrected  # a correction of a correction: the start-up address stays the key
    elif in_use != settings.database_url:
        corrects, now = in_use, corrected  # given at start
    if corrects == now:
        corrects = now = None  # corrected back to the start-up address itself
    return replace(
        settings,
        database_url=database_url,
        corrects_database_url=corrects,
        corrected_database_url=now,
    )


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write the settings atomically (temp file, fsync, rename); raise InvalidInput on failure."""
    data = asdict(settings)
    # each sentence under its language; "about" (the writer's own language's) for older versions
    sender = settings.sender
    if sender.abouts:
        data["sender"]["abouts"] = dict(sender.abouts)
    else:  # a profile made in code: its sentence is in the writer's own language
        data["sender"]["abouts"] = {about_language(settings): sender.about} if sender.about else {}
    data["caution_countries"] = list(settings.caution_countries)
    data["last_folders"] = dict(settings.last_folders)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    from app.atomic_files import replace_file_contents

    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        replace_file_contents(paths.settings_file, payload)
    except OSError as exc:
        refused = FolderUnwritable if cannot_be_written(exc) else InvalidInput
        raise refused(
            N_(
                "The settings could not be saved to {file} ({problem}). "
                "Your previous settings are unchanged."
            ),
            file=paths.settings_file,
            problem=os_problem(exc),
        ) from exc


def last_folder(settings: Settings, kind: str) -> Path | None:
    """The folder last used for ``kind`` of file, if one was kept and still exists."""
    for known, folder in settings.last_folders:
        if known == kind:
            path = Path(folder)
            return path if path.is_dir() else None
    return None


def with_last_folder(settings: Settings, kind: str, folder: Path) -> Settings:
    """``settings`` keeping ``folder`` as the one last used for ``kind`` of file."""
    kept = dict(settings.last_folders)
    kept[kind] = str(folder)
    return replace(settings, last_folders=tuple(sorted(kept.items())))


SENDER_KEYS = ("name", "address", "city", "country", "email", "about")
OTHER_KEYS = ("letter-language", "ui-language", "page-size", "caution-countries")
SETTING_KEYS = SENDER_KEYS + OTHER_KEYS  # what ``appeal-desk settings set`` can change


# An address of the form local@domain: one @, a domain of dotted parts, and none of the
# spaces or marks of a display name or a list ("Ana <ana@example.org>", "a@x.org, b@y.org").
# Compiled at its first use (``re`` keeps it), not as the window starts.
_NOT_IN_ADDRESS = r"\s@<>(),;:\"\[\]\\"
_EMAIL_ADDRESS = rf"[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}.]+(?:\.[^{_NOT_IN_ADDRESS}.]+)+"


def check_email(value: str) -> str:
    """The writer's e-mail address, trimmed: empty (none), or of the form local@domain."""
    value = value.strip()
    if value and re.fullmatch(_EMAIL_ADDRESS, value) is None:
        raise InvalidInput(
            N_(
                "{value} is not an e-mail address: write it as name@example.org (a name, @, "
                "then the domain), or leave it empty. The settings were not changed."
            ),
            value=value,
        )
    return value


def changed_setting(
    settings: Settings,
    key: str,
    value: str,
    *,
    letter_languages: tuple[str, ...],
    ui_languages: tuple[str, ...],
) -> Settings:
    """``settings`` with one setting changed as the window's Settings would change it (text
    trimmed; an empty value clears it); InvalidInput for a value the setting cannot take."""
    from app.i18n import normalize_locale

    value = value.strip()
    if key == "email":
        check_email(value)
    if key == "about":
        return with_about(settings, about_language(settings), value)
    if key in SENDER_KEYS:
        text: dict[str, Any] = {key: value}
        return replace(settings, sender=replace(settings.sender, **text))
    if key == "caution-countries":
        countries = tuple(c.strip() for c in value.split(",") if c.strip())
        return replace(settings, caution_countries=countries)
    if key == "page-size":
        from app.domain.output_options import PageSize

        size = PageSize.parse(value)
        if value and size is None:
            raise InvalidInput(
                N_("{value} is not a page size. Page sizes: {choices}."),
                value=value,
                choices=", ".join(size.value for size in PageSize),
            )
        return replace(settings, page_size=size)
    if key in ("letter-language", "ui-language"):
        known = letter_languages if key == "letter-language" else ui_languages
        locale = normalize_locale(value) if value else None
        if value and locale not in known:
            raise InvalidInput(
                N_("{value} is not one of the languages: {choices}."),
                value=value,
                choices=", ".join(known),
            )
        if key == "letter-language":
            return replace(settings, letter_language=locale)
        return replace(settings, ui_language=locale)
    raise InvalidInput(
        N_("There is no setting called {key}. Settings: {choices}."),
        key=key,
        choices=", ".join(SETTING_KEYS),
    )


def setting_values(settings: Settings) -> list[tuple[str, str]]:
    """Each setting ``appeal-desk settings set`` can change, with its value as text."""
    sender = settings.sender
    values = [(key, str(getattr(sender, key))) for key in SENDER_KEYS]
    values += [
        ("letter-language", settings.letter_language or ""),
        ("ui-language", settings.ui_language or ""),
        ("page-size", settings.page_size.value if settings.page_size else ""),
        ("caution-countries", ", ".join(settings.caution_countries)),
    ]
    return values
