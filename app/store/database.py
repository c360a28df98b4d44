"""Engine setup, the unit of work, and opening (and migrating) a store safely.

SQLAlchemy is imported when an engine is made, not with this module. The window opens a
SQLite store whose schema is current with the standard ``sqlite3`` module alone (its locks,
its revision, the damage check of a small file) and reads it that way (``Database.read``)
until the engine is made: off the GUI thread once the window is ready, or by whatever
needs it first. Importing SQLAlchemy takes longer than a bare window's whole start.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.atomic_files import remove_stale_temp_files
from app.domain.errors import (
    CHOOSE_WRITABLE_FOLDER,
    CORRECT_SERVER_ADDRESS,
    N_,
    RESTORE_NEWEST_BACKUP,
    Phrase,
    StoreProblem,
    StoreUnavailable,
    os_problem,
)
from app.paths import PRIVATE_FILE, AppPaths, ensure_dirs
from app.store.case_list import Execute
from app.store.instance_lock import WRITER_LOCK_FILE, StoreBusy, StoreLock, WriterTurn

if TYPE_CHECKING:
    from sqlalchemy import URL, Engine
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# On a server, every unit of work that wrote says so on this channel, signed by its handle.
CHANGES_CHANNEL = "appeal_desk_changes"
# How long a look for those notices waits: none would read only what is already in hand and
# not notice that the server has closed the connection.
NOTICES_WAIT_S = 0.001
# How long a laptop waits for a server that does not answer before saying so.
SERVER_WAIT_S = 10


# The execution option of a connection that only reads (``Database.reading``).
READ_ONLY = "appeal_desk_read_only"


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, FKs, FULL sync (durable) and BEGIN IMMEDIATE (no lock).
    A server's connections are checked before use (``_check_before_use``)."""
    from sqlalchemy import create_engine, event

    if url.startswith("sqlite"):
        engine = create_engine(url)
    else:
        engine = create_engine(url, connect_args=_server_connect_args(url))
        _check_before_use(engine)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # pysqlite must not issue its own BEGIN
            for pragma in (
                "foreign_keys=ON",
                "journal_mode=WAL",
                "synchronous=FULL",
                "busy_timeout=5000",
            ):
                dbapi_conn.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # type: ignore[no-untyped-def]
            # A write takes the write lock at once (waiting for it, not failing on a stale
            # snapshot); a read never asks for it, so it runs beside a writer under WAL.
            reading = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


# A connection's check that failed after waiting this long waited for an answer; one that
# failed sooner found the connection already closed (by the server, or by the system).
_CHECK_WAITED_S = 1.0


def _check_before_use(engine: Engine) -> None:
    """Each connection taken from the pool, except one just opened, is checked first. One the
    server closed (it was restarted) or the system gave up on while it was idle fails its
    check at once and is replaced instead of failing the user's action. A check that timed out
    waiting for an answer is final: the link to the server is dead, and opening a new
    connection would only make the user wait as long again before being told so."""
    from sqlalchemy import event
    from sqlalchemy.exc import DisconnectionError

    dialect = engine.dialect

    @event.listens_for(engine, "connect")
    def _opened(_dbapi_conn, record):  # type: ignore[no-untyped-def]
        record.info["opened_unchecked"] = True

    @event.listens_for(engine, "checkout")
    def _check(dbapi_conn, record, _proxy):  # type: ignore[no-untyped-def]
        if record.info.pop("opened_unchecked", False):
            return
        began = time.monotonic()
        try:
            dialect.do_ping(dbapi_conn)
        except dialect.loaded_dbapi.Error as exc:
            waited = time.monotonic() - began >= _CHECK_WAITED_S
            said = " ".join(str(exc).split()).lower()
            if waited and any(words in said for words in _NO_ANSWER):
                raise
            if dialect.is_disconnect(exc, dbapi_conn, None):
                raise DisconnectionError(str(exc)) from exc
            raise


