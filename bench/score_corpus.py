"""Score the importer on folders of UA documents with expected files (a development tool).

    .venv/bin/python bench/score_corpus.py                       # sample + held-out corpora
    .venv/bin/python bench/score_corpus.py PATH/TO/ua-samples/docs --verbose

Each folder holds ``NNN_slug.txt`` documents, each with ``NNN_slug.expected.json`` beside it.
Documents are parsed in this process (no process per document, unlike score_import.py's
--cmd) and compared with score_import.compare(): per folder, the share of the 13 fields that
match, and every document that misses a field. The tests require 100% on the two corpora in
the repository; a corpus kept outside the repository is scored here, never by the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from score_import import FIELDS, compare  # noqa: E402

from app.domain.errors import ImportRejected  # noqa: E402
from app.importing import parse_file  # noqa: E402

DEFAULT_FOLDERS = (
    ROOT / "tests" / "fixtures" / "ua-samples",
    ROOT / "tests" / "unit" / "importing" / "heldout",
)


def score_folder(folder: Path, verbose: bool) -> tuple[int, int]:
    """Print one folder's score; returns (matching fields, fields checked)."""
    docs = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".expected.json").is_file())
    matched = 0
    for doc in docs:
        expected = json.loads(doc.with_suffix(".expected.json").read_text(encoding="utf-8"))
        try:
            got = json.loads(json.dumps(parse_file(doc).to_json_dict(), ensure_ascii=False))
        except ImportRejected as exc:
            print(f"  {doc.name}: rejected ({exc})")
            continue
        scores, detail = compare(expected, got)
        matched += sum(scores.values())
        if not all(scores.values()):
            print(f"  {doc.name}: wrong {', '.join(sorted(detail['mismatch']))}")
            if verbose:
                for field, (want, have) in sorted(detail["mismatch"].items()):
                    print(f"      {field:<20} expected {json.dumps(want, ensure_ascii=False)}")
                    print(f"      {'':<20} got      {json.dumps(have, ensure_ascii=False)}")
    total = len(docs) * len(FIELDS)
    share = 100.0 * matched / total if total else 0.0
    print(f"{folder}: {len(docs)} documents, {share:.1f}% ({matched}/{total} fields)")
    return matched, total


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of documents")
    parser.add_argument("--verbose", action="store_true", help="print expected and got")
    args = parser.parse_args()
    folders = args.folders or list(DEFAULT_FOLDERS)
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"no such folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    results = [score_folder(folder, args.verbose) for folder in folders]
    return 0 if all(matched == total for matched, total in results) else 1


if __name__ == "__main__":
    sys.exit(main())
