"""Text from PDF files with pypdf, within page, stream and size budgets; clear refusals.

pypdf was chosen over pdfminer.six by measurement (bench/bench_import.py --compare-pdf): on
PDFs typeset from the samples with QPdfWriter (15 of 21 with two pages), pypdf's plain mode with
blank lines restored from text positions parses every field as the source text does (273/273)
in about 54 ms of CPU per document, against 85 ms for pdfminer.six; its layout mode also scores
273/273 but sets table columns side by side, which breaks target blocks printed in columns.
Content streams are tokenized by pdf_operations (the same operations as pypdf's parser, several
times faster), which brings the app's reading to about 30 ms per document (273/273 still).
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import time

from app.domain.errors import ImportRejected
from app.i18n import _

MAX_PAGES = 60
MAX_SECONDS = 20.0  # checked between pages
PARAGRAPH_GAP = 1.6  # a line this many line-heights below the previous one starts a block
MAX_TEXT_CHARS = 2_000_000
MAX_STREAM_BYTES = 20_000_000
log = logging.getLogger(__name__)


def _limits() -> contextlib.AbstractContextManager[object]:
    """Cap pypdf's decompression so a small file cannot expand to gigabytes."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pypdf < 7: module constants
        from pypdf import filters

        for name in ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH"):
            if getattr(filters, name, 0) > MAX_STREAM_BYTES:
                setattr(filters, name, MAX_STREAM_BYTES)
        return contextlib.nullcontext()
    return apply(
        maximum_declared_stream_length=MAX_STREAM_BYTES,
        zlib_maximum_output_length=MAX_STREAM_BYTES,
        lzw_maximum_output_length=MAX_STREAM_BYTES,
        run_length_maximum_output_length=MAX_STREAM_BYTES,
        array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
        jbig2_maximum_output_length=MAX_STREAM_BYTES,
        image_maximum_buffer_size=MAX_STREAM_BYTES,
        stream_decoding_work_maximum_length=4 * MAX_STREAM_BYTES,
    )


def pdf_text(data: bytes, source: str) -> str:
    """Extract the text layer of a PDF (pages separated by form feeds)."""
    with _limits():
        return _extract(data, source)


def _extract(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _open_without_password(reader):
            raise ImportRejected(
                source,
                _(
                    "This PDF is encrypted (password-protected), so its text cannot be read. "
                    "Open it in a PDF viewer and copy the text into a .txt file, or download an "
                    "unprotected copy, and import that."
                ),
            )
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise ImportRejected(
                source,
                _(
                    "This PDF has {count} pages; a UA has a few. It was refused as a possible "
                    "PDF bomb. Import the UA's own document instead."
                ).format(count=len(pages)),
            )
        parts: list[str] = []
        total = 0
        started = time.monotonic()
        for page in pages:
            text = _page_text(page)
            total += len(text)
            if time.monotonic() - started > MAX_SECONDS:
                raise ImportRejected(
                    source,
                    _(
                        "Reading this PDF takes far too long for a UA document; it was stopped as a "
                        "possible PDF bomb. Copy the text from a PDF viewer and import that."
                    ),
                )
            if total > MAX_TEXT_CHARS:
                raise ImportRejected(
                    source,
                    _(
                        "This PDF holds far more text than a UA; it was refused as a possible PDF "
                        "bomb. Import the UA's own document instead."
                    ),
                )
            parts.append(text)
    except ImportRejected:
        raise
    except LimitReachedError as exc:  # pypdf's decompression limits
        raise ImportRejected(
            source,
            _(
                "This PDF expands to far more data than a UA; it was refused as a possible PDF "
                "bomb. Import the UA's own document instead."
            ),
        ) from exc
    except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
        raise ImportRejected(
            source,
            _(
                "This PDF is encrypted with a method that cannot be opened. Copy the text from a "
                "PDF viewer into a .txt file and import that."
            ),
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, OSError, MemoryError) as exc:  # fmt: skip
        log.info("damaged PDF %s: %s", source, exc)
        raise ImportRejected(
            source,
            _(
                "This PDF is damaged or incomplete and cannot be read. Download it again, or copy "
                "the text from the web page and import that."
            ),
        ) from exc
    text = "\f".join(parts).replace("\t", " ")  # pypdf separates words with tabs
    if len("".join(text.split())) < 20:
        raise ImportRejected(
            source,
            _(
                "This PDF has no text layer (it is a scanned image). Copy the text from the web page "
                "or the e-mail and import that, or run it through OCR first."
            ),
        )
    return text


def _page_text(page: object) -> str:
    """Plain-mode text (reading order, columns one after the other) with blank lines restored.

    pypdf's plain mode drops the vertical space between paragraphs and blocks, which the
    parser needs; the visitor gives each chunk's position, so a line that starts much lower
    than the previous one (a paragraph gap), or higher (the next column), gets a blank line.
    """
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text:
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((text, y, abs(size) * math.hypot(c, d)))

    _parse_contents_fast(page)
    try:
        page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    except (ValueError, KeyError, TypeError, ZeroDivisionError):
        return page.extract_text() or ""  # type: ignore[attr-defined]
    return _with_paragraph_gaps(chunks)


def _parse_contents_fast(page: object) -> None:
    """Give the page its content stream already parsed by the fast tokenizer, when it can.

    pypdf then extracts from these operations instead of parsing the stream byte by byte; the
    stream is decoded as pypdf does it (same limits). On anything unusual the page is left as
    it was, so pypdf reads it, and fails on it, exactly as before.
    """
    from pypdf.generic import ContentStream, NameObject

    from app.importing.pdf_operations import fast_operations

    try:
        contents = page.get("/Contents")  # type: ignore[attr-defined]
        if contents is None:
            return
        stream = ContentStream(contents.get_object(), page.pdf, "bytes")  # type: ignore[attr-defined]
        operations = fast_operations(stream.get_data())
        if operations is None:
            return
        stream.operations = operations
        page[NameObject("/Contents")] = stream  # type: ignore[index]
    except Exception:  # noqa: BLE001 - pypdf's own reading reports the problem as before
        return


def _with_paragraph_gaps(chunks: list[tuple[str, float, float]]) -> str:
    """Join the chunks, adding a blank line before a line that starts a new block."""
    starts: list[tuple[int, float, float]] = []  # (chunk index, y, height) of each line start
    line_start = True
    for i, (text, y, height) in enumerate(chunks):
        if line_start and text.strip():
            starts.append((i, y, height))
            line_start = False
        if text.endswith("\n"):
            line_start = True
    gaps = sorted(a[1] - b[1] for a, b in zip(starts, starts[1:], strict=False) if a[1] > b[1])
    usual = gaps[len(gaps) // 2] if len(gaps) >= 5 else None  # the ordinary line spacing
    breaks: set[int] = set()
    for previous, current in zip(starts, starts[1:], strict=False):
        gap, unit = previous[1] - current[1], max(previous[2], current[2])
        if unit <= 0:
            continue
        threshold = max(PARAGRAPH_GAP * unit, 1.35 * usual) if usual else PARAGRAPH_GAP * unit
        if gap > threshold or gap < -0.5 * unit:
            breaks.add(current[0])
    return "".join(
        ("\n" + text if i in breaks else text) for i, (text, _y, _h) in enumerate(chunks)
    )


def _open_without_password(reader: object) -> bool:
    """Owner-password-only PDFs open with an empty user password."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure means "cannot open"
        return False