def _server_connect_args(url: str) -> dict[str, object]:
    """A server that does not answer (a laptop off the network) fails an action after a
    while instead of freezing the window for minutes: on connecting, and on a connection
    already open whose server vanished without closing it (a cable pulled, Wi-Fi gone), where
    the system would otherwise send again for a quarter of an hour. The URL's own settings
    of the same names win."""
    from sqlalchemy import make_url

    wanted: dict[str, object] = {
        "connect_timeout": SERVER_WAIT_S,
        "tcp_user_timeout": SERVER_WAIT_S * 1000,  # ms: data sent and never acknowledged
        "keepalives_idle": 5,  # seconds: an idle connection is checked...
        "keepalives_interval": 2,  # ...this often...
        "keepalives_count": 3,  # ...and given up after this many checks unanswered
    }
    given = make_url(url).query
    return {name: value for name, value in wanted.items() if name not in given}


class Database:
    """A store handle: one engine, and one unit of work (transaction) per user action.

    A SQLite store opened without an engine (``engine=None``, a file whose schema was current
    when it was opened) makes it on first use (``start_engine``), running the migration check
    first, as opening would have; until then ``read`` reads the file with ``sqlite3``."""

    def __init__(
        self,
        engine: Engine | None,
        path: Path | None,
        lock: StoreLock | None = None,
        *,
        backup_dir: Path | None = None,
    ) -> None:
        if engine is None and path is None:
            raise ValueError("a store without an engine needs its SQLite file")
        self.path = path
        # Why nothing can be changed (a read-only folder, a full disk); None: it can
        self.read_only: StoreProblem | None = None
        self._lock = lock  # held shared while open: a restore waits for, or refuses, us
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._backup_dir = backup_dir  # where the deferred migration check backs up first
        self._engine_made = threading.Lock()
        # The SQLite file as this handle last knew it: its own commits move it along, so a
        # difference is a commit made elsewhere (a command, another program on the file).
        self._known_state = self._file_state()
        # A server's store: this handle's name on the changes channel, and the connection
        # that hears the other laptops' commits there (opened when first asked).
        self._sender = uuid.uuid4().hex
        self._listener: Any = None
        self._notices_lost = False
        self._listen_failed = False  # the last try to listen failed (said in the log once)
        self._closed = False  # a closed handle never listens again (a look may be under way)
        # One look at the notices at a time (the window's periodic catch-up runs off the GUI
        # thread); a second asker meanwhile is told "unchanged" rather than made to wait.
        self._looking = threading.Lock()
        if engine is not None:
            self._use_engine(engine)

    def _use_engine(self, engine: Engine) -> None:
        from sqlalchemy.orm import sessionmaker

        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._engine = engine

    @property
    def engine(self) -> Engine:
        """The engine, made now if it is not yet (see ``start_engine``)."""
        engine = self._engine
        return engine if engine is not None else self.start_engine()

    @property
    def has_engine(self) -> bool:
        return self._engine is not None

    def start_engine(self) -> Engine:
        """Make the engine of a store opened without one: import SQLAlchemy, run the migration
        check (the revision was current at opening: one query), and use it from now on.
        Threads that ask meanwhile wait for the one making it. Raises StoreUnavailable when
        the store cannot be used (it was replaced by a newer or a damaged one meanwhile)."""
        with self._engine_made:
            if self._engine is not None:
                return self._engine
            assert self.path is not None  # only a SQLite file is opened without an engine
            url = f"sqlite:///{self.path}"
            engine = make_engine(url)
            _migrate_or_refuse(engine, url, self.path, self._backup_dir)
            self._use_engine(engine)
            log.info("engine ready for %s", self.path)
            return engine

    @property
    def dialect(self) -> str:
        if self._engine is None:  # only SQLite stores are opened without an engine
            return "sqlite"
        return self._engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """Commit on success, roll back on any error: a failure leaves the store as it was."""
        self.engine  # noqa: B018 - made now if it is not yet
        sessions = self._sessions
        assert sessions is not None
        with self._said_as_unavailable(), self._one_writer():
            before = self._file_state()  # nobody else can commit during our turn
            with sessions.begin() as session:
                yield session
                self._tell_other_laptops(session)
            self._follow_own_commit(before)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """One consistent view of the store to read, never to write: a plain transaction
        (SQLite's deferred BEGIN, which takes no write lock and waits for no writer, and no
        writer's turn either), rolled back at the end. An import or a command writing
        meanwhile does not hold it up."""
        engine = self.engine
        sessions = self._sessions
        assert sessions is not None
        with self._said_as_unavailable(), engine.connect() as connection:
            connection.execution_options(**{READ_ONLY: True})
            with sessions(bind=connection) as session:
                yield session

    @contextmanager
    def _said_as_unavailable(self) -> Iterator[None]:
        """A fault of the store's file or server while reading or writing (locked, read-only,
        full, damaged, out of reach) raised as StoreUnavailable with advice for the user."""
        from sqlalchemy.exc import OperationalError

        try:
            yield
        except OperationalError as exc:
            url = None if self.path is not None else self.engine.url
            raise StoreUnavailable(describe_operational_error(exc, self.path, url)) from exc

    def _file_state(self) -> tuple[int, ...] | None:
        """When and how much the SQLite file and its write-ahead log last changed (None for a
        server's store). Readers change neither; every commit changes the log or the file."""
        if self.path is None:
            return None
        state: list[int] = []
        for file in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                found = file.stat()
            except OSError:  # no log: everything is in the file
                state += [0, 0]
            else:
                state += [found.st_mtime_ns, found.st_size]
        return tuple(state)

    def _follow_own_commit(self, before: tuple[int, ...] | None) -> None:
        """After a unit of work: what it changed is known here. A change made elsewhere before
        it, not yet seen, stays unseen (the file differs from what is known either way)."""
        if self._known_state == before:
            self._known_state = self._file_state()

    def changed_elsewhere(self) -> bool:
        """True, once, when another program (the command line, another copy of Appeal Desk,
        another laptop on the same server) has committed to this store since this handle last
        looked. On a server, the first question starts listening and answers False, and a
        question asked while another is being answered (on another thread) answers False."""
        if self.path is None:
            if not self._looking.acquire(blocking=False):
                return False  # another look is under way; it reports what arrived
            try:
                return self._heard_other_laptops()
            finally:
                self._looking.release()
        now = self._file_state()
        if now is None or now == self._known_state:
            return False
        self._known_state = now
        return True

    @property
    def on_server(self) -> bool:
        """A PostgreSQL server's store (a SQLite file, even one named by --database-url, is
        not: its changes are seen on the file itself)."""
        return self._engine is not None and self._engine.dialect.name == "postgresql"

    def _tell_other_laptops(self, session: Session) -> None:
        """On a server, a unit of work that wrote tells the listening laptops, on commit."""
        if not self.on_server:
            return
        from sqlalchemy import text

        session.execute(
            text(
                "SELECT pg_notify(:channel, :sender) WHERE txid_current_if_assigned() IS NOT NULL"
            ),
            {"channel": CHANGES_CHANNEL, "sender": self._sender},
        )

    def _heard_other_laptops(self) -> bool:
        """Whether another handle committed since the last question (waits a millisecond at
        most: only what the server already sent is read). A connection lost with the server is opened again,
        and then the answer is True, since what happened meanwhile was not heard."""
        if not self.on_server:
            return False
        listener = self._listener
        if listener is None:  # not yet listening, or no longer: the server was away
            if not self._listen():
                return False
            missed, self._notices_lost = self._notices_lost, False
            return missed
        import psycopg

        try:
            heard = [found.payload for found in listener.notifies(timeout=NOTICES_WAIT_S)]
        except psycopg.Error:
            log.info("lost the server's change notices; listening again")
            self._stop_listening()
            self._notices_lost = True  # what was committed meanwhile was not heard
            return self._heard_other_laptops()
        return any(sender != self._sender for sender in heard)

    def listen_to_other_laptops(self) -> None:
        """On a server, start hearing the other laptops' commits now (``changed_elsewhere``
        reports them); a SQLite file is watched without it. Opens a connection: not on the
        window's thread."""
        if self.on_server and self._listener is None:
            self._listen()

    def _listen(self) -> bool:
        """Open the listening connection; False when the server cannot be reached now."""
        import psycopg
        from sqlalchemy.exc import DBAPIError

        if self._closed:
            return False
        try:
            pooled = self.engine.raw_connection()
            listener = pooled.driver_connection
            assert listener is not None
            pooled.detach()  # this handle's own from now on, never handed to a unit of work
            listener.autocommit = True
            listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        except (DBAPIError, psycopg.Error):
            if not self._listen_failed:  # once per time away, not at every look
                log.info("cannot listen for other laptops' changes now", exc_info=True)
            self._listen_failed = True
            return False
        if self._listen_failed:
            log.info("listening for other laptops' changes again")
        self._listen_failed = False
        self._listener = listener
        if self._closed:  # closed while the connection was being opened on another thread
            self._stop_listening()
            return False
        return True

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.close()
            except Exception:  # a connection the server dropped: nothing left to close
                log.debug("closing the listening connection failed", exc_info=True)

    def _one_writer(self) -> AbstractContextManager[object]:
        """A SQLite file takes one transaction at a time, from every thread and copy of the
        app (``WriterTurn``); a PostgreSQL server needs no such turn."""
        if self.path is None:
            return nullcontext()
        try:
            return WriterTurn(self.path.parent).acquire()
        except StoreBusy as exc:
            raise StoreUnavailable(
                N_(
                    "Another copy of Appeal Desk, or a command, has been changing the data in "
                    "{folder} for a while. Try again in a moment; nothing was changed."
                ),
                folder=self.path.parent,
            ) from exc

    def read(self, reader: Callable[[Execute], _T]) -> _T:
        """``reader(execute)`` on one consistent view of the store, in plain SQL: in a read
        transaction (``reading``) once the engine is made, else straight from the SQLite
        file."""
        if self._engine is not None:
            from sqlalchemy import text

            with self.reading() as session:
                connection = session.connection()
                return reader(lambda sql, params: connection.execute(text(sql), params))
        assert self.path is not None
        try:
            with closing(_connect_read_only(self.path)) as conn:
                conn.execute("BEGIN")  # one snapshot for all the statements
                return reader(conn.execute)
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(describe_store_problem(str(exc), self.path)) from exc

    def close(self) -> None:
        self._closed = True
        with self._engine_made:  # an engine being made is disposed of once it is
            self._stop_listening()
            if self._engine is not None:
                self._engine.dispose()
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def load_mappings() -> None:
    """Import the store's ORM mappings and configure them now, as a first write would."""
    from sqlalchemy.orm import configure_mappers

    from app.store import schema  # noqa: F401 - the mapped classes

    configure_mappers()


