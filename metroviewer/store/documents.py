"""The document rows of one import batch: looked up at once, new ones written together.

Each imported file has a row in `documents`. Looking it up and inserting it with a statement
each cost as much as writing the file's article in a folder of one article a file; here the
batch's paths are read with one query and its new rows go in with one executemany.
"""

from __future__ import annotations

import sqlite3

from ..core.models import PreparedFile

_UPDATE = ("UPDATE documents SET content_hash=?, size=?, format=?, encoding=?, status=?, failure_reason=?, "
           "modified_at=?, imported_at=?, run_id=? WHERE id=?")
_INSERT = ("INSERT INTO documents (id, content_hash, size, format, encoding, status, failure_reason, modified_at, "
           "imported_at, run_id, path) VALUES (?,?,?,?,?,?,?,?,?,?,?)")


class BatchDocuments:
    """Document ids for a batch's files; call flush() before writing rows that refer to new ones."""

    def __init__(self, conn: sqlite3.Connection, paths: list[str]):
        self.conn = conn
        self.ids: dict[str, int] = {}
        for i in range(0, len(paths), 500):
            chunk = paths[i : i + 500]
            marks = ",".join("?" * len(chunk))
            self.ids.update(conn.execute(f"SELECT path, id FROM documents WHERE path IN ({marks})", chunk))
        # Ids as SQLite would give them (the table has no AUTOINCREMENT): one above the largest.
        self.next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0])
        self.new_rows: list[list[object]] = []

    def upsert(self, f: PreparedFile, status: str, run_id: int, now: str) -> tuple[int, bool]:
        """(document id, whether it is new); a known file's row is updated at once."""
        values = [f.content_hash, f.size, f.format, f.encoding, status, f.failure, f.modified_at, now, run_id]
        known = self.ids.get(f.path)
        if known is not None:
            self.conn.execute(_UPDATE, [*values, known])
            return known, False
        doc_id = self.next_id
        self.next_id += 1
        self.ids[f.path] = doc_id  # the same path again in this batch finds it
        self.new_rows.append([doc_id, *values, f.path])
        return doc_id, True

    def flush(self) -> None:
        self.conn.executemany(_INSERT, self.new_rows)
        self.new_rows = []
