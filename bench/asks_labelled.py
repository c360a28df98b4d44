"""Precision and recall of the demands recognised in hand-labelled sentences:
``python bench/asks_labelled.py [LANG...]``.

Reads ``tests/fixtures/asks/<lang>.toml``: sentences shaped like a UA's bullets (each one read
as a demand, as the case pane reads them) and like its model letter (only requests count),
each labelled with the asks it truly makes. A recognised ask the label lacks is a false
positive (a letter demanding what the UA did not ask); a labelled ask not recognised is a false
negative. ``SHOW=0`` hides the list of sentences recognised wrongly; ``ASKS=1`` adds the
figures of every ask.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "fixtures" / "asks"


def recognised(kind: str, text: str) -> list[str]:
    from app.letters.asks import asks_in, recognise

    return asks_in(text) if kind == "bullet" else recognise([text])


def main() -> int:
    languages = sys.argv[1:] or sorted(p.stem for p in LABELLED.glob("*.toml"))
    show = os.environ.get("SHOW", "1") != "0"
    total: Counter[str] = Counter()
    for language in languages:
        data = tomllib.loads((LABELLED / f"{language}.toml").read_text("utf-8"))
        counts: Counter[str] = Counter()
        per_ask: dict[str, Counter[str]] = {}
        wrong: list[str] = []
        sentences = [(kind, s) for kind in ("bullet", "letter") for s in data.get(kind, [])]
        for kind, sentence in sentences:
            truth, found = set(sentence["asks"]), set(recognised(kind, sentence["text"]))
            for ask in truth | found:
                mark = "tp" if ask in truth and ask in found else "fp" if ask in found else "fn"
                counts[mark] += 1
                per_ask.setdefault(ask, Counter())[mark] += 1
            if truth != found:
                extra = " ".join(f"+{a}" for a in sorted(found - truth))
                missing = " ".join(f"-{a}" for a in sorted(truth - found))
                wrong.append(f"  {kind}: {extra} {missing}".rstrip() + f"  | {sentence['text']}")
        total.update(counts)
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        precision = 100.0 * tp / (tp + fp) if tp + fp else 100.0
        recall = 100.0 * tp / (tp + fn) if tp + fn else 100.0
        print(
            f"{language}: {len(sentences)} sentences, {tp + fn} asks labelled; "
            f"precision {precision:.1f}% ({tp}/{tp + fp}), recall {recall:.1f}% ({tp}/{tp + fn}); "
            f"{len(wrong)} sentences wrong"
        )
        if os.environ.get("ASKS"):
            for ask, c in sorted(per_ask.items()):
                print(f"    {ask:18} tp {c['tp']:2} fp {c['fp']:2} fn {c['fn']:2}")
        if show:
            print("\n".join(wrong))
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(f"all: precision {100.0 * tp / (tp + fp):.1f}%, recall {100.0 * tp / (tp + fn):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
