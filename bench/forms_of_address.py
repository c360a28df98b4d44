"""Scores the letters' forms of address against the blind protocol table.

Run from a checkout: ``python bench/forms_of_address.py`` (``-v`` lists every mismatch; a path
scores that table alone). The tables are ``tests/unit/letters/forms_of_address/cases.toml``,
``cases2.toml``, ``cases3.toml`` and ``cases4.toml``, each written blind and scored on its own line: one official a case, as an Urgent
Action prints them (title, name, country) and the language they read, with the salutation,
courtesy words of the address block and closing that published protocol guides give (see their
README). Each letter is drafted through the real letter service, the way the app drafts it.
"""

from __future__ import annotations

import argparse
import datetime
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.domain.case_records import Letter

sys_path_root = Path(__file__).resolve().parent.parent

TABLES_DIR = Path(__file__).resolve().parent.parent / "tests/unit/letters/forms_of_address"
TABLE = TABLES_DIR / "cases.toml"
SECOND_TABLE = TABLES_DIR / "cases2.toml"
THIRD_TABLE = TABLES_DIR / "cases3.toml"
FOURTH_TABLE = TABLES_DIR / "cases4.toml"
TABLES = (TABLE, SECOND_TABLE, THIRD_TABLE, FOURTH_TABLE)
LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")
TODAY = datetime.date(2026, 3, 5)
_FINAL_MARKS = ",:;!\u060c "
_INVISIBLE = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u202a\u202b\u202c"))


@dataclass
class Outcome:
    case_id: str
    language: str
    salutation: str
    closing: str
    address_block: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return not self.problems

    def report(self) -> str:
        return f"{self.case_id}: " + "; ".join(self.problems)


def load_cases(path: Path = TABLE) -> list[dict]:
    return list(tomllib.loads(path.read_text(encoding="utf-8"))["case"])


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split()).strip(_FINAL_MARKS).casefold().replace("\u2019", "'")


def salutation_fits(got: str, accepted: Iterable[str]) -> bool:
    plain = _plain(got)
    for entry in accepted:
        if entry.endswith("\u2026"):
            if plain.startswith(_plain(entry[:-1])):
                return True
        elif plain == _plain(entry):
            return True
    return False


def closing_fits(got: str, accepted: Iterable[Iterable[str]]) -> bool:
    plain = _plain(got)
    return any(all(_plain(word) in plain for word in words) for words in accepted)


def courtesy_fits(block: list[str], accepted: Iterable[str]) -> bool:
    lines = [_plain(line) for line in block]
    wanted = [_plain(words) for words in accepted]
    return any(
        line == words or line.startswith(words + " ") or line.startswith(words + ",")
        for line in lines
        for words in wanted
    )


def avoided_words(salutation: str, block: list[str], avoid: Iterable[str]) -> list[str]:
    """The words of a higher style than protocol gives found in the salutation or the block."""
    text = " | ".join(_plain(line) for line in (salutation, *block))
    return [words for words in avoid if _plain(words) in text]


def name_follows_style(block: list[str], courtesy: Iterable[str], name_words: str) -> bool:
    """The courtesy line carries the name, or the line right below it does."""
    lines = [_plain(line) for line in block]
    wanted = [_plain(words) for words in courtesy]
    name = _plain(name_words)
    for at, line in enumerate(lines):
        styled = any(
            line == words or line.startswith((words + " ", words + ",")) for words in wanted
        )
        if styled and (name in line or (at + 1 < len(lines) and name in lines[at + 1])):
            return True
    return False


def draft_for(case: dict[str, Any]) -> Letter:
    """The letter the app drafts for this official in the case's language."""
    from app.domain.case_records import Target
    from app.domain.model import CaseDetail, CaseStatus, Person, SenderProfile
    from app.importing.names import gender_from_honorific, gender_from_salutation, strip_honorifics
    from app.services.letters import draft_letter

    printed = case["name"]
    title = case["title"] or None
    gender = case.get("gender") or gender_from_honorific(printed) or gender_from_salutation(title)
    target = Target(
        title=title,
        name=strip_honorifics(printed) if printed else None,
        name_as_printed=printed or None,
        address="1 Example Street",
        gender=gender,
    )
    ua = CaseDetail(
        case_id=1,
        ua_number="28/23",
        ai_index="ASA 00/0000/2023",
        title="Teacher detained",
        country=case["country"],
        status=CaseStatus.OPEN,
        issued_on=datetime.date(2026, 2, 1),
        deadline=datetime.date(2026, 4, 1),
        summary="",
        model_letter=None,
        document_language=case["lang"],
        previous_ua_link=None,
        persons=(Person("Tharani Selvanayagam", "she/her"),),
        targets=(target,),
        preferred_languages=(),
    )
    sender = SenderProfile(name="Jo Example", address="4 Linden Walk", city="Ashford")
    return draft_letter(ua, 1, sender, locale=case["lang"], today=TODAY, asks=())


def score_case(case: dict) -> Outcome:
    letter = draft_for(case)
    lines = [line.translate(_INVISIBLE).strip() for line in letter.text.splitlines()]
    salutation = letter.salutation.strip()
    at = next(
        (i for i, line in enumerate(lines) if salutation and line.startswith(salutation)), None
    )
    block = [line for line in lines[: at if at is not None else len(lines)] if line]
    outcome = Outcome(case["id"], case["lang"], salutation, letter.closing.strip(), block)
    if at is None:
        outcome.problems.append(f"salutation {salutation!r} is not a line of the letter")
    if not salutation_fits(salutation, case["salutation"]):
        outcome.problems.append(
            f"salutation {salutation!r}, protocol gives one of {case['salutation']}"
        )
    if "courtesy" in case and not courtesy_fits(block, case["courtesy"]):
        outcome.problems.append(f"no courtesy line {case['courtesy']} in the address block {block}")
    if "avoid" in case and (found := avoided_words(salutation, block, case["avoid"])):
        outcome.problems.append(f"{found} in the salutation or the address block {block}")
    if "name_line" in case and not name_follows_style(
        block, case.get("courtesy", ()), case["name_line"]
    ):
        outcome.problems.append(
            f"{case['name_line']!r} is not on or right below the courtesy line in {block}"
        )
    if not closing_fits(letter.closing, case["close"]):
        outcome.problems.append(
            f"closing {letter.closing.strip()!r}, protocol gives one with {case['close']}"
        )
    if letter.closing.strip() and letter.closing.strip() not in letter.text:
        outcome.problems.append("the closing is not in the letter")
    return outcome


def score_all(cases: list[dict] | None = None) -> list[Outcome]:
    return [score_case(case) for case in (cases if cases is not None else load_cases())]


def summary(outcomes: list[Outcome]) -> str:
    rows = []
    for language in LANGUAGES:
        mine = [o for o in outcomes if o.language == language]
        rows.append(f"{language}: {sum(o.matched for o in mine)}/{len(mine)}")
    rows.append(f"all: {sum(o.matched for o in outcomes)}/{len(outcomes)}")
    return "  ".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument(
        "tables", nargs="*", type=Path, help="tables to score (default: every blind table)"
    )
    arguments = parser.parse_args()
    for table in arguments.tables or TABLES:
        outcomes = score_all(load_cases(table))
        if arguments.verbose:
            for outcome in outcomes:
                if not outcome.matched:
                    print(outcome.report())
        print(f"{table.name}: {summary(outcomes)}")
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(sys_path_root))
    sys.exit(main())
