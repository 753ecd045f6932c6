"""The analyst's own layer: saved searches, follows, labels, notes and highlights.

Labels, notes and highlights are keyed by the article's content hash (not its id), like the
user's edits and deletions: a re-import of the same file finds them again. When a changed file
replaces an article (same title, new text, new hash), the import moves them to the new hash and
marks the notes for re-anchoring; `reanchor` then looks for each note's quoted text in the new
article and reports the ones it could not find. Notes have their own full-text index
(`note_fts`, the same pair text as the articles' index), never mixed into the articles'.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..core.search_text import fts_query, index_body_source, note_index_entry
from ..core.text import fold
from .db import write_transaction

# The tables as m014_analyst_layer created them: later changes are new migrations, never edits here.
CREATE_V1 = (
    """CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL DEFAULT '',
        regions TEXT NOT NULL DEFAULT '[]',      -- JSON list of region ids (any of them)
        since TEXT,
        until TEXT,
        source TEXT,
        topic TEXT,
        label TEXT,
        about INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE follows (
        kind TEXT NOT NULL,                      -- region | saved
        key TEXT NOT NULL,                       -- a region id or a saved search's name
        seen_id INTEGER NOT NULL DEFAULT 0,      -- the newest article id when the user last looked
        looked_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    )""",
    """CREATE TABLE article_labels (
        content_hash TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (label, content_hash)
    )""",
    "CREATE INDEX article_labels_by_hash ON article_labels(content_hash)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        quote TEXT,                              -- the highlighted text, when the note is a highlight
        color TEXT,
        anchored INTEGER NOT NULL DEFAULT 1,     -- 0: its quote was not found after a re-import
        pending INTEGER NOT NULL DEFAULT 0,      -- 1: its article changed; re-anchor after the import
        article_title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_by_hash ON notes(content_hash)",
    # Derived text only (pairs and characters, core/search_text.py): quote as `title`, note as `body`.
    "CREATE VIRTUAL TABLE note_fts USING fts5(title, body, title_chars, body_chars, "
    "tokenize='unicode61 remove_diacritics 2')",
)

# m019_analyst_windows: the last look at every selection the user opens (followed or not), for the
# "since I last looked" window; briefing_runs gains the newest article id when each briefing was made,
# for "since the last briefing". Both marks are article ids: ids only grow as imports add articles, so
# "imported after the mark" is `id > mark`, exact even within one second (imported_at is to the second).
CREATE_WINDOWS = (
    """CREATE TABLE last_looks (
        kind TEXT NOT NULL,                      -- region | saved | label | topic | starred | all | regions
        key TEXT NOT NULL,                       -- its id or name ('' for starred and all)
        seen_id INTEGER NOT NULL,                -- the newest article id when the user last looked
        looked_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    )""",
    "INSERT INTO last_looks (kind, key, seen_id, looked_at) SELECT kind, key, seen_id, looked_at FROM follows",
    # Every change to what a saved search counts (an article's read state, date, title, text,
    # source or topic; a label put on or taken off) moves this on, so that counts kept by it
    # (desk/analyst.py) know they are stale; added and removed articles change the id and count.
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('counts_generation', '0')",
    """CREATE TRIGGER analyst_counts_read AFTER UPDATE OF is_read ON articles WHEN NEW.is_read != OLD.is_read
       BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'counts_generation'; END""",
    """CREATE TRIGGER analyst_counts_edited AFTER UPDATE OF published_at, title, body, source, topic ON articles
       BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'counts_generation'; END""",
    "CREATE TRIGGER analyst_counts_labelled AFTER INSERT ON article_labels BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'counts_generation'; END",
    "CREATE TRIGGER analyst_counts_unlabelled AFTER DELETE ON article_labels BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'counts_generation'; END",
    "CREATE TRIGGER analyst_counts_relabelled AFTER UPDATE ON article_labels BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'counts_generation'; END",
    "ALTER TABLE briefing_runs ADD COLUMN newest_id INTEGER",
    # runs made before: the newest article imported by then
    "UPDATE briefing_runs SET newest_id = (SELECT coalesce(max(id), 0) FROM articles "
    "WHERE imported_at <= briefing_runs.compiled_at)",
)

COLORS = ("yellow", "green", "blue", "pink")


def create_tables(conn: sqlite3.Connection) -> None:
    for statement in CREATE_V1:
        conn.execute(statement)


def create_window_tables(conn: sqlite3.Connection) -> None:
    for statement in CREATE_WINDOWS:
        conn.execute(statement)


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


@dataclass
class SavedSearch:
    name: str
    query: str = ""
    regions: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    source: str | None = None
    topic: str | None = None
    label: str | None = None
    about: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "query": self.query, "regions": self.regions, "since": self.since,
                "until": self.until, "source": self.source, "topic": self.topic, "label": self.label,
                "about": self.about}


@dataclass
class Note:
    id: int
    content_hash: str
    text: str
    quote: str | None
    color: str | None
    anchored: bool
    created_at: str
    article_id: int | None = None
    article_title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "quote": self.quote, "color": self.color,
                "created": self.created_at, "anchored": self.anchored, "article_id": self.article_id}


@dataclass
class LostNote:
    """A note whose highlighted text a re-import could not find again (or whose article went)."""

    id: int
    article_title: str
    quote: str | None
    text: str


def quote_found(quote: str, title: str, body_source: str) -> bool:
    """Whether a highlighted text is in the article (folded, whitespace ignored)."""
    def squeeze(s: str) -> str:
        return "".join(fold(s).split())

    needle = squeeze(quote)
    return bool(needle) and (needle in squeeze(body_source) or needle in squeeze(title))


def rekey(conn: sqlite3.Connection, old_hash: str, new_hash: str) -> None:
    """An import replaced an article's text: its labels and notes follow it to the new hash, and
    the notes wait to be re-anchored (`AnalystRepository.reanchor`)."""
    if old_hash == new_hash:
        return
    conn.execute("UPDATE OR IGNORE article_labels SET content_hash = ? WHERE content_hash = ?", [new_hash, old_hash])
    conn.execute("DELETE FROM article_labels WHERE content_hash = ?", [old_hash])
    conn.execute("UPDATE notes SET content_hash = ?, pending = 1 WHERE content_hash = ?", [new_hash, old_hash])


def article_removed(conn: sqlite3.Connection, content_hash: str) -> None:
    """An import removed an article from its changed file: its notes are looked at afterwards."""
    conn.execute("UPDATE notes SET pending = 1 WHERE content_hash = ? AND anchored = 1", [content_hash])


class AnalystRepository:
    def __init__(self, db: Database):
        self.db = db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    # -- saved searches ----------------------------------------------------------------------

    def save_search(self, s: SavedSearch, *, replace: bool = True) -> None:
        with write_transaction(self.conn):
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.conn.execute(
                f"{verb} INTO saved_searches (name, query, regions, since, until, source, topic, label, about, "
                "created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [s.name, s.query, json.dumps(s.regions, ensure_ascii=False), s.since, s.until, s.source, s.topic,
                 s.label, int(s.about), _now()])

    def saved_searches(self) -> list[SavedSearch]:
        return [self._saved(r) for r in self.conn.execute(
            "SELECT name, query, regions, since, until, source, topic, label, about FROM saved_searches "
            "ORDER BY name")]

    def saved_search(self, name: str) -> SavedSearch | None:
        row = self.conn.execute(
            "SELECT name, query, regions, since, until, source, topic, label, about FROM saved_searches "
            "WHERE name = ?", [name]).fetchone()
        return self._saved(row) if row else None

    @staticmethod
    def _saved(r: Any) -> SavedSearch:
        return SavedSearch(r[0], r[1], json.loads(r[2] or "[]"), r[3], r[4], r[5], r[6], r[7], bool(r[8]))

    def rename_search(self, old: str, new: str) -> bool:
        with write_transaction(self.conn):
            done = self.conn.execute("UPDATE saved_searches SET name = ? WHERE name = ?", [new, old]).rowcount > 0
            self.conn.execute("UPDATE follows SET key = ? WHERE kind = 'saved' AND key = ?", [new, old])
        return done

    def remove_search(self, name: str) -> bool:
        with write_transaction(self.conn):
            self.conn.execute("DELETE FROM follows WHERE kind = 'saved' AND key = ?", [name])
            return self.conn.execute("DELETE FROM saved_searches WHERE name = ?", [name]).rowcount > 0

    def counts_version(self) -> tuple[Any, ...]:
        """What a saved search's counts depend on, cheaply read: it changes with every import
        (run), deletion, restore, edit, label, re-tag and change of read state (the m019 triggers),
        so counts kept under it are still right while it holds."""
        return tuple(self.conn.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM articles), (SELECT count(*) FROM articles), "
            "(SELECT coalesce(max(id), 0) FROM import_runs), (SELECT group_concat(key || '=' || value) FROM meta "
            "WHERE key IN ('tags_version', 'gazetteer_version', 'retag_unfinished', 'counts_generation'))"
        ).fetchone())

    # -- follows ---------------------------------------------------------------------------

    def newest_id(self) -> int:
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])

    def follow(self, kind: str, key: str, on: bool = True) -> None:
        with write_transaction(self.conn):
            if on:
                self.conn.execute(
                    "INSERT INTO follows (kind, key, seen_id, looked_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(kind, key) DO NOTHING", [kind, key, self.newest_id(), _now()])
            else:
                self.conn.execute("DELETE FROM follows WHERE kind = ? AND key = ?", [kind, key])

    def follows(self) -> list[tuple[str, str, int, str]]:
        """(kind, key, newest article id seen, when) of everything followed."""
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT kind, key, seen_id, looked_at FROM follows ORDER BY kind, key")]

    def mark_looked(self, kind: str, key: str) -> bool:
        """The user looked at a followed node: what is there now is no longer new."""
        followed = self.conn.execute("SELECT 1 FROM follows WHERE kind = ? AND key = ?", [kind, key]).fetchone()
        if followed:
            self.record_look(kind, key)
        return followed is not None

    # -- looks and briefings: the marks of the import-time windows ------------------------------

    def record_look(self, kind: str, key: str) -> tuple[int, str]:
        """The user looked at a selection now (a followed one is seen too): (the newest article
        id, recorded as seen; when)."""
        newest, now = self.newest_id(), _now()
        with write_transaction(self.conn):
            self.conn.execute(
                "INSERT INTO last_looks (kind, key, seen_id, looked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(kind, key) DO UPDATE SET seen_id = excluded.seen_id, looked_at = excluded.looked_at",
                [kind, key, newest, now])
            self.conn.execute("UPDATE follows SET seen_id = ?, looked_at = ? WHERE kind = ? AND key = ?",
                              [newest, now, kind, key])
        return newest, now

    def looks(self) -> dict[tuple[str, str], tuple[int, str]]:
        """(kind, key) → (newest article id seen, when) of every selection looked at; a followed
        node's mark is the one its "New" count starts from."""
        marks = {(r[0], r[1]): (int(r[2]), r[3]) for r in self.conn.execute(
            "SELECT kind, key, seen_id, looked_at FROM last_looks")}
        marks.update({(kind, key): (seen, when) for kind, key, seen, when in self.follows()})
        return marks

    def last_briefing(self) -> tuple[int, str] | None:
        """(newest article id then, when) of the latest briefing made, whatever its scope."""
        row = self.conn.execute("SELECT newest_id, compiled_at FROM briefing_runs ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0] or 0), row[1]) if row else None

    # -- labels ----------------------------------------------------------------------------

    def _hashes(self, article_ids: list[int]) -> list[str]:
        marks = ",".join("?" * len(article_ids)) or "NULL"
        return [r[0] for r in self.conn.execute(
            f"SELECT content_hash FROM articles WHERE id IN ({marks})", article_ids)]

    def set_label(self, article_ids: list[int], label: str, on: bool = True) -> int:
        hashes = self._hashes(article_ids)
        with write_transaction(self.conn):
            if on:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO article_labels (content_hash, label, created_at) VALUES (?, ?, ?)",
                    [(h, label, _now()) for h in hashes])
            else:
                self.conn.executemany("DELETE FROM article_labels WHERE content_hash = ? AND label = ?",
                                      [(h, label) for h in hashes])
        return len(hashes)

    def label_counts(self) -> list[tuple[str, int, int]]:
        """(label, articles, unread) of every label in use."""
        return [(r[0], int(r[1]), int(r[2])) for r in self.conn.execute(
            "SELECT l.label, count(*), total(a.is_read = 0) FROM article_labels l "
            "JOIN articles a ON a.content_hash = l.content_hash GROUP BY l.label ORDER BY l.label")]

    def labels_of(self, article_ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        marks = ",".join("?" * len(article_ids)) or "NULL"
        for aid, label in self.conn.execute(
                f"SELECT a.id, l.label FROM articles a JOIN article_labels l ON l.content_hash = a.content_hash "
                f"WHERE a.id IN ({marks}) ORDER BY l.label", article_ids):
            out.setdefault(aid, []).append(label)
        return out

    # -- notes and highlights ------------------------------------------------------------------

    def add_note(self, article_id: int, text: str, quote: str | None = None, color: str | None = None) -> int | None:
        row = self.conn.execute("SELECT content_hash, title FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return None
        with write_transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO notes (content_hash, text, quote, color, article_title, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [row[0], text, quote, color, row[1], _now(), _now()])
            note_id = int(cur.lastrowid or 0)
            self._index(note_id, text, quote)
        return note_id

    def edit_note(self, note_id: int, text: str) -> bool:
        row = self.conn.execute("SELECT quote FROM notes WHERE id = ?", [note_id]).fetchone()
        if row is None:
            return False
        with write_transaction(self.conn):
            self.conn.execute("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?", [text, _now(), note_id])
            self.conn.execute("DELETE FROM note_fts WHERE rowid = ?", [note_id])
            self._index(note_id, text, row[0])
        return True

    def delete_note(self, note_id: int) -> bool:
        with write_transaction(self.conn):
            self.conn.execute("DELETE FROM note_fts WHERE rowid = ?", [note_id])
            return self.conn.execute("DELETE FROM notes WHERE id = ?", [note_id]).rowcount > 0

    def restore_note(self, note: Note) -> bool:
        """Bring back a deleted note as it was (its id, article, text, quote and dates): undo."""
        with write_transaction(self.conn):
            done = self.conn.execute(
                "INSERT OR IGNORE INTO notes (id, content_hash, text, quote, color, anchored, article_title, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [note.id, note.content_hash, note.text, note.quote, note.color, int(note.anchored),
                 note.article_title, note.created_at, _now()]).rowcount > 0
            if done:
                self._index(note.id, note.text, note.quote)
        return done

    def _index(self, note_id: int, text: str, quote: str | None) -> None:
        entry = note_index_entry(text, quote)
        self.conn.execute("INSERT INTO note_fts (rowid, title, body, title_chars, body_chars) VALUES (?,?,?,?,?)",
                          [note_id, entry.title, entry.body, entry.title_chars, entry.body_chars])

    _NOTE_COLUMNS = ("SELECT n.id, n.content_hash, n.text, n.quote, n.color, n.anchored, n.created_at, a.id, "
                     "coalesce(a.title, n.article_title) FROM notes n LEFT JOIN articles a "
                     "ON a.content_hash = n.content_hash")

    def notes_of(self, article_ids: list[int]) -> dict[int, list[Note]]:
        """The notes of these articles, oldest first."""
        marks = ",".join("?" * len(article_ids)) or "NULL"
        out: dict[int, list[Note]] = {}
        for r in self.conn.execute(f"{self._NOTE_COLUMNS} WHERE a.id IN ({marks}) ORDER BY n.id", article_ids):
            out.setdefault(r[7], []).append(self._note(r))
        return out

    def note(self, note_id: int) -> Note | None:
        row = self.conn.execute(f"{self._NOTE_COLUMNS} WHERE n.id = ?", [note_id]).fetchone()
        return self._note(row) if row else None

    def notes_for(self, where: str, params: list[object]) -> list[Note]:
        """The notes of the articles that `where` (on `a`, the articles table) selects, by article date."""
        sql = f"{self._NOTE_COLUMNS} WHERE a.id IS NOT NULL"
        if where:
            sql += " AND " + where
        return [self._note(r) for r in self.conn.execute(
            sql + " ORDER BY a.published_at DESC, a.id DESC, n.id", params)]

    def search_notes(self, query: str, limit: int = 100) -> list[Note]:
        """Notes whose text or quote matches (the articles' Chinese-correct query syntax)."""
        match = fts_query(query)
        if match is None:
            return []
        try:
            ids = [r[0] for r in self.conn.execute(
                "SELECT rowid FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit])]
        except sqlite3.OperationalError:
            return []
        found = {n.id: n for n in (self.note(i) for i in ids) if n}
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _note(r: Any) -> Note:
        return Note(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8] or "")

    def note_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM notes").fetchone()[0])

    def reanchor(self) -> list[LostNote]:
        """Look for the quoted text of each note whose article an import changed or removed;
        returns those not found (they stay, marked unanchored, with their quote)."""
        lost: list[LostNote] = []
        rows = self.conn.execute(
            "SELECT n.id, n.quote, n.text, n.article_title, a.title, a.body, a.summary FROM notes n "
            "LEFT JOIN articles a ON a.content_hash = n.content_hash WHERE n.pending = 1").fetchall()
        if not rows:
            return lost
        with write_transaction(self.conn):
            for note_id, quote, text, old_title, title, body, summary in rows:
                if title is None:
                    found = False
                elif not quote:
                    found = True
                else:
                    found = quote_found(quote, title, index_body_source(body, summary))
                self.conn.execute("UPDATE notes SET pending = 0, anchored = ?, article_title = ? WHERE id = ?",
                                  [int(found), title or old_title, note_id])
                if not found:
                    lost.append(LostNote(note_id, title or old_title, quote, text))
        return lost
