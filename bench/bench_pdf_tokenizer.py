"""The importer's fast content-stream tokenizer against pypdf's own parser, same documents.

    .venv/bin/python bench/bench_pdf_tokenizer.py

PDFs are typeset from the fictional samples and the sample corpus as bench_import.py does.
Each round reads every PDF with ``app.importing.pdf.pdf_text`` twice: once as the app does,
once with the tokenizer switched off (pypdf parses every stream itself). It prints the best
CPU time of each and whether the texts are the same; the tokenizer stays only while the
texts are identical and it is clearly faster.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import documents, write_pdf  # noqa: E402

import app.importing.pdf_operations as operations  # noqa: E402
from app.importing.pdf import pdf_text  # noqa: E402

ROUNDS = 5


def read_all(pdfs: list[bytes]) -> tuple[float, list[str]]:
    start = time.process_time()
    texts = [pdf_text(data, "sample.pdf") for data in pdfs]
    return time.process_time() - start, texts


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdfs = []
        for number, document in enumerate(documents()):
            path = Path(folder) / f"{number}.pdf"
            write_pdf(document.read_text(encoding="utf-8"), path)
            pdfs.append(path.read_bytes())
    fast = operations.fast_operations
    pypdf_only: Callable[[bytes], None] = lambda _data: None  # noqa: E731
    best = {"fast tokenizer": float("inf"), "pypdf's parser": float("inf")}
    texts: dict[str, list[str]] = {}
    for _round in range(ROUNDS):  # interleaved, so a busy machine slows both alike
        for name, tokenizer in (("fast tokenizer", fast), ("pypdf's parser", pypdf_only)):
            operations.fast_operations = tokenizer  # type: ignore[assignment]
            seconds, texts[name] = read_all(pdfs)
            best[name] = min(best[name], seconds)
    operations.fast_operations = fast
    same = texts["fast tokenizer"] == texts["pypdf's parser"]
    print(f"{len(pdfs)} PDFs, best of {ROUNDS} rounds, CPU seconds:")
    for name, seconds in best.items():
        print(f"  {name:<15} {seconds:6.3f}")
    gain = best["pypdf's parser"] / best["fast tokenizer"]
    print(f"gain {gain:.2f}x; same text: {same}")


if __name__ == "__main__":
    main()
