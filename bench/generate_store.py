"""Generate a large FICTIONAL store (cases, outputs, persons, targets, appeals) for benchmarks.

Every name, country and text is invented from syllables; nothing describes a real case.
Shapes follow real stores: unique titles, 1-3 persons, 2-4 officials drawn from the few in
office in that country at the time (so they recur across cases), 1-3 documents per case
of 2.5-4.5 kB (``--lean``: a tenth), appeals with their letter texts.
Rows go in with SQLAlchemy core bulk inserts into a store created by ``open_database``,
so the schema (and the Alembic stamp) is exactly the app's. Stores are cached by size
under ``--cache-dir`` so repeated benchmark runs do not regenerate them.

    python bench/generate_store.py --cases 10000 --appeals 100000 --data-dir /tmp/store
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from measure import STORE_CACHE, locked, private_copy
from sqlalchemy import insert

from app.paths import DATABASE_FILE, resolve_paths
from app.store.case_repository import fold
from app.store.database import open_database
from app.store.revision import HEAD
from app.store.schema import AppealRow, CaseRow, OutputRow, PersonRow, TargetRow

GENERATOR_VERSION = 2  # bump when the generated data changes shape (invalidates the cache)
DEFAULT_CACHE = STORE_CACHE
FICTIONAL_NOTE = "FICTIONAL benchmark data - not a real Urgent Action."

SYLLABLES = [
    "ka",
    "ri",
    "no",
    "ve",
    "la",
    "mi",
    "to",
    "sa",
    "de",
    "lu",
    "pa",
    "re",
    "zo",
    "fi",
    "na",
    "go",
    "ha",
    "el",
    "an",
    "os",
    "ur",
    "ti",
    "be",
    "mé",
    "lé",
    "ño",
    "çe",
    "ør",
    "ša",
    "ži",
    "ké",
    "dá",
    "ún",
]
COUNTRIES = (
    "Valdoria",
    "Estrévia",
    "Norhavn",
    "Kalimora",
    "Ostrelia",
    "Marvessa",
    "Tulanie",
    "Pelagonia",
    "Zarkanda",
    "Brenholm",
    "Lusitravia",
    "Quellmark",
    "Ardanya",
    "Soméria",
)
TOPICS = (
    "Student activist detained",
    "Journalist held incommunicado",
    "Human rights defender at risk of torture",
    "Land rights leader forcibly disappeared",
    "Trade unionist sentenced after unfair trial",
    "Peaceful protesters face death penalty",
    "Lawyer harassed for defending clients",
    "Community radio host arbitrarily arrested",
)
TITLES = (
    "Minister of Justice",
    "Attorney General",
    "President",
    "Minister of Interior",
    "Chief of Police",
    "Prosecutor General",
    "Ambassador",
)
CHANNELS = ("post", "email", "email", "email", "fax", "social_media", "hand_delivered")


class Words:
    """A fixed invented vocabulary, so texts look like prose but mean nothing."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary = [self.word() for _ in range(3000)]

    def word(self, syllables: int | None = None) -> str:
        count = syllables or self.rng.choice((1, 2, 2, 3, 3, 4))
        return "".join(self.rng.choice(SYLLABLES) for _ in range(count))

    def name(self) -> str:
        return f"{self.word(2).capitalize()} {self.word(3).capitalize()}"

    def sentence(self) -> str:
        words = self.rng.choices(self.vocabulary, k=self.rng.randint(8, 18))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def text(self, chars: int) -> str:
        parts: list[str] = []
        total = 0
        while total < chars:
            parts.append(self.paragraph(self.rng.randint(3, 6)))
            total += len(parts[-1]) + 2
        return "\n\n".join(parts)


_POOLS: dict[tuple[str, int], list[tuple[str, str]]] = {}


def official_pool(words: Words, country: str, term: int) -> list[tuple[str, str]]:
    """The officials of ``country`` in one four-year term: one fictional name per office."""
    key = (country, term)
    if key not in _POOLS:
        _POOLS[key] = [(office, words.name()) for office in TITLES]
    return _POOLS[key]


