"""What the summary panels read: a selection's newest articles, its articles per month, and
the sources, co-mentioned regions and themes of a sample of it.

Counting sources or themes over every article of a large region would read a third of the
store; the panels read the newest SAMPLE articles instead (and say so when there are more).
The monthly counts are complete: a region's, a topic's or all articles' come from the monthly
roll-up (store/rollups.py), a narrower selection's from its scope rows or its articles.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from . import rollups
from .articles import ArticleFilter, ArticleRepository, batches, filter_clauses
from .schema import ALL_ARTICLES, TOPIC_PREFIX

SAMPLE = 2000


def _ids_json(ids: list[int]) -> str:
    return json.dumps(ids)


def rollup_key(f: ArticleFilter) -> str | None:
    """The key of the roll-up rows (region_counts, region_months) that answer the filter: a
    region, a topic or all, with nothing else narrowing it; None when the rows cannot."""
    if f != ArticleFilter(region=f.region, topic=f.topic, one_per_story=f.one_per_story) or (f.region and f.topic):
        return None
    return f.region or (TOPIC_PREFIX + f.topic if f.topic is not None else ALL_ARTICLES)


class PanelRepository:
    def __init__(self, db: Database):
        self.db = db

    def count(self, f: ArticleFilter) -> int:
        """Articles the filter selects (stories with `one_per_story`: their lead versions): the
        roll-up counts answer a region, a topic or all (counting a large region's articles took
        170 ms at 100,000)."""
        plain = ArticleFilter(region=f.region, topic=f.topic, since=f.since, until=f.until,
                              one_per_story=f.one_per_story)
        if f == plain and not (f.region and f.topic):
            if not (f.since or f.until):
                key = f.region or (TOPIC_PREFIX + f.topic if f.topic is not None else ALL_ARTICLES)
                column = "stories" if f.one_per_story else "total"
                row = self.db.execute(f"SELECT {column} FROM region_counts WHERE region_id = ?", [key]).fetchone()
                return int(row[0]) if row else 0
            if f.region:
                where, params = filter_clauses(ArticleFilter(since=f.since, until=f.until), alias="s")
                sql = "SELECT count(*) FROM article_scope s"
                if f.one_per_story:
                    sql, where = sql + " JOIN articles a ON a.id = s.article_id", [*where, "a.story_lead = 1"]
                return int(self.db.execute(
                    sql + " WHERE s.region_id = ? AND " + " AND ".join(where), [f.region, *params]).fetchone()[0])
        return ArticleRepository(self.db).count(f)

    def newest_ids(self, f: ArticleFilter, limit: int = SAMPLE) -> list[int]:
        """Ids of the filter's newest articles (a region's walked in its scope's key order)."""
        where, params = filter_clauses(f)
        if f.region and not f.article_ids:
            where[0] = "s.region_id = ?" + (" AND s.about = 1" if f.about_only else "")
            sql = "SELECT s.article_id FROM article_scope s"
            if len(where) > 1:
                sql += " JOIN articles a ON a.id = s.article_id"
            order = "s.published_at DESC, s.article_id DESC"
        else:
            sql, order = "SELECT a.id FROM articles a", "a.published_at DESC, a.id DESC"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [r[0] for r in self.db.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit])]

    def newest_first(self, ids: list[int]) -> list[int]:
        """`ids` ordered newest first (a search's matches come best first)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY published_at DESC, id DESC", [_ids_json(ids)])]

    def months(self, f: ArticleFilter) -> list[tuple[str, int]]:
        """(YYYY-MM, articles) for every month of the filter, oldest first (stories, counted in
        their lead version's month, when the filter asks for one version per story)."""
        key = rollup_key(f)
        if key is not None:  # a region, a topic or all: the monthly roll-up has it
            return rollups.months(self.db.conn, key, stories=f.one_per_story)
        if f.region and f == ArticleFilter(region=f.region, since=f.since, until=f.until,
                                           one_per_story=f.one_per_story):
            # A region with dates: its scope rows' key (region, date) holds all that is needed.
            where, params = filter_clauses(ArticleFilter(since=f.since, until=f.until), alias="s")
            sql = "SELECT substr(s.published_at, 1, 7) AS month, count(*) FROM article_scope s"
            if f.one_per_story:
                sql, where = sql + " JOIN articles a ON a.id = s.article_id", [*where, "a.story_lead = 1"]
            sql += " WHERE " + " AND ".join(["s.region_id = ?", *where]) + " GROUP BY month"
            params = [f.region, *params]
        else:
            where, params = filter_clauses(f)
            sql = "SELECT substr(a.published_at, 1, 7) AS month, count(*) FROM articles a"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " GROUP BY month"
        return [(m, n) for m, n in self.db.execute(sql, params) if m]

    def months_of(self, ids: list[int]) -> list[tuple[str, int]]:
        return [(m, n) for m, n in self.db.execute(
            "SELECT substr(published_at, 1, 7) AS month, count(*) FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?)) GROUP BY month", [_ids_json(ids)]) if m]

    def sources(self, ids: list[int], limit: int = 12) -> list[tuple[str, int]]:
        return [(s or "—", n) for s, n in self.db.execute(
            "SELECT CASE WHEN source != '' THEN source ELSE source_raw END AS name, count(*) AS n FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?)) GROUP BY name ORDER BY n DESC, name LIMIT ?",
            [_ids_json(ids), limit])]

    def co_mentions(self, ids: list[int], exclude: set[str], limit: int = 12) -> list[tuple[str, int]]:
        """(region id, articles mentioning it) among `ids`, most first, without `exclude`."""
        rows = self.db.execute(
            "SELECT region_id, count(*) AS n FROM article_regions "
            "WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY region_id ORDER BY n DESC",
            [_ids_json(ids)])
        out = []
        for region_id, n in rows:
            if region_id not in exclude:
                out.append((region_id, n))
                if len(out) == limit:
                    break
        return out

    def themes(self, ids: list[int]) -> list[tuple[str, int]]:
        """(theme, articles about it) among `ids`, most first."""
        return list(self.db.execute(
            "SELECT t.key AS theme, count(*) AS n FROM articles a, json_each(a.themes) t "
            "WHERE a.id IN (SELECT value FROM json_each(?)) GROUP BY theme ORDER BY n DESC, theme",
            [_ids_json(ids)]))

    def themes_of(self, article_ids: list[int]) -> dict[int, dict[str, int]]:
        """article id → its themes and their weights, read in batches."""
        out: dict[int, dict[str, int]] = {}
        for chunk in batches(article_ids):
            out.update((aid, json.loads(themes) if themes else {}) for aid, themes in self.db.execute(
                f"SELECT id, themes FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def texts(self, ids: list[int]) -> list[tuple[int, str, str, str | None, str | None, str, str | None]]:
        """(id, title, body, summary JSON, published_at, source, mention positions JSON) of `ids`,
        in that order (the positions are those the import found, None when not kept)."""
        found = {r[0]: r for r in self.db.execute(
            "SELECT a.id, a.title, a.body, a.summary, a.published_at, "
            "coalesce(nullif(a.source, ''), a.source_raw, ''), p.positions "
            "FROM articles a LEFT JOIN article_positions p ON p.article_id = a.id "
            "WHERE a.id IN (SELECT value FROM json_each(?))", [_ids_json(ids)])}
        return [found[i] for i in ids if i in found]
