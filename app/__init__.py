"""Appeal Desk: write, print, send and track appeal letters for Urgent Actions."""

import sys as _sys

__version__ = "0.1.0"

if "shibokensupport.feature" in _sys.modules:  # a host (a test, the bench probe) loaded
    from app.pyside_feature_scan import speed_up_feature_scan  # PySide6 first: its per-import

    speed_up_feature_scan()  # source scan is made cheap before the app's modules load
