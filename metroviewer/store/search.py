"""Full-text search over the pair-indexed FTS5 table, ranked, with snippets from the original text.

bm25 needs, for each phrase, how many articles match it, and counting that is as slow as
the match is broad ("都", "公共服务" match most of a large store). So a query whose matches
fit in RANK_WINDOW is ranked whole by bm25 (title matches weigh more); a broader one
lists its title matches first, then the other matches, each newest first: FTS5 streams
matches in rowid order and stops early, so both cost little at any size.
A region filter is one more term in the match (the index's `regions` column), so FTS5
intersects it with the query instead of testing each match against the region.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable

from sqlite_utils import Database

from ..core.search_text import fts_query, query_terms, region_token, snippet
from .articles import ArticleFilter, ArticleRepository, ArticleRow, filter_clauses

RANK_WINDOW = 500
# Title matches weigh more than body matches; the regions column does not count.
_RANK = "bm25(article_fts, 5.0, 1.0, 0.0, 5.0, 1.0)"


class SearchRepository:
    def __init__(self, db: Database):
        self.db = db
        self._articles = ArticleRepository(db)
        # query → {folded term: other forms}: a place searched by any of its names (set by the desk).
        self.alternatives: Callable[[str], dict[str, list[str]]] | None = None

    def _alternatives(self, query: str) -> dict[str, list[str]] | None:
        return self.alternatives(query) if self.alternatives else None

    def _query(self, query: str, f: ArticleFilter, prefix_last: bool,
               titles_only: bool = False) -> tuple[str, str, list[object]] | None:
        """(MATCH expression, FROM … WHERE clause, parameters after the match), or None."""
        match = fts_query(query, prefix_last=prefix_last, titles_only=titles_only,
                          alternatives=self._alternatives(query))
        if match is None:
            return None
        if f.region:
            match += f' AND regions : "{region_token(f.region)}"'
        where, params = filter_clauses(dataclasses.replace(f, region=None))
        source = "FROM article_fts" + (" JOIN articles a ON a.id = article_fts.rowid" if where else "")
        return match, source + " WHERE article_fts MATCH ?" + "".join(" AND " + w for w in where), params

    def ranked_ids(self, query: str, f: ArticleFilter = ArticleFilter(), *, limit: int = 50, offset: int = 0,
                   prefix_last: bool = False) -> list[int]:
        """Ids of matching articles, best first; any typed text is a valid query (none raises)."""
        parts = self._query(query, f, prefix_last)
        if parts is None:
            return []
        match, base, params = parts
        newest_first = f"SELECT article_fts.rowid {base} ORDER BY article_fts.rowid DESC LIMIT ? OFFSET ?"
        try:
            window = [r[0] for r in self.db.execute(newest_first, [match, *params, RANK_WINDOW, 0])]
            if len(window) < RANK_WINDOW:
                ranked = self.db.execute(f"SELECT article_fts.rowid, {_RANK} {base}", [match, *params]).fetchall()
                ids = [rowid for rowid, _score in sorted(ranked, key=lambda r: (r[1], -r[0]))]
                return ids[offset : offset + limit]
            title_match = self._query(query, f, prefix_last, titles_only=True)[0]  # type: ignore[index]
            titles = [r[0] for r in self.db.execute(newest_first, [title_match, *params, RANK_WINDOW, 0])]
            listed = set(titles)
            ids = titles[: offset + limit]
            skip = 0
            while len(ids) < offset + limit:
                page = [r[0] for r in self.db.execute(newest_first, [match, *params, offset + limit, skip])]
                ids.extend(i for i in page if i not in listed)
                if len(page) < offset + limit:
                    break
                skip += len(page)
        except sqlite3.OperationalError:
            # fts_query quotes every token, so this is not expected; never let a query break the app.
            return []
        return ids[offset : offset + limit]

    def search(self, query: str, f: ArticleFilter = ArticleFilter(), *, limit: int = 50, offset: int = 0,
               prefix_last: bool = False, with_snippets: bool = True) -> list[ArticleRow]:
        """Matching articles as list rows, best first, with a highlighted snippet each."""
        ids = self.ranked_ids(query, f, limit=limit, offset=offset, prefix_last=prefix_last)
        rows = self._articles.rows(ids)
        if with_snippets:
            self.attach_snippets(rows, query)
        return rows

    def count(self, query: str, f: ArticleFilter = ArticleFilter(), *, prefix_last: bool = False) -> int:
        parts = self._query(query, f, prefix_last)
        if parts is None:
            return 0
        match, base, params = parts
        try:
            return int(self.db.execute(f"SELECT count(*) {base}", [match, *params]).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def attach_snippets(self, rows: list[ArticleRow], query: str) -> None:
        if not rows:
            return
        terms = query_terms(query) + [form for forms in (self._alternatives(query) or {}).values() for form in forms]
        marks = ",".join("?" * len(rows))
        bodies = dict(self.db.execute(f"SELECT id, body FROM articles WHERE id IN ({marks})", [r.id for r in rows]))
        for row in rows:
            row.snippet = snippet(bodies.get(row.id, ""), terms)