def _connect_read_only(path: Path) -> sqlite3.Connection:
    from app.store.integrity import connect_read_only

    conn = connect_read_only(path)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _migrate_or_refuse(
    engine: Engine, url: str, db_path: Path | None, backup_dir: Path | None
) -> None:
    """``migrate_to_head``, with an unusable store said as StoreUnavailable (engine disposed)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    from app.store.migrator import migrate_to_head

    try:
        migrate_to_head(engine, backup_dir)
    except OperationalError as exc:
        engine.dispose()
        server = engine.url if engine.dialect.name != "sqlite" else None
        raise StoreUnavailable(describe_operational_error(exc, db_path, server)) from exc
    except DBAPIError as exc:  # e.g. --database-url names a file that is not a database
        engine.dispose()
        raise StoreUnavailable(bad_url_message(url, str(exc.orig or exc))) from exc
    except BaseException:
        engine.dispose()
        raise


def describe_operational_error(
    exc: DBAPIError, path: Path | None, server: URL | None = None
) -> Phrase:
    """Turn an environment fault (locked, read-only, full, corrupt; on a ``server``, a login
    refused, a database missing, a server out of reach) into advice for the user."""
    detail = str(getattr(exc, "orig", exc))
    if server is not None:
        log.warning(
            "the database server %s failed: %s", server_name(server), " ".join(detail.split())
        )
        return describe_server_problem(detail, server)
    return describe_store_problem(detail, path)


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """The parts of a server's address a user may correct: where, which database, who."""

    host: str
    port: int | None
    database: str
    user: str
    password: str


