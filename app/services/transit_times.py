"""The editable table of typical airmail transit days by region (shipped TOML + user overrides)."""

from __future__ import annotations

import json
import logging
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from app.atomic_files import replace_file_contents
from app.domain.errors import N_, InvalidInput, os_problem
from app.services.country_codes import country_code

log = logging.getLogger(__name__)

OVERRIDE_FILE = "transit_times.json"
MAX_DAYS = 120


@dataclass(frozen=True, slots=True)
class Region:
    key: str
    name: str  # English; the UI shows a translated label for the shipped keys
    days: int  # posted from another region
    within_days: int  # posted inside this region
    countries: frozenset[str]  # ISO 3166 alpha-2 codes


@dataclass(frozen=True, slots=True)
class TransitTable:
    regions: tuple[Region, ...]
    default_days: int

    def region_of(self, country: str | None) -> Region | None:
        code = country_code(country)
        return next((r for r in self.regions if code in r.countries), None) if code else None

    def transit_days(self, country: str | None, sender_country: str | None = None) -> int:
        region = self.region_of(country)
        if region is None:
            return self.default_days
        sender_region = self.region_of(sender_country) if sender_country else None
        return region.within_days if sender_region == region else region.days

    def with_days(self, days: dict[str, tuple[int, int]], default_days: int) -> TransitTable:
        """A copy with new (days, within_days) per region key; unknown keys are ignored."""
        regions = tuple(
            replace(r, days=days[r.key][0], within_days=days[r.key][1]) if r.key in days else r
            for r in self.regions
        )
        return TransitTable(regions, default_days)


def shipped_table() -> TransitTable:
    """The table that ships with the app (``app/resources/transit_times.toml``)."""
    raw = tomllib.loads(
        resources.files("app").joinpath("resources", "transit_times.toml").read_text("utf-8")
    )
    regions = tuple(
        Region(
            key=key,
            name=str(value["name"]),
            days=int(value["days"]),
            within_days=int(value.get("within_days", value["days"])),
            countries=frozenset(str(c).upper() for c in value.get("countries", ())),
        )
        for key, value in raw["regions"].items()
    )
    return TransitTable(regions, int(raw.get("default_days", 14)))


def load_transit_table(data_dir: Path | None) -> TransitTable:
    """The shipped table with the user's overrides (``transit_times.json``) applied."""
    table = shipped_table()
    if data_dir is None:
        return table
    path = data_dir / OVERRIDE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        days = {
            str(key): (_days(value["days"]), _days(value.get("within_days", value["days"])))
            for key, value in dict(raw.get("regions", {})).items()
        }
        return table.with_days(days, _days(raw.get("default_days", table.default_days)))
    except FileNotFoundError:
        return table
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("transit times in %s unreadable (%s); using the shipped table", path, exc)
        return table


def save_transit_table(data_dir: Path, table: TransitTable) -> None:
    """Keep the user's days (all regions) in ``transit_times.json``, written atomically."""
    payload = {
        "default_days": table.default_days,
        "regions": {r.key: {"days": r.days, "within_days": r.within_days} for r in table.regions},
    }
    path = data_dir / OVERRIDE_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        replace_file_contents(path, json.dumps(payload, indent=2).encode("utf-8"))
    except OSError as exc:
        raise InvalidInput(
            N_(
                "The transit times could not be saved to {path} ({problem}). "
                "The previous times are unchanged."
            ),
            path=path,
            problem=os_problem(exc),
        ) from exc


def _days(value: object) -> int:
    days = int(value)  # type: ignore[call-overload]
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"{days} days is outside 0-{MAX_DAYS}")
    return days
