"""Letters as PDF, read back: text, page size, metadata, batches, right-to-left layout."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import Letter, SenderProfile, Target
from app.domain.output_options import PageSize
from app.output.letter_parts import split_letter
from app.output.paper import PrintItem, write_letter_pdf, write_letters_pdf

from .conftest import PERSON, english_text
from .pdf_reading import fragments, pdf_text

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def _size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.mark.parametrize(
    ("page_size", "points"), [(PageSize.A4, A4_POINTS), (PageSize.LETTER, LETTER_POINTS)]
)
def test_letter_pdf_names_official_and_sender(
    qapp,
    tmp_path: Path,
    letter: Letter,
    sender: SenderProfile,
    target: Target,
    page_size: PageSize,
    points: tuple[int, int],
) -> None:
    path = tmp_path / "letter.pdf"
    pages = write_letter_pdf(
        letter,
        path,
        sender=sender,
        target=target,
        page_size=page_size,
        emphasis=(PERSON,),
        country="Peru",
    )
    text = pdf_text(path)
    assert pages == 1 and len(PdfReader(path).pages) == 1
    assert "Dr Ana Pérez Gómez" in text and "Jane Writer" in text and PERSON in text
    assert text.count("Av. Ejemplo 123") == 1, "the recipient block is printed once, in the window"
    assert _size(path) == points
    meta = PdfReader(path).metadata
    assert meta.title == letter.subject
    assert "Appeal Desk" in (meta.creator or "")
    assert list(tmp_path.iterdir()) == [path]


def test_recipient_sits_in_the_din_window(qapp, tmp_path: Path, letter, sender, target) -> None:
    path = tmp_path / "letter.pdf"
    write_letter_pdf(
        letter, path, sender=sender, target=target, page_size=PageSize.A4, country="Peru"
    )
    mm = 25.4 / 72
    lines = {text: (x * mm, (842 - y) * mm) for x, y, text in fragments(path)}
    x, top = lines["Dr Ana Pérez Gómez"]
    assert 20 <= x <= 30 and 50 <= top <= 65
    assert 50 <= lines["PERU"][1] <= 90, "the country, in capitals, is still inside the window"


def test_batch_of_ten_letters_is_one_pdf(
    qapp, tmp_path: Path, sender: SenderProfile, target: Target
) -> None:
    items = [
        PrintItem(
            Letter(english_text(sender, target, n % 4 + 1), "en", "appeal", f"Letter {n}"),
            target,
            sender,
        )
        for n in range(10)
    ]
    path = tmp_path / "event.pdf"
    pages = write_letters_pdf(
        items, path, page_size=PageSize.LETTER, title="Write for Rights table 3"
    )
    reader = PdfReader(path)
    assert pages == len(reader.pages) >= 10
    assert reader.metadata.title == "Write for Rights table 3"
    assert (
        sum("Dr Ana Pérez Gómez" in page.extract_text().replace("\t", " ") for page in reader.pages)
        == 10
    )


def test_long_letter_flows_onto_a_second_page(qapp, tmp_path: Path, sender, target) -> None:
    letter = Letter(english_text(sender, target, 20), "en", "appeal", "Long")
    path = tmp_path / "long.pdf"
    pages = write_letter_pdf(letter, path, sender=sender, target=target, page_size=PageSize.A4)
    assert pages >= 2
    assert "Paragraph 20" in pdf_text(path)
    last_page = PdfReader(path).pages[-1].extract_text().replace("\t", " ")
    assert f"{pages} / {pages}" in last_page, "a letter over several pages is numbered"


def test_a_second_sheet_is_headed_by_the_subject_so_a_sample_says_so_there_too(
    qapp, tmp_path: Path, sender, target
) -> None:
    subject = "[FICTIONAL SAMPLE - DO NOT SEND] UA 901/27: Two students held"
    body = "*** FICTIONAL SAMPLE - DO NOT SEND ***\n\n" + english_text(sender, target, 20)
    letter = Letter(body, "en", "appeal", subject)
    path = tmp_path / "sample.pdf"
    pages = write_letter_pdf(letter, path, sender=sender, target=target, page_size=PageSize.A4)
    assert pages >= 2
    sheets = [page.extract_text().replace("\t", " ") for page in PdfReader(path).pages]
    for sheet in sheets[1:]:
        assert subject in sheet.splitlines(), sheet[-300:]  # a line of its own
    assert sheets[0].splitlines().count(subject) <= 1, "the first sheet is not headed again"


def test_arabic_letter_is_laid_out_right_to_left(
    qapp, tmp_path: Path, arabic_letter, sender, target
) -> None:
    rtl_path, ltr_path = tmp_path / "ar.pdf", tmp_path / "ar-ltr.pdf"
    write_letter_pdf(
        arabic_letter,
        rtl_path,
        sender=sender,
        target=target,
        emphasis=(PERSON,),
        page_size=PageSize.A4,
    )
    write_letter_pdf(
        replace(arabic_letter, right_to_left=False),
        ltr_path,
        sender=sender,
        target=target,
        page_size=PageSize.A4,
    )

    def salutation_x(path: Path) -> float:
        return next(x for x, _, text in fragments(path) if "معالي" in text or "معالي" in text[::-1])

    assert salutation_x(rtl_path) > 400
    assert salutation_x(ltr_path) < 200
    assert any(PERSON in text for _, _, text in fragments(rtl_path)), "the Latin name stays whole"


def test_existing_pdf_survives_a_failed_batch(qapp, tmp_path: Path) -> None:
    path = tmp_path / "event.pdf"
    path.write_bytes(b"%PDF old")
    with pytest.raises(Exception, match="no letters"):
        write_letters_pdf([], path, page_size=PageSize.A4)
    assert path.read_bytes() == b"%PDF old"
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    ("territory", "expected"),
    [
        ("US", PageSize.LETTER),
        ("en_US", PageSize.LETTER),
        ("es-MX", PageSize.LETTER),
        ("en_US.UTF-8", PageSize.LETTER),
        ("CA", PageSize.LETTER),
        ("de_DE", PageSize.A4),
        ("en", PageSize.A4),
        (None, PageSize.A4),
    ],
)
def test_default_page_size(territory: str | None, expected: PageSize) -> None:
    assert PageSize.for_locale(territory) is expected


def test_split_letter_keeps_unknown_head_lines(sender, target) -> None:
    text = english_text(sender, target).replace(
        "28 November 2026", "28 November 2026\nRef: UA 123/26"
    )
    parts = split_letter(text, sender, target)
    assert parts.date_line == "28 November 2026"
    assert parts.extra_head_lines == ("Ref: UA 123/26",)
    assert parts.body_lines[0] == "Dear Minister,"


def test_split_letter_without_head_keeps_everything(sender, target) -> None:
    parts = split_letter("Dear Minister,\n\nPlease act.\n", sender, target)
    assert parts.date_line is None and parts.body_lines == ("Dear Minister,", "", "Please act.")


def test_preview_document_prints_like_the_pdf(qapp, tmp_path: Path, letter, sender, target) -> None:
    """The GUI prints letter_document() with print_(); it must land where the PDF puts it."""
    from PySide6.QtGui import QPdfWriter

    from app.output.paper import letter_document, prepare_paged_device

    ours, printed = tmp_path / "ours.pdf", tmp_path / "printed.pdf"
    write_letter_pdf(letter, ours, sender=sender, target=target, page_size=PageSize.LETTER)
    doc = letter_document(letter, sender=sender, target=target, page_size=PageSize.LETTER)
    writer = QPdfWriter(str(printed))
    writer.setResolution(1200)  # a printer's resolution, unlike the layout's
    prepare_paged_device(writer, PageSize.LETTER)
    doc.print_(writer)
    del writer
    ours_at = {text: (x, y) for x, y, text in fragments(ours)}
    printed_at = {text: (x, y) for x, y, text in fragments(printed)}
    for line in ("Dr Ana Pérez Gómez", "Dear Minister,", "Yours sincerely,"):
        assert abs(ours_at[line][0] - printed_at[line][0]) < 1.5
        assert abs(ours_at[line][1] - printed_at[line][1]) < 1.5


def test_a_drafted_letter_is_laid_out_without_repeats(qapp, tmp_path: Path) -> None:
    """The letter engine's text (head included) becomes one clean page: nothing printed twice."""
    import datetime

    from app.letters.sample_cases import SAMPLE_CASES
    from app.services.letters import draft_letter

    case = SAMPLE_CASES[0]
    sender = SenderProfile(
        name="Sam Sample", address="4 Invented Street", city="Exampleford", country="United Kingdom"
    )
    letter = draft_letter(case, 1, sender, locale="en", today=datetime.date(2026, 1, 20))
    path = tmp_path / "drafted.pdf"
    assert (
        write_letter_pdf(
            letter,
            path,
            sender=sender,
            target=case.targets[0],
            country=case.country,
            page_size=PageSize.A4,
        )
        == 1
    )
    text = pdf_text(path)
    # a sample case: the marking has its own line, the subject after it is printed once
    subject = letter.subject.removeprefix("[FICTIONAL SAMPLE - DO NOT SEND] ")
    once = ("Oren Castell", "12 Harbour Road", "2026", subject, "Dear Minister", "FICTIONAL")
    for words in once:
        assert text.count(words) == 1, words
    assert "ARCADIA" in text and "Sam Sample ·" in text


