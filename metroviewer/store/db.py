"""Opening the store: one SQLite file in WAL mode, migrated on open, one connection per thread."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_data_dir
from sqlite_utils import Database

from ..core.models import UserError
from .identity import (
    NEWER_ADVICE,
    UNWRITABLE_ADVICE,
    ReadOnlyStoreError,
    check_identity,
    damage_found,
    mark_as_ours,
    newer_store_reason,
    read_only_sentence,
    refuse_damaged,
    unknown_migrations,
    unwritable_reason,
)
from .schema import migrate as apply_migrations
from .schema import migrations


def default_store_path() -> Path:
    return Path(user_data_dir("MetroViewer", appauthor=False)) / "metroviewer.db"


def needs_long_upgrade(path: str | os.PathLike[str]) -> bool:
    """Whether opening the store will first migrate articles already in it (which can take a
    while on a large store, so the window runs it in the background with a message)."""
    path = Path(path)
    if not path.exists():
        return False
    try:
        conn = _connect(path, readonly=True)
        try:
            db = Database(conn, execute_plugins=False)
            if not migrations.pending(db) or not db["articles"].exists():
                return False
            return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False  # opening it will say what is wrong


def read_only_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the store at `path` must be opened read-only (a sentence for the user), or None when
    it can be written: this user cannot write the file or its folder, or a newer MetroViewer
    made it. Reads the store without writing or leaving any file."""
    path = Path(path)
    reason = unwritable_reason(path)
    if reason:
        return read_only_sentence(reason, UNWRITABLE_ADVICE)
    if not path.exists():
        return None
    try:
        conn = _connect(path, readonly=True)
        try:
            unknown = unknown_migrations(conn, known_migrations())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # opening it for writing will say what is wrong
    return read_only_sentence(newer_store_reason(path, unknown), NEWER_ADVICE) if unknown else None


def known_migrations() -> set[str]:
    return {m.name for m in migrations._migrations}


class StoreConnection(sqlite3.Connection):
    """A store's connection; `read_only` says why it must not be written (None: it may be)."""

    read_only: str | None = None


def read_only_uri(path: Path) -> str:
    """A read-only connection that leaves no file behind. SQLite creates -wal and -shm files
    even for a reader of a WAL store and, as a reader, never removes them; so a store nobody
    has open (no -wal beside it) is opened immutable, which needs neither. With a -wal there
    (another program has it open, or crashed), the reader goes through it and leaves it."""
    mode = "mode=ro" if Path(str(path) + "-wal").exists() else "immutable=1"
    return f"file:{quote(str(path.absolute()))}?{mode}"


def _connect(path: Path, readonly: bool, check_same_thread: bool = True) -> StoreConnection:
    conn: StoreConnection
    if readonly:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=30, check_same_thread=check_same_thread,
                               factory=StoreConnection)
        conn.read_only = "This store is open read-only."
    else:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=check_same_thread, factory=StoreConnection)
    # Readers never wait for the writer in WAL; a second writer waits up to `timeout`.
    conn.execute("PRAGMA busy_timeout = 30000")
    # 64 MB of page cache: large imports update the index and B-trees all over the file.
    conn.execute("PRAGMA cache_size = -65536")
    return conn


class Store:
    """A connection to one store file with its repositories. Open one per thread.

    `migrate=False` skips the migration check (the desk checked once when it opened the store);
    `check_same_thread=False` lets the desk close a worker thread's connection at shutdown;
    `read_only`: open it read-only, and this sentence is what a write asked of it raises."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, create: bool = True,
                 migrate: bool = True, check_same_thread: bool = True, read_only: str | None = None):
        readonly = readonly or read_only is not None
        self.path = Path(path)
        if not readonly and create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise UserError(f"Cannot create the folder for the store {self.path}: {e.strerror}") from e
        elif not self.path.exists():
            raise UserError(f"There is no store at {self.path}.")
        try:
            self.conn = _connect(self.path, readonly, check_same_thread)
            if read_only:
                self.conn.read_only = read_only
            self.db = Database(self.conn, execute_plugins=False)
            if not readonly:
                # Before anything is written: another program's database, or a newer store, is refused.
                check_identity(self.conn, self.path, known_migrations())
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                if migrate:
                    apply_migrations(self.db)
                    mark_as_ours(self.conn)
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except UserError:
            self.conn.close()
            raise
        except sqlite3.DatabaseError as e:
            if hasattr(self, "conn"):
                self.conn.close()
            raise _open_error(self.path, e) from e
        from .analyst import AnalystRepository
        from .articles import ArticleRepository
        from .edits import EditRepository
        from .imports import ImportWriter
        from .panels import PanelRepository
        from .recipes import RecipeRepository
        from .regions import RegionRepository
        from .search import SearchRepository
        from .stories import StoryRepository

        self.articles = ArticleRepository(self.db)
        self.search = SearchRepository(self.db)
        self.regions = RegionRepository(self.db)
        self.imports = ImportWriter(self.db)
        self.panels = PanelRepository(self.db)
        self.edits = EditRepository(self.db)
        self.recipes = RecipeRepository(self.db)
        self.analyst = AnalystRepository(self.db)
        self.stories = StoryRepository(self.db)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def copy_to(self, target: str | os.PathLike[str]) -> None:
        """A consistent copy of the store in one file (SQLite's backup API: safe while in use)."""
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        copy = sqlite3.connect(str(target))
        try:
            self.conn.backup(copy)
        finally:
            copy.close()

    def check_damage(self) -> None:
        """Raise DamagedStoreError when SQLite's quick check finds the store damaged."""
        problems = damage_found(self.conn)
        if problems:
            raise refuse_damaged(self.path, problems)

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _open_error(path: Path, error: sqlite3.DatabaseError) -> UserError:
    text = str(error)
    if "malformed" in text:
        return refuse_damaged(path, [text])
    return UserError(_explain_open_error(text, path))


def _explain_open_error(text: str, path: Path) -> str:
    if "not a database" in text:
        return (
            f"The store {path} is damaged or is not a MetroViewer store ({text}). "
            "Move it aside and start a new store, or open another one."
        )
    if "locked" in text or "busy" in text:
        return f"The store {path} is locked by another program ({text}). Close it there and try again."
    if "readonly" in text or "unable to open" in text:
        return f"The store {path} cannot be written here ({text}). Choose a store in a writable folder."
    return f"The store {path} cannot be opened: {text}"


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """A transaction that takes the write lock at its start (BEGIN IMMEDIATE), so a second writer
    waits its turn under the busy timeout; a deferred one that reads first can fail at once with
    "database is locked" when another writer committed meanwhile. Nested: part of the outer one.
    On a read-only store it raises ReadOnlyStoreError before anything is tried."""
    refusal = getattr(conn, "read_only", None)
    if refusal:
        raise ReadOnlyStoreError(refusal)
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
