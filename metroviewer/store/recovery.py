"""A recovery copy of a damaged store: what can still be read, copied into a new store.

SQLite's own `iterdump` stops at the first unreadable page. Here each table is read in rowid
ranges; a range that fails is split until the rows that cannot be read are single ones, which
are skipped. A damaged page can also end a range early without an error, so the rowids a range
did not return are each looked up on their own. The copy is a new store of this version's schema (the rows go in by
column name), and whatever is derived from the articles is made again from the recovered
ones: the full-text indexes, the region counts, the region list. The damaged file is only read
(immutable: not even a lock file is left beside it).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.models import UserError

# Rows read at once; a failing range is halved until single rows are left.
CHUNK = 256
# Tables made again from the recovered articles, not copied.
DERIVED = ("regions", "region_edges", "region_counts", "_sqlite_migrations", "sqlite_sequence", "sqlite_stat1")
# Tables naming articles by id: their rows of articles that were not recovered are dropped.
BY_ARTICLE = ("article_regions", "article_scope", "article_positions", "story_prints", "story_bands")
# Losing rows of these means the articles' region tags are incomplete: a re-tag is due.
TAGS = ("article_regions", "article_scope", "article_positions")

Progress = Callable[[str], None]


@dataclass
class TableCopy:
    """One table's copy: rows copied, and what could not be read."""

    name: str
    counted: int | None = None  # its rows as the damaged store counts them (from an index), if it can
    copied: int = 0
    unreadable: int = 0  # rowids whose reading failed
    rest_lost: bool = False  # the table could not be read beyond some point

    @property
    def lost(self) -> bool:
        return self.unreadable > 0 or self.rest_lost or (self.counted or 0) > self.copied

    def loss(self) -> str:
        if self.counted is not None and self.counted > self.copied:
            return f"{self.name}: {self.counted - self.copied} of {self.counted} rows could not be read"
        if self.rest_lost:
            return f"{self.name}: could be read only in part ({self.copied} rows copied)"
        return f"{self.name}: {self.unreadable} row{'s' if self.unreadable != 1 else ''} could not be read"


@dataclass
class Salvage:
    """What `copy_readable` got out of the damaged store."""

    tables: list[TableCopy] = field(default_factory=list)
    articles_counted: int | None = None  # how many articles the damaged store had, when it can say
    skipped_tables: list[str] = field(default_factory=list)  # tables this version does not know

    @property
    def losses(self) -> list[str]:
        return [t.loss() for t in self.tables if t.lost]

    @property
    def tags_lost(self) -> bool:
        return any(t.name in TAGS and t.lost for t in self.tables)


def open_damaged(path: Path) -> sqlite3.Connection:
    """The damaged store, read-only, with nothing written beside it."""
    from .db import read_only_uri

    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise UserError(f"Nothing can be recovered from {path}: SQLite cannot read even its list of tables "
                        f"({e}).") from e
    return conn


def copy_readable(source: sqlite3.Connection, target: sqlite3.Connection,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Salvage:
    """Copy every readable row of `source`'s tables into the same tables of `target` (a new,
    empty store of this version: its own schema, migrations recorded)."""
    salvage = Salvage(articles_counted=_count(source, "articles"))
    target_tables = _tables(target)
    target.execute("PRAGMA foreign_keys = OFF")  # an article whose document was lost is still kept
    for name, sql in _source_tables(source):
        if name in DERIVED or _is_index_part(name):
            continue
        if name not in target_tables:
            salvage.skipped_tables.append(name)
            continue
        if cancelled and cancelled():
            raise UserError("The recovery was cancelled; the copy is incomplete and was removed.")
        if progress:
            progress(name)
        columns = [c for c in _columns(source, name) if c in set(_columns(target, name))]
        copy = TableCopy(name, counted=_count(source, name))
        if re.search(r"WITHOUT\s+ROWID", sql or "", re.IGNORECASE):
            _copy_in_order(source, target, name, columns, copy)
        else:
            _copy_by_rowid(source, target, name, columns, copy)
        salvage.tables.append(copy)
        target.commit()
    return salvage


def recovery_target(source: Path) -> Path:
    """NAME.recovered-YYYYMMDD-HHMMSS.db beside the damaged store."""
    import datetime as dt

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}.recovered-{stamp}{source.suffix or '.db'}")


