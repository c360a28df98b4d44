"""The tests mirror the code: every test folder or top-level test module names a part of app/."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
TESTS = ROOT / "tests"

# Folders beside the mirror of app/: whole-program, crash and shared-server tests, and data.
EXTRA_FOLDERS = {"unit", "ui", "integration", "durability", "postgres", "fixtures"}


def is_code_part(parent: Path, name: str) -> bool:
    """True when ``name`` is a package or a module directly under ``parent``."""
    return (parent / name / "__init__.py").is_file() or (parent / f"{name}.py").is_file()


def folders(path: Path) -> list[Path]:
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def misplaced(tests: Path, app: Path) -> list[str]:
    """Test folders and top-level test modules that name no package or module of ``app``."""
    wrong = [f"tests/{p.name}/" for p in folders(tests) if p.name not in EXTRA_FOLDERS]
    for layer, code in ((tests / "unit", app), (tests / "ui", app / "ui")):
        if not layer.is_dir():
            continue
        wrong += [
            f"{p.relative_to(tests.parent)}/"
            for p in folders(layer)
            if not is_code_part(code, p.name)
        ]
        if layer.name == "unit":
            wrong += [
                str(p.relative_to(tests.parent))
                for p in sorted(layer.glob("test_*.py"))
                if not is_code_part(code, p.stem.removeprefix("test_"))
            ]
        wrong += nested_test_folders_outside_the_mirror(layer, code, tests.parent)
    return wrong


def nested_test_folders_outside_the_mirror(layer: Path, code: Path, root: Path) -> list[str]:
    """Folders two or more levels down that hold test modules but name no package of ``code``
    at the same place (folders holding only documents, such as a corpus, are data)."""
    wrong = []
    for folder in sorted({path.parent for path in layer.glob("*/*/**/test_*.py")}):
        parts = folder.relative_to(layer).parts
        if any(part.startswith((".", "_")) for part in parts):
            continue
        if not (code.joinpath(*parts) / "__init__.py").is_file():
            wrong.append(f"{folder.relative_to(root)}/")
    return wrong


def test_test_folders_mirror_app() -> None:
    assert misplaced(TESTS, APP) == []


def test_a_folder_named_after_a_phase_is_caught(tmp_path: Path) -> None:
    (tmp_path / "app" / "services").mkdir(parents=True)
    (tmp_path / "app" / "services" / "__init__.py").write_text("")
    (tmp_path / "app" / "dates.py").write_text("")
    for folder in ("unit/services", "unit/polish", "ui/search", "bench_smoke"):
        (tmp_path / "tests" / folder).mkdir(parents=True)
    for module in ("unit/test_dates.py", "unit/test_speed.py"):
        (tmp_path / "tests" / module).write_text("")
    assert misplaced(tmp_path / "tests", tmp_path / "app") == [
        "tests/bench_smoke/",
        "tests/unit/polish/",
        "tests/unit/test_speed.py",
        "tests/ui/search/",
    ]


BUILT_VALUES = frozenset({"CaseSummary", "CaseDetail", "ParsedDocument"})


def values_built_outside_the_builders(tests: Path) -> list[str]:
    """Test modules that make a case or a parsed document themselves instead of asking
    tests/builders.py (one place knows what a complete fictional case holds)."""
    found = []
    for path in sorted(tests.rglob("*.py")):
        if path.name == "builders.py" and path.parent == tests:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in BUILT_VALUES:
                found.append(f"{path.relative_to(tests.parent)}:{node.lineno}")
    return found


def test_a_nested_folder_of_tests_named_after_a_phase_is_caught(tmp_path: Path) -> None:
    (tmp_path / "app" / "ui" / "dialogs").mkdir(parents=True)
    for package in ("ui", "ui/dialogs"):
        (tmp_path / "app" / package / "__init__.py").write_text("")
    for folder in ("ui/dialogs", "ui/dialogs/speed", "ui/dialogs/corpus"):
        (tmp_path / "tests" / folder).mkdir(parents=True)
    for module in ("ui/dialogs/test_x.py", "ui/dialogs/speed/test_y.py"):
        (tmp_path / "tests" / module).write_text("")
    (tmp_path / "tests" / "ui" / "dialogs" / "corpus" / "a.txt").write_text("")
    assert misplaced(tmp_path / "tests", tmp_path / "app") == ["tests/ui/dialogs/speed/"]


def test_cases_for_tests_come_from_the_one_builders_module() -> None:
    assert values_built_outside_the_builders(TESTS) == []


def test_a_case_built_in_a_test_module_is_caught(tmp_path: Path) -> None:
    (tmp_path / "tests" / "ui").mkdir(parents=True)
    (tmp_path / "tests" / "builders.py").write_text("def make():\n    return CaseDetail(1)\n")
    (tmp_path / "tests" / "ui" / "test_x.py").write_text("x = CaseSummary(case_id=1)\n")
    assert values_built_outside_the_builders(tmp_path / "tests") == ["tests/ui/test_x.py:1"]


# A reference to a tracker entry, or a code of capitals, a hyphen and a number from notes the
# repository does not hold. Standard names that look alike (UTF-8, ISO-8859, SHA-256...) pass.
OUTSIDE_REFERENCE = re.compile(
    r"\bissues?\s+#?\d+"
    r"|\b(?!(?:UTF|ISO|AES|SHA|CRC|GPL|UA|DIN|RFC|BCP|PDF|COM|AI|TLS|UTC|GMT|AU|NFC|NFKC|NFKD)-)"
    r"[A-Z]{2,5}-\d{1,3}\b"
)


def comments_citing_outside_references(roots: list[Path]) -> list[str]:
    """Comments and docstrings that send the reader to something outside the repository."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            texts = [
                (token.start[0], token.string)
                for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT
            ]
            for node in ast.walk(ast.parse(source)):
                documented = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
                if isinstance(node, documented) and (doc := ast.get_docstring(node, clean=False)):
                    texts.append((getattr(node, "lineno", 1), doc))
            found += [
                f"{path.relative_to(root.parent)}:{line} {match.group(0)}"
                for line, text in texts
                for match in OUTSIDE_REFERENCE.finditer(text)
            ]
    return found


def test_comments_stand_alone() -> None:
    assert comments_citing_outside_references([APP, TESTS, ROOT / "bench"]) == []


def test_a_comment_citing_a_tracker_or_a_note_code_is_caught(tmp_path: Path) -> None:
    code = tmp_path / "app"
    code.mkdir()
    (code / "sample.py").write_text(
        '"""Reads UTF-8 text (see issue 12)."""\n'
        "x = 1  # the QT-2 rule\n"
        "y = 'issue 7 in a string is data, not a comment'\n"
    )
    assert comments_citing_outside_references([code]) == [
        "app/sample.py:2 QT-2",
        "app/sample.py:1 issue 12",
    ]
