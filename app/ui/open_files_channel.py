"""Documents opened while Appeal Desk already runs reach the running window.

One copy of the app works on a data folder at a time. When the desktop starts a second one
with documents ("Open with", a file manager, the desktop entry's %F), that copy hands the
documents over to the running one through a local socket named after the data folder, and
exits; the running window offers them for import as it does at start-up. A second copy
started without documents asks the running one, through the same socket, to come to the
front: the user sees the window that has their data instead of a message behind it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.paths import AppPaths

log = logging.getLogger(__name__)

HANDOVER_WAIT_MS = 3000  # a running window answers at once; a stuck one is not waited for
MAX_MESSAGE_BYTES = 1024 * 1024  # ten thousand long paths fit; anything larger is not ours


def channel_name(paths: AppPaths) -> str:
    """The socket's name: one per user and data folder (short enough for any platform)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this user id: the folder alone tells them apart
        user = ""
    key = f"{user}\n{paths.data_dir.resolve()}".encode()
    return "appeal-desk-" + hashlib.sha256(key).hexdigest()[:24]


class OpenFilesListener(QObject):
    """Listens, in the copy that holds the data folder, for documents another copy was
    started with, and passes each batch to ``received``."""

    def __init__(
        self,
        paths: AppPaths,
        received: Callable[[list[Path]], None],
        parent: QObject | None = None,
        shown: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._received = received
        self._shown = shown  # another copy was started without documents
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        name = channel_name(paths)
        if not self._server.listen(name):
            # a socket left by a copy that crashed: this copy holds the folder, so it is stale
            QLocalServer.removeServer(name)
            if not self._server.listen(name):
                log.warning("documents opened later cannot reach this window: %s", name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            chunks: list[bytes] = []
            socket.readyRead.connect(lambda s=socket, c=chunks: c.append(bytes(s.readAll().data())))
            socket.disconnected.connect(lambda s=socket, c=chunks: self._finish(s, c))
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                self._finish(socket, chunks)

    def _finish(self, socket: QLocalSocket, chunks: list[bytes]) -> None:
        chunks.append(bytes(socket.readAll().data()))
        socket.deleteLater()
        data = b"".join(chunks)
        if asks_to_show(data):
            log.info("another copy was started: this window comes to the front")
            if self._shown is not None:
                self._shown()
            return
        files = parse_message(data)
        if files:
            log.info("%d document(s) handed over by another copy", len(files))
            self._received(files)


def parse_message(data: bytes) -> list[Path]:
    """The documents of a hand-over message; none when it is not one of ours."""
    if not data or len(data) > MAX_MESSAGE_BYTES:
        return []
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list):
        return []
    return [Path(name) for name in files if isinstance(name, str) and name]


SHOW_MESSAGE = b'{"show": true}'


def asks_to_show(data: bytes) -> bool:
    """The message of a copy started without documents: the running window comes forward."""
    try:
        message = json.loads(data.decode("utf-8")) if 0 < len(data) < 100 else None
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(message, dict) and message.get("show") is True


def hand_over(paths: AppPaths, files: Sequence[Path]) -> bool:
    """Pass ``files`` to the copy running on ``paths``; False when none listens (it may be an
    older version, or busy beyond ``HANDOVER_WAIT_MS``)."""
    message = json.dumps({"files": [str(path) for path in files]}).encode("utf-8")
    return _send(paths, message)


def ask_to_show(paths: AppPaths) -> bool:
    """Ask the copy running on ``paths`` to bring its window to the front; False when none
    listens (an older version, or one still starting)."""
    return _send(paths, SHOW_MESSAGE)


def _send(paths: AppPaths, message: bytes) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(channel_name(paths))
    if not socket.waitForConnected(HANDOVER_WAIT_MS):
        log.info("no running copy answered: %s", socket.errorString())
        return False
    socket.write(message)
    sent = socket.waitForBytesWritten(HANDOVER_WAIT_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(HANDOVER_WAIT_MS)
    return sent
