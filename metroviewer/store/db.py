"""Opening the store: one SQLite file in WAL mode, migrated on open, one connection per thread."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

from ..core.models import UserError
from .identity import check_identity, damage_found, mark_as_ours, refuse_damaged
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


def _connect(path: Path, readonly: bool, check_same_thread: bool = True) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=check_same_thread)
    else:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=check_same_thread)
    # Readers never wait for the writer in WAL; a second writer waits up to `timeout`.
    conn.execute("PRAGMA busy_timeout = 30000")
    # 64 MB of page cache: large imports update the index and B-trees all over the file.
    conn.execute("PRAGMA cache_size = -65536")
    return conn


class Store:
    """A connection to one store file with its repositories. Open one per thread.

    `migrate=False` skips the migration check (the desk checked once when it opened the store);
    `check_same_thread=False` lets the desk close a worker thread's connection at shutdown."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, create: bool = True,
                 migrate: bool = True, check_same_thread: bool = True):
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
            self.db = Database(self.conn, execute_plugins=False)
            if not readonly:
                # Before anything is written: another program's database, or a newer store, is refused.
                check_identity(self.conn, self.path, {m.name for m in migrations._migrations})
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
            raise UserError(_explain_open_error(self.path, e)) from e
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


def _explain_open_error(path: Path, error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "not a database" in text or "malformed" in text:
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
    "database is locked" when another writer committed meanwhile. Nested: part of the outer one."""
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
