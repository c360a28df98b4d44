"""A second laptop in a process of its own: records appeals or merges a file on a shared store.

Run by the concurrency tests as ``python -m tests.postgres.concurrent_writer URL MODE ARG``.
It prints "ready" once connected, then waits for a line on stdin, so that the test can
release every writer at the same moment.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from app.domain.model import Channel
from app.paths import resolve_paths
from app.services.event_files import merge_file
from app.services.events import get_event, record_event_letter
from app.store.database import open_database


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("mode", choices=("record", "merge"))
    parser.add_argument("arg", help="record: how many appeals; merge: the file")
    parser.add_argument("--event", default="Shared marathon")
    args = parser.parse_args(argv)
    db = open_database(resolve_paths(Path(tempfile.mkdtemp())), url=args.url)
    event = get_event(db, args.event)
    with db.engine.connect():  # warm the pool before the start signal
        pass
    print("ready", flush=True)
    sys.stdin.readline()  # the test writes one line to every writer at once
    if args.mode == "record":
        for number in range(int(args.arg)):
            ua = ("12/26", "34/26")[number % 2]
            record_event_letter(db, event, ua, target_index=1, channel=Channel.POST)
    else:
        result = merge_file(db, Path(args.arg))
        print(f"added {result.added} present {result.already_present}", flush=True)
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
