"""Progress in SQLite, through sqlite-utils.

`open_db(path)` opens (and migrates) the database: WAL, foreign keys on, a busy timeout.
Every write goes through `write(db)`, which starts with BEGIN IMMEDIATE so concurrent
sessions queue up instead of failing or losing updates. Connections are never shared
across threads or Streamlit sessions: open one per operation or per script run.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from .. import clock
from ..errors import DiskFullError, StoreError
from .schema import MIGRATIONS

DEFAULT_PATH = Path("data/curriculum.db")
_migrated: set[tuple[str, int, int]] = set()  # files this process brought up to date


def db_path(env: str | None = None) -> Path:
    "CURRICULUM_DB, or data/curriculum.db."
    value = os.environ.get("CURRICULUM_DB") if env is None else env
    return Path(value) if value else DEFAULT_PATH


def now() -> str:
    "The current moment as stored: ISO 8601 in UTC, from the core's clock."
    return clock.stamp()


def connect(path: Path | str) -> Database:
    "A connection with WAL, foreign keys and a 30 s busy timeout (no migration)."
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        db = Database(conn)
        if str(path) != ":memory:":
            db.enable_wal()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the progress database ({exc}); check the file, "
                         "or point CURRICULUM_DB at another one") from exc
    return db


def open_db(path: Path | str | None = None) -> Database:
    "Open the progress database and bring its schema up to date."
    path = db_path() if path is None else path
    db = connect(path)
    try:
        ident = _identity(path)
        if ident not in _migrated and MIGRATIONS.pending(db):
            with write(db):
                MIGRATIONS.apply(db)
        if ident is not None:
            _migrated.add(ident)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"{path}: the progress database cannot be updated ({exc})") from exc
    return db


def _identity(path: Path | str) -> tuple[str, int, int] | None:
    "Which file this is (a file deleted and made again is another one)."
    if str(path) == ":memory:":
        return None
    st = os.stat(path)
    return (str(Path(path).resolve()), st.st_dev, st.st_ino)


@contextmanager
def write(db: Database) -> Iterator[Database]:
    "A write transaction that takes the write lock first (BEGIN IMMEDIATE); nests."
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _disk_full(exc):
            raise DiskFullError() from exc
        raise


def _disk_full(exc: BaseException) -> bool:
    "SQLite's 'database or disk is full' (SQLITE_FULL), from a write or the commit."
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or "database or disk is full" in str(exc))


@contextmanager
def session(path: Path | str | None = None) -> Iterator[Database]:
    "Open, use and close a connection (one per operation: safe across threads)."
    db = open_db(path)
    try:
        yield db
    finally:
        db.close()