def test_latin_names_are_isolated_in_rtl_text() -> None:
    from app.output.bidi_text import FSI, PDI, body_text_and_spans

    lines = ("أكتب إليكم بشأن Luis Quispe إلى Ana Pérez.",)
    text, spans = body_text_and_spans(
        lines, ("Luis Quispe",), "", True, isolate_only=("Ana Pérez",)
    )
    assert f"{FSI}Luis Quispe{PDI}" in text and f"{FSI}Ana Pérez{PDI}" in text
    assert [text[a:b] for a, b in spans] == [f"{FSI}Luis Quispe{PDI}"], "only the person is bold"
    text, _ = body_text_and_spans(lines, ("Luis Quispe",), "", False, isolate_only=("Ana Pérez",))
    assert FSI not in text


def test_heads_of_one_shape_share_margins_and_others_are_measured(
    qapp, tmp_path: Path, letter, sender, target
) -> None:
    """The second letter of a batch reuses the first one's head margins and lands identically;
    a head with a wrapped address line is measured and still lands in the window."""
    from app.output.head_placement import HEAD_MARGINS

    HEAD_MARGINS.clear()
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    write_letter_pdf(letter, first, sender=sender, target=target, page_size=PageSize.A4)
    assert len(HEAD_MARGINS) == 1
    other = replace(target, name_as_printed="Dr Ana Beatriz Pérez Gómez de la Fuente")
    other_letter = replace(letter, text=english_text(sender, other))
    write_letter_pdf(other_letter, second, sender=sender, target=other, page_size=PageSize.A4)
    assert len(HEAD_MARGINS) == 1, "same shape: no new measurement"
    first_at = {t: (x, y) for x, y, t in fragments(first)}
    second_at = {t: (x, y) for x, y, t in fragments(second)}
    assert first_at["Dear Minister,"] == second_at["Dear Minister,"]
    long_address = replace(
        target, address="Ministry of Justice\n" + "Very Long Street Name " * 6 + "\nLima"
    )
    third = tmp_path / "3.pdf"
    write_letter_pdf(
        letter, third, sender=sender, target=long_address, country="Peru", page_size=PageSize.A4
    )
    assert len(HEAD_MARGINS) == 1, "a wrapping line is measured, not cached"
    mm = 25.4 / 72
    third_at = {t: (x, (842 - y) * mm) for x, y, t in fragments(third)}
    assert 50 <= third_at["Dr Ana Pérez Gómez"][1] <= 65


