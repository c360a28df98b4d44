"""Texts a stranger wrote without reading the importer (qa_walk/): each parses as its expected
file says, as text and typeset as PDF, and the "write to" heading in every language stays a
heading, never the first words of the official's title."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.importing import parse_file, parse_text
from tests.unit.importing.corpus import compare, expected_of

HERE = Path(__file__).parent / "qa_walk"
DOCS = sorted(HERE.glob("*.txt"))


def test_the_qa_walk_has_seven_documents_with_expected_files() -> None:
    assert len(DOCS) == 7
    assert all(p.with_suffix("").with_suffix(".expected.json").is_file() for p in DOCS)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_qa_walk_document_matches_its_expected_file(path: Path) -> None:
    scores, detail = compare(expected_of(path), parse_file(path).to_json_dict())
    assert all(scores.values()), detail["mismatch"]
    for subfield, results in detail["sub"].items():
        assert all(results), subfield


@pytest.fixture
def line_pdf(qapp: object, tmp_path: Path) -> Callable[[str, str], Path]:
    """Each line painted on its own with an even line pitch: the text layer of many real PDFs,
    where nothing marks the blank lines between heading, deadline and address."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    def make(text: str, name: str) -> Path:
        path = tmp_path / name
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(300)
        painter = QPainter(writer)
        painter.setFont(QFont("DejaVu Sans", 10))
        y = 200
        for line in text.splitlines():
            if line.strip():
                painter.drawText(200, y, line)
                y += 50
        painter.end()
        del writer
        return path

    return make


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem[:3])
def test_typeset_as_pdf_the_document_parses_as_expected(
    path: Path, make_pdf: Callable[..., Path], line_pdf: Callable[[str, str], Path]
) -> None:
    text = path.read_text(encoding="utf-8")
    for pdf in (make_pdf(text, path.stem + ".pdf"), line_pdf(text, path.stem + "-lines.pdf")):
        scores, detail = compare(expected_of(path), parse_file(pdf).to_json_dict())
        assert all(scores.values()), (pdf.name, detail["mismatch"])
        assert all(detail["sub"]["targets.title"]), pdf.name


FRENCH = HERE / "905_belmont_student_fr.txt"
SPANISH = HERE / "904_costaverde_defender_es.txt"
GERMAN = HERE / "907_nordland_lawyer_de.txt"
ENGLISH = HERE / "901_ruritania_journalist_en.txt"
WRITE_TO = [
    (FRENCH, "Écrivez à :", "Écrivez à :"),
    (FRENCH, "Écrivez à :", "Écrivez à:"),
    (FRENCH, "Écrivez à :", "ÉCRIVEZ À :"),
    (FRENCH, "Écrivez à :", "Envoyez vos appels à :"),
    (SPANISH, "Envíen llamamientos a:", "Escriba a:"),
    (SPANISH, "Envíen llamamientos a:", "Escriba a :"),
    (SPANISH, "Envíen llamamientos a:", "Escriban a:"),
    (GERMAN, "APPELLE AN", "Schreiben Sie an:"),
    (GERMAN, "APPELLE AN", "Schreiben Sie an :"),
    (ENGLISH, "Write to:", "Escreva para:"),
    (ENGLISH, "Write to:", "Escreva para :"),
    (ENGLISH, "Write to:", "Write to :"),
]


@pytest.mark.parametrize(("path", "printed", "label"), WRITE_TO, ids=[w[2] for w in WRITE_TO])
@pytest.mark.parametrize("blank_lines", [True, False], ids=["blank lines", "no blank lines"])
def test_a_write_to_heading_is_never_part_of_the_officials_title(
    path: Path, printed: str, label: str, blank_lines: bool
) -> None:
    text = path.read_text(encoding="utf-8").replace(printed, label)
    if not blank_lines:
        text = "\n".join(line for line in text.splitlines() if line.strip())
    want = [t["title"] for t in expected_of(path)["targets"]]
    assert [t["title"] for t in parse_text(text).to_json_dict()["targets"]] == want


FINAL = HERE / "906_belmont_student_final_fr.txt"
HEADLINE = "INFORMATION COMPLÉMENTAIRE : CONDAMNATION À MORT COMMUÉE"


@pytest.mark.parametrize(
    "label",
    [
        "INFORMATION COMPLÉMENTAIRE :",
        "Informations complémentaires :",
        "FURTHER INFORMATION:",
        "Weitere Informationen:",
        "Neue Informationen:",
        "Información adicional:",
        "Actualización:",
        "Mise à jour :",
        "Informação complementar:",
    ],
)
def test_a_follow_ups_label_is_not_part_of_its_headline(label: str) -> None:
    text = FINAL.read_text(encoding="utf-8").replace(
        HEADLINE, f"{label} CONDAMNATION À MORT COMMUÉE"
    )
    assert parse_text(text).title == "CONDAMNATION À MORT COMMUÉE"


@pytest.mark.parametrize(
    "label", ["INFORMATION COMPLÉMENTAIRE", "FURTHER INFORMATION", "WEITERE INFORMATIONEN"]
)
def test_a_follow_ups_label_alone_is_no_headline(label: str) -> None:
    # No title: the case keeps the headline of its earlier documents.
    assert parse_text(FINAL.read_text(encoding="utf-8").replace(HEADLINE, label)).title == ""
