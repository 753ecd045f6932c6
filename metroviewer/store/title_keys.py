"""The list's title order: each article's pinyin sort key (core/sort_keys.py), kept beside its title."""

from __future__ import annotations

import sqlite3

from ..core.sort_keys import title_sort_key


def fill_title_keys(conn: sqlite3.Connection, batch: int = 5000) -> int:
    """Write the key of every article (the m016 migration); returns how many were written."""
    last, done = 0, 0
    while True:
        rows = conn.execute("SELECT id, title FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                            [last, batch]).fetchall()
        if not rows:
            return done
        conn.executemany("UPDATE articles SET title_key = ? WHERE id = ?",
                         [(title_sort_key(title), article_id) for article_id, title in rows])
        last, done = rows[-1][0], done + len(rows)
