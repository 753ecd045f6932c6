"""Stories: the versions of one piece of news (reprints, edited copies, trimmed versions) grouped
as one, at import, by their text's fingerprints (core/stories.py); the user's splits and merges,
kept by content hash so that they survive re-import and re-grouping.

An article's `story_id` names its story; `story_lead` marks the one version the list shows (the
earliest). Fingerprints live in `story_prints`, LSH band keys in `story_bands` (band → its first
articles): grouping (store/story_grouping.py) reads a batch's candidates by indexed look-ups,
never a scan.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..core.models import UserError
from .cross_language import THRESHOLD_KEY as CROSS_LANGUAGE_KEY
from .db import write_transaction
from .story_grouping import (  # noqa: F401 (the writer's, the migrations' and the bench's names for them)
    JACCARD_KEY,
    StoryGrouper,
    fingerprint_of_stored,
    forget_article,
    group_new_articles,
    mark_leads,
    regroup_all,
)


def create_tables(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER")
    conn.execute("ALTER TABLE articles ADD COLUMN story_lead INTEGER NOT NULL DEFAULT 1")
    conn.execute("CREATE INDEX articles_by_story ON articles(story_id)")
    conn.execute(
        """CREATE TABLE story_prints (
            article_id INTEGER PRIMARY KEY,
            text_hash TEXT NOT NULL,
            shingles INTEGER NOT NULL,
            signature BLOB NOT NULL
        )""")
    conn.execute("CREATE INDEX story_prints_by_text ON story_prints(text_hash)")
    conn.execute(
        "CREATE TABLE story_bands (band INTEGER NOT NULL, article_id INTEGER NOT NULL, "
        "PRIMARY KEY (band, article_id)) WITHOUT ROWID")
    # The user's choices: articles with the same pin are one story, and a pinned article joins
    # no other story by itself (a split is a pin of its own).
    conn.execute("CREATE TABLE story_pins (content_hash TEXT PRIMARY KEY, pin TEXT NOT NULL)")
    conn.execute("CREATE INDEX story_pins_by_pin ON story_pins(pin)")


@dataclass
class StoryVersion:
    """One version of a story, as the reader and briefings list it."""

    article_id: int
    title: str
    source: str
    published_at: str | None
    is_lead: bool
    added: int = 0  # paragraphs it has that the version being read lacks
    dropped: int = 0  # paragraphs of the version being read that it lacks


@dataclass
class StorySummary:
    story_id: int
    lead: StoryVersion
    versions: list[StoryVersion] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.versions)

    @property
    def sources(self) -> list[str]:
        seen: list[str] = []
        for v in self.versions:
            if v.source and v.source not in seen:
                seen.append(v.source)
        return seen


class StoryRepository:
    def __init__(self, db: Database):
        self.db = db

    def grouper(self) -> StoryGrouper:
        return StoryGrouper(self.db.conn)

    def sizes(self, article_ids: list[int]) -> dict[int, tuple[int | None, int]]:
        """article id → (story id, versions in its story). Each story is counted once, not once
        per version asked for (the benchmark's stories have thousands of versions)."""
        story_of: dict[int, int | None] = {}
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i:i + 500]
            story_of.update(self.db.execute(
                f"SELECT id, story_id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        stories = sorted({s for s in story_of.values() if s is not None})
        size: dict[int, int] = {}
        for i in range(0, len(stories), 500):
            chunk = stories[i:i + 500]
            size.update(self.db.execute(
                f"SELECT story_id, count(*) FROM articles WHERE story_id IN ({','.join('?' * len(chunk))}) "
                "GROUP BY story_id", chunk))
        return {aid: (story, max(size.get(story, 1), 1) if story is not None else 1)
                for aid, story in story_of.items()}

    def attach(self, rows: list[Any]) -> None:
        """Fill each list row's story id and its number of versions (`sources`)."""
        sizes = self.sizes([r.id for r in rows])
        for r in rows:
            r.story_id, r.sources = sizes.get(r.id, (None, 1))

    def one_per_story(self, article_ids: list[int]) -> list[int]:
        """The ids in order, each story once where it first comes, as its lead version when the
        lead is among the ids (else as the first of its versions that is)."""
        sizes = self.sizes(article_ids)
        given = set(article_ids)
        leads: dict[int, int] = {}
        stories = sorted({s for s, _n in sizes.values() if s is not None})
        for i in range(0, len(stories), 500):
            chunk = stories[i:i + 500]
            marks = ",".join("?" * len(chunk))
            leads.update((story, aid) for aid, story in self.db.execute(
                f"SELECT id, story_id FROM articles WHERE story_lead = 1 AND story_id IN ({marks})", chunk)
                if aid in given)
        seen: set[int] = set()
        out = []
        for aid in article_ids:
            story = sizes.get(aid, (None, 1))[0]
            if story is None:
                out.append(aid)
            elif story not in seen:
                seen.add(story)
                out.append(leads.get(story, aid))
        return out

    def attach_versions(self, articles: list[Any]) -> None:
        """Fill each Article's `other_versions`: the other versions of its story."""
        sizes = self.sizes([a.id for a in articles])
        versions = self.versions_of(sorted({s for s, n in sizes.values() if s is not None and n > 1}))
        for a in articles:
            story, size = sizes.get(a.id, (None, 1))
            if story is not None and size > 1:
                a.other_versions = [v for v in versions.get(story, []) if v.article_id != a.id]

    def with_versions(self, article_ids: list[int]) -> list[int]:
        """The ids, followed by the other versions of their stories."""
        stories = sorted({s for s, n in self.sizes(article_ids).values() if s is not None and n > 1})
        if not stories:
            return list(article_ids)
        marks = ",".join("?" * len(stories))
        others = [r[0] for r in self.db.execute(
            f"SELECT id FROM articles WHERE story_id IN ({marks}) ORDER BY id", stories)]
        return list(dict.fromkeys([*article_ids, *others]))

    def mark_leads(self, stories: list[int]) -> None:
        """Mark the leads of these stories again (after versions were deleted or restored)."""
        with write_transaction(self.db.conn):
            mark_leads(self.db.conn, stories)

    def bodies(self, article_ids: list[int]) -> dict[int, str]:
        marks = ",".join("?" * len(article_ids)) or "NULL"
        return dict(self.db.execute(f"SELECT id, body FROM articles WHERE id IN ({marks})", article_ids).fetchall())

    def story_of(self, article_id: int) -> int | None:
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def versions(self, story_id: int) -> list[StoryVersion]:
        return [StoryVersion(r[0], r[1], r[2], r[3], bool(r[4])) for r in self.db.execute(
            "SELECT id, title, source, published_at, story_lead FROM articles WHERE story_id = ? "
            "ORDER BY published_at IS NULL, published_at, id", [story_id])]

    def versions_of(self, story_ids: list[int]) -> dict[int, list[StoryVersion]]:
        """story id → its versions (as `versions` orders them), read 500 stories a query."""
        out: dict[int, list[StoryVersion]] = {}
        for i in range(0, len(story_ids), 500):
            chunk = story_ids[i:i + 500]
            for r in self.db.execute(
                    "SELECT story_id, id, title, source, published_at, story_lead FROM articles "
                    f"WHERE story_id IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY story_id, published_at IS NULL, published_at, id", chunk):
                out.setdefault(r[0], []).append(StoryVersion(r[1], r[2], r[3], r[4], bool(r[5])))
        return out

    def summaries(self, story_ids: list[int]) -> list[StorySummary]:
        out = []
        for sid in story_ids:
            versions = self.versions(sid)
            if versions:
                lead = next((v for v in versions if v.is_lead), versions[0])
                out.append(StorySummary(sid, lead, versions))
        return out

    def story_ids(self, article_ids: list[int]) -> list[int]:
        """The stories of these articles, each once, in the articles' order."""
        sizes = self.sizes(article_ids)
        seen: dict[int, None] = {}
        for aid in article_ids:
            story = sizes.get(aid, (None, 1))[0]
            if story is not None:
                seen.setdefault(story)
        return list(seen)

    # -- the user's choices ------------------------------------------------------------------

    def split(self, article_id: int) -> int:
        """Take an article out of its story into one of its own; returns the new story."""
        conn = self.db.conn
        with write_transaction(conn):
            row = conn.execute("SELECT content_hash, story_id FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise UserError(f"There is no article {article_id}.")
            content_hash, old = row
            conn.execute("INSERT OR REPLACE INTO story_pins (content_hash, pin) VALUES (?, ?)",
                         [content_hash, "split:" + content_hash])
            new = int(conn.execute("SELECT coalesce(max(story_id), 0) + 1 FROM articles").fetchone()[0])
            conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", [new, article_id])
            mark_leads(conn, [new] + ([old] if old is not None else []))
        return new

    def merge(self, article_ids: list[int]) -> int:
        """Make the stories of these articles one (the oldest story's id); returns it."""
        conn = self.db.conn
        with write_transaction(conn):
            stories = sorted({s for s in (self.story_of(a) for a in article_ids) if s is not None})
            if len(stories) < 2:
                raise UserError("Merging needs articles from two stories or more.")
            marks = ",".join("?" * len(stories))
            members = conn.execute(f"SELECT id, content_hash FROM articles WHERE story_id IN ({marks})",
                                   stories).fetchall()
            pin = "merge:" + uuid.uuid4().hex
            conn.executemany("INSERT OR REPLACE INTO story_pins (content_hash, pin) VALUES (?, ?)",
                             [(h, pin) for _aid, h in members])
            conn.execute(f"UPDATE articles SET story_id = ? WHERE story_id IN ({marks})", [stories[0], *stories])
            mark_leads(conn, stories[:1])
        return stories[0]

    def regroup(self, jaccard: float | None = None, progress: Callable[[int], None] | None = None,
                cross_language: float | None = None) -> int:
        """Group every article again; a threshold given (same-language Jaccard, cross-language
        score: store/cross_language.py) is kept in the store as the setting for later imports."""
        conn = self.db.conn
        with write_transaction(conn):
            for key, value in ((JACCARD_KEY, jaccard), (CROSS_LANGUAGE_KEY, cross_language)):
                if value is not None:
                    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, str(value)])
            return regroup_all(conn, progress)
