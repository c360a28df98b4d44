"""Counts wrong salutations and closings on the golden table of officials.

Run from a checkout: ``python bench/golden_salutations.py`` (add ``--table PATH`` to score another
checkout's engine against this table, with that checkout first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import inspect
import sys
import tomllib
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "tests/unit/letters/golden_officials.toml"
LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")


def expected_forms(table: dict, language: str, key: str, gender: str) -> tuple[str, str]:
    entry = table["forms"][language][key]
    if isinstance(entry, dict):
        entry = entry.get(gender, entry.get("neutral"))
    return entry[0], entry[1]


def score(table: dict) -> tuple[int, int, int, list[str]]:
    """(cells, wrong salutations, wrong closings, examples)."""
    from app.letters.salutations import courtesy, load_rules

    takes_name = "name" in inspect.signature(courtesy).parameters
    cells = wrong_salutations = wrong_closings = 0
    examples: list[str] = []
    for language in LANGUAGES:
        rules = load_rules([language] if language == "en" else [language, "en"])
        for official in table["official"]:
            for stated, gender in official["cases"]:
                extra = {"name": official.get("name")} if takes_name else {}
                got = courtesy(rules, official["title"], stated or None, **extra)
                salutation, closing = expected_forms(table, language, official["key"], gender)
                cells += 1
                if got.salutation != salutation:
                    wrong_salutations += 1
                    examples.append(
                        f"{language} {official['title']!r} ({stated or '-'}): "
                        f"{got.salutation!r}, expected {salutation!r}"
                    )
                if got.closing != closing:
                    wrong_closings += 1
    return cells, wrong_salutations, wrong_closings, examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--show", type=int, default=10, help="how many wrong ones to print")
    args = parser.parse_args()
    table = tomllib.loads(args.table.read_text(encoding="utf-8"))
    cells, salutations, closings, examples = score(table)
    for line in examples[: args.show]:
        print(line)
    print(
        f"golden table: {cells} cells ({len(table['official'])} officials x cases x "
        f"{len(LANGUAGES)} languages): {salutations} wrong salutations, {closings} wrong closings"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
