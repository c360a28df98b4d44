"""Small PDFs whose pages cost hours to read: forms drawn thousands of times, nested forms,
millions of operations, streams only pypdf's slow parser reads. Written with pypdf; fictional.

Run as ``python -m tests.durability.pathological_pdfs CORPUS_DIR``: reads every PDF of the
folder through the app's PDF reader in this one process and prints JSON (outcome, message and
seconds per file, and the process's peak RSS). Shared by test_pathological_pdfs.py.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
)

from bench.durability.peak_memory import peak_rss_mb

TEXT_LINE = b"BT /F1 9 Tf 1 0 0 1 10 10 Tm (Fictional text) Tj ET\n"
PATH_LINE = b"0 0 m 10 10 l S\n"
ODD_LINE = b"BT /F1 9 Tf 1 0 0 1 10 10 Tm (odd \\) escaped \\( text) Tj ET\n"  # slow parser only


def _font(writer: PdfWriter) -> IndirectObject:
    return writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )


def _stream(
    writer: PdfWriter, data: bytes, extra: dict[str, object] | None = None
) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (extra or {}).items():
        stream[NameObject(key)] = value  # type: ignore[assignment]
    return writer._add_object(stream.flate_encode())


def _form(
    writer: PdfWriter, data: bytes, font: IndirectObject, inner: dict[str, IndirectObject]
) -> IndirectObject:
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    if inner:
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject(k): v for k, v in inner.items()}
        )
    return _stream(
        writer,
        data,
        {
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Form"),
            "/BBox": ArrayObject(
                [NumberObject(0), NumberObject(0), NumberObject(100), NumberObject(100)]
            ),
            "/Resources": resources,
        },
    )


def _write(
    path: Path,
    content: bytes,
    forms: dict[str, IndirectObject],
    writer: PdfWriter,
    font: IndirectObject,
) -> Path:
    page = writer.add_blank_page(595, 842)
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    if forms:
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject(k): v for k, v in forms.items()}
        )
    page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = _stream(writer, content)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def form_drawn_many_times(path: Path, line: bytes, repeat: int, draws: int = 5000) -> Path:
    writer = PdfWriter()
    font = _font(writer)
    form = _form(writer, line * repeat, font, {})
    return _write(path, b"q /Fm Do Q\n" * draws, {"/Fm": form}, writer, font)


def nested_forms(path: Path, fan_out: int = 200) -> Path:
    writer = PdfWriter()
    font = _font(writer)
    inner = _form(writer, TEXT_LINE * 50, font, {})
    middle = _form(writer, b"q /In Do Q\n" * fan_out, font, {"/In": inner})
    outer = _form(writer, b"q /Mid Do Q\n" * fan_out, font, {"/Mid": middle})
    return _write(path, b"q /Out Do Q\n" * fan_out, {"/Out": outer}, writer, font)


def millions_of_operations(path: Path) -> Path:
    writer = PdfWriter()
    font = _font(writer)
    return _write(path, PATH_LINE * 1_000_000, {}, writer, font)


def slow_parser_page(path: Path) -> Path:
    writer = PdfWriter()
    font = _font(writer)
    return _write(path, ODD_LINE * 60_000, {}, writer, font)


def small_text_page(path: Path) -> Path:
    """An ordinary small page of text (no UA in it): what reading any PDF costs."""
    writer = PdfWriter()
    font = _font(writer)
    return _write(path, TEXT_LINE * 50, {}, writer, font)


def single_slow_stream(path: Path) -> Path:
    """One content stream just under the reader's cap for content only pypdf's byte-by-byte
    parser reads: several seconds in one call that no check inside the app can interrupt."""
    writer = PdfWriter()
    font = _font(writer)
    return _write(path, ODD_LINE * (990_000 // len(ODD_LINE)), {}, writer, font)


def build_corpus(folder: Path) -> list[str]:
    """Write the pathological PDFs into ``folder``; return their names."""
    folder.mkdir(parents=True, exist_ok=True)
    makers = {
        "form-with-text-x5000.pdf": lambda p: form_drawn_many_times(p, TEXT_LINE, 12_000),
        "form-of-paths-x5000.pdf": lambda p: form_drawn_many_times(p, PATH_LINE, 40_000),
        "form-of-odd-text-x5000.pdf": lambda p: form_drawn_many_times(p, ODD_LINE, 10_000),
        "nested-forms-200x200x200.pdf": nested_forms,
        "a-million-operations.pdf": millions_of_operations,
        "slow-parser-page.pdf": slow_parser_page,
    }
    for name, make in makers.items():
        make(folder / name)
    return sorted(makers)


def main(folder: Path) -> None:
    from app.domain.errors import ImportRejected
    from app.importing.pdf import pdf_text

    results = []
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        started = time.monotonic()
        try:
            pdf_text(data, path.name)
            outcome, message = "read", ""
        except ImportRejected as exc:
            outcome, message = "rejected", exc.reason
        results.append(
            {
                "name": path.name,
                "bytes": len(data),
                "outcome": outcome,
                "message": message,
                "seconds": time.monotonic() - started,
            }
        )
    peak = peak_rss_mb()
    print(json.dumps({"results": results, "peak_rss_mb": peak}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