def server_address(url: str | None) -> ServerAddress | None:
    """The parts of a PostgreSQL address (None for a SQLite file or no address at all)."""
    if not url or url.partition(":")[0].split("+")[0].lower() != "postgresql":
        return None
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return ServerAddress(
        parsed.host or "",
        parsed.port,
        parsed.database or "",
        parsed.username or "",
        parsed.password or "",
    )


def with_server_address(url: str, address: ServerAddress) -> str:
    """``url`` (its driver and options kept) pointing at ``address``."""
    from sqlalchemy import make_url

    corrected = make_url(url).set(
        host=address.host.strip() or None,
        port=address.port,
        database=address.database.strip() or None,
        username=address.user.strip() or None,
        password=address.password or None,
    )
    return corrected.render_as_string(hide_password=False)


def server_name(url: URL) -> str:
    """The server of an address as a user names it: ``host`` or ``host:port``."""
    host = url.host or "localhost"
    return f"{host}:{url.port}" if url.port else host


# What the server (or the network) answered, as PostgreSQL's client library words it, and
# what kind of problem that is for the user. The words a server says in another language
# fall through to the general message, which keeps them.
_LOGIN_REFUSED = (
    "password authentication failed",
    "no password supplied",
    "authentication failed",
    'role "',  # ... does not exist (a server that says so instead of refusing the password)
    "no pg_hba.conf entry",
)
_NO_DATABASE = ('database "',)  # ... does not exist
_NO_ANSWER = ("timeout expired", "timed out")
_OUT_OF_REACH = (
    "connection refused",
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "no route to host",
    "network is unreachable",
    "server closed the connection",
    "terminating connection",
    "connection not open",
    "consuming input failed",
    "the database system is starting up",
    "the database system is shutting down",
    "not currently accepting connections",
    "connection reset",
    "broken pipe",
)


