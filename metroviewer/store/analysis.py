"""The themes read from each article's text (a JSON column of articles)."""

from __future__ import annotations

import sqlite3

Analysed = tuple[int, str]  # article id, its themes as JSON (figures/codec.py)


def replace(conn: sqlite3.Connection, analysed: list[Analysed]) -> None:
    conn.executemany("UPDATE articles SET themes = ? WHERE id = ?", [(themes, aid) for aid, themes in analysed])


def reanalyse_all(conn: sqlite3.Connection) -> None:
    """Read the themes of every article again (a migration added or changed them)."""
    from ..core.search_text import index_body_source
    from ..core.text import fold_same_length
    from ..figures.codec import encode_themes
    from ..figures.themes import article_themes
    from .articles import stored_texts

    for rows in stored_texts(conn):
        replace(conn, [(aid, encode_themes(article_themes(fold_same_length(title),
                                                          fold_same_length(index_body_source(body, summary)))))
                       for aid, title, body, summary in rows])
