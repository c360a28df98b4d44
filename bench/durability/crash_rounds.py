"""Kill -9 rounds: a forked child records appeals through the services; the parent kills it.

The benchmark and tests/durability/test_kill9.py run them, each with its own number of rounds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.domain.model import Channel
from app.paths import resolve_paths
from app.services.appeals import record_appeal
from app.store.database import open_database
from app.store.integrity import check_file


@dataclass
class KillFigures:
    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_failures: int = 0
    killed_before_first_ack: int = 0


def _record_forever(data_dir: Path, ack_fd: int) -> None:
    """Child: open the store and record appeals, acknowledging each after its commit."""
    db = open_database(resolve_paths(data_dir))
    number = 0
    while True:
        number += 1
        record = record_appeal(
            db, "1/26", target_index=1, channel=Channel.POST, text=f"Fictional letter {number}"
        )
        os.write(ack_fd, f"{record.appeal_id}\n".encode())


def _stored_ids(db_path: Path) -> set[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {row[0] for row in conn.execute("SELECT uuid FROM appeals")}


def kill_round(data_dir: Path, rng: random.Random) -> tuple[set[str], bool]:
    """One round: fork, let the child acknowledge 0-20 appeals, SIGKILL it; return the acks."""
    pid, read_fd = fork_child(lambda ack_fd: _record_forever(data_dir, ack_fd))
    wanted = 0 if rng.random() < 0.1 else rng.randint(1, 20)
    acks: list[str] = []
    buffer = b""
    with os.fdopen(read_fd, "rb", buffering=0) as pipe:
        while len(acks) < wanted:
            chunk = pipe.read(4096)
            if not chunk:
                break
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            acks.extend(d.decode() for d in done)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        buffer += pipe.read()  # acks written before the kill count too
    acks.extend(d.decode() for d in buffer.split(b"\n") if d)
    return set(acks), wanted == 0


def run_kill_rounds(data_dir: Path, rounds: int, seed: int = 7) -> KillFigures:
    """``rounds`` kill -9 rounds on one store; the store must already hold case 1/26."""
    rng = random.Random(seed)
    figures = KillFigures()
    db_path = resolve_paths(data_dir).database
    acknowledged: set[str] = set()
    for _ in range(rounds):
        acks, early = kill_round(data_dir, rng)
        acknowledged |= acks
        figures.rounds += 1
        figures.killed_before_first_ack += early
        if not check_file(db_path, thorough=True).ok:
            figures.integrity_failures += 1
        figures.lost = len(acknowledged - _stored_ids(db_path))
    figures.acknowledged = len(acknowledged)
    return figures


def kill_while(work: Callable[[int], None], rng: random.Random) -> None:
    """Fork a child that loops over ``work(n)`` writing one byte per step; kill it at random."""

    def steps(step_fd: int) -> None:
        for number in range(10_000):
            work(number)
            os.write(step_fd, b".")

    pid, read_fd = fork_child(steps)
    for _ in range(rng.randint(0, 3)):
        if not os.read(read_fd, 1):
            break
    for _ in range(rng.randint(0, 20_000)):  # a random extra moment inside the next step
        pass
    kill_child(pid, read_fd)


def fork_child(child: Callable[[int], None]) -> tuple[int, int]:
    """Fork a process that runs ``child`` with the write end of a pipe and exits (status 1 when
    it raised) without ever returning into the caller; return its pid and the pipe's read end."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            os.close(read_fd)
            child(write_fd)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def kill_child(pid: int, read_fd: int) -> None:
    """SIGKILL a forked child, reap it and close the read end of its pipe."""
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_fd)