def remake_derived(conn: sqlite3.Connection, salvage: Salvage) -> None:
    """What the copy derives from its articles, made again from the recovered ones."""
    from . import fts
    from .counts import recount

    tidy_copy(conn)
    # The region list is loaded again from the gazetteer when the copy first opens (the tags
    # keep their own version, `tags_version`, copied with the rest of `meta`).
    conn.execute("DELETE FROM meta WHERE key = 'gazetteer_version'")
    fts.rebuild(conn)
    _index_notes(conn)
    recount(conn)
    conn.commit()
    if salvage.tags_lost:
        mark_retag_needed(conn)


def _index_notes(conn: sqlite3.Connection) -> None:
    from ..core.search_text import note_index_entry

    if "note_fts" not in _tables(conn):
        return
    conn.execute("DELETE FROM note_fts")
    for note_id, text, quote in conn.execute("SELECT id, text, quote FROM notes").fetchall():
        entry = note_index_entry(text, quote)
        conn.execute("INSERT INTO note_fts (rowid, title, body, title_chars, body_chars) VALUES (?,?,?,?,?)",
                     [note_id, entry.title, entry.body, entry.title_chars, entry.body_chars])


def tidy_copy(conn: sqlite3.Connection) -> None:
    """Rows about articles that were lost go, and every article keeps a document row (one that
    was lost is named as such, so the article still shows)."""
    for table in BY_ARTICLE:
        if table in _tables(conn):
            conn.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
    conn.execute(
        "INSERT INTO documents (id, path, status, imported_at) "
        "SELECT DISTINCT a.document_id, '(a document lost in recovery, #' || a.document_id || ')', 'ok', "
        "a.imported_at FROM articles a WHERE a.document_id NOT IN (SELECT id FROM documents)")
    conn.commit()


def mark_retag_needed(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES ('retag_unfinished', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    conn.commit()


def _copy_by_rowid(source: sqlite3.Connection, target: sqlite3.Connection, table: str, columns: list[str],
                   copy: TableCopy) -> None:
    try:
        low, high = source.execute(f'SELECT min(rowid), max(rowid) FROM "{table}"').fetchone()
    except sqlite3.DatabaseError:
        _copy_in_order(source, target, table, columns, copy)  # its first or last page is unreadable
        return
    if low is None:
        return
    select = f'SELECT rowid, {", ".join(_quoted(columns))} FROM "{table}" WHERE rowid BETWEEN ? AND ?'
    insert = _insert(table, columns)
    pending = [(start, min(start + CHUNK - 1, high)) for start in range(low, high + 1, CHUNK)]
    while pending:
        start, end = pending.pop(0)
        try:
            rows = source.execute(select, [start, end]).fetchall()
        except sqlite3.DatabaseError:
            if start == end:
                copy.unreadable += 1
            else:
                middle = (start + end) // 2
                pending[:0] = [(start, middle), (middle + 1, end)]
            continue
        target.executemany(insert, [row[1:] for row in rows])
        copy.copied += len(rows)
        if start < end and len(rows) < end - start + 1:  # a gap, or a page that ended the range early
            returned = {row[0] for row in rows}
            pending[:0] = [(rowid, rowid) for rowid in range(start, end + 1) if rowid not in returned]


def _copy_in_order(source: sqlite3.Connection, target: sqlite3.Connection, table: str, columns: list[str],
                   copy: TableCopy) -> None:
    """A table without rowids (or whose ends cannot be read): read in order until it fails."""
    insert = _insert(table, columns)
    try:
        cursor = source.execute(f'SELECT {", ".join(_quoted(columns))} FROM "{table}"')
        while rows := cursor.fetchmany(CHUNK):
            target.executemany(insert, rows)
            copy.copied += len(rows)
    except sqlite3.DatabaseError:
        copy.rest_lost = True


def _count(conn: sqlite3.Connection, table: str) -> int | None:
    """The table's row count, if SQLite can still count it (it counts from an index, which may
    be intact when the table's own pages are not)."""
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    except sqlite3.DatabaseError:
        return None


def _source_tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage")]


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _is_index_part(name: str) -> bool:
    """A full-text index or one of its shadow tables (made again from the recovered rows)."""
    return any(name == v or name.startswith(v + "_") for v in ("article_fts", "note_fts"))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _quoted(columns: list[str]) -> list[str]:
    return ['"' + c.replace('"', '""') + '"' for c in columns]


def _insert(table: str, columns: list[str]) -> str:
    return (f'INSERT OR REPLACE INTO "{table}" ({", ".join(_quoted(columns))}) '
            f'VALUES ({", ".join("?" * len(columns))})')
