"""Where the letters' data files live: the shipped templates folder, and the rule that keeps a
user's own templates folder from reaching files outside it.

Jinja-free, so that reading a data file (the asks a case pane lists, say) loads no template
engine.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.errors import N_, TemplateProblem

SHIPPED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def ensure_inside(path: Path, user_templates: Path | None) -> None:
    """Refuse a user template that is a link (or sits in a linked folder) leading out of the
    user's templates folder: a link there must not pull any file of the computer into a letter.
    """
    if user_templates is None:
        return
    root = Path(os.path.abspath(user_templates))
    if not Path(os.path.abspath(path)).is_relative_to(root):
        return  # a shipped template
    if not path.resolve().is_relative_to(root.resolve()):
        raise TemplateProblem(
            str(path), None, N_("a link that leads out of the templates folder; it was not used")
        )


def read_letter_file(path: Path) -> str:
    """The text of a template or data file; one not saved as UTF-8 (a Latin-1 export, say)
    is a ``TemplateProblem`` naming its line and what to do, in the translator's terms."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateProblem(
            str(path),
            data.count(b"\n", 0, exc.start) + 1,
            N_(
                "the file is not saved as UTF-8 (the byte {byte} on this line is not UTF-8); "
                "save it with the encoding UTF-8 (your editor's Save as, Encoding)"
            ),
            byte=f"0x{data[exc.start]:02x}",
        ) from exc
