"""Whose file is this? A store is written only when it is empty or is a MetroViewer store of
this version or older; anything else is refused before a single byte is written. A newer store,
or one this user cannot write, is opened read-only instead."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..core.models import UserError

# PRAGMA application_id of every store (b"MVWR"), written when the store is created or upgraded.
APPLICATION_ID = 0x4D565752


class ForeignStoreError(UserError):
    """The file is an SQLite database of another program."""


class NewerStoreError(UserError):
    """The store was made by a newer MetroViewer (it holds migrations this version does not know)."""


class DamagedStoreError(UserError):
    """SQLite found the store damaged inside."""


class ReadOnlyStoreError(UserError):
    """A write asked of a store that is open read-only (a newer store, a read-only file or folder)."""


def check_identity(conn: sqlite3.Connection, path: Path, known_migrations: set[str]) -> None:
    """Raise when `conn`'s database must not be written by this version of MetroViewer."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    made_by_us = application_id == APPLICATION_ID or (
        # stores made before the application id was written
        application_id == 0 and {"_sqlite_migrations", "articles", "documents"} <= tables)
    if tables and not made_by_us:
        raise ForeignStoreError(
            f"{path} is not a MetroViewer store: it is another program's database. Nothing was written to it. "
            "Open a MetroViewer store, or choose a new file name to create one.")
    unknown = unknown_migrations(conn, known_migrations)
    if unknown:
        raise NewerStoreError(newer_store_reason(path, unknown) + ". This version does not write to it, "
                              "so nothing in it is lost: use the newer version, or open another store.")


def unknown_migrations(conn: sqlite3.Connection, known_migrations: set[str]) -> list[str]:
    """The migrations a newer MetroViewer applied to this store that this version does not know."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables:
        return []
    applied = {r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'metroviewer'")}
    return sorted(applied - known_migrations)


def newer_store_reason(path: Path, unknown: list[str]) -> str:
    return (f"The store {path} was made by a newer MetroViewer (it holds {len(unknown)} change"
            f"{'s' if len(unknown) != 1 else ''} to the store this version does not know: {', '.join(unknown[:3])})")


def unwritable_reason(path: Path) -> str | None:
    """Why this user cannot write the store file, or None. SQLite also needs to create the
    -wal and -shm files beside it, so a read-only folder counts too (unless they are there)."""
    if not path.exists():
        return None
    if not os.access(path, os.W_OK):
        return f"The store {path} is a read-only file"
    wal_files = [Path(str(path) + suffix) for suffix in ("-wal", "-shm")]
    if not os.access(path.parent, os.W_OK | os.X_OK) and not all(f.exists() for f in wal_files):
        return f"The store {path} is in a read-only folder"
    return None


def read_only_sentence(reason: str, advice: str) -> str:
    """What a read-only store says wherever a change is asked of it (and the window's banner)."""
    return (f"{reason}; it is open read-only: you can read, search and write briefings to files, but "
            f"importing, re-tagging, stars, read marks, edits and notes are not saved. {advice}")


NEWER_ADVICE = "Use the newer MetroViewer to change it."
UNWRITABLE_ADVICE = "Copy it somewhere writable to change it."


def mark_as_ours(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def damage_found(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """SQLite's quick check of every page and index (O(size), no cross-index check): what it
    found wrong, or nothing."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as e:
        return [str(e)]
    return [] if rows == ["ok"] else rows


def refuse_damaged(path: Path, problems: list[str]) -> DamagedStoreError:
    return DamagedStoreError(
        f"The store {path} is damaged ({'; '.join(problems[:2])}). MetroViewer will not write to it. "
        "Move it aside and start a new store (the damaged file is kept), recover what can still be read "
        f"into a new copy (metroviewer recover --db {path}), or open another one.")
