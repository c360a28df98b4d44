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
    # the window paints with app.output; what to send and how comes from app.services
    "ui": ("app.store", "sqlalchemy", "alembic", "app.cli", "app.output.mail"),
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


def app_imports(
    path: Path, modules: set[str], root: Path = APP, *, for_type_checker: bool = False
) -> set[str]:
    """The app modules ``path`` imports, at its top or inside a function (a deferred import
    still runs), leaving out imports made only for the type checker unless
    ``for_type_checker``."""
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
        if isinstance(node, ast.If) and _under_type_checking(node) and not for_type_checker:
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


def import_cycles(root: Path, *, for_type_checker: bool = False) -> list[list[str]]:
    """Every group of modules under ``root`` that import one another in a circle (counting
    the imports made only for the type checker too, with ``for_type_checker``)."""
    paths = {module_name(path, root): path for path in root.rglob("*.py")}
    graph = {
        name: app_imports(path, set(paths), root, for_type_checker=for_type_checker)
        for name, path in paths.items()
    }
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
    assert import_cycles(package, for_type_checker=True) == [
        ["app.ui.other", "app.ui.piece", "app.ui.window"]
    ]


def test_no_import_cycles_in_app_even_for_the_type_checker() -> None:
    """Two modules that name each other's types reach into each other: the one that needs
    the other's members says which in a Protocol of its own instead."""
    assert import_cycles(APP, for_type_checker=True) == []


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


def test_benchmarks_run_nothing_of_the_test_suite() -> None:
    """The benchmark runs nothing of the test suite: neither pytest nor a test module."""
    assert code_of_the_tests_run_by(APP.parent / "bench") == []


def test_a_benchmark_that_runs_the_tests_is_caught(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "figures.py").write_text(
        '"""Runs tests/durability/test_kill9.py with pytest."""\n'
        'NAMES = ("test_kill9.py",)\n'
        'COMMAND = ["python", "-m", "pytest", *(str(ROOT / "tests" / name) for name in NAMES)]\n'
    )
    (tmp_path / "sub" / "laptop.py").write_text(
        'SCRIPT = ROOT / "tests" / "postgres" / "link_goes_dead.py"\n'
        'DATA = ROOT / "tests" / "fixtures" / "schemas"\n'
        "from tests.durability.seeding import seed\n"
    )
    assert code_of_the_tests_run_by(tmp_path) == [
        "figures.py:2 names the test module test_kill9.py",
        "figures.py:3 starts pytest",
        "sub/laptop.py:1 names a Python file under tests/",
        "sub/laptop.py:3 imports tests.durability.seeding.seed",
    ]


def code_of_the_tests_run_by(folder: Path) -> list[str]:
    """Places under ``folder`` that import, start or name code of the test suite (its data
    files, such as tests/fixtures, may be read)."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        where = path.relative_to(folder).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for lineno, module in imported_modules(path):
            if module == "tests" or module.startswith("tests."):
                found.append(f"{where}:{lineno} imports {module}")
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                parts = _path_parts(node)
                if "tests" in parts and any(part.endswith(".py") for part in parts):
                    found.append(f"{where}:{node.lineno} names a Python file under tests/")
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) in docstrings:
                continue
            if node.value == "pytest":
                found.append(f"{where}:{node.lineno} starts pytest")
            elif node.value.startswith("test_") and node.value.endswith(".py"):
                found.append(f"{where}:{node.lineno} names the test module {node.value}")
    return sorted(
        set(found), key=lambda line: (line.split(":")[0], int(line.split(":")[1].split()[0]))
    )


def _path_parts(node: ast.expr) -> list[str]:
    """The text parts of a ``root / "a" / "b"`` chain."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return _path_parts(node.left) + _path_parts(node.right)
    return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []


TRANSLATING_CALLS = frozenset({"_", "gettext", "ngettext", "pgettext", "npgettext"})


def error_classes(root: Path) -> set[str]:
    """The names of AppealDeskError and every class under ``root`` that derives from it."""
    bases: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                named = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                bases.setdefault(node.name, set()).update(named)
    found = {"AppealDeskError"}
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found


def _finished_text(node: ast.expr) -> bool:
    """An f-string, a filled template or a translation: text the reader can no longer get
    in their own language."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in TRANSLATING_CALLS:
            return True
        return isinstance(func, ast.Attribute) and func.attr == "format"
    if isinstance(node, ast.IfExp):
        return _finished_text(node.body) or _finished_text(node.orelse)
    return False


def errors_made_with_finished_text(root: Path) -> list[str]:
    """Typed errors made below the window and the command line with a finished text instead
    of a template and its fields (app/ui and app/cli translate them when they show them)."""
    classes = error_classes(root)
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in ("ui", "cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in classes and any(_finished_text(arg) for arg in node.args):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno} {name}")
    return found


def test_errors_below_the_interface_carry_templates_not_finished_text() -> None:
    assert errors_made_with_finished_text(APP) == []


def test_the_error_check_sees_a_translated_or_formatted_message(tmp_path: Path) -> None:
    package = tmp_path / "app"
    (package / "services").mkdir(parents=True)
    (package / "domain").mkdir()
    (package / "domain" / "errors.py").write_text(
        "class AppealDeskError(Exception): ...\nclass InvalidInput(AppealDeskError): ...\n"
    )
    (package / "services" / "use.py").write_text(
        "from app.domain.errors import InvalidInput\n"
        "def fine(n): raise InvalidInput(N_('Too many: {n}.'), n=n)\n"
        "def translated(n): raise InvalidInput(_('Too many: {n}.').format(n=n))\n"
        "def formatted(n): raise InvalidInput(f'Too many: {n}.')\n"
        "def filled(n): return InvalidInput('Too many: %(n)d.' % {'n': n})\n"
    )
    assert errors_made_with_finished_text(package) == [
        "app/services/use.py:3 InvalidInput",
        "app/services/use.py:4 InvalidInput",
        "app/services/use.py:5 InvalidInput",
    ]


def test_text_folding_is_written_once() -> None:
    """Accents are dropped for comparison in app/domain/text_folding.py alone, so a search,
    an importer and a letter all fold alike (a migration keeps its own frozen copy)."""
    offenders = [
        str(path.relative_to(APP.parent))
        for path in sorted(APP.rglob("*.py"))
        if "unicodedata.combining" in path.read_text(encoding="utf-8")
        and path != APP / "domain" / "text_folding.py"
        and "migrations" not in path.parts
    ]
    assert offenders == []


# "Letter" alone is also an ordinary word (a PDF's title); "A4" names only paper.
PAGE_SIZE_WORDS = frozenset({"a4", "us letter"})


def page_sizes_spelled_out(root: Path) -> list[str]:
    """Strings that name a sheet of paper outside the PageSize enum: each such string is a
    second place deciding the paper, the way a US user's Letter setting once got lost."""
    return [
        f"{path.relative_to(root.parent)}:{node.lineno}"
        for path in sorted(root.rglob("*.py"))
        if path != root / "domain" / "output_options.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.strip().casefold() in PAGE_SIZE_WORDS
    ]


