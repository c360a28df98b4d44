"""Dependencies point down only (the layers in CONTRIBUTING.md); a wrong import fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# layer -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("app.", "PySide6", "sqlalchemy", "jinja2", "babel"),
    "importing": ("app.store", "app.services", "app.ui", "app.letters", "app.output",
                  "PySide6.QtWidgets", "sqlalchemy"),
    "letters": ("app.store", "app.services", "app.ui", "app.importing", "app.output",
                "PySide6", "sqlalchemy"),
    "store": ("app.services", "app.ui", "app.importing", "app.letters", "app.output", "PySide6"),
    "output": ("app.store", "app.services", "app.ui", "PySide6.QtWidgets", "sqlalchemy"),
    "services": ("app.ui", "PySide6.QtWidgets", "app.cli"),
    "ui": ("app.store", "sqlalchemy", "alembic", "app.cli"),
    "cli": ("app.ui", "PySide6.QtWidgets"),
}
ALLOWED_IN_DOMAIN = ("app.domain",)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def violations(layer: str) -> list[str]:
    bad: list[str] = []
    for path in sorted((APP / layer).rglob("*.py")):
        for lineno, module in imported_modules(path):
            if layer == "domain" and module.startswith(ALLOWED_IN_DOMAIN):
                continue
            for prefix in FORBIDDEN[layer]:
                if module == prefix.rstrip(".") or module.startswith(prefix):
                    bad.append(f"{path.relative_to(APP.parent)}:{lineno} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down_only(layer: str) -> None:
    assert violations(layer) == []


def test_qt_widgets_only_in_ui() -> None:
    offenders = [
        f"{path.relative_to(APP.parent)}:{lineno}"
        for path in APP.rglob("*.py")
        if "ui" not in path.relative_to(APP).parts[:1]
        for lineno, module in imported_modules(path)
        if module.startswith("PySide6.QtWidgets") or module.startswith("PySide6.QtPrintSupport")
    ]
    assert offenders == []


def test_the_checker_catches_a_wrong_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from app.store.database import Database\nimport PySide6.QtWidgets\n")
    assert [m for _, m in imported_modules(sample)] == ["app.store.database.Database", "PySide6.QtWidgets"]
