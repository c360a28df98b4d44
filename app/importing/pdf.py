"""Text from PDF files with pypdf, within page, stream and size budgets; clear refusals.

pypdf was chosen over pdfminer.six by measurement (bench/bench_import.py --compare-pdf): on
PDFs typeset from the samples with QPdfWriter, pypdf's layout mode gives the same parsed fields
(273/273) in about 60 ms per document against about 97 ms, and it is already a dependency.
"""

from __future__ import annotations

import contextlib
import io
import logging

from app.domain.errors import ImportRejected

MAX_PAGES = 60
MAX_TEXT_CHARS = 2_000_000
MAX_STREAM_BYTES = 20_000_000
log = logging.getLogger(__name__)


def _limits() -> contextlib.AbstractContextManager[object]:
    """Cap pypdf's decompression so a small file cannot expand to gigabytes (IN-2)."""
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
                "This PDF is encrypted (password-protected), so its text cannot be read. "
                "Open it in a PDF viewer and copy the text into a .txt file, or download an "
                "unprotected copy, and import that.",
            )
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise ImportRejected(
                source,
                f"This PDF has {len(pages)} pages; a UA has a few. It was refused as a possible "
                "PDF bomb. Import the UA's own document instead.",
            )
        parts: list[str] = []
        total = 0
        for page in pages:
            text = _page_text(page)
            total += len(text)
            if total > MAX_TEXT_CHARS:
                raise ImportRejected(
                    source,
                    "This PDF holds far more text than a UA; it was refused as a possible PDF "
                    "bomb. Import the UA's own document instead.",
                )
            parts.append(text)
    except ImportRejected:
        raise
    except LimitReachedError as exc:  # pypdf's decompression limits (PITFALLS IN-2)
        raise ImportRejected(
            source,
            "This PDF expands to far more data than a UA; it was refused as a possible PDF "
            "bomb. Import the UA's own document instead.",
        ) from exc
    except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
        raise ImportRejected(
            source,
            "This PDF is encrypted with a method that cannot be opened. Copy the text from a "
            "PDF viewer into a .txt file and import that.",
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, OSError, MemoryError) as exc:  # fmt: skip
        log.info("damaged PDF %s: %s", source, exc)
        raise ImportRejected(
            source,
            "This PDF is damaged or incomplete and cannot be read. Download it again, or copy "
            "the text from the web page and import that.",
        ) from exc
    text = "\f".join(parts).replace("\t", " ")  # pypdf separates words with tabs
    if len("".join(text.split())) < 20:
        raise ImportRejected(
            source,
            "This PDF has no text layer (it is a scanned image). Copy the text from the web page "
            "or the e-mail and import that, or run it through OCR first.",
        )
    return text


def _page_text(page: object) -> str:
    """Layout mode keeps blank lines between paragraphs and blocks (plain mode loses them)."""
    try:
        return page.extract_text(extraction_mode="layout") or ""  # type: ignore[attr-defined]
    except (ValueError, KeyError, TypeError, ZeroDivisionError):
        return page.extract_text() or ""  # type: ignore[attr-defined]


def _open_without_password(reader: object) -> bool:
    """Owner-password-only PDFs open with an empty user password."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure means "cannot open"
        return False
