"""Envelopes and label sheets, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import SenderProfile, Target
from app.domain.output_options import EnvelopeFormat, PageSize
from app.output.address import postal_lines, with_country_last
from app.output.envelope import AIRMAIL_MARK, write_envelope_pdf, write_label_sheet_pdf

from .pdf_reading import pdf_text


@pytest.mark.parametrize(
    ("name", "points"),
    [
        (EnvelopeFormat.DL, (624, 312)),
        (EnvelopeFormat.C5, (649, 459)),
        (EnvelopeFormat.NO_10, (684, 297)),
    ],
)
def test_envelope_has_country_in_capitals_last(
    qapp,
    tmp_path: Path,
    target: Target,
    sender: SenderProfile,
    name: EnvelopeFormat,
    points: tuple[int, int],
) -> None:
    path = tmp_path / "envelope.pdf"
    write_envelope_pdf(target, path, country="Peru", sender=sender, envelope=name)
    lines = [line.strip() for line in pdf_text(path).splitlines() if line.strip()]
    assert lines[-1] == "PERU"
    assert lines[-2] == "Lima 1"
    assert "Dr Ana Pérez Gómez" in lines
    assert AIRMAIL_MARK in lines and "Jane Writer" in lines and "UNITED KINGDOM" in lines
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_envelope_without_return_address(qapp, tmp_path: Path, target: Target) -> None:
    path = tmp_path / "envelope.pdf"
    write_envelope_pdf(target, path, country="Peru")
    text = pdf_text(path)
    assert "Jane Writer" not in text and "Bristol" not in text and "PERU" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dl", EnvelopeFormat.DL),
        ("C5", EnvelopeFormat.C5),
        ("10", EnvelopeFormat.NO_10),
        ("#10", EnvelopeFormat.NO_10),
        ("COM10", EnvelopeFormat.NO_10),
        ("B4", None),
    ],
)
def test_envelope_format_names(text: str, expected: EnvelopeFormat | None) -> None:
    assert EnvelopeFormat.parse(text) is expected


@pytest.mark.parametrize(("page_size", "per_sheet"), [(PageSize.A4, 24), (PageSize.LETTER, 30)])
def test_label_sheet(
    qapp, tmp_path: Path, target: Target, page_size: PageSize, per_sheet: int
) -> None:
    path = tmp_path / "labels.pdf"
    sheets = write_label_sheet_pdf(
        [postal_lines(target, "Peru")] * (per_sheet + 1), path, page_size=page_size
    )
    reader = PdfReader(path)
    assert sheets == len(reader.pages) == 2
    assert reader.pages[0].extract_text().count("PERU") == per_sheet


@pytest.mark.parametrize(
    ("lines", "country", "expected"),
    [
        (["Av. X 1", "Lima 1, Peru"], None, ["Av. X 1", "Lima 1", "PERU"]),
        (["Av. X 1", "Lima 1"], "Peru", ["Av. X 1", "Lima 1", "PERU"]),
        (
            ["10 Downing St", "London", "Royaume-Uni"],
            "Peru",
            ["10 Downing St", "London", "ROYAUME-UNI"],
        ),
        (["Rue 1", "Alger"], None, ["Rue 1", "Alger"]),
    ],
)
def test_country_goes_last_in_capitals(
    lines: list[str], country: str | None, expected: list[str]
) -> None:
    assert with_country_last(lines, country) == expected
