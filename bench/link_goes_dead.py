"""A laptop whose network link to the group's server dies while it is connected (a cable
pulled, the Wi-Fi gone: nothing answers, not even a refusal).

Run by bench/bench_dead_link.py as ``unshare -n python bench/link_goes_dead.py URL SOCKET
[IDLE]``, and by tests/postgres as ``python -m bench.link_goes_dead``: in a network namespace
of its own, the laptop reaches the server through a loopback relay to the server's Unix
socket; taking that loopback down then drops every packet, as a dead link does. It prints the
first listing, then what the user is told when the next one fails, how many new connections
the laptop tried to open for it, and how many seconds that took. ``IDLE`` seconds (none by
default) pass between the link dying and that next listing, as for a laptop left alone for a
while.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import event, make_url

from app.domain.errors import AppealDeskError
from app.paths import resolve_paths
from app.services.cases import list_cases
from app.store.database import open_database


def relay(listener: socket.socket, server_socket: str) -> None:
    """Each connection to ``listener`` is passed on to the server's Unix socket."""
    while True:
        client, _address = listener.accept()
        server = socket.socket(socket.AF_UNIX)
        server.connect(server_socket)
        for source, sink in ((client, server), (server, client)):
            threading.Thread(target=pump, args=(source, sink), daemon=True).start()


def pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass


def main(url: str, server_socket: str, idle_seconds: str = "0") -> int:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    threading.Thread(target=relay, args=(listener, server_socket), daemon=True).start()
    relayed = make_url(url).set(host="127.0.0.1", port=listener.getsockname()[1])
    db = open_database(resolve_paths(Path(tempfile.mkdtemp())), url=relayed.render_as_string(False))
    print(f"listed {len(list_cases(db))} cases", flush=True)
    attempts: list[object] = []
    event.listen(db.engine, "do_connect", lambda *_args: attempts.append(None))
    subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
    time.sleep(float(idle_seconds))
    began = time.monotonic()
    try:
        list_cases(db)
    except AppealDeskError as error:
        from app.cli.errors import error_text

        print(f"said: {error_text(error)}", flush=True)
    else:
        print("said nothing: the cases were listed", flush=True)
    print(f"new connections tried: {len(attempts)}", flush=True)
    print(f"after {time.monotonic() - began:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
