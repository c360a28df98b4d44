"""A mistake in the user's own letter template: the letter editor says, in the interface's
language, which file and line and what to do; the template engine's own words follow on a
line of their own."""

from __future__ import annotations

from pathlib import Path

from app.paths import AppPaths
from tests.builders import fictional_document, store_documents
from tests.ui.conftest import wait_for_letter

SHIPPED = Path(__file__).resolve().parents[2] / "app" / "templates" / "en" / "letter.txt.j2"


def broken_own_template(paths: AppPaths) -> tuple[Path, int]:
    """The shipped English letter, copied into the user's templates with one tag left open."""
    own = paths.user_templates / "en" / "letter.txt.j2"
    own.parent.mkdir(parents=True)
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "{{" in text)
    lines[line - 1] = lines[line - 1].replace("}}", "}", 1)
    own.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return own, line


def test_a_broken_own_template_is_explained_in_the_users_language(
    make_window, app_paths: AppPaths, messages
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import apply_language

    store_documents(app_paths, fictional_document("12/26"))
    own, line = broken_own_template(app_paths)
    apply_language("es")
    try:
        window = make_window()
        window.menu_actions.write_letter.trigger()
        wait_for_letter(window.case_actions.letter_dialog)
    finally:
        apply_language("en")
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("error", "No se puede escribir esta carta")
    said, detail = text.split("\n")
    assert said.startswith(f"{own}:")
    assert "plantilla" in said and "template" not in said.removeprefix(f"{own}:")
    assert detail.startswith("Detalle: ") and "'}'" in detail  # the engine's own words
