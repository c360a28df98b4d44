"""A group's laptops on one server: switched on together on an empty database, carrying on
after the server closed their connections (it was restarted), and giving up on a link that
died."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from app.services.events import create_event, event_tally, get_event, record_event_letter
from tests.builders import add_event_cases
from tests.postgres.conftest import open_pg

REPO = Path(__file__).resolve().parents[2]


def test_laptops_switched_on_together_on_an_empty_database_all_open_it(
    pg_url: str, tmp_path: Path
) -> None:
    laptops = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path / f"laptop{n}")]
            + ["--database-url", pg_url, "list"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for laptop in laptops:
        out, err = laptop.communicate(timeout=300)
        assert (laptop.returncode, err) == (0, "")
        assert out.startswith("No cases.")


def close_every_connection(pg_url: str) -> None:
    """What a restart of the server does to the connections a laptop keeps open."""
    url = make_url(pg_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": url.database},
        )
        gone = text(  # pg_terminate_backend only asks: wait until they have ended
            "SELECT count(*) FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"
        )
        while conn.execute(gone, {"name": url.database}).scalar():
            time.sleep(0.01)
    admin.dispose()


def test_the_first_count_after_the_server_closed_the_connections_is_recorded(
    pg_url: str, tmp_path: Path
) -> None:
    db = open_pg(pg_url, tmp_path)
    add_event_cases(db)
    create_event(db, "Evening", cases=["12/26"])
    event = get_event(db, "Evening")
    record_event_letter(db, event, "12/26", target_index=1, count=3)

    close_every_connection(pg_url)
    record_event_letter(db, event, "12/26", target_index=1, count=4)

    assert event_tally(db, "Evening").total == 7
    db.close()


def said_within_a_while(question: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Ask again until the answer is yes, or the while is over."""
    deadline = time.monotonic() + seconds
    while not question():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_laptop_that_lost_the_server_lists_its_cases_again_once_it_is_back(
    pg_url: str, tmp_path: Path
) -> None:
    db = open_pg(pg_url, tmp_path)
    db.listen_to_other_laptops()
    assert not db.changed_elsewhere()

    close_every_connection(pg_url)  # what others committed meanwhile went unheard

    assert said_within_a_while(db.changed_elsewhere)  # the socket closes a moment later
    assert not db.changed_elsewhere()
    db.close()


def test_a_server_that_never_answers_is_said_after_a_while_not_waited_for_forever(
    tmp_path: Path,
) -> None:
    silent = socket.socket()  # takes the connection, never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    port = silent.getsockname()[1]
    url = f"postgresql+psycopg://appeal_desk:secret@127.0.0.1:{port}/appeals"
    laptop = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "laptop")]
        + ["--database-url", url, "list"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    silent.close()
    assert laptop.returncode == 1
    assert "timeout" in laptop.stderr


def unix_socket(pg_url: str) -> Path | None:
    """The server's own Unix socket when .ci/postgres.sh started it on this machine (in
    APPEAL_DESK_PG_DIR, as that script does)."""
    import os

    folder = Path(os.environ.get("APPEAL_DESK_PG_DIR", "/tmp/appeal-desk-pg"))
    found = folder / f".s.PGSQL.{make_url(pg_url).port or 5432}"
    return found if found.is_socket() else None


def test_a_read_over_a_link_that_died_gives_up_and_says_the_server_did_not_answer(
    pg_url: str,
) -> None:
    """The laptop's link dies just after a read (nothing answers, not even a refusal): the next
    read gives up when the check of its open connection times out (ten seconds, as the message
    says) instead of waiting for the system's quarter of an hour, and says so, without first
    trying a new connection that would make the user wait as long again."""
    server = unix_socket(pg_url)
    own_network = subprocess.run(["unshare", "-n", "ip", "link"], capture_output=True)
    if server is None or own_network.returncode != 0:
        pytest.skip("needs the server's Unix socket and a network namespace (unshare -n, ip)")
    laptop = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "bench.link_goes_dead"] + [pg_url, str(server)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,  # a laptop that waited for the system's own timeout would be stopped
    )
    said = laptop.stdout.splitlines()
    assert said[0] == "listed 0 cases", laptop.stderr
    assert said[1] == (
        "said: The database server 127.0.0.1:{port} did not answer (timeout after 10 seconds)."
        " Check that this computer is connected to the network and that the server is"
        " running, then try again. Nothing was changed."
    ).format(port=said[1].split(":")[2].split(" ")[0])
    assert said[2] == "new connections tried: 0"
    assert said[3].startswith("after ")  # the seconds it took, for whoever reads the log