def ua_numbers(count: int) -> list[tuple[str, int]]:
    """Unique ``N/YY`` numbers with their year, newest year first (about 35 years of UAs)."""
    per_year = max(300, -(-count // 35))
    result = []
    for i in range(count):
        year = 2026 - i // per_year
        result.append((f"{i % per_year + 1}/{year % 100:02d}", year))
    return result


def build_rows(
    cases: int, appeals: int, seed: int, lean: bool = False
) -> dict[str, list[dict[str, object]]]:
    """All rows as plain dicts, ready for executemany; ``lean``: short document texts."""
    scale = 0.1 if lean else 1.0
    rng = random.Random(seed)
    words = Words(rng)
    _POOLS.clear()
    now = datetime(2026, 11, 1, 12, tzinfo=UTC)
    rows: dict[str, list[dict[str, object]]] = {
        "cases": [],
        "outputs": [],
        "persons": [],
        "targets": [],
        "appeals": [],
    }
    target_counts: list[int] = []
    for case_id, (ua, year) in enumerate(ua_numbers(cases), start=1):
        issued = date(year, 1, 1) + timedelta(days=rng.randrange(330))
        deadline = issued + timedelta(days=rng.choice((28, 42, 56)))
        closed = year < 2026 and rng.random() < 0.7
        country = rng.choice(COUNTRIES)
        persons = [words.name() for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        title = f"{persons[0]}: {rng.choice(TOPICS).lower()} (fictional)"  # unique, as real ones
        officials = []
        # The same ministers are written to in many UAs of a country in the same years.
        pool = official_pool(words, country, year // 4)
        for position, (official_title, name) in enumerate(
            rng.sample(pool, rng.choice((2, 3, 3, 4))), start=1
        ):
            officials.append(f"{official_title} {name}")
            rows["targets"].append(
                {
                    "case_id": case_id,
                    "position": position,
                    "title": official_title,
                    "name": name,
                    "name_as_printed": None,
                    "salutation": "Dear Minister",
                    "address": f"{words.word(3).capitalize()} Avenue {rng.randint(1, 200)}\n"
                    f"{words.word(2).capitalize()}\n{country}",
                    "email": f"{words.word(2)}@{words.word(2)}.example",
                    "fax": None,
                    "phone": None,
                    "social": f"@{words.word(3)}",
                    "gender": rng.choice(("f", "m", None)),
                }
            )
        target_counts.append(len(officials))
        for position, name in enumerate(persons, start=1):
            rows["persons"].append(
                {"case_id": case_id, "position": position, "name": name, "pronouns": None}
            )
        ai_index = f"ZZZ {rng.randint(10, 99)}/{rng.randint(1000, 9999)}/{year}"
        summary = FICTIONAL_NOTE + " " + words.paragraph(3)
        model_letter = "Dear Minister,\n\n" + words.text(int(900 * scale)) + "\n\nYours sincerely,"
        kinds = ["initial"] + (["update"] if rng.random() < 0.4 else [])
        kinds += ["final"] if closed else []
        for n, kind in enumerate(kinds):
            text = FICTIONAL_NOTE + "\n\n" + words.text(int(rng.randint(2500, 4500) * scale))
            rows["outputs"].append(
                {
                    "case_id": case_id,
                    "kind": kind,
                    "ai_index": ai_index,
                    "issued_on": issued + timedelta(days=30 * n),
                    "deadline": deadline,
                    "title": title,
                    "source_name": f"UA-{ua.replace('/', '-')}-{kind}.txt",
                    "content_hash": uuid.UUID(int=rng.getrandbits(128)).hex * 2,
                    "text": text,
                    "parsed_json": json.dumps(
                        {
                            "ua_number": ua,
                            "kind": kind,
                            "country": country,
                            "title": title,
                            "persons": [{"name": p} for p in persons],
                        }
                    ),
                    "imported_at": now,
                }
            )
        rows["cases"].append(
            {
                "id": case_id,
                "ua_number": ua,
                "title": title,
                "country": country,
                "status": "closed" if closed else "open",
                "ai_index": ai_index,
                "issued_on": issued,
                "deadline": deadline,
                "summary": summary,
                "model_letter": model_letter,
                "document_language": "en",
                "previous_ua_link": None,
                "preferred_languages": rng.choice(("English", "English\nSpanish", "French", "")),
                "search_text": fold(" ".join([ua, title, country, *persons, *officials])),
                "is_sample": False,
                "updated_at": now,
            }
        )
    letter_bodies = [words.text(rng.randint(900, 1600)) for _ in range(200)]
    for _ in range(appeals):
        case_id = rng.randint(1, cases)
        solidarity = rng.random() < 0.1
        status = rng.choice(("sent", "sent", "sent", "sent", "printed", "draft"))
        created = now - timedelta(days=rng.randrange(3000))
        rows["appeals"].append(
            {
                "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "case_id": case_id,
                "event_id": None,
                "target_position": None
                if solidarity
                else rng.randint(1, target_counts[case_id - 1]),
                "target_label": "" if solidarity else "Minister of Justice",
                "kind": "solidarity" if solidarity else "appeal",
                "status": status,
                "channel": rng.choice(CHANNELS) if status == "sent" else None,
                "sent_on": created.date() if status == "sent" else None,
                "language": "en",
                "text": "Dear Minister,\n\n" + rng.choice(letter_bodies),
                "count": 1,
                "reply_on": None,
                "reply_note": None,
                "created_at": created,
                "updated_at": created,
            }
        )
    return rows


def generate(data_dir: Path, cases: int, appeals: int, seed: int = 8, lean: bool = False) -> Path:
    """Create a fresh store in ``data_dir`` (which must not hold one) and fill it."""
    db = open_database(resolve_paths(data_dir))
    try:
        rows = build_rows(cases, appeals, seed, lean)
        tables = {
            "cases": CaseRow,
            "outputs": OutputRow,
            "persons": PersonRow,
            "targets": TargetRow,
            "appeals": AppealRow,
        }
        with db.engine.begin() as conn:
            for name, mapped in tables.items():
                chunk = 20_000
                for start in range(0, len(rows[name]), chunk):
                    conn.execute(insert(mapped.__table__), rows[name][start : start + chunk])
    finally:
        db.close()
    raw = sqlite3.connect(data_dir / DATABASE_FILE, isolation_level=None)
    try:
        raw.execute("ANALYZE")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return data_dir


def cached_store(
    cases: int, appeals: int, lean: bool = False, cache_dir: Path = DEFAULT_CACHE
) -> Path:
    """A data dir holding a store of this size, generated once and reused: a template that
    no benchmark opens (``store_copy`` gives each run its own copy to work on).

    Two runs that ask for the same store at once generate it once: the second waits for the
    first, and a store appears under its name only when it is complete. The name carries the
    schema revision, so a store is never migrated where it lies."""
    suffix = "-lean" if lean else ""
    revision = HEAD.split("_", 1)[0]
    target = cache_dir / f"v{GENERATOR_VERSION}-{revision}-{cases}c-{appeals}a{suffix}"
    done = target / ".complete"
    if done.exists():
        return target
    with locked(cache_dir / f".{target.name}.lock"):
        if done.exists():  # made by the run we waited for
            return target
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=cache_dir))
        try:
            generate(work, cases, appeals, lean=lean)
            (work / ".complete").write_text("ok\n")
            if target.exists():  # left half-made by a run that was killed
                shutil.rmtree(target)
            work.rename(target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return target


def store_copy(
    cases: int,
    appeals: int,
    lean: bool = False,
    into: Path | None = None,
    cache_dir: Path = DEFAULT_CACHE,
) -> Path:
    """This run's own copy of the cached store (see ``measure.private_copy``)."""
    return private_copy(cached_store(cases, appeals, lean, cache_dir), into)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--appeals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--lean", action="store_true", help="short document texts (big stores)")
    parser.add_argument("--data-dir", type=Path, help="generate here (default: the cache)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.data_dir:
        if (args.data_dir / "appeal-desk.sqlite3").exists():
            parser.error(f"{args.data_dir} already holds a store")
        args.data_dir.mkdir(parents=True, exist_ok=True)
        path = generate(args.data_dir, args.cases, args.appeals, args.seed, args.lean)
    else:
        path = cached_store(args.cases, args.appeals, args.lean)
    elapsed = time.perf_counter() - started
    print(f"{args.cases} cases, {args.appeals} appeals in {path} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
