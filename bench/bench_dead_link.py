"""How long a laptop waits before saying the server did not answer, when its network link to
the group's server dies (nothing answers, not even a refusal).

    eval "$(bash .ci/postgres.sh)"                 # the test server on this machine
    .venv/bin/python bench/bench_dead_link.py      # this checkout
    .venv/bin/python bench/bench_dead_link.py --repo /tmp/old   # another checkout's app/

Runs ``bench/link_goes_dead.py`` (of this checkout) in a network namespace of its own
(``unshare -n``, as the test suite's own laptop does) on a new, empty database, once with the connection
used just before the link died and once after the link was dead for ``--idle`` seconds, and
prints for each what the user was told, how many new connections were tried and the
seconds waited. Needs the server's Unix socket on this machine and ``unshare -n``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[1]
DEAD_LINK = ROOT / "bench" / "link_goes_dead.py"


def server_socket(url: str) -> Path:
    folder = Path(os.environ.get("APPEAL_DESK_PG_DIR", "/tmp/appeal-desk-pg"))
    return folder / f".s.PGSQL.{make_url(url).port or 5432}"


def run(repo: Path, url: str, idle_seconds: float) -> list[str]:
    laptop = subprocess.run(
        ["unshare", "-n", sys.executable, str(DEAD_LINK), url, str(server_socket(url))]
        + [str(idle_seconds)],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(repo)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return laptop.stdout.splitlines() or [laptop.stderr.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose app/ is timed")
    parser.add_argument("--idle", type=float, default=15.0, help="seconds the link is dead first")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    base = make_url(os.environ["APPEAL_DESK_TEST_PG_URL"])
    name = f"appeal_desk_b_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = base.set(database=name).render_as_string(hide_password=False)
        for _round in range(args.rounds):
            for label, idle in (("used just before", 0.0), (f"idle {args.idle:g} s", args.idle)):
                said = run(args.repo.resolve(), url, idle)
                print(f"{label}:")
                for line in said[1:]:
                    print(f"    {line}")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
