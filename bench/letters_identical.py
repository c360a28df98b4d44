"""Letters drafted byte for byte: a corpus of letters written to a file, or compared with one.

Speed work on the letter engine must not change a single letter. This drafts several hundred
letters - the fictional sample cases, every official of the golden salutations table, the
cases of the UA fixtures imported into a scratch store and the first cases of the generated
benchmark store - in every shipped language (en, es, fr, de, pt, ar) and in the language each
case would choose, appeals and solidarity cards, some bilingual, some with the user's own
template files - and records each letter's text, subject, salutation, closing, warnings and
recipient (or the error it raised).

    python bench/letters_identical.py --save /tmp/letters-before.json    # in the old checkout
    python bench/letters_identical.py --compare /tmp/letters-before.json # in the new one

``--compare`` prints the letters that differ and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")
TODAY = datetime.date(2026, 12, 6)
GOLDEN = REPO / "tests/unit/letters/golden_officials.toml"  # data, read as a file
FIXTURES = REPO / "tests/fixtures/ua-samples"


def _golden_cases() -> list[object]:
    """One fictional case per official of the golden table, each stated gender in turn."""
    from app.domain.model import Target
    from app.letters.sample_cases import SAMPLE_CASES

    table = tomllib.loads(GOLDEN.read_text(encoding="utf-8"))
    base = SAMPLE_CASES[0]
    cases = []
    for number, official in enumerate(table["official"]):
        targets = tuple(
            Target(official["title"], official.get("name"), gender=stated or None)
            for stated, _expected in official["cases"]
        )
        cases.append(
            replace(
                base,
                case_id=5000 + number,
                ua_number=f"{5000 + number}/26",
                targets=targets,
                is_sample=False,
            )
        )
    return cases


def _fixture_cases(scratch: Path) -> list[object]:
    """The UA fixtures (text files) imported into a scratch store."""
    from app.domain.model import ImportOutcome
    from app.paths import resolve_paths
    from app.services.cases import get_case, list_cases
    from app.services.database import open_store
    from app.services.importing import confirm, import_text

    db = open_store(resolve_paths(scratch))
    try:
        for path in sorted(FIXTURES.glob("*.txt")):
            result = import_text(db, path.read_text(encoding="utf-8"), path.name)
            if result.outcome is ImportOutcome.NEEDS_CONFIRMATION:
                confirm(db, result)
        return [get_case(db, s.ua_number) for s in list_cases(db, include_closed=True)]
    finally:
        db.close()


def _store_cases(count: int) -> list[object]:
    sys.path.insert(0, str(BENCH_DIR))
    from generate_store import store_copy

    from app.paths import resolve_paths
    from app.services.cases import get_case, list_cases
    from app.services.database import open_store

    db = open_store(resolve_paths(store_copy(1_000, 10_000)))
    try:
        summaries = [c for c in list_cases(db, include_closed=True) if c.officials][:count]
        return [get_case(db, s.ua_number) for s in summaries]
    finally:
        db.close()


def _user_templates(root: Path) -> Path:
    """A user's templates folder that overrides a few salutations and office words."""
    from app.letters import rendering

    folder = root / "user-templates"
    for language in ("es", "fr"):
        (folder / language).mkdir(parents=True)
        shipped = (rendering.SHIPPED_TEMPLATES / language / "salutations.toml").read_text(
            encoding="utf-8"
        )
        (folder / language / "salutations.toml").write_text(shipped, encoding="utf-8")
    (folder / "en").mkdir()
    (folder / "en" / "offices.toml").write_text(
        '[offices]\n"chief warden" = "prison_director"\n', encoding="utf-8"
    )
    return folder


def _jobs(cases: list[object], user: Path) -> Iterator[tuple[str, object, int, dict]]:
    from app.domain.model import AppealKind

    for case in cases:
        targets = range(1, min(len(case.targets), 3) + 1)  # type: ignore[attr-defined]
        for index in targets:
            for locale in (None, *LANGUAGES):
                yield f"{case.ua_number}#{index}/{locale}", case, index, {"locale": locale}  # type: ignore[attr-defined]
            yield (
                f"{case.ua_number}#{index}/solidarity",  # type: ignore[attr-defined]
                case,
                index,
                {"locale": "fr", "kind": AppealKind.SOLIDARITY},
            )
            yield (
                f"{case.ua_number}#{index}/es+ar",  # type: ignore[attr-defined]
                case,
                index,
                {"locale": "es", "bilingual_with": "ar"},
            )
            yield (
                f"{case.ua_number}#{index}/user-es",  # type: ignore[attr-defined]
                case,
                index,
                {"locale": "es", "user_templates": user, "personal_note": "I care."},
            )


def letters() -> dict[str, object]:
    """Every letter of the corpus by a stable key: its parts, or the error it raised."""
    from app.letters.sample_cases import SAMPLE_CASES, SAMPLE_SENDERS
    from app.services.letters import draft_letter

    found: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "store").mkdir()
        user = _user_templates(root)
        groups = {
            "sample": list(SAMPLE_CASES),
            "golden": _golden_cases(),
            "fixture": _fixture_cases(root / "store"),
            "store": _store_cases(40),
        }
        for group, cases in groups.items():
            for number, (key, case, index, options) in enumerate(_jobs(cases, user)):
                sender = SAMPLE_SENDERS[number % len(SAMPLE_SENDERS)]
                try:
                    letter = draft_letter(case, index, sender, today=TODAY, **options)  # type: ignore[arg-type]
                except Exception as exc:  # recorded: the same error must come back
                    found[f"{group}:{key}"] = f"{type(exc).__name__}: {exc}"
                    continue
                found[f"{group}:{key}"] = {
                    "text": letter.text,
                    "subject": letter.subject,
                    "locale": letter.locale,
                    "salutation": letter.salutation,
                    "closing": letter.closing,
                    "asks": list(letter.asks),
                    "warnings": [repr(w) for w in letter.warnings],
                    "recipient": repr(letter.recipient),
                }
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the corpus's letters to this file")
    action.add_argument("--compare", type=Path, help="compare with letters saved earlier")
    args = parser.parse_args()
    drafted = letters()
    if args.save:
        args.save.write_text(json.dumps(drafted, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(drafted)} letters written to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(k for k in saved.keys() | drafted.keys() if saved.get(k) != drafted.get(k))
    for key in differ[:20]:
        print(
            f"DIFFERS {key}\n  before: {saved.get(key)!r:.300}\n  now:    {drafted.get(key)!r:.300}"
        )
    print(f"{len(drafted)} letters drafted, {len(saved)} saved, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
