"""Our widgets never hide a Qt method under a name of their own (``actions``, ``sender``,
``locale``...): Qt and other code calling the Qt method would reach ours instead."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout

UI = Path(__file__).resolve().parents[2] / "app" / "ui"

# The Qt methods our classes reimplement on purpose (item models, proxies, delegates, dialogs,
# a label that speaks its new text, a page made when first shown, and Qt's catalog for its own
# dialogs). Event handlers (``...Event``) are reimplemented freely.
REIMPLEMENTED = frozenset(
    {
        "accept",
        "columnCount",
        "createEditor",
        "data",
        "displayText",
        "done",
        "eventFilter",  # a widget that watches the keys of a child it installed itself on
        "flags",
        "hasChildren",
        "headerData",
        "index",
        "mapFromSource",
        "mapToSource",
        "minimumSizeHint",  # a scrolling column never narrower than what it holds
        "parent",
        "reject",
        "rowCount",
        "setEditorData",
        "setSourceModel",
        "setText",
        "setVisible",  # a page that makes its widgets just before it is first shown
        "sibling",
        "sort",
        "translate",  # a QTranslator that looks Qt's file-dialog labels up without mnemonic
    }
)


# A layout of our own reimplements the virtual methods Qt lays widgets out with.
LAYOUT_REIMPLEMENTED = frozenset(
    {
        "addItem",
        "count",
        "expandingDirections",
        "hasHeightForWidth",
        "heightForWidth",
        "itemAt",
        "minimumSize",
        "setGeometry",
        "sizeHint",
        "takeAt",
    }
)


def qt_names(cls: type) -> set[str]:
    """Every name the Qt classes among ``cls``'s bases define."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith("PySide6"):
            names.update(vars(base))
    return names


def shadowed_names(path: Path, module_name: str) -> list[str]:
    """Methods and ``self.`` attributes of the Qt classes in ``path`` that reuse a Qt name."""
    module = importlib.import_module(module_name)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not (inspect.isclass(cls) and issubclass(cls, QObject)):
            continue
        taken = qt_names(cls)
        if issubclass(cls, QLayout):
            taken -= LAYOUT_REIMPLEMENTED
        for item in node.body:
            if (
                isinstance(item, ast.FunctionDef)
                and item.name in taken
                and item.name not in REIMPLEMENTED
                and not item.name.endswith("Event")
                and not item.name.startswith("__")
            ):
                found.append(f"{node.name}.{item.name}()")
        for inner in ast.walk(node):
            targets = (
                inner.targets
                if isinstance(inner, ast.Assign)
                else [inner.target]
                if isinstance(inner, ast.AnnAssign)
                else []
            )
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and target.attr in taken
                ):
                    found.append(f"{node.name}.{target.attr} = ...")
    return found


def test_no_widget_hides_a_qt_method(qapp: object) -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        name = ".".join(path.relative_to(UI.parents[1]).with_suffix("").parts)
        found += [f"{name}: {what}" for what in shadowed_names(path, name)]
    assert found == []


def test_the_check_sees_a_method_and_an_attribute_named_like_qt_ones(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = tmp_path / "shadowing_sample.py"
    sample.write_text(
        "from PySide6.QtWidgets import QDialog\n"
        "class Letters(QDialog):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__()\n"
        "        self.actions = []\n"
        "        self.drafts = []\n"
        "    def sender(self) -> str:\n"
        "        return 'me'\n"
        "    def closeEvent(self, event) -> None: ...\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert shadowed_names(sample, "shadowing_sample") == [
        "Letters.sender()",
        "Letters.actions = ...",
    ]
