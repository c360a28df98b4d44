"""Share of UAs whose demands are all recognised: ``python bench/asks_coverage.py [GLOBS...]``.

For each document, the recommended-action bullets and the model letter (both read by the
importer, as the case keeps them) are split into sentences; a sentence that asks the official for something
counts as recognised when at least one demand of ``app/templates/*/asks.toml`` is found in it.
A UA counts when every one of its requests is recognised. Defaults to the repository's corpora.

``ASKS=1`` also prints, for each UA, the demands recognised in it (what the case pane and the
letter list), so that a change to the phrase tables can be compared before and after:
``ASKS=1 python bench/asks_coverage.py > before.txt``, change, again, then ``diff``.
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("tests/fixtures/ua-samples/*.txt", "tests/unit/importing/heldout/*.txt")


def main() -> int:
    from app.importing import parse_file
    from app.letters.asks import ASKS, asks_in, coverage, is_request, recognise, request_units

    patterns = sys.argv[1:] or [str(ROOT / p) for p in DEFAULT]
    files = sorted(f for pattern in patterns for f in glob.glob(pattern))
    with_requests = all_found = 0
    missed: list[str] = []
    for name in files:
        document = parse_file(name)
        bullets = "\n".join(f"- {bullet}" for bullet in document.recommended_actions)
        texts = [bullets, document.model_letter or ""]
        if os.environ.get("ASKS"):  # as the case pane finds them: every bullet is a demand
            found = set(recognise([document.model_letter or ""]))
            found.update(ask for bullet in document.recommended_actions for ask in asks_in(bullet))
            print(f"{Path(name).name}: {' '.join(a for a in ASKS if a in found) or '-'}")
        requests, recognised = coverage(texts)
        if not requests:
            continue
        with_requests += 1
        if requests == recognised:
            all_found += 1
            continue
        for text in texts:
            for unit in request_units(text):
                if is_request(unit) and not asks_in(unit):
                    missed.append(f"{Path(name).name}: {unit[:120]}")
    for line in missed[: int(os.environ.get("SHOW", "10"))]:
        print("not recognised:", line)
    share = 100.0 * all_found / with_requests if with_requests else 0.0
    print(
        f"{len(files)} UAs, {with_requests} with requests; all asks recognised in "
        f"{all_found} ({share:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
