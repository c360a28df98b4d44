"""The floor for start-up: a bare PySide6 script that shows an empty QMainWindow.

It quits as soon as the window has painted once, exactly like
``appeal-desk gui --quit-after-first-paint`` does with the case list.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitOnPaint(QObject):
    """Ends the event loop right after the first paint event of the watched widget."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)
    watcher = QuitOnPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
