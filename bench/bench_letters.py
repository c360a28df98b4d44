"""Letters: rendering one appeal letter with ``app.services.letters.draft_letter``.

Cases come from a generated store (fictional, with model letters and targets); each round
drafts a letter to the first target of the next case, so templates are cached but the
context changes. The first draft (template loading and compiling) is reported apart.
"""

from __future__ import annotations

import statistics
import sys
import time

from generate_store import store_copy
from measure import Result, benchmark_main

from app.domain.model import SenderProfile
from app.paths import resolve_paths
from app.services.cases import get_case, list_cases
from app.services.database import open_store
from app.services.letters import draft_letter

SENDER = SenderProfile(
    name="Alex Example (fictional)",
    address="1 Sample Street",
    city="Exampletown",
    country="Nowhereland",
    email="alex@example.org",
)


def run(quick: bool) -> list[Result]:
    store = store_copy(1_000, 10_000)
    db = open_store(resolve_paths(store))
    try:
        summaries = [c for c in list_cases(db, include_closed=True) if c.officials][:50]
        cases = [get_case(db, summary.ua_number) for summary in summaries]
    finally:
        db.close()
    started = time.perf_counter()
    first = draft_letter(cases[0], 1, SENDER, locale="en")
    first_ms = (time.perf_counter() - started) * 1000.0
    rounds = 300 if quick else 2_000
    durations = []
    for round_number in range(rounds):
        case = cases[round_number % len(cases)]
        started = time.perf_counter()
        draft_letter(case, 1, SENDER, locale="en")
        durations.append((time.perf_counter() - started) * 1000.0)
    median = statistics.median(durations)
    p90 = statistics.quantiles(durations, n=10)[-1]
    return [
        Result("letter_first_render", first_ms, "ms", None, note="templates loaded and compiled"),
        Result(
            "letter_render_median",
            median,
            "ms",
            2,
            note=f"{rounds} letters, p90 {p90:.2f} ms, {len(first.text):,} chars",
        ),
    ]


if __name__ == "__main__":
    sys.exit(benchmark_main(__doc__, run))