def describe_server_problem(detail: str, server: URL) -> Phrase:
    """Advice for what a PostgreSQL server (or the way to it) answered: whose login was
    refused, which database is missing, which server is out of reach; the technical words
    stay in the log. Anything else is said with the server's own words."""
    said = " ".join(detail.split()).lower()
    name = server_name(server)
    if any(words in said for words in _LOGIN_REFUSED):
        return Phrase(
            N_(
                "The database server {server} refused the user name or the password "
                "(user {user}). {advice} Nothing was changed."
            ),
            server=name,
            user=server.username or "",
            advice=Phrase(CORRECT_SERVER_ADDRESS),
        )
    if any(words in said for words in _NO_DATABASE) and "does not exist" in said:
        return Phrase(
            N_(
                "The database server {server} has no database named {database}. {advice} "
                "Nothing was changed."
            ),
            server=name,
            database=server.database or "",
            advice=Phrase(CORRECT_SERVER_ADDRESS),
        )
    if any(words in said for words in _NO_ANSWER):
        return Phrase(
            N_(
                "The database server {server} did not answer (timeout after {seconds} seconds). "
                "Check that this computer is connected to the network and that the server is "
                "running, then try again. Nothing was changed."
            ),
            server=name,
            seconds=server.query.get("connect_timeout", SERVER_WAIT_S),
        )
    if any(words in said for words in _OUT_OF_REACH):
        return Phrase(
            N_(
                "The database server {server} cannot be reached. Check that this computer is "
                "connected to the network and that the server is running, then try again. "
                "Nothing was changed."
            ),
            server=name,
        )
    return describe_store_problem(detail, None)


def describe_store_problem(detail: str, path: Path | None) -> Phrase:
    """Advice for an SQLite error text; a full disk or a read-only folder is named as such.
    A Phrase: the error that carries it is shown in the reader's language."""
    detail = detail.lower()
    if path is not None and ("disk i/o" in detail or "unable to open" in detail):
        from app.store.integrity import environment_problem

        problem = environment_problem(path)
        detail = problem.value if problem is not None else detail
    if path is None:
        where: str | Phrase = Phrase(N_("the database"))
    else:
        where = str(path)
    if "locked" in detail or "busy" in detail:
        return Phrase(
            N_(
                "The data in {where} is in use by another copy of Appeal Desk. "
                "Close the other copy and try again."
            ),
            where=where,
        )
    if "readonly" in detail or "read-only" in detail:
        return Phrase(
            N_("{where} is read-only. {advice}"),
            where=where,
            advice=Phrase(CHOOSE_WRITABLE_FOLDER),
        )
    if "full" in detail:
        if path is None:  # a server's disk: its administrator frees the space
            return Phrase(N_("The disk is full. Free some space and try again; nothing was lost."))
        return Phrase(
            N_(
                "The disk that holds your data folder ({folder}) is full. Free some space on "
                "that disk (empty the wastebasket, move large files elsewhere), then try "
                "again; nothing was lost."
            ),
            folder=str(path if path.is_dir() else path.parent),
        )
    if "malformed" in detail or "not a database" in detail:
        return Phrase(
            N_("{where} is damaged. It was left untouched. {advice}"),
            where=where,
            advice=Phrase(RESTORE_NEWEST_BACKUP, backup="BACKUP_FILE"),
        )
    detail = " ".join(detail.split())
    return Phrase(
        N_("The database could not be used ({detail}). Nothing was changed."), detail=detail
    )


