"""Thousands of void Qt calls must leave None's reference count alone."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_void_qt_calls_do_not_exhaust_none(qapp) -> None:
    before = sys.getrefcount(None)
    font = QFont()
    for _ in range(5000):
        font.setFamily("DejaVu Serif")
    assert before - sys.getrefcount(None) < 100  # PySide6 6.12.0 lost one per call
