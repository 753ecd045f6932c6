"""Writing imported files: documents, articles, index, region tags, counts; one batch per transaction."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass

from sqlite_utils import Database

from ..core.models import ImportReport, PreparedArticle, PreparedFile
from ..core.search_text import region_tokens, stored_index_entry
from ..core.sort_keys import title_sort_key
from . import analyst, fts, rollups
from .counts import apply_count_deltas, count_article
from .db import write_transaction
from .documents import BatchDocuments
from .stories import forget_article, group_new_articles


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


@dataclass
class KnownDocument:
    id: int
    content_hash: str
    status: str
    articles: int


HIGHEST_ID_KEY = "articles.highest_id"  # in meta: the highest article id ever given


class ImportWriter:
    def __init__(self, db: Database):
        self.db = db

    # -- what the store already holds ----------------------------------------------------

    def known_document(self, path: str) -> KnownDocument | None:
        row = self.db.execute(
            "SELECT d.id, d.content_hash, d.status, (SELECT count(*) FROM articles a WHERE a.document_id = d.id) "
            "FROM documents d WHERE d.path = ?",
            [path],
        ).fetchone()
        return KnownDocument(*row) if row else None

    def existing_hashes(self, hashes: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            # A deleted article's tombstone counts as present: re-importing does not bring it back.
            found.update(r[0] for r in self.db.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN ({marks}) "
                f"UNION ALL SELECT content_hash FROM deleted_articles WHERE content_hash IN ({marks})", chunk * 2))
        return found

    # -- runs ------------------------------------------------------------------------------

    def start_run(self, paths: list[str]) -> int:
        cur = self.db.execute(
            "INSERT INTO import_runs (started_at, paths) VALUES (?, ?)", [_now(), json.dumps(paths, ensure_ascii=False)]
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, report: ImportReport) -> None:
        self.db.execute(
            "UPDATE import_runs SET finished_at=?, files=?, added=?, updated=?, duplicates=?, failed=?, cancelled=? "
            "WHERE id=?",
            [_now(), report.files, report.added, report.updated, report.duplicates, len(report.failed),
             int(report.cancelled), run_id],
        )

    # -- writing a batch of files -----------------------------------------------------------

    def write_batch(self, files: list[PreparedFile], run_id: int, report: ImportReport) -> None:
        """Store a batch of files in one transaction: all of it, or (on error) none of it.

        New articles get their ids here and go in with one executemany per table, which is
        most of the write cost of a large import.
        """
        deltas: Counter[str] = Counter()
        with write_transaction(self.db.conn):
            existing = self.existing_hashes([a.content_hash for f in files for a in f.articles])
            pending = _PendingInserts(next_id=self._next_article_id())
            documents = BatchDocuments(self.db.conn, [f.path for f in files])
            seen_in_batch: set[str] = set()
            for f in files:
                self._write_file(f, run_id, report, existing, seen_in_batch, deltas, pending, documents)
            documents.flush()  # before the articles that refer to them
            pending.flush(self.db.conn)
            if pending.added:
                self.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                     [HIGHEST_ID_KEY, str(pending.next_id - 1)])
            group_new_articles(self.db.conn, pending.added)
            self._apply_count_deltas(deltas)

    def _next_article_id(self) -> int:
        """Past every id ever given, not just the ids in the table: an id is never reused after
        the newest article is deleted, so "imported after article N" (the analyst's marks) and
        a deleted article's undo stay exact."""
        return int(self.db.conn.execute(
            "SELECT max(coalesce((SELECT max(id) FROM articles), 0), "
            "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0)) + 1",
            [HIGHEST_ID_KEY]).fetchone()[0])

    def _write_file(self, f: PreparedFile, run_id: int, report: ImportReport, existing: set[str],
                    seen: set[str], deltas: Counter[str], pending: _PendingInserts,
                    documents: BatchDocuments) -> None:
        status = "failed" if f.failure else "ok"
        doc_id, is_new = documents.upsert(f, status, run_id, _now())
        if f.failure:
            return
        old: dict[str, tuple[int, str]] = {}
        if not is_new:
            old = {row[1]: (row[0], row[2]) for row in self.db.execute(
                "SELECT id, content_hash, title FROM articles WHERE document_id = ?", [doc_id])}
        old_by_title = {title: (aid, h) for h, (aid, title) in old.items()}
        keep: set[int] = set()
        for art in f.articles:
            if art.content_hash in old:
                keep.add(old[art.content_hash][0])
                report.duplicates += 1
                continue
            if art.content_hash in existing or art.content_hash in seen:
                report.duplicates += 1
                continue
            seen.add(art.content_hash)
            previous = old_by_title.get(art.title)
            if previous and previous[0] not in keep:
                self._replace_article(previous[0], art, deltas)
                keep.add(previous[0])
                report.updated += 1
            else:
                pending.add(doc_id, art, self._article_values(art), deltas)
                report.added += 1
        for aid, _title in old.values():
            if aid not in keep:
                self._delete_article(aid, deltas)
                report.removed += 1

    def _article_values(self, art: PreparedArticle) -> list[object]:
        return [
            art.position, art.title, art.source, art.source_raw, art.published_at, int(art.published_is_fallback),
            art.topic, art.language, art.body,
            art.summary_json,
            art.url, art.content_hash, art.themes_json,
            json.dumps(art.keywords, ensure_ascii=False) if art.keywords else "[]", art.authors, art.references,
            art.title_key or title_sort_key(art.title),  # made on the workers (ingest/prepare.py)
        ]

    def _replace_article(self, article_id: int, art: PreparedArticle, deltas: Counter[str]) -> None:
        old_hash = self.db.conn.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        analyst.rekey(self.db.conn, old_hash, art.content_hash)  # the user's notes and labels follow it
        unread, lead = self._delete_index_and_tags(article_id, deltas)
        self.db.conn.execute(
            "UPDATE articles SET position=?, title=?, source=?, source_raw=?, published_at=?, published_is_fallback=?, "
            "topic=?, language=?, body=?, summary=?, url=?, content_hash=?, themes=?, keywords=?, authors=?, "
            "reference_list=?, title_key=? WHERE id=?",
            [*self._article_values(art), article_id],
        )
        self._index_and_tag(article_id, art, deltas, unread=unread, lead=lead)

    def _delete_article(self, article_id: int, deltas: Counter[str]) -> None:
        gone = self.db.conn.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        analyst.article_removed(self.db.conn, gone)
        self._delete_index_and_tags(article_id, deltas)
        forget_article(self.db.conn, article_id)  # its story shows its next version
        self.db.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _index_and_tag(self, article_id: int, art: PreparedArticle, deltas: Counter[str], unread: bool,
                       lead: bool) -> None:
        one = _PendingInserts(article_id)
        one.index_and_tag(article_id, art, deltas, unread, lead)
        one.flush(self.db.conn)

    def _delete_index_and_tags(self, article_id: int, deltas: Counter[str]) -> tuple[bool, bool]:
        """Remove an article's index entry, tags and scope; returns whether it was unread and
        whether it was its story's lead."""
        conn = self.db.conn
        row = conn.execute("SELECT title, body, summary, is_read, topic, story_lead FROM articles WHERE id = ?",
                           [article_id]).fetchone()
        title, body, summary_json, is_read, topic, lead = row
        scope_rows = conn.execute("SELECT region_id, about FROM article_scope WHERE article_id = ?",
                                  [article_id]).fetchall()
        scope = [r for r, _about in scope_rows]
        # A contentless FTS5 table forgets an entry only when given the text it indexed.
        fts.delete(conn, [(article_id, stored_index_entry(title, body, summary_json), region_tokens(scope))])
        count_article(deltas, scope, [r for r, about in scope_rows if about], topic, unread=not is_read,
                      lead=bool(lead), sign=-1)
        rollups.forget(conn, [article_id])  # while its scope rows are there
        conn.execute("DELETE FROM article_scope WHERE article_id = ?", [article_id])
        conn.execute("DELETE FROM article_regions WHERE article_id = ?", [article_id])
        conn.execute("DELETE FROM article_positions WHERE article_id = ?", [article_id])
        return not is_read, bool(lead)

    def _apply_count_deltas(self, deltas: Counter[str]) -> None:
        apply_count_deltas(self.db.conn, deltas)



class _PendingInserts:
    """Rows of new articles, their index entries, tags and scope, written together."""

    def __init__(self, next_id: int):
        self.next_id = next_id
        self.imported_at = _now()
        self.articles: list[list[object]] = []
        self.added: list[tuple[int, PreparedArticle]] = []  # in import order, for grouping stories
        self.fts: list[fts.Entry] = []
        self.tags: list[tuple[int, str, int, int]] = []
        self.scope: list[tuple[str, str | None, int, int]] = []
        self.positions: list[tuple[int, str]] = []

    def add(self, doc_id: int, art: PreparedArticle, values: list[object], deltas: Counter[str]) -> int:
        article_id = self.next_id
        self.next_id += 1
        self.articles.append([article_id, *values, doc_id, self.imported_at])
        self.added.append((article_id, art))
        self.index_and_tag(article_id, art, deltas, unread=True)
        return article_id

    def index_and_tag(self, article_id: int, art: PreparedArticle, deltas: Counter[str], unread: bool,
                      lead: bool = True) -> None:
        """Queue an article's index entry, tags and scope rows, and count it (a new article
        stands for its story until grouping says otherwise: store/stories.py mark_leads)."""
        self.fts.append((article_id, art.index, art.region_tokens))
        self.tags.extend((article_id, t.region_id, t.mentions, t.first_pos, int(t.about)) for t in art.tags)
        if art.positions_json:
            self.positions.append((article_id, art.positions_json))
        self.scope.extend((rid, art.published_at, article_id, int(rid in art.about_scope)) for rid in art.scope)
        count_article(deltas, art.scope, art.about_scope, art.topic, unread=unread, lead=lead, sign=1)

    def flush(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO articles (id, position, title, source, source_raw, published_at, published_is_fallback, "
            "topic, language, body, summary, url, content_hash, themes, keywords, authors, reference_list, "
            "title_key, document_id, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self.articles)
        fts.insert(conn, self.fts)
        conn.executemany(
            "INSERT INTO article_regions (article_id, region_id, mentions, first_pos, about) VALUES (?,?,?,?,?)",
            self.tags)
        conn.executemany("INSERT INTO article_scope (region_id, published_at, article_id, about) VALUES (?,?,?,?)",
                         self.scope)
        conn.executemany("INSERT INTO article_positions (article_id, positions) VALUES (?, ?)", self.positions)
        rollups.add(conn, [entry[0] for entry in self.fts])  # before grouping: its lead changes move stories
