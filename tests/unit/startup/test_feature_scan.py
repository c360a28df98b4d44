"""The cheaper PySide6 import scan answers as PySide6's own one does."""

from __future__ import annotations

import json
import sys

import PySide6.QtCore  # noqa: F401 - loads PySide6's feature support

import app.domain.model
import app.ui.style
from app.pyside_feature_scan import speed_up_feature_scan


def test_the_scan_gives_the_same_answers() -> None:
    feature = sys.modules["shibokensupport.feature"]
    current = feature._mod_uses_pyside  # app.main may have installed the cheaper scan already
    original = getattr(current, "__wrapped__", current)
    feature._mod_uses_pyside = original
    modules = (app.ui.style, app.domain.model, json, sys)
    expected = [original(module) for module in modules]
    assert expected[:2] == [True, False]  # the app's Qt module uses PySide6, the domain not
    try:
        assert speed_up_feature_scan() is True
        assert speed_up_feature_scan() is False  # once is enough
        assert [feature._mod_uses_pyside(module) for module in modules] == expected
    finally:
        feature._mod_uses_pyside = current
