"""Batch printing: 1,000 laid-out letters into one PDF vs a bare QTextDocument -> QPdfWriter loop.

Run: ``.venv/bin/python bench/bench_letters_pdf.py [COUNT]``. Both sides print the same texts
on A4 at 600 dpi into one PDF each (both files are read back for their page counts); the bare
loop only sets plain text and paints its pages, so the ratio is the cost of our layout (window
placement, emphasis, one-page fitting). Figures are CPU time of this process, the median of
five rounds in which the two sides take turns to go first. Target: <= 1.5x.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QSizeF  # noqa: E402
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument  # noqa: E402

from app.domain.model import Letter, SenderProfile, Target  # noqa: E402
from app.domain.output_options import PageSize  # noqa: E402
from app.output.paper import (  # noqa: E402
    PrintItem,
    paint_document_pages,
    prepare_paged_device,
    write_letters_pdf,
)
from app.output.qt_runtime import (  # noqa: E402
    DOC_DPI,
    ensure_gui_application,
    make_font,
    margin_length,
    mm_to_units,
)

ROUNDS = 5
SENDER = SenderProfile(
    name="Sam Sample", address="1 Fictional Lane", city="Exampletown", country="United Kingdom"
)


def fictional_items(count: int) -> list[PrintItem]:
    """Letters to made-up officials about made-up people, of varying length."""
    items = []
    for n in range(count):
        target = Target(
            title="Minister of the Interior",
            name=f"Official Number {n}",
            address=f"Ministry of the Interior\n{n} Example Avenue\nCapital City\nFictionland",
        )
        person = f"Person Fictional {n}"
        body = "\n\n".join(
            f"I am writing about {person}, who is at risk (this is fictional sample text). "
            "I urge you to ensure that they are protected, released and able to see their family "
            "and a lawyer of their choice without delay."
            for _ in range(2 + n % 4)
        )
        text = (
            f"{SENDER.name}\n{SENDER.address}\n{SENDER.city}\n{SENDER.country}\n\n28 November 2026\n\n"
            f"{target.name}\n{target.title}\n{target.address}\n\nDear Minister,\n\n{body}\n\n"
            f"Yours sincerely,\n\n{SENDER.name}\n"
        )
        letter = Letter(text=text, locale="en", template_name="appeal", subject=f"About {person}")
        items.append(PrintItem(letter, target, SENDER, emphasis=(person,)))
    return items


def bare_loop(texts: list[str], path: Path) -> int:
    """The floor: one QTextDocument per text, plain text, painted page by page.

    Same page, same 600 dpi writer, same type size and the 2 cm margins ``print_()`` gives.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(DOC_DPI)
    prepare_paged_device(writer, "A4")
    page = writer.pageLayout().fullRectPixels(DOC_DPI)
    painter = QPainter(writer)
    margin = margin_length(mm_to_units(20))
    pages = 0
    for text in texts:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(make_font(11))
        doc.setDocumentMargin(margin)  # 2 cm, as QTextDocument.print_() gives a plain document
        doc.setPageSize(QSizeF(page.width(), page.height()))
        doc.setPlainText(text)
        pages += paint_document_pages(doc, painter, writer, new_page_first=pages > 0)
    painter.end()
    del painter, writer
    return pages


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    ensure_gui_application()
    items = fictional_items(count)
    texts = [item.letter.text for item in items]
    bare_times: list[float] = []
    our_times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        bare_loop(texts[:20], out / "warm.pdf")  # load and cache the fonts first
        write_letters_pdf(items[:20], out / "warm2.pdf", page_size=PageSize.A4)

        def run_bare() -> int:
            start = time.process_time()
            pages = bare_loop(texts, out / "bare.pdf")
            bare_times.append(time.process_time() - start)
            return pages

        def run_ours() -> int:
            start = time.process_time()
            pages = write_letters_pdf(
                items, out / "ours.pdf", title="Benchmark", page_size=PageSize.A4
            )
            our_times.append(time.process_time() - start)
            return pages

        for round_ in range(ROUNDS):  # interleaved, taking turns to go first: the machine is shared
            first, second = (run_bare, run_ours) if round_ % 2 == 0 else (run_ours, run_bare)
            first()
            second()
        bare_pages = len(PdfReader(out / "bare.pdf").pages)  # both files, read back
        our_pages = len(PdfReader(out / "ours.pdf").pages)
        size = (out / "ours.pdf").stat().st_size
    bare, ours = statistics.median(bare_times), statistics.median(our_times)
    print(f"letters: {count} (CPU time of this process, median of {ROUNDS} interleaved rounds)")
    print(f"bare QTextDocument->QPdfWriter loop: {bare:6.2f} s  {bare_pages} pages")
    print(
        f"write_letters_pdf (laid out, atomic):   {ours:6.2f} s  {our_pages} pages  {size / 1e6:.1f} MB"
    )
    ratios = sorted(o / b for o, b in zip(our_times, bare_times, strict=True))
    print(
        f"per letter: {ours / count * 1000:.2f} ms; ratio ours/bare: {ours / bare:.2f}x "
        f"(target <= 1.5x; bare {bare / count * 1000:.2f} ms a letter; "
        f"rounds {ratios[0]:.2f}-{ratios[-1]:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
