"""Envelopes and address labels for every official of the listed cases, as PDFs read back."""

from __future__ import annotations

from pypdf import PdfReader

from app.ui import batch_outputs
from tests.builders import fictional_document, store_documents


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_labels_cover_the_listed_cases_only(
    make_window, app_paths, tmp_path, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store_documents(
        app_paths,
        fictional_document("12/26", official="Rui Costa", country="Atlantis"),
        fictional_document("3/26", official="Lena Dorn", country="Borduria"),
    )
    window = make_window()
    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(batch_outputs, "ask_save_path", lambda *_args: target)
    qtbot.keyClicks(window.case_list.search_box, "borduria")
    window.menu_actions.labels.trigger()
    text = pdf_text(target)
    assert "Lena Dorn" in text and "BORDURIA" in text
    assert "Rui Costa" not in text
    assert "labels" in window.statusBar().currentMessage()


def test_envelopes_one_per_official_with_a_return_address(
    make_window, app_paths, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from app.domain.model import SenderProfile
    from app.settings import load_settings, save_settings

    save_settings(
        app_paths,
        replace(load_settings(app_paths), sender=SenderProfile(name="Jo Writer", city="Leeds")),
    )
    store_documents(app_paths, fictional_document("12/26", official="Rui Costa"))
    window = make_window()
    target = tmp_path / "envelopes.pdf"
    monkeypatch.setattr(batch_outputs, "ask_save_path", lambda *_args: target)
    window.menu_actions.envelopes.trigger()
    reader = PdfReader(target)
    assert len(reader.pages) == 2  # the minister and the prosecutor
    text = pdf_text(target)
    assert "Rui Costa" in text and "Mara Vento" in text and "Jo Writer" in text


def test_nothing_to_print_says_so(make_window, messages) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.menu_actions.labels.trigger()
    assert messages.shown[0][1] == "Nothing to print"
