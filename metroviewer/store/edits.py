"""The user's changes to the store: deleting articles (with tombstones, undo and restore) and
editing an article's title, source and date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass

from sqlite_utils import Database

from ..core.sort_keys import title_sort_key
from . import fts, rollups
from .counts import apply_count_deltas, count_article
from .db import write_transaction


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Deleted:
    """What a deletion removed: enough to undo it."""

    article_ids: tuple[int, ...]
    content_hashes: tuple[str, ...]
    regions: frozenset[str]


def _rows(conn: sqlite3.Connection, sql: str, params: list[object]) -> list[dict[str, object]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class EditRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- deleting ---------------------------------------------------------------------------

    def document_article_ids(self, article_ids: list[int]) -> list[int]:
        """Every article of the documents the given articles came from."""
        marks = ",".join("?" * len(article_ids)) or "NULL"
        return [r[0] for r in self.db.execute(
            f"SELECT id FROM articles WHERE document_id IN (SELECT document_id FROM articles WHERE id IN ({marks})) "
            "ORDER BY id", article_ids)]

    def delete(self, article_ids: list[int]) -> Deleted:
        """Remove articles with their index entries, tags and counts, leaving a tombstone each
        (by content hash: a re-import of their file does not bring them back)."""
        conn = self.db.conn
        deltas: Counter[str] = Counter()
        done, hashes, regions = [], [], set()
        with write_transaction(conn):
            for article_id in article_ids:
                saved = self._saved(article_id)
                if saved is None:
                    continue
                article = saved["article"]
                conn.execute(
                    "INSERT INTO deleted_articles (content_hash, document_path, title, deleted_at, saved) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO UPDATE SET saved = excluded.saved, "
                    "deleted_at = excluded.deleted_at",
                    [article["content_hash"], saved["document_path"], article["title"], _now(),
                     json.dumps(saved, ensure_ascii=False)])
                fts.delete(conn, [fts.entry_of(conn, article_id)])
                scope = [row["region_id"] for row in saved["scope"]]
                _count(deltas, saved, -1)
                rollups.forget(conn, [article_id])
                for table in ("article_scope", "article_regions", "article_positions"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
                done.append(article_id)
                hashes.append(str(article["content_hash"]))
                regions.update(scope)
            apply_count_deltas(conn, deltas)
        return Deleted(tuple(done), tuple(hashes), frozenset(regions))

    def _saved(self, article_id: int) -> dict[str, object] | None:
        conn = self.db.conn
        article = _rows(conn, "SELECT * FROM articles WHERE id = ?", [article_id])
        if not article:
            return None
        path = conn.execute("SELECT path FROM documents WHERE id = ?", [article[0]["document_id"]]).fetchone()
        return {"article": article[0], "document_path": path[0] if path else "",
                "tags": _rows(conn, "SELECT * FROM article_regions WHERE article_id = ?", [article_id]),
                "scope": _rows(conn, "SELECT * FROM article_scope WHERE article_id = ?", [article_id])}

    def restore(self, content_hashes: list[str]) -> list[int]:
        """Put deleted articles back as they were (read state, stars and tags included), if
        their document is still in the store; returns their ids."""
        conn = self.db.conn
        deltas: Counter[str] = Counter()
        restored = []
        columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        with write_transaction(conn):
            for content_hash in content_hashes:
                row = conn.execute("SELECT saved FROM deleted_articles WHERE content_hash = ?",
                                   [content_hash]).fetchone()
                if row is None:
                    continue
                saved = json.loads(row[0])
                article = {k: v for k, v in saved["article"].items() if k in columns}
                article["title_key"] = title_sort_key(str(article["title"]))  # saved before m016 without it
                if conn.execute("SELECT 1 FROM documents WHERE id = ?", [article["document_id"]]).fetchone() is None:
                    continue
                if conn.execute("SELECT 1 FROM articles WHERE id = ? OR content_hash = ?",
                                [article["id"], content_hash]).fetchone():
                    conn.execute("DELETE FROM deleted_articles WHERE content_hash = ?", [content_hash])
                    continue  # imported again meanwhile
                _insert(conn, "articles", [article])
                _insert(conn, "article_regions", saved["tags"])
                _insert(conn, "article_scope", saved["scope"])
                fts.insert(conn, [fts.entry_of(conn, int(article["id"]))])
                _count(deltas, saved, +1)
                rollups.add(conn, [int(article["id"])])
                conn.execute("DELETE FROM deleted_articles WHERE content_hash = ?", [content_hash])
                restored.append(int(article["id"]))
            apply_count_deltas(conn, deltas)
        return restored

    def deleted_under(self, paths: list[str]) -> list[str]:
        """Content hashes of the deleted articles whose documents lie under `paths`."""
        found: list[str] = []
        for path in paths:
            prefix = path.rstrip("/") + "/"
            found += [r[0] for r in self.db.execute(
                "SELECT content_hash FROM deleted_articles WHERE document_path = ? "
                "OR substr(document_path, 1, ?) = ?", [path, len(prefix), prefix])]
        return found

    def forget(self, content_hashes: list[str]) -> int:
        """Drop tombstones (the next import of their files brings the articles back), and make
        their documents be read again even if unchanged."""
        conn = self.db.conn
        with write_transaction(conn):
            for content_hash in content_hashes:
                conn.execute(
                    "UPDATE documents SET content_hash = NULL WHERE path = "
                    "(SELECT document_path FROM deleted_articles WHERE content_hash = ?)", [content_hash])
                conn.execute("DELETE FROM deleted_articles WHERE content_hash = ?", [content_hash])
        return len(content_hashes)

    def deleted_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM deleted_articles").fetchone()[0])

    # -- editing ----------------------------------------------------------------------------

    def edit(self, article_id: int, *, title: str | None = None, source: str | None = None,
             published_at: str | None = None) -> bool:
        """Change an article's title, source or date (None leaves a field as it is); the index
        and the list's date order follow. The edit is remembered by content hash."""
        conn = self.db.conn
        row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return False
        with write_transaction(conn):
            if title is not None:
                fts.delete(conn, [fts.entry_of(conn, article_id)])
                conn.execute("UPDATE articles SET title = ?, title_key = ? WHERE id = ?",
                             [title, title_sort_key(title), article_id])
                # Mention offsets count from the title's start: they no longer hold.
                conn.execute("DELETE FROM article_positions WHERE article_id = ?", [article_id])
                fts.insert(conn, [fts.entry_of(conn, article_id)])
            if source is not None:
                conn.execute("UPDATE articles SET source = ?, source_raw = ? WHERE id = ?",
                             [source, source, article_id])
            if published_at is not None:
                rollups.forget(conn, [article_id])  # counted in its old month until here
                conn.execute("UPDATE articles SET published_at = ?, published_is_fallback = 0 WHERE id = ?",
                             [published_at, article_id])
                conn.execute("UPDATE article_scope SET published_at = ? WHERE article_id = ?",
                             [published_at, article_id])
                rollups.add(conn, [article_id])
            conn.execute(
                "INSERT INTO article_edits (content_hash, title, source, published_at, edited_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO UPDATE SET "
                "title = coalesce(excluded.title, title), source = coalesce(excluded.source, source), "
                "published_at = coalesce(excluded.published_at, published_at), edited_at = excluded.edited_at",
                [row[0], title, source, published_at, _now()])
        return True

    def edits_of(self, content_hashes: list[str]) -> dict[str, dict[str, str]]:
        """The user's edits of the articles with these content hashes: field → value."""
        out: dict[str, dict[str, str]] = {}
        for i in range(0, len(content_hashes), 500):
            chunk = content_hashes[i:i + 500]
            for h, title, source, published_at in self.db.execute(
                    f"SELECT content_hash, title, source, published_at FROM article_edits "
                    f"WHERE content_hash IN ({','.join('?' * len(chunk))})", chunk):
                fields = {"title": title, "source": source, "published_at": published_at}
                out[h] = {k: v for k, v in fields.items() if v is not None}
        return out


def _count(deltas: Counter[str], saved: dict[str, object], sign: int) -> None:
    """Count a saved article (its row and scope rows) in or out of the roll-up counts."""
    article, scope = saved["article"], saved["scope"]
    count_article(deltas, [str(r["region_id"]) for r in scope], [str(r["region_id"]) for r in scope if r.get("about")],
                  str(article["topic"] or ""), unread=not article["is_read"], lead=bool(article.get("story_lead", 1)),
                  sign=sign)


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, object]]) -> None:
    for row in rows:
        names = list(row)
        conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                     [row[n] for n in names])
