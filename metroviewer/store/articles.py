"""Reading articles: pages of the list (keyset paging), one article whole, read and star state."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..core.models import Article, Summary
from .schema import ALL_ARTICLES, TOPIC_PREFIX

# Articles read at once by id: one IN list of this many (SQLite allows 32,766 variables).
BATCH = 500
# Title order is pinyin order: the stored key of core/sort_keys.py (store/title_keys.py).
SORT_COLUMNS = {"date": "a.published_at", "title": "a.title_key", "source": "a.source"}


@dataclass(frozen=True)
class ArticleFilter:
    """What the list shows: a region (with everything under it), a topic, dates, states."""

    region: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    starred_only: bool = False
    unread_only: bool = False
    about_only: bool = False  # with a region: only the articles mainly about it
    article_ids: tuple[int, ...] | None = None
    regions: tuple[str, ...] = ()  # any of these regions (a saved search's), with everything under them
    label: str | None = None  # the user's label
    source: str | None = None
    after_id: int | None = None  # imported after this article ("new since I last looked")
    one_per_story: bool = False  # only the version of each story the list shows (store/stories.py)


@dataclass
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    source: str
    published_at: str | None
    is_read: bool
    is_starred: bool
    regions: list[str] = field(default_factory=list)
    snippet: list[tuple[str, bool]] | None = None
    about: bool | None = None  # listed among the articles mainly about the region (None: not sorted so)
    story_id: int | None = None
    sources: int = 1  # versions of its story (store/stories.py: StoryRepository.attach)
    sort_value: Any = None  # its value of the column the page was sorted by: the next page starts after it


def filter_clauses(f: ArticleFilter, alias: str = "a") -> tuple[list[str], list[object]]:
    """WHERE clauses and parameters for a filter, on the articles table named `alias`."""
    where: list[str] = []
    params: list[object] = []
    if f.region:
        about = " AND about = 1" if f.about_only else ""
        where.append(f"{alias}.id IN (SELECT article_id FROM article_scope WHERE region_id = ?{about})")
        params.append(f.region)
    if f.topic is not None:
        where.append(f"{alias}.topic = ?")
        params.append(f.topic)
    if f.since:
        where.append(f"{alias}.published_at >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{alias}.published_at < ?")
        params.append(_day_after(f.until))
    if f.starred_only:
        where.append(f"{alias}.is_starred = 1")
    if f.unread_only:
        where.append(f"{alias}.is_read = 0")
    if f.article_ids is not None:
        where.append(f"{alias}.id IN ({','.join(str(int(i)) for i in f.article_ids) or 'NULL'})")
    if f.regions:
        about = " AND about = 1" if f.about_only else ""
        where.append(f"{alias}.id IN (SELECT article_id FROM article_scope WHERE region_id IN "
                     f"({','.join('?' * len(f.regions))}){about})")
        params.extend(f.regions)
    if f.label is not None:
        where.append(f"{alias}.content_hash IN (SELECT content_hash FROM article_labels WHERE label = ?)")
        params.append(f.label)
    if f.source is not None:
        where.append(f"{alias}.source = ?")
        params.append(f.source)
    if f.after_id is not None:
        where.append(f"{alias}.id > ?")
        params.append(int(f.after_id))
    if f.one_per_story:
        where.append(f"{alias}.story_lead = 1")
    return where, params


def _day_after(until: str) -> str:
    """`until` is inclusive: a bare date covers the whole day."""
    return until + "T99" if len(until) == 10 else until + "\uffff"


class ArticleRepository:
    def __init__(self, db: Database):
        self.db = db

    def count(self, f: ArticleFilter = ArticleFilter()) -> int:
        where, params = filter_clauses(f)
        sql = "SELECT count(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.db.execute(sql, params).fetchone()[0])

    def page(self, f: ArticleFilter = ArticleFilter(), *, sort: str = "date", descending: bool = True,
             limit: int = 200, offset: int = 0, after: tuple[Any, ...] | None = None,
             about_first: bool = True) -> list[ArticleRow]:
        """A page of the list. Every order pages by key (`after` = the last row's (sort value,
        id): its `sort_value` and id), so the first and the thousandth page cost the same. Under a region, newest first, the
        articles mainly about it come before those that only mention it (`about_first`): two
        runs of the same key order, the run a page continues being the key's third part."""
        if about_first and sort == "date" and descending and f.region and not f.article_ids and not f.about_only:
            run = after[2] if after is not None and len(after) == 3 else 1
            key = tuple(after[:2]) if after is not None else None
            rows: list[ArticleRow] = []
            if run == 1:
                rows = self._page(f, sort, descending, limit, 0, key, about=1)
                key = None
            if len(rows) < limit:
                rows += self._page(f, sort, descending, limit - len(rows), 0, key, about=0)
            self.attach_regions(rows)
            return rows
        rows = self._page(f, sort, descending, limit, offset, tuple(after[:2]) if after else None)
        self.attach_regions(rows)
        return rows

    def _page(self, f: ArticleFilter, sort: str, descending: bool, limit: int, offset: int,
              after: tuple[Any, ...] | None, about: int | None = None) -> list[ArticleRow]:
        direction = "DESC" if descending else "ASC"
        cmp = "<" if descending else ">"
        where, params = filter_clauses(f)
        if sort == "date" and f.region and not f.article_ids:
            # Walk the region's scope rows in date order: its primary key is the sort key.
            where[0] = "s.region_id = ?" + (" AND s.about = 1" if f.about_only else "")
            if about is not None:
                where[0] += f" AND s.about = {int(about)}"
            key = ("s.published_at", "s.article_id")
            sql = (f"SELECT a.id, a.title, a.source, a.published_at, a.is_read, a.is_starred, {key[0]} "
                   "FROM article_scope s JOIN articles a ON a.id = s.article_id")
        else:
            key = (SORT_COLUMNS.get(sort, "a.published_at"), "a.id")
            sql = f"SELECT a.id, a.title, a.source, a.published_at, a.is_read, a.is_starred, {key[0]} FROM articles a"
        if after is not None:
            where.append(f"({key[0]}, {key[1]}) {cmp} (?, ?)")
            params.extend(after)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {key[0]} {direction}, {key[1]} {direction} LIMIT ?"
        params.append(limit)
        if after is None and offset:
            sql += " OFFSET ?"
            params.append(offset)
        return [ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), sort_value=r[6],
                           about=None if about is None else bool(about)) for r in self.db.execute(sql, params)]

    def rows(self, ids: list[int]) -> list[ArticleRow]:
        """List rows for `ids`, in that order."""
        if not ids:
            return []
        found: dict[int, ArticleRow] = {}
        for chunk in batches(ids):
            found.update((r[0], ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]))) for r in self.db.execute(
                "SELECT id, title, source, published_at, is_read, is_starred FROM articles "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        rows = [found[i] for i in ids if i in found]
        self.attach_regions(rows)
        return rows

    def ids(self, f: ArticleFilter = ArticleFilter(), limit: int | None = None) -> list[int]:
        where, params = filter_clauses(f)
        sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY a.published_at DESC, a.id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params)]

    def attach_regions(self, rows: list[ArticleRow], per_article: int = 5) -> None:
        """Fill each row's regions: its most-mentioned tags, cities and areas before districts."""
        if not rows:
            return
        by_id = {r.id: r for r in rows}
        marks = ",".join("?" * len(by_id))
        for article_id, region_id in self.db.execute(
            f"SELECT t.article_id, t.region_id FROM article_regions t JOIN regions g ON g.id = t.region_id "
            f"WHERE t.article_id IN ({marks}) "
            f"ORDER BY t.article_id, g.kind = 'district', t.mentions DESC, t.first_pos",
            list(by_id),
        ):
            row = by_id[article_id]
            if len(row.regions) < per_article:
                row.regions.append(region_id)

    _ARTICLE_COLUMNS = (
        "SELECT a.id, a.title, a.source, a.source_raw, a.published_at, a.published_is_fallback, a.topic, "
        "a.language, a.body, a.summary, d.path, a.is_read, a.is_starred, a.url, a.keywords, a.authors, "
        "a.reference_list FROM articles a JOIN documents d ON d.id = a.document_id")

    def get(self, article_id: int) -> Article | None:
        found = self.get_many([article_id])
        return found[0] if found else None

    def get_many(self, ids: list[int]) -> list[Article]:
        """Articles whole, with their region names, in the order of `ids` (those that exist): read
        in batches of BATCH, two queries each, not two per article."""
        found: dict[int, Article] = {}
        for chunk in batches(ids):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"{self._ARTICLE_COLUMNS} WHERE a.id IN ({marks})", chunk):
                found[row[0]] = _article(row)
            for article_id, name in self.db.execute(
                    f"SELECT t.article_id, g.name FROM article_regions t JOIN regions g ON g.id = t.region_id "
                    f"WHERE t.article_id IN ({marks}) ORDER BY t.article_id, t.first_pos", chunk):
                found[article_id].regions.append(name)
        return [found[i] for i in ids if i in found]

    def region_names(self, article_id: int) -> list[str]:
        """The regions an article names, canonical Chinese names, in order of first mention."""
        return [
            r[0] for r in self.db.execute(
                "SELECT g.name FROM article_regions t JOIN regions g ON g.id = t.region_id "
                "WHERE t.article_id = ? ORDER BY t.first_pos", [article_id])
        ]

    def region_mentions(self, article_id: int) -> list[tuple[str, str, int]]:
        """(region id, name, mentions) of an article's tags, in order of first mention."""
        return [
            (r[0], r[1], r[2]) for r in self.db.execute(
                "SELECT t.region_id, g.name, t.mentions FROM article_regions t JOIN regions g ON g.id = t.region_id "
                "WHERE t.article_id = ? ORDER BY t.first_pos", [article_id])
        ]

    def set_read(self, article_id: int, read: bool = True) -> None:
        self.db.execute("UPDATE articles SET is_read = ? WHERE id = ?", [int(read), article_id])

    def set_starred(self, article_id: int, starred: bool) -> None:
        self.db.execute("UPDATE articles SET is_starred = ? WHERE id = ?", [int(starred), article_id])

    def totals(self) -> tuple[int, int]:
        """(articles, unread articles) in the whole store."""
        row = self.db.execute("SELECT total, unread FROM region_counts WHERE region_id = ?", [ALL_ARTICLES]).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def starred_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles WHERE is_starred = 1").fetchone()[0])

    def topics(self) -> list[tuple[str, int, int]]:
        """(topic, articles, unread) for every topic of imported workflow exports."""
        return [
            (r[0][len(TOPIC_PREFIX):], r[1], r[2]) for r in self.db.execute(
                "SELECT region_id, total, unread FROM region_counts WHERE region_id >= ? AND region_id < ? "
                "AND total > 0 ORDER BY region_id", [TOPIC_PREFIX, TOPIC_PREFIX + "\U0010ffff"])
        ]

    def documents_count(self) -> tuple[int, int]:
        """(documents imported, documents that failed)."""
        ok, failed = self.db.execute(
            "SELECT total(status != 'failed'), total(status = 'failed') FROM documents").fetchone()
        return int(ok), int(failed)


def batches(ids: list[int], size: int = BATCH) -> Iterator[list[int]]:
    """`ids` in runs of at most `size`: one IN list each, well under SQLite's limit of variables."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _article(row: tuple[Any, ...]) -> Article:
    return Article(
        id=row[0], title=row[1], source=row[2], source_raw=row[3], published_at=row[4],
        published_is_fallback=bool(row[5]), topic=row[6], language=row[7], body=row[8],
        summary=Summary.from_dict(json.loads(row[9])) if row[9] else None, document=row[10],
        is_read=bool(row[11]), is_starred=bool(row[12]),
        url=row[13], keywords=json.loads(row[14] or "[]"), authors=row[15], references=row[16],
    )


def stored_texts(conn: sqlite3.Connection, batch: int = 2000) -> Iterator[list[tuple[int, str, str, str | None]]]:
    """Every article as (id, title, body, summary JSON), in batches by id: what migrations read
    to write the index or the themes again (core/search_text.py derives what they read)."""
    last = 0
    while True:
        rows = conn.execute("SELECT id, title, body, summary FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                            [last, batch]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield rows
