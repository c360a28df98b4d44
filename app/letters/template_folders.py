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
