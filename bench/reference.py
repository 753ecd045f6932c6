"""The references for import throughput, measured on the same articles in the same run.

`bare_insert`: the same articles into the app's own tables and full-text index, with no
parsing, tagging or extraction (product.md, "Performance"): the ratio shows what parsing,
tagging and bookkeeping cost on top of the app's index.

`minimal_insert`: the limit of the index (issue 18): a table plus an FTS5 index of the text
written as character pairs, in one transaction, on one core, with nothing else: the ratio
shows how close the whole import comes to what SQLite's index can take at all.

This is benchmark code, not the app: it writes the rows directly, as the cheapest possible
import would.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from metroviewer.core.search_text import han_pairs, indexed_text
from metroviewer.ingest.readers import read_document
from metroviewer.store import Store, fts


def load_articles(folder: Path) -> list[tuple[str, str, str, str | None]]:
    """(path, title, body, published_at) of every article, parsed ahead of the timing."""
    out = []
    for path in sorted(folder.rglob("*.*")):
        for a in read_document(path, path.read_bytes()).articles:
            out.append((str(path), a.title, a.body, a.published_at))
    return out


def bare_insert(db_path: Path, articles: list[tuple[str, str, str, str | None]], batch: int = 500) -> float:
    """Seconds to insert `articles` into a fresh store's tables and index, in batches."""
    store = Store(db_path)
    conn = store.conn
    start = time.perf_counter()
    doc_ids: dict[str, int] = {}
    for i in range(0, len(articles), batch):
        with store.db.atomic():
            for n, (path, title, body, when) in enumerate(articles[i : i + batch], start=i):
                if path not in doc_ids:
                    cur = conn.execute("INSERT INTO documents (path, status, imported_at) VALUES (?, 'ok', '')",
                                       [path])
                    doc_ids[path] = int(cur.lastrowid or 0)
                cur = conn.execute(
                    "INSERT INTO articles (document_id, title, body, published_at, content_hash, imported_at) "
                    "VALUES (?,?,?,?,?, '')", [doc_ids[path], title, body, when, str(n)])
                fts.insert(conn, [(int(cur.lastrowid or 0), indexed_text(title, body), "")])
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def minimal_insert(db_path: Path, articles: list[tuple[str, str, str, str | None]]) -> float:
    """Seconds to write `articles` into a table and a contentless FTS5 index of their pair text
    (title and body), in one transaction: the pair text is made in the timing, as an import must."""
    conn = sqlite3.connect(str(db_path))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, published_at TEXT)")
    conn.execute("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='')")
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO articles (id, title, body, published_at) VALUES (?, ?, ?, ?)",
                         ((n, title, body, when) for n, (_path, title, body, when) in enumerate(articles, 1)))
        conn.executemany("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
                         ((n, han_pairs(title), han_pairs(body)) for n, (_p, title, body, _w) in enumerate(articles, 1)))
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed
