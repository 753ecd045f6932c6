"""Articles and stories per month, per region and for "@all" and each "@topic:…" (`region_months`):
the panels' monthly chart reads a selection's row instead of counting every article's date,
which took 351 ms for All articles at 1,000,000.

Kept exact like `region_counts`, by whoever changes what it counts: an article's contribution is
taken away (`forget`) while its rows are still there and added (`add`) once they are written,
both read from the store as it is at that moment, so any sequence of changes adds up. A story
counts in the month of its lead version (`story_lead`); `leads_changed` moves it when the lead
changes. A re-tag rebuilds the table (`rebuild`), as it does the counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .schema import ALL_ARTICLES, TOPIC_PREFIX

BATCH = 500  # article ids per IN list

# (region id, month, article id, whether it is its story's lead) of the articles whose ids fill
# the IN list (written twice: `{ids}`): their scope rows, "@all" and their topic.
_CONTRIBUTIONS = f"""
    SELECT s.region_id AS region_id, substr(s.published_at, 1, 7) AS month, a.story_lead AS lead
    FROM article_scope s JOIN articles a ON a.id = s.article_id
    WHERE s.article_id IN ({{ids}}) AND s.published_at IS NOT NULL
    UNION ALL
    SELECT '{ALL_ARTICLES}', substr(published_at, 1, 7), story_lead FROM articles
    WHERE id IN ({{ids}}) AND published_at IS NOT NULL
    UNION ALL
    SELECT '{TOPIC_PREFIX}' || topic, substr(published_at, 1, 7), story_lead FROM articles
    WHERE id IN ({{ids}}) AND published_at IS NOT NULL AND topic != ''"""

_UPSERT = ("INSERT INTO region_months (region_id, month, articles, stories) {select} "
           "ON CONFLICT(region_id, month) DO UPDATE SET articles = articles + excluded.articles, "
           "stories = stories + excluded.stories")


def create_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE region_months (
            region_id TEXT NOT NULL,          -- a region, '@all' or '@topic:…' as in region_counts
            month TEXT NOT NULL,              -- YYYY-MM
            articles INTEGER NOT NULL,
            stories INTEGER NOT NULL,         -- stories whose lead version falls in the month
            PRIMARY KEY (region_id, month)
        ) WITHOUT ROWID""")


def rebuild(conn: sqlite3.Connection) -> None:
    """Count every article again (after a re-tag, and when the table is made)."""
    conn.execute("DELETE FROM region_months")
    whole = "substr(published_at, 1, 7) AS month, count(*), total(story_lead) FROM articles WHERE published_at IS NOT NULL"
    conn.execute(
        "INSERT INTO region_months (region_id, month, articles, stories) "
        "SELECT s.region_id, substr(s.published_at, 1, 7) AS month, count(*), total(a.story_lead) "
        "FROM article_scope s JOIN articles a ON a.id = s.article_id WHERE s.published_at IS NOT NULL "
        "GROUP BY s.region_id, month")
    conn.execute(f"INSERT INTO region_months (region_id, month, articles, stories) SELECT '{ALL_ARTICLES}', {whole} "
                 "GROUP BY month")
    conn.execute(f"INSERT INTO region_months (region_id, month, articles, stories) "
                 f"SELECT '{TOPIC_PREFIX}' || topic, {whole} AND topic != '' GROUP BY topic, month")


def add(conn: sqlite3.Connection, article_ids: Iterable[int], sign: int = 1) -> None:
    """Count these articles as they now are in the store (sign -1: take them away)."""
    ids = [int(i) for i in article_ids]
    for i in range(0, len(ids), BATCH):
        chunk = ",".join(map(str, ids[i:i + BATCH]))  # ints: safe to write into the query
        select = (f"SELECT region_id, month, {sign} * count(*), {sign} * total(lead) "
                  f"FROM ({_CONTRIBUTIONS.format(ids=chunk)}) WHERE true GROUP BY region_id, month")
        conn.execute(_UPSERT.format(select=select))


def forget(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Take these articles away, before their rows (or their date) change."""
    add(conn, article_ids, sign=-1)


def leads_changed(conn: sqlite3.Connection, changes: list[tuple[int, int]]) -> None:
    """Articles' lead marks are changing or changed: (new mark 0/1, article id). Their story
    counts move; the articles counts stay (scope, date and topic do not change with the mark)."""
    for sign in (1, -1):
        ids = [aid for want, aid in changes if (want == 1) == (sign == 1)]
        for i in range(0, len(ids), BATCH):
            chunk = ",".join(map(str, ids[i:i + BATCH]))
            select = (f"SELECT region_id, month, 0, {sign} * count(*) "
                      f"FROM ({_CONTRIBUTIONS.format(ids=chunk)}) WHERE true GROUP BY region_id, month")
            conn.execute(_UPSERT.format(select=select))


def stories_as_leads(conn: sqlite3.Connection) -> None:
    """Every article was just made a lead of its own (re-grouping starts so)."""
    conn.execute("UPDATE region_months SET stories = articles")


def months(conn: sqlite3.Connection, key: str, stories: bool = False) -> list[tuple[str, int]]:
    """(YYYY-MM, articles or stories) of a region_counts key, oldest first."""
    column = "stories" if stories else "articles"
    return [(m, int(n)) for m, n in conn.execute(
        f"SELECT month, {column} FROM region_months WHERE region_id = ? AND {column} > 0 ORDER BY month", [key])]
