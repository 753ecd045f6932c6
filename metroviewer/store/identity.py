"""Whose file is this? A store is written only when it is empty or is a MetroViewer store of
this version or older; anything else is refused before a single byte is written."""

from __future__ import annotations

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
    if "_sqlite_migrations" not in tables:
        return
    applied = {r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'metroviewer'")}
    if applied - known_migrations:
        raise NewerStoreError(
            f"The store {path} was made by a newer version of MetroViewer. This version does not write to it, "
            "so nothing in it is lost: use the newer version, or open another store.")


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
        "Move it aside and start a new store (the damaged file is kept), or open another one.")