def test_rtl_date_line_with_a_latin_town_reads_right_to_left(
    qapp, tmp_path: Path, arabic_letter, sender, target
) -> None:
    dated = replace(
        arabic_letter,
        text=arabic_letter.text.replace("28 نوفمبر 2026", f"{sender.city}، 28 نوفمبر 2026"),
    )
    path = tmp_path / "ar-town.pdf"
    write_letter_pdf(dated, path, sender=sender, target=target, page_size=PageSize.A4)
    found = fragments(path)
    date_y = next(y for x, y, text in found if "2026" in text and y < 600)
    on_date_line = [(x, text) for x, y, text in found if abs(y - date_y) < 1]
    town_x = next(x for x, text in on_date_line if "Bristol" in text)
    day_x = next(x for x, text in on_date_line if text.strip(" ،") == "28")
    assert town_x > day_x, "the town comes first, at the right, then the day"


def _window_lines(doc, wanted: tuple[str, ...]) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(left, right) edge on the page of the first line of each block among ``wanted``."""
    edges: dict[str, tuple[float, float]] = {}
    block = doc.begin()
    while block.isValid():
        text = block.text().strip("\u2066\u2067\u2068\u2069")
        if text in wanted and text not in edges:
            top_left = doc.documentLayout().blockBoundingRect(block).topLeft()
            line = block.layout().lineAt(0).naturalTextRect()
            edges[text] = (top_left.x() + line.left(), top_left.x() + line.right())
        block = block.next()
    return edges


@pytest.mark.parametrize("rtl", [True, False])
def test_an_address_of_both_directions_is_one_block_on_one_side_of_the_window(
    qapp, arabic_letter, sender, rtl: bool
) -> None:
    from app.output.letter_document import letter_document
    from app.output.letter_layout import page_spec
    from app.output.qt_runtime import mm_to_units

    # an Arabic office title over a Spanish name and address (as a letter in Arabic names them)
    official = Target(
        title="النائب العام",
        name="Verónica Andrade Paredes",
        address="Fiscalía General del Estado\nAv. Patria y Av. 12 de Octubre\nQuito 170525",
    )
    letter = replace(arabic_letter, right_to_left=rtl, recipient=official)
    doc = letter_document(
        letter, sender=sender, target=official, country="Ecuador", page_size=PageSize.A4
    )
    lines = ("النائب العام", "Verónica Andrade Paredes", "Fiscalía General del Estado", "ECUADOR")
    edges = _window_lines(doc, lines)
    assert set(edges) == set(lines)
    side = [right if rtl else left for left, right in edges.values()]
    assert max(side) - min(side) < mm_to_units(0.5), "every line flush on the same side"
    spec = page_spec(PageSize.A4)
    window = (mm_to_units(spec.window_left), mm_to_units(spec.window_left + spec.window_width))
    slack = mm_to_units(0.5)  # a glyph's side bearing
    for left, right in edges.values():  # still inside the envelope window
        assert window[0] - slack <= left and right <= window[1] + slack


def test_a_town_typed_in_the_address_and_as_the_town_is_printed_once(
    qapp, tmp_path: Path, target: Target
) -> None:
    """Settings asks for the address and the town: a user who writes the postal town in the
    address too must not see the town twice in the sender's block or the return line."""
    both = SenderProfile(
        name="Jane Writer",
        address="12 Example Road\nBristol BS1 4XX",
        city="Bristol",
        country="United Kingdom",
    )
    letter = Letter(
        text=english_text(both, target), locale="en_GB", template_name="appeal", subject="UA"
    )
    path = tmp_path / "letter.pdf"
    write_letter_pdf(letter, path, sender=both, target=target, page_size=PageSize.A4)
    lines = [line.strip() for line in pdf_text(path).splitlines()]
    assert "Bristol" not in lines  # no line with the town alone under "Bristol BS1 4XX"
    assert lines.count("Bristol BS1 4XX") == 1  # the sender's block
    [small] = [line for line in lines if "12 Example Road" in line and "\u00b7" in line]
    assert small.count("Bristol") == 1  # the return line above the recipient
    assert "Dear Minister," in lines  # the head was recognised, not left in the body
    # a town the address does not name is still printed
    apart = replace(both, address="12 Example Road")
    write_letter_pdf(letter, path, sender=apart, target=target, page_size=PageSize.A4)
    assert "Bristol" in [line.strip() for line in pdf_text(path).splitlines()]


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_us_town_with_its_comma_is_not_printed_again_above_the_subject(
    qapp, tmp_path: Path, locale: str
) -> None:
    """A US writer types the town as "Springfield, IL 62701": the letter's head line "town,
    country" is the sender's, so the page shows it in the sender's block only, not again
    between the date and the subject."""
    import datetime

    from app.letters.sample_cases import SAMPLE_CASES
    from app.services.letters import draft_letter, sender_for_letter

    case = SAMPLE_CASES[0]
    writer = SenderProfile(
        name="Mary Smith",
        address="12 Elm Street",
        city="Springfield, IL 62701",
        country="United States",
    )
    letter = draft_letter(case, 1, writer, locale=locale, today=datetime.date(2026, 12, 7))
    signer = sender_for_letter(writer, locale)
    path = tmp_path / "letter.pdf"
    write_letter_pdf(letter, path, sender=signer, target=case.targets[0], page_size=PageSize.LETTER)
    text = unicodedata.normalize("NFKC", pdf_text(path))  # the "fi" of Springfield is one glyph
    lines = [line.strip() for line in text.splitlines()]
    assert f"Springfield, IL 62701, {signer.country}" not in lines
    assert lines.count(signer.country) == 1  # the sender's block
    assert lines.count("Springfield, IL 62701") == 1


