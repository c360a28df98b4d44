"""Benchmark the UA importer: text and PDF documents per second, and PDF library comparison.

    .venv/bin/python bench/bench_import.py                 # docs/s for text and PDF
    .venv/bin/python bench/bench_import.py --compare-pdf   # pypdf vs pdfminer.six quality/speed

Documents: the fictional sample pack and sample corpus (tests/fixtures/ua-samples). PDFs are
generated from the texts with Qt's QPdfWriter + QTextDocument (offscreen), as in the tests.
Older checkouts read the sample pack and a development corpus kept in a folder beside the
checkout, outside the repository: where that folder is missing they time the 3 short pack
documents only (1.7 KB each, against 2.5 KB and often two pages here), and docs/s compare
only on the same documents.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importing import parse_file, parse_text  # noqa: E402
from app.samples import sample_paths  # noqa: E402

SAMPLE_CORPUS = ROOT / "tests" / "fixtures" / "ua-samples"


def documents() -> list[Path]:
    return list(sample_paths()) + sorted(SAMPLE_CORPUS.glob("*.txt"))


def write_pdf(text: str, path: Path, point_size: int = 10) -> None:
    """Typeset plain text into an A4 PDF the way a word processor would (wrapping long lines)."""
    from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", point_size))
    document.setPlainText(text)
    document.print_(writer)


def rate(label: str, paths: list[Path], repeat: int) -> float:
    """Documents per second, by wall clock and by this process's CPU time (steadier when shared).

    One document is read first, untimed, so the figure is the steady rate of a bulk import and
    not the one-off cost of importing the reader's modules (about 0.1 s for pypdf).
    """
    parse_file(paths[0])
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for path in paths:
            parse_file(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = len(paths) * repeat
    print(
        f"{label:<5} {count / cpu:8.1f} docs/s CPU  {count / wall:8.1f} docs/s wall  "
        f"({len(paths)} docs x {repeat})"
    )
    return count / cpu


def _pypdf(path: Path, mode: str) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = (page.extract_text(extraction_mode=mode) or "" for page in reader.pages)
    return "\f".join(pages).replace("\t", " ")  # as app/importing/pdf.py does


def _app_pdf(path: Path) -> str:
    """What the app uses: pypdf plain mode with paragraph gaps restored (app/importing/pdf.py)."""
    from app.importing.pdf import pdf_text

    return pdf_text(path.read_bytes(), path.name)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).replace("\t", " ")


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _fields_agreeing(original: str, extracted: str) -> int:
    try:
        want = parse_text(original).to_json_dict()
        got = parse_text(extracted).to_json_dict()
    except Exception:  # noqa: BLE001 - a rejected extraction agrees on nothing
        return 0
    return sum(1 for key in want if want[key] == got[key])


def compare_pdf_libraries(paths: list[Path], workdir: Path) -> None:
    """Extraction speed, word-level similarity and parsed-field agreement per library."""
    extractors = {
        "pypdf (app)": _app_pdf,
        "pypdf (plain)": lambda p: _pypdf(p, "plain"),
        "pypdf (layout)": lambda p: _pypdf(p, "layout"),
    }
    try:
        import pdfminer  # noqa: F401

        extractors["pdfminer.six"] = _pdfminer
    except ImportError:
        print("pdfminer.six is not installed; comparing pypdf modes only")
    pdfs: list[tuple[Path, str, int]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        pdf = workdir / (path.stem + ".pdf")
        write_pdf(text, pdf)
        from pypdf import PdfReader

        pdfs.append((pdf, text, len(PdfReader(str(pdf)).pages)))
    two_page = sum(1 for _p, _t, pages in pdfs if pages >= 2)
    print(f"{len(pdfs)} PDFs generated ({two_page} with 2+ pages)")
    print(f"{'library':<16} {'CPU ms/doc':>10} {'word sim':>9} {'fields agree':>13}")
    for name, extract in extractors.items():
        started = time.process_time()
        texts = [extract(pdf) for pdf, _t, _n in pdfs]
        ms = (time.process_time() - started) * 1000 / len(pdfs)
        similarity = sum(
            _similarity(t, x) for (_p, t, _n), x in zip(pdfs, texts, strict=True)
        ) / len(pdfs)
        agree = sum(_fields_agreeing(t, x) for (_p, t, _n), x in zip(pdfs, texts, strict=True))
        total = 13 * len(pdfs)
        print(
            f"{name:<16} {ms:8.1f} {similarity:9.3f} {agree:6d}/{total} ({100 * agree / total:.1f}%)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="passes over the text documents")
    parser.add_argument("--compare-pdf", action="store_true", help="compare PDF text extractors")
    args = parser.parse_args()
    paths = documents()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.compare_pdf:
            compare_pdf_libraries(paths, workdir)
            return 0
        rate("text", paths, args.repeat)
        pdfs = []
        for path in paths:
            pdf = workdir / (path.stem + ".pdf")
            write_pdf(path.read_text(encoding="utf-8"), pdf)
            pdfs.append(pdf)
        rate("pdf", pdfs, max(1, args.repeat // 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
