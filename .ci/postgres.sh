#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for tests/postgres.
#
# Usage (in .ci/run or by hand):
#     eval "$(.ci/postgres.sh)"        # installs/starts it, exports APPEAL_DESK_TEST_PG_URL
#     .ci/postgres.sh --stop           # stops it again
# It prints one line on stdout: export APPEAL_DESK_TEST_PG_URL=postgresql+psycopg://...
# Everything else goes to stderr. Running it twice reuses the running server.
# Settings: APPEAL_DESK_PG_PORT (54329), APPEAL_DESK_PG_DIR (/tmp/appeal-desk-pg).
set -euo pipefail

PORT="${APPEAL_DESK_PG_PORT:-54329}"
ROOT="${APPEAL_DESK_PG_DIR:-/tmp/appeal-desk-pg}"
DATA="$ROOT/data"
ROLE="appeal_desk"
PASSWORD="appeal_desk_test"   # loopback-only throwaway test server
DBNAME="appeal_desk_test"
URL="postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DBNAME"

say() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        return 1
    fi
    echo "$dir"
}

# Run a command as the unprivileged owner of the cluster (postgres refuses to run as root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
    say "installing Debian's postgresql package"
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 \
            || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2; }
    else
        say "not root: install the 'postgresql' package first (apt-get install -y postgresql)"
        exit 1
    fi
    BIN="$(find_bin)"
fi

if [ "${1:-}" = "--stop" ]; then
    if [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    fi
    say "stopped"
    exit 0
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    mkdir -p "$ROOT"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$ROOT"
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
        say "creating a cluster in $DATA"
        pwfile="$(mktemp)"
        echo "$PASSWORD" >"$pwfile"
        chmod 644 "$pwfile"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust \
            --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2
        rm -f "$pwfile"
    fi
    say "starting PostgreSQL on 127.0.0.1:$PORT"
    # listen on loopback only; the socket lives in $ROOT (no /var/run needed); fsync stays on.
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c max_connections=100" start >&2
fi

psql_admin() { as_owner "$BIN/psql" -h "$ROOT" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    say "creating role $ROLE"
    # CREATEDB: the tests create one throwaway database per test and drop it afterwards.
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
fi
# pg_signal_backend: dropping a test's database WITH (FORCE) must also end the server's own
# autovacuum worker when one happens to be cleaning that database just then.
if [ "$(psql_admin -c "SELECT pg_has_role('$ROLE', 'pg_signal_backend', 'MEMBER')")" != "t" ]; then
    psql_admin -c "GRANT pg_signal_backend TO $ROLE" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" != "1" ]; then
    say "creating database $DBNAME"
    psql_admin -c "CREATE DATABASE $DBNAME OWNER $ROLE" >&2
fi

say "ready: $URL"
echo "export APPEAL_DESK_TEST_PG_URL=$URL"
