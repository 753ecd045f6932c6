"""Full-text search over the pair-indexed FTS5 table, ranked, with snippets from the original text."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from ..core.search_text import fts_query, query_terms, snippet
from .articles import ArticleFilter, ArticleRepository, ArticleRow, filter_clauses

# Title matches weigh more than body matches.
_RANK = "bm25(article_fts, 5.0, 1.0)"


class SearchRepository:
    def __init__(self, db: Database):
        self.db = db
        self._articles = ArticleRepository(db)

    def search(self, query: str, f: ArticleFilter = ArticleFilter(), *, limit: int = 50, offset: int = 0,
               prefix_last: bool = False, with_snippets: bool = True) -> list[ArticleRow]:
        """Matching articles, best first; any typed text is a valid query (none raises)."""
        match = fts_query(query, prefix_last=prefix_last)
        if match is None:
            return []
        where, params = filter_clauses(f)
        sql = (
            "SELECT a.id, a.title, a.source, a.published_at, a.is_read, a.is_starred "
            "FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
            "WHERE article_fts MATCH ?" + "".join(" AND " + w for w in where) +
            f" ORDER BY {_RANK}, a.published_at DESC LIMIT ? OFFSET ?"
        )
        try:
            cursor = self.db.execute(sql, [match, *params, limit, offset])
            rows = [ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in cursor]
        except sqlite3.OperationalError:
            # fts_query quotes every token, so this is not expected; never let a query break the app.
            return []
        self._articles.attach_regions(rows)
        if with_snippets:
            self.attach_snippets(rows, query)
        return rows

    def count(self, query: str, f: ArticleFilter = ArticleFilter(), *, prefix_last: bool = False) -> int:
        match = fts_query(query, prefix_last=prefix_last)
        if match is None:
            return 0
        where, params = filter_clauses(f)
        sql = ("SELECT count(*) FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
               "WHERE article_fts MATCH ?" + "".join(" AND " + w for w in where))
        try:
            return int(self.db.execute(sql, [match, *params]).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def attach_snippets(self, rows: list[ArticleRow], query: str) -> None:
        if not rows:
            return
        terms = query_terms(query)
        marks = ",".join("?" * len(rows))
        bodies = dict(self.db.execute(f"SELECT id, body FROM articles WHERE id IN ({marks})", [r.id for r in rows]))
        for row in rows:
            row.snippet = snippet(bodies.get(row.id, ""), terms)
