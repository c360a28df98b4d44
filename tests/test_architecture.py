"""Dependencies point down only (the layers in CONTRIBUTING.md); a wrong import fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# layer -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("app.", "PySide6", "sqlalchemy", "jinja2", "babel"),
    "importing": (
        "app.store",
        "app.services",
        "app.ui",
        "app.letters",
        "app.output",
        "PySide6.QtWidgets",
        "sqlalchemy",
    ),
    "letters": (
        "app.store",
        "app.services",
        "app.ui",
        "app.importing",
        "app.output",
        "PySide6",
        "sqlalchemy",
    ),
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
    assert [m for _, m in imported_modules(sample)] == [
        "app.store.database.Database",
        "PySide6.QtWidgets",
    ]


def module_name(path: Path, root: Path = APP) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _under_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def app_imports(path: Path, modules: set[str], root: Path = APP) -> set[str]:
    """The app modules ``path`` imports, at its top or inside a function (a deferred import
    still runs), leaving out imports made only for the type checker."""
    package = (
        module_name(path, root)
        if path.name == "__init__.py"
        else module_name(path, root).rpartition(".")[0]
    )
    found: set[str] = set()

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _under_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(filter(None, (owner(alias.name) for alias in node.names)))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.update(filter(None, [full if full in modules else owner(base)]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    found.discard(module_name(path, root))
    return {name for name in found if name.startswith("app")}


def import_cycles(root: Path) -> list[list[str]]:
    """Every group of modules under ``root`` that import one another in a circle."""
    paths = {module_name(path, root): path for path in root.rglob("*.py")}
    graph = {name: app_imports(path, set(paths), root) for name, path in paths.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(name: str) -> None:  # Tarjan's strongly connected components
        order[name] = low[name] = len(order)
        stack.append(name)
        for other in graph[name]:
            if other not in order:
                connect(other)
                low[name] = min(low[name], low[other])
            elif other in stack:
                low[name] = min(low[name], order[other])
        if low[name] == order[name]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in order:
            connect(name)
    return cycles


def test_no_import_cycles_in_app() -> None:
    assert import_cycles(APP) == []


def test_the_cycle_finder_sees_a_cycle_through_a_deferred_import(tmp_path: Path) -> None:
    package = tmp_path / "app"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "window.py").write_text("from app.ui.piece import Piece\n")
    (package / "ui" / "piece.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from app.ui.other import Other\n"
        "def use() -> None:\n    from app.ui import window\n"
    )
    (package / "ui" / "other.py").write_text("from app.ui.piece import use\n")
    assert import_cycles(package) == [["app.ui.piece", "app.ui.window"]]


def test_benchmarks_import_nothing_from_the_tests() -> None:
    """bench/ runs without the test suite's modules (and without pytest's fixtures)."""
    bench = APP.parent / "bench"
    offenders = [
        f"{path.relative_to(APP.parent)}:{lineno} imports {module}"
        for path in sorted(bench.glob("*.py"))
        for lineno, module in imported_modules(path)
        if module == "tests" or module.startswith("tests.")
    ]
    assert offenders == []


# The development folder kept beside a checkout; spelled in two pieces so that this file,
# which must name it, is not itself a reference to it.
SIBLING_FOLDER = "".join(("sha", "red"))


def test_no_test_reads_files_beside_the_repository() -> None:
    """The suite passes in a clone with nothing beside it: fixtures live in the repository."""
    tests = APP.parent / "tests"
    forbidden = (f'"{SIBLING_FOLDER}"', f"'{SIBLING_FOLDER}'", f"../{SIBLING_FOLDER}")
    offenders = [
        f"{path.relative_to(APP.parent)}:{number}"
        for path in sorted(tests.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(word in line for word in forbidden)
    ]
    assert offenders == []
