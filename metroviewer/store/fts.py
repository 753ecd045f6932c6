"""Writing and removing entries of the contentless full-text index (`article_fts`).

The index keeps no copy of the text, so an entry is removed by giving FTS5 the very text it
was written with; both go through here so that the columns always line up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..core.search_text import IndexedText

# `regions` holds region tokens; see core/search_text.py for the others.
COLUMNS = ("title", "body", "regions", "title_chars", "body_chars")
CREATE = (
    "CREATE VIRTUAL TABLE article_fts USING fts5(" + ", ".join(COLUMNS) + ", content='', "
    "tokenize='unicode61 remove_diacritics 2')"
)
# Merging fewer, larger segment runs: a third less work per imported article than the
# default of 4, for a few more segments to read per query (still about a millisecond).
AUTOMERGE = 8

_INSERT = f"INSERT INTO article_fts (rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
_DELETE = f"INSERT INTO article_fts (article_fts, rowid, {', '.join(COLUMNS)}) VALUES ('delete', ?, ?, ?, ?, ?, ?)"

Entry = tuple[int, IndexedText, str]  # rowid (the article id), its text, its region tokens


def _values(entries: Iterable[Entry]) -> Iterable[tuple[object, ...]]:
    for rowid, text, regions in entries:
        yield rowid, text.title, text.body, regions, text.title_chars, text.body_chars


def create(conn: sqlite3.Connection) -> None:
    conn.execute(CREATE)
    conn.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', ?)", [AUTOMERGE])


def insert(conn: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    conn.executemany(_INSERT, _values(entries))


def delete(conn: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    conn.executemany(_DELETE, _values(entries))


def entry_of(conn: sqlite3.Connection, article_id: int) -> Entry:
    """The index entry of a stored article, as it was written (see core/search_text.py)."""
    from ..core.search_text import region_tokens, stored_index_entry

    title, body, summary_json = conn.execute("SELECT title, body, summary FROM articles WHERE id = ?",
                                             [article_id]).fetchone()
    scope = [r[0] for r in conn.execute("SELECT region_id FROM article_scope WHERE article_id = ?", [article_id])]
    return article_id, stored_index_entry(title, body, summary_json), region_tokens(scope)


def rebuild(conn: sqlite3.Connection, batch: int = 2000) -> None:
    """Drop the index and write it again from the articles (a migration changed its layout)."""
    from ..core.search_text import region_tokens, stored_index_entry
    from .articles import stored_texts

    conn.execute("DROP TABLE IF EXISTS article_fts")
    create(conn)
    for rows in stored_texts(conn, batch):
        scopes: dict[int, list[str]] = {}
        for article_id, region_id in conn.execute(
                "SELECT article_id, region_id FROM article_scope WHERE article_id BETWEEN ? AND ?",
                [rows[0][0], rows[-1][0]]):
            scopes.setdefault(article_id, []).append(region_id)
        insert(conn, [(aid, stored_index_entry(title, body, summary), region_tokens(scopes.get(aid, [])))
                      for aid, title, body, summary in rows])