def defaulted_page_sizes(root: Path) -> list[str]:
    """Functions whose ``page_size`` has a default: a caller that forgets it prints on that
    sheet instead of the user's (the options resolve the paper; the output layer obeys)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            arguments = node.args
            positional = arguments.posonlyargs + arguments.args
            with_defaults = positional[len(positional) - len(arguments.defaults) :]
            pairs = list(zip(with_defaults, arguments.defaults, strict=True))
            pairs += [
                (argument, default)
                for argument, default in zip(
                    arguments.kwonlyargs, arguments.kw_defaults, strict=True
                )
                if default is not None
            ]
            for argument, default in pairs:
                if argument.arg == "page_size" and ast.unparse(default).startswith("PageSize."):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name}")
    return found


def test_the_paper_is_named_only_by_the_page_size_enum() -> None:
    assert page_sizes_spelled_out(APP) == []
    assert defaulted_page_sizes(APP) == []


def test_the_paper_checks_see_a_literal_and_a_default(tmp_path: Path) -> None:
    package = tmp_path / "app"
    (package / "output").mkdir(parents=True)
    (package / "output" / "sheet.py").write_text(
        "SIZE = 'A4'\n"
        "def paint(page_size: PageSize = PageSize.A4) -> None: ...\n"
        "def fine(*, page_size: PageSize, title: str = 'Letter') -> None: ...\n"
    )
    assert page_sizes_spelled_out(package) == ["app/output/sheet.py:1"]
    assert defaulted_page_sizes(package) == ["app/output/sheet.py:2 paint"]


# The window is built in one place; every other piece gets the application context. The
# README's screenshot script builds its own windows to photograph them, and drives them by
# their shortcuts as a user would.
WINDOW_BUILDERS = frozenset({"app.ui.application", "app.ui.screenshots"})


def test_only_the_composition_imports_the_main_window() -> None:
    """Not even for the type checker: a piece that names the window reaches into it."""
    importers = sorted(
        module_name(path)
        for path in APP.rglob("*.py")
        for _line, module in imported_modules(path)
        if module == "app.ui.main_window" or module.startswith("app.ui.main_window.")
    )
    assert set(importers) <= WINDOW_BUILDERS, importers


# Files are replaced in app/atomic_files.py; a backup (SQLite copies into its own temp file,
# then renames it) and a restore (moves whole stores aside and into place) rename files too.
RENAMERS = frozenset({"app/atomic_files.py", "app/store/backup.py", "app/services/restoring.py"})


def test_files_are_replaced_only_by_the_atomic_writes_module() -> None:
    renames = ("os.replace(", "os.rename(", ".rename(", "shutil.move(")
    offenders = sorted(
        str(path.relative_to(APP.parent))
        for path in APP.rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in renames)
    )
    assert set(offenders) <= RENAMERS, offenders


def test_the_interface_writes_dates_only_through_the_locale_aware_helpers() -> None:
    """A fixed ``strftime`` pattern ignores the reader's language and order of day and month:
    the window and the command line write dates with app/dates.py or app/ui/formatting.py."""
    offenders = [
        f"{path.relative_to(APP.parent)}:{number}"
        for layer in ("ui", "cli")
        for path in sorted((APP / layer).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "strftime(" in line
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


def private_names_reached_through_a_module(path: Path) -> list[str]:
    """``module._name`` where ``module`` is one of our modules imported by name: a piece that
    needs another's helper asks for a public function instead."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
            for alias in node.names:
                dotted = Path(*f"{node.module}.{alias.name}".split("."))
                if (APP.parent / dotted).with_suffix(".py").exists() or (
                    APP.parent / dotted
                ).is_dir():
                    modules.add(alias.asname or alias.name)
    return [
        f"{path.relative_to(path.parents[1])}:{node.lineno} {node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in modules
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]


def test_no_module_calls_a_private_function_of_another() -> None:
    offenders = [
        reach
        for path in sorted(APP.rglob("*.py"))
        for reach in private_names_reached_through_a_module(path)
    ]
    assert offenders == []


def test_the_private_name_check_sees_a_reach_into_a_module(tmp_path: Path) -> None:
    piece = tmp_path / "piece.py"
    piece.write_text(
        "from app.store import case_repository\n\ncase_repository._rank(None)\n", encoding="utf-8"
    )
    assert private_names_reached_through_a_module(piece) == [
        f"{tmp_path.name}/piece.py:3 case_repository._rank"
    ]
