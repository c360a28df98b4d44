"""Scores the letters' forms of address against the blind protocol table.

Run from a checkout: ``python bench/forms_of_address.py`` (``-v`` lists every mismatch). The table
is ``tests/unit/letters/forms_of_address/cases.toml``: one official a case, as an Urgent Action
prints them, and the salutation, courtesy words and closing that protocol guides give.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.unit.letters.forms_of_address.scoring import score_all, summary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    arguments = parser.parse_args()
    outcomes = score_all()
    if arguments.verbose:
        for outcome in outcomes:
            if not outcome.matched:
                print(outcome.report())
    print(summary(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
