"""A link in the user's templates folder that leads out of it is refused, not read into a letter."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.domain.errors import TemplateProblem
from app.letters.rendering import SHIPPED_TEMPLATES, build_environment, render

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


def test_a_template_linked_to_a_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("a private diary entry that must never reach a letter")
    user = tmp_path / "templates"
    (user / "en").mkdir(parents=True)
    (user / "en" / "letter.txt.j2").symlink_to(secret)

    env = build_environment(["en"], user)
    with pytest.raises(TemplateProblem) as refused:
        render(env, "letter.txt.j2", {})
    assert "leads out of the templates folder" in refused.value.problem


def test_a_linked_locale_folder_leading_out_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SHIPPED_TEMPLATES / "en", elsewhere)
    user = tmp_path / "templates"
    user.mkdir()
    (user / "en").symlink_to(elsewhere, target_is_directory=True)

    env = build_environment(["en"], user)
    with pytest.raises(TemplateProblem, match="leads out of the templates folder"):
        render(env, "letter.txt.j2", {})


def test_a_link_inside_the_folder_is_still_used(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    (user / "en").mkdir(parents=True)
    (user / "en" / "shared-letter.j2").write_text("Hello from a shared file\n")
    (user / "en" / "letter.txt.j2").symlink_to(user / "en" / "shared-letter.j2")

    env = build_environment(["en"], user)
    assert render(env, "letter.txt.j2", {}) == "Hello from a shared file\n"