def test_a_long_return_line_takes_one_line_above_the_window_address(
    qapp, tmp_path: Path, letter: Letter, target: Target
) -> None:
    """A long name and street: the small return line stays one line above the address, with
    the town and country whole; the sender's block at the top keeps the full name."""
    name = "Maria-Magdalena Hohenzollern-Sigmaringen von und zu Wittelsbach-Oberammergau"
    sender = SenderProfile(
        name=name,
        address="Apartamento 14B, Rua das Flores Compridas de Santa Catarina 1234",
        city="1200-195 Lisboa",
        country="Portugal",
        email="maria@example.org",
    )
    path = tmp_path / "letter.pdf"
    write_letter_pdf(
        letter, path, sender=sender, target=target, page_size=PageSize.A4, country="Peru"
    )
    mm = 25.4 / 72
    placed = [(x * mm, (842 - y) * mm, text) for x, y, text in fragments(path)]
    address_top = next(top for _x, top, text in placed if text == "Dr Ana Pérez Gómez")
    returned = [(top, text) for _x, top, text in placed if 40 <= top < address_top - 2]
    assert len({round(top, 1) for top, _text in returned}) == 1, returned
    line = " ".join(text for _top, text in returned)
    assert line.startswith("Maria-Magd") and "..." in line  # "…" read back as NFKC
    assert line.endswith("1200-195 Lisboa · Portugal")
    assert name in pdf_text(path).replace("-\n", "-")  # the block wraps it at its hyphen
