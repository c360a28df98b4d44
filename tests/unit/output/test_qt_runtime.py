"""Thousands of void Qt calls must not kill the interpreter (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont

from app.pyside_none_guard import protect_none


def test_void_qt_calls_do_not_exhaust_none(qapp) -> None:
    protect_none()
    before = sys.getrefcount(None)
    font = QFont()
    for _ in range(5000):
        font.setFamily("DejaVu Serif")
    assert sys.getrefcount(None) > 5000 or before - sys.getrefcount(None) < 5000
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > 1 << 39
