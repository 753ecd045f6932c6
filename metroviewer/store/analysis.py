"""The themes read from each article's text (a JSON column of articles)."""

from __future__ import annotations

import json
import sqlite3

Analysed = tuple[int, str]  # article id, its themes as JSON (figures/codec.py)


def replace(conn: sqlite3.Connection, analysed: list[Analysed]) -> None:
    conn.executemany("UPDATE articles SET themes = ? WHERE id = ?", [(themes, aid) for aid, themes in analysed])


def reanalyse_all(conn: sqlite3.Connection, batch: int = 2000) -> None:
    """Read the themes of every article again (a migration added or changed them)."""
    from ..core.models import Summary
    from ..core.search_text import index_body_source
    from ..core.text import fold_same_length
    from ..figures.codec import encode_themes
    from ..figures.themes import article_themes

    last = 0
    while True:
        rows = conn.execute("SELECT id, title, body, summary FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                            [last, batch]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        analysed: list[Analysed] = []
        for article_id, title, body, summary_json in rows:
            summary = Summary.from_dict(json.loads(summary_json)) if summary_json else None
            themes = article_themes(fold_same_length(title), fold_same_length(index_body_source(body, summary)))
            analysed.append((article_id, encode_themes(themes)))
        replace(conn, analysed)
