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

from app.domain.errors import N_, ImportRejected

MAX_PAGES = 60
MAX_SECONDS = 20.0  # checked between pages and while a page is read
MAX_OPERATIONS = 200_000  # drawing operations per document, forms included (a UA page: ~3,000)
MAX_FORM_DRAWS = 200  # form XObjects drawn per page (pypdf allows 5,000, then skips quietly)
MAX_DRAWS = 500  # XObjects (forms, images) drawn per document; a UA draws a logo or two
MAX_SLOW_BYTES = 1_000_000  # content pypdf must parse itself, per document (its parser is slow)
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
        xform_maximum_invocations_per_extraction=MAX_FORM_DRAWS,
    )


class _OverBudget(BaseException):
    """Raised from inside pypdf's page walk to stop it (a BaseException, so the walk's own
    ``except Exception`` around each form XObject cannot swallow it and carry on)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class _Budget:
    """Time, work and text allowed for one document, checked at every drawing operation."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.operations = 0
        self.chars = 0
        self.form_bytes = 0
        self.draws = 0

    def operation(self) -> None:
        self.operations += 1
        if self.operations > MAX_OPERATIONS:
            raise _OverBudget("operations")
        if not self.operations % 64 and time.monotonic() > self.deadline:
            raise _OverBudget("time")

    def draw(self) -> None:
        self.draws += 1
        if self.draws > MAX_DRAWS:
            raise _OverBudget("operations")

    def slow_parse(self, size: int) -> None:
        """pypdf is about to parse ``size`` bytes of content itself (a parse it cannot stop)."""
        self.form_bytes += size
        if self.form_bytes > MAX_SLOW_BYTES:
            raise _OverBudget("content")

    def text(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > MAX_TEXT_CHARS:
            raise _OverBudget("text")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _OverBudget("time")


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
                N_(
                    "This PDF is encrypted (password-protected), so its text cannot be read. "
                    "Open it in a PDF viewer and copy the text into a .txt file, or download an "
                    "unprotected copy, and import that."
                ),
            )
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise ImportRejected(
                source,
                N_(
                    "This PDF has {count} pages; a UA has a few. It was refused as a possible "
                    "PDF bomb. Import the UA's own document instead."
                ),
                count=len(pages),
            )
        parts: list[str] = []
        budget = _Budget()
        for page in pages:
            parts.append(_page_text(page, budget))
            budget.check_time()
    except _OverBudget as stop:
        log.info("PDF %s stopped: over its %s budget", source, stop.what)
        if stop.what == "text":
            raise ImportRejected(
                source,
                N_(
                    "This PDF holds far more text than a UA; it was refused as a possible PDF "
                    "bomb. Import the UA's own document instead."
                ),
            ) from None
        raise ImportRejected(
            source,
            N_(
                "Reading this PDF takes far too long for a UA document; it was stopped as a "
                "possible PDF bomb. Copy the text from a PDF viewer and import that."
            ),
        ) from None
    except ImportRejected:
        raise
    except LimitReachedError as exc:  # pypdf's decompression limits
        raise ImportRejected(
            source,
            N_(
                "This PDF expands to far more data than a UA; it was refused as a possible PDF "
                "bomb. Import the UA's own document instead."
            ),
        ) from exc
    except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
        raise ImportRejected(
            source,
            N_(
                "This PDF is encrypted with a method that cannot be opened. Copy the text from a "
                "PDF viewer into a .txt file and import that."
            ),
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, OSError, MemoryError) as exc:  # fmt: skip
        log.info("damaged PDF %s: %s", source, exc)
        raise ImportRejected(
            source,
            N_(
                "This PDF is damaged or incomplete and cannot be read. Download it again, or copy "
                "the text from the web page and import that."
            ),
        ) from exc
    text = "\f".join(parts).replace("\t", " ")  # pypdf separates words with tabs
    if len("".join(text.split())) < 20:
        raise ImportRejected(
            source,
            N_(
                "This PDF has no text layer (it is a scanned image). Copy the text from the web page "
                "or the e-mail and import that, or run it through OCR first."
            ),
        )
    return text


def _page_text(page: object, budget: _Budget) -> str:
    """Plain-mode text (reading order, columns one after the other) with blank lines restored.

    pypdf's plain mode drops the vertical space between paragraphs and blocks, which the
    parser needs; the visitor gives each chunk's position, so a line that starts much lower
    than the previous one (a paragraph gap), or higher (the next column), gets a blank line.
    """
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text:
            budget.text(text)
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append((text, y, abs(size) * math.hypot(c, d)))

    slow_forms = _parse_forms_once(page, budget)

    def before(operator: object, operands: object, _cm: object, _tm: object) -> None:
        budget.operation()
        if operator == b"Do" and isinstance(operands, list) and operands:
            budget.draw()
            budget.slow_parse(slow_forms.get(str(operands[0]), 0))

    _parse_contents_fast(page, budget)
    budget.check_time()
    try:
        page.extract_text(  # type: ignore[attr-defined]
            visitor_text=visit, visitor_operand_before=before
        )
    except (ValueError, KeyError, TypeError, ZeroDivisionError):
        chunks.clear()
        text = page.extract_text(visitor_operand_before=before) or ""  # type: ignore[attr-defined]
        budget.text(text)
        return text
    return _with_paragraph_gaps(chunks)


def _parse_forms_once(page: object, budget: _Budget) -> dict[str, int]:
    """Parse each form XObject of the page once, so drawing it again costs no new parse.

    pypdf parses a form's content anew every time the page draws it: a small file drawing a
    big form thousands of times would take hours. A form the fast tokenizer reads is replaced,
    in memory, by a content stream already parsed; the sizes of the others (which pypdf will
    parse at each drawing) are returned by resource name, to be counted against the budget.
    """
    from pypdf.generic import ContentStream, NameObject

    from app.importing.pdf_operations import fast_operations

    slow: dict[str, int] = {}
    seen: set[int] = set()

    def prepare(holder: object, top: bool) -> None:
        resources = holder.get("/Resources")  # type: ignore[attr-defined]
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return
        xobjects = xobjects.get_object()
        for name, ref in list(xobjects.items()):
            form = ref.get_object()
            if id(form) in seen or form.get("/Subtype") != "/Form":
                continue
            seen.add(id(form))
            if isinstance(form, ContentStream):
                continue
            data = form.get_data()
            operations = fast_operations(data)
            if operations is None:
                if top:
                    slow[str(name)] = len(data)  # counted at each drawing
                else:
                    budget.slow_parse(len(data))  # inside a form: counted once
                prepare(form, False)
                continue
            parsed = ContentStream(None, page.pdf)  # type: ignore[attr-defined]
            parsed.operations = operations
            for key, value in form.items():
                if key not in ("/Length", "/Filter", "/DecodeParms"):
                    parsed[NameObject(key)] = value
            xobjects[NameObject(name)] = parsed
            seen.add(id(parsed))
            prepare(parsed, False)

    try:
        prepare(page, True)
    except _OverBudget:
        raise
    except Exception:  # noqa: BLE001 - pypdf's own reading reports a damaged resource
        return slow
    budget.check_time()
    return slow


def _parse_contents_fast(page: object, budget: _Budget) -> None:
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
        data = stream.get_data()
        operations = fast_operations(data)
    except Exception:  # noqa: BLE001 - pypdf's own reading reports the problem as before
        return
    if operations is None:
        budget.slow_parse(len(data))  # pypdf will parse it byte by byte
        return
    stream.operations = operations
    page[NameObject("/Contents")] = stream  # type: ignore[index]


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