def open_database(
    paths: AppPaths, url: str | None = None, *, check_later: bool = False
) -> Database:
    """Open the store at ``url`` (default: the SQLite file in the data dir) and migrate it.

    The file is checked for damage first (``quick_check``), because a migration writes to it.
    With ``check_later`` a SQLite file whose schema is already current is opened without an
    engine (see ``Database``): nothing is written on opening, so the migration check (one
    query) waits for the engine and the damage check of a large file (it reads all of it: a
    second for 10,000 cases) is left to the caller.
    """
    db_path: Path | None = None
    lock: StoreLock | None = None
    existing_file = False
    if url is None:
        try:
            ensure_dirs(paths)
        except OSError as exc:
            if paths.data_dir.exists() and not paths.data_dir.is_dir():
                raise StoreUnavailable(
                    N_(
                        "{folder} is a file, not a folder. Give --data-dir (or "
                        "APPEAL_DESK_HOME) a folder for Appeal Desk's data."
                    ),
                    folder=paths.data_dir,
                ) from exc
            if paths.data_dir.is_dir():  # there, but its subfolders cannot be made in it
                template = N_(
                    "The data folder {folder} exists but cannot be written ({problem}). {advice}"
                )
            else:
                template = N_("The data folder {folder} cannot be created ({problem}). {advice}")
            raise StoreUnavailable(
                template,
                folder=paths.data_dir,
                problem=os_problem(exc),
                advice=Phrase(CHOOSE_WRITABLE_FOLDER),
            ) from exc
        for folder in (paths.data_dir, paths.exports):  # leftovers of writes cut by a crash
            if folder.is_dir():
                remove_stale_temp_files(folder)
        db_path = paths.database
        lock = hold_store(paths.data_dir)
        try:
            current = check_later and schema_is_current(db_path)
            if not (current and is_large(db_path)):
                check_sqlite_file(db_path)
        except BaseException:
            lock.release()
            raise
        if current:
            say_sqlite_version(db_path)
            return Database(None, db_path, lock, backup_dir=paths.backups)
        existing_file = db_path.exists() and db_path.stat().st_size > 0
        if not db_path.exists():  # made private before SQLite opens it (its -wal and -shm
            create_private_file(db_path)  # take the database file's mode)
        url = f"sqlite:///{db_path}"
        engine = make_engine(url)
    else:
        engine = engine_for_url(url)
    try:
        _migrate_or_refuse(engine, url, db_path, paths.backups if existing_file else None)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if engine.dialect.name == "sqlite":
        say_sqlite_version(db_path)
    return Database(engine, db_path, lock)


def say_sqlite_version(db_path: Path | None) -> None:
    log.info("SQLite %s at %s", sqlite3.sqlite_version, db_path)
    warn_about_old_sqlite()


SUPPORTED_SCHEMES = ("postgresql", "sqlite")  # what --database-url may start with


def engine_for_url(url: str) -> Engine:
    """An engine for a --database-url, or StoreUnavailable saying why that address is unusable."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    scheme = url.partition(":")[0].split("+")[0].lower()
    if ":" in url and scheme not in SUPPORTED_SCHEMES:
        raise StoreUnavailable(
            N_(
                "Appeal Desk cannot use a database address that starts with '{scheme}:'. "
                "Supported: {supported}, e.g. postgresql+psycopg://user@host/appeals."
            ),
            scheme=scheme,
            supported=", ".join(f"{name}:" for name in SUPPORTED_SCHEMES),
        )
    try:
        return make_engine(url)
    except (NoSuchModuleError, ImportError) as exc:  # NoSuchModuleError is an ArgumentError
        raise StoreUnavailable(
            bad_url_message(url, f"the database driver is not installed: {exc}")
        ) from exc
    except ArgumentError as exc:
        raise StoreUnavailable(bad_url_message(url, "it is not a database address")) from exc


def bad_url_message(url: str, problem: str) -> str:
    """One line about an unusable --database-url, with any password in it hidden."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = url[:80]
    problem = " ".join(problem.split())[:200]
    return f"The database {shown} (--database-url) cannot be used: {problem}. Nothing was changed."


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (an empty file is an empty database)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreUnavailable(describe_store_problem(str(exc), path)) from exc


