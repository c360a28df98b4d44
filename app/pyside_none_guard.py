"""Keep PySide6 6.12.0 on Python 3.11 from crashing the app with "deallocating None".

PySide6-Essentials 6.12.0 returns ``None`` from every void Qt call (``setText``, ``update``,
``processEvents``...) without taking a reference, so each call lowers None's reference count
by one (measured: -1000 per 1000 calls; 6.11.3: 0). With about 30,000 references at start-up,
a long session (about 25 per keystroke in the search box, 15 per case shown) ends in
"Fatal Python error: none_dealloc". Python 3.12+ makes None immortal, so there it is harmless.
Until the dependency is pinned to a fixed PySide6, give None a reference count no session
can use up - what 3.12 does for every interpreter.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 void calls


def protect_none() -> None:
    """Raise None's reference count once (CPython < 3.12 only; idempotent enough to repeat)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
