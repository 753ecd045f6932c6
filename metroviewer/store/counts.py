"""The tree's roll-up counts (`region_counts`): per region, and for "@all" and each "@topic:…",
how many articles and stories fall under it, how many are unread, and how many are mainly
about it.

A story counts where its lead version counts (the version the list shows, `story_lead = 1`), and
is unread while its lead is: reading marks every version of a story read, so the lead stands for
the story. The counts change by deltas, one Counter per transaction, keyed "X:REGION":

  t/u/a  articles: total, unread, about        s/r/b  stories (leads): total, unread, about

Read-state changes are kept by the `articles_read_changed` trigger (schema.py).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from .schema import ALL_ARTICLES, TOPIC_PREFIX

# Delta letter → region_counts column.
COLUMNS = {"t": "total", "u": "unread", "a": "about", "s": "stories", "r": "stories_unread", "b": "stories_about"}


def counters(scope: Iterable[str], topic: str) -> list[str]:
    """The rows of region_counts an article counts in: its regions, all articles, its topic."""
    return [*scope, ALL_ARTICLES, *([TOPIC_PREFIX + topic] if topic else [])]


def count_article(deltas: Counter[str], scope: Iterable[str], about: Iterable[str], topic: str, *,
                  unread: bool, lead: bool, sign: int) -> None:
    """Add (sign +1) or take away (-1) one article: `scope` its regions with their ancestors,
    `about` those of them it is mainly about, `lead` whether it stands for its story."""
    scope, about = list(scope), list(about)
    _count(deltas, ("t:", "u:", "a:"), scope, about, topic, unread, sign)
    if lead:
        count_story(deltas, scope, about, topic, unread=unread, sign=sign)


def count_story(deltas: Counter[str], scope: Iterable[str], about: Iterable[str], topic: str, *,
                unread: bool, sign: int) -> None:
    """Add or take away one story, counted where its lead is (an article that became, or
    stopped being, its story's lead moves only these columns)."""
    _count(deltas, ("s:", "r:", "b:"), scope, about, topic, unread, sign)


def _count(deltas: Counter[str], keys: tuple[str, str, str], scope: Iterable[str], about: Iterable[str],
           topic: str, unread: bool, sign: int) -> None:
    """One article or story in the columns named by `keys`: (total, unread, about)."""
    total, unread_key, about_key = keys
    for rid in counters(scope, topic):
        deltas[total + rid] += sign
        if unread:
            deltas[unread_key + rid] += sign
    for rid in about:
        deltas[about_key + rid] += sign


def lead_changes(conn: sqlite3.Connection, changes: list[tuple[int, int]]) -> Counter[str]:
    """The deltas of articles whose lead mark changes: (new mark 0/1, article id), read from the
    store before or after the mark is written (scope, topic and read state do not change with it)."""
    deltas: Counter[str] = Counter()
    for i in range(0, len(changes), 500):
        chunk = dict((aid, want) for want, aid in changes[i:i + 500])
        marks = ",".join("?" * len(chunk))
        scopes: dict[int, tuple[list[str], list[str]]] = {aid: ([], []) for aid in chunk}
        for aid, rid, about in conn.execute(
                f"SELECT article_id, region_id, about FROM article_scope WHERE article_id IN ({marks})", list(chunk)):
            scopes[aid][0].append(rid)
            if about:
                scopes[aid][1].append(rid)
        for aid, topic, is_read in conn.execute(
                f"SELECT id, topic, is_read FROM articles WHERE id IN ({marks})", list(chunk)):
            scope, about = scopes[aid]
            count_story(deltas, scope, about, topic or "", unread=not is_read, sign=1 if chunk[aid] else -1)
    return deltas


def apply_count_deltas(conn: sqlite3.Connection, deltas: Counter[str]) -> None:
    """Add count changes (keys "X:REGION", X a letter of COLUMNS) to region_counts."""
    rows: dict[str, dict[str, int]] = {}
    for key, n in deltas.items():
        if n:
            rows.setdefault(key[2:], dict.fromkeys(COLUMNS, 0))[key[0]] += n
    if not rows:
        return
    names = ", ".join(COLUMNS.values())
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in COLUMNS.values())
    conn.executemany(
        f"INSERT INTO region_counts (region_id, {names}) VALUES (?{', ?' * len(COLUMNS)}) "
        f"ON CONFLICT(region_id) DO UPDATE SET {updates}",
        [(rid, *values.values()) for rid, values in rows.items()])


def recount(conn: sqlite3.Connection) -> None:
    """Rebuild region_counts from the articles and their scope rows."""
    conn.execute("DELETE FROM region_counts")
    conn.execute(
        "INSERT INTO region_counts (region_id, total, unread, about, stories, stories_unread, stories_about) "
        "SELECT s.region_id, count(*), total(a.is_read = 0), total(s.about), total(a.story_lead), "
        "total(a.story_lead AND a.is_read = 0), total(a.story_lead AND s.about) FROM article_scope s "
        "JOIN articles a ON a.id = s.article_id GROUP BY s.region_id")
    whole = ("count(*), total(is_read = 0), total(story_lead), total(story_lead AND is_read = 0) FROM articles")
    conn.execute(
        "INSERT INTO region_counts (region_id, total, unread, stories, stories_unread) "
        f"SELECT '{ALL_ARTICLES}', {whole}")
    conn.execute(
        "INSERT INTO region_counts (region_id, total, unread, stories, stories_unread) "
        f"SELECT '{TOPIC_PREFIX}' || topic, {whole} WHERE topic != '' GROUP BY topic")


def stories_as_leads(conn: sqlite3.Connection) -> None:
    """Every article was just made a lead of its own (re-grouping starts so): the story columns
    equal the article columns until the grouping's lead changes move them."""
    conn.execute("UPDATE region_counts SET stories = total, stories_unread = unread, stories_about = about")
