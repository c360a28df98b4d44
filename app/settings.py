"""User settings (sender profile, languages, page size) in a small JSON file, written atomically."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace

from app.atomic_files import replace_file_contents
from app.domain.errors import InvalidInput
from app.domain.model import SenderProfile
from app.domain.output_options import PageSize
from app.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    sender: SenderProfile = field(default_factory=SenderProfile)
    ui_language: str | None = None
    letter_language: str | None = None
    page_size: PageSize | None = None  # None: the paper of the system locale
    caution_countries: tuple[str, ...] = ()  # writer safety: initials only for these
    database_url: str | None = None
    welcome_done: bool = False


def load_settings(paths: AppPaths) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (and is logged)."""
    try:
        raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", paths.settings_file, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    sender_fields = SenderProfile.__dataclass_fields__
    sender_value = raw.get("sender")
    sender_raw = sender_value if isinstance(sender_value, dict) else {}
    sender = SenderProfile(**{k: str(v) for k, v in sender_raw.items() if k in sender_fields})
    known = {k: v for k, v in raw.items() if k in Settings.__dataclass_fields__ and k != "sender"}
    if "page_size" in known:
        known["page_size"] = PageSize.parse(str(known["page_size"] or ""))
    if "caution_countries" in known:
        known["caution_countries"] = tuple(str(c) for c in known["caution_countries"] or ())
    try:
        return replace(Settings(sender=sender), **known)
    except TypeError:
        return Settings(sender=sender)


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write the settings atomically (temp file, fsync, rename); raise InvalidInput on failure."""
    data = asdict(settings)
    data["caution_countries"] = list(settings.caution_countries)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        replace_file_contents(paths.settings_file, payload)
    except OSError as exc:
        raise InvalidInput(
            f"The settings could not be saved to {paths.settings_file} ({exc.strerror}). "
            "Your previous settings are unchanged."
        ) from exc