def hold_store(folder: Path) -> StoreLock:
    """Hold the store of ``folder`` shared, waiting for a restore in progress to finish."""
    try:
        return StoreLock(folder, exclusive=False).acquire()
    except StoreBusy as exc:
        raise StoreUnavailable(
            N_(
                "A backup is being restored into {folder} by another copy of Appeal Desk. "
                "Try again when it has finished; nothing was changed."
            ),
            folder=folder,
        ) from exc
    except OSError as exc:
        raise StoreUnavailable(describe_store_problem(str(exc), folder)) from exc


_warned: list[bool] = []


def warn_about_old_sqlite() -> None:
    """Once per process: SQLite below 3.51.3 has the WAL-reset bug, which the writer lock
    (one transaction at a time, ``WriterTurn``) keeps away; the log says which SQLite runs."""
    if sqlite3.sqlite_version_info < (3, 51, 3) and not _warned:
        _warned.append(True)
        log.info(
            "SQLite %s predates 3.51.3 (WAL-reset bug): transactions take turns through %s",
            sqlite3.sqlite_version,
            WRITER_LOCK_FILE,
        )


LARGE_STORE_BYTES = 4 * 1024 * 1024  # about 100 cases with their documents and appeals


def is_large(db_path: Path) -> bool:
    try:
        return db_path.stat().st_size > LARGE_STORE_BYTES
    except OSError:
        return False


def schema_is_current(db_path: Path) -> bool:
    """True when the file exists and records the newest schema revision (read-only probe)."""
    from app.store.integrity import schema_revision
    from app.store.revision import HEAD

    return db_path.exists() and schema_revision(db_path) == HEAD


def check_sqlite_file(db_path: Path) -> None:
    """Refuse a file that is not a healthy SQLite database, without modifying it."""
    if not db_path.exists():
        return
    from app.store.integrity import check_file

    health = check_file(db_path)
    if health.environmental:  # could not read it (full disk, rights): not damage
        raise StoreUnavailable(describe_store_problem(health.detail, db_path))
    if not health.ok:
        raise StoreUnavailable(corrupt_message(db_path, health.detail))


def corrupt_message(db_path: Path, detail: str) -> Phrase:
    """Damage found in ``db_path``, and how to restore the newest backup (a Phrase: shown in
    the reader's language, the advice worded for where it is shown)."""
    from app.store.backup import list_backup_files

    backups = list_backup_files(db_path.parent / "backups")
    newest = f'"{backups[0].path}"' if backups else "BACKUP_FILE"
    return Phrase(
        N_(
            "The database {path} is damaged ({detail}). It has been left exactly as it was. "
            "{advice}"
        ),
        path=str(db_path),
        detail=detail,
        advice=Phrase(RESTORE_NEWEST_BACKUP, backup=newest),
    )


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table of the app's that the store has (a store of an older version lacks
    the newer tables); used by tests and migration checks."""
    from sqlalchemy import inspect, text

    from app.store.schema import Base

    with db.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        return {
            name: int(conn.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one())
            for name in Base.metadata.tables
            if name in present
        }


def open_read_only(paths: AppPaths, problem: StoreProblem = StoreProblem.READ_ONLY) -> Database:
    """The SQLite store of a data folder that cannot be written, opened to read it only:
    a read-only folder, or one on a full disk (``problem``),
    where SQLite cannot even make room for the index readers share.

    No lock is taken and nothing is migrated or written; SQLite is told the file cannot
    change (``immutable``), which it cannot: on a read-only folder no copy can write, and on
    a full disk every change goes first to the ``-wal`` file, which has no room to grow. A
    store whose last changes wait in a ``-wal`` file, or that needs a migration, is refused
    with the message of ``problem``: reading it as it is would show stale data.
    """
    from urllib.parse import quote

    from app.store.revision import HEAD

    db_path = paths.database
    refused = StoreUnavailable(describe_store_problem(problem.value, paths.data_dir))
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if not db_path.is_file() or (wal.exists() and wal.stat().st_size > 0):
            raise refused
    except OSError:
        raise refused from None
    uri = f"file:{quote(str(db_path.resolve()), safe='/')}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise refused from None
    if row is None or row[0] != HEAD:
        raise refused
    engine = make_engine(f"sqlite:///{uri}&uri=true")
    db = Database(engine, db_path, None)
    db.read_only = problem
    return db
