"""The reference for import throughput: a bare insert of the same articles into the same tables
and full-text index, with no parsing, tagging or extraction (product.md, "Performance").

This is benchmark code, not the app: it writes the rows directly, as the cheapest possible
import would, so the ratio shows what parsing, tagging and bookkeeping cost on top.
"""

from __future__ import annotations

import time
from pathlib import Path

from metroviewer.core.search_text import indexed_text
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
