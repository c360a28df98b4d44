"""Make PySide6's per-import source scan cheap (it is paid at every start-up).

Once PySide6 is loaded, every module imported afterwards is passed to its ``__feature__``
support, which decides whether the module "uses PySide" by fetching its whole source with
``inspect.getsource`` and looking for the word ``PySide6``. Through ``inspect`` and
``linecache`` that costs about 0.1 ms a module: some 7 ms of the app's start-up. Reading the
file's bytes answers the same question for a ``.py`` file; anything else still goes the
original way. Nothing here changes which PySide6 features a module gets (the app uses none).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = b"PySide6"


def speed_up_feature_scan() -> bool:
    """Install the cheaper scan when this PySide6 has the hook; True when installed."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "_appeal_desk", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return _MARK in source.read()
        except OSError:
            return original(module)

    uses_pyside._appeal_desk = True  # type: ignore[attr-defined]
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
