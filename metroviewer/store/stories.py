"""Stories: the versions of one piece of news (reprints, edited copies, trimmed versions) grouped
as one, at import, by their text's fingerprints (core/stories.py); the user's splits and merges,
kept by content hash so that they survive re-import and re-grouping.

An article's `story_id` names its story; `story_lead` marks the one version the list shows (the
earliest). Fingerprints live in `story_prints`, LSH band keys in `story_bands` (band → article):
finding the candidates of a new article is one indexed look-up per band, never a scan.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from ..core import stories as fp
from ..core.models import UserError
from ..core.search_text import index_body_source
from ..core.text import fold_same_length
from .db import write_transaction

# A band shared by more than this many articles says little (boilerplate, templated text):
# only its first few articles are candidates, so a look-up's cost is bounded.
CANDIDATES_PER_BAND = 4
MAX_CANDIDATES = 8  # compared in full: those sharing most bands
JACCARD_KEY = "stories.jaccard"


@lru_cache(maxsize=4)
def _band_sql(bands: int) -> str:
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT article_id FROM story_bands WHERE band = ? LIMIT {CANDIDATES_PER_BAND})"
        for _ in range(bands))


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


def fingerprint_of_stored(title: str, body: str, summary_json: str | None) -> fp.Fingerprint:
    """An article's fingerprint from its stored text, as the import computes it."""
    return fp.fingerprint(fold_same_length(index_body_source(body, summary_json)))


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


class StoryGrouper:
    """Places new articles in stories, one after another (deterministic: the same articles in the
    same order make the same stories). Use inside the writer's transaction; `finish` writes."""

    def __init__(self, conn: sqlite3.Connection, jaccard: float | None = None):
        self.conn = conn
        self.jaccard = jaccard if jaccard is not None else stored_jaccard(conn)
        self.next_story = int(conn.execute("SELECT coalesce(max(story_id), 0) + 1 FROM articles").fetchone()[0])
        self.pins = dict(conn.execute("SELECT content_hash, pin FROM story_pins").fetchall())
        self.pin_story: dict[str, int] = {}
        self.by_text: dict[str, int] = {}  # this batch's texts → story
        self.bands: dict[int, list[int]] = {}  # this batch's band keys → articles
        self.prints: dict[int, tuple[bytes, int, int]] = {}  # this batch's articles → signature, size, story
        self.placed: list[tuple[int, int]] = []  # (story, article)
        self.joined: set[int] = set()  # stories that gained a version (a new one's lead is itself)
        self.rows_prints: list[tuple[int, str, int, bytes]] = []
        self.rows_bands: list[tuple[int, int]] = []

    def place(self, article_id: int, content_hash: str, print_: fp.Fingerprint) -> int:
        story = self._story_for(content_hash, print_)
        if story is None:
            story = self.next_story
            self.next_story += 1
        else:
            self.joined.add(story)
        pin = self.pins.get(content_hash)
        if pin is not None:
            self.pin_story.setdefault(pin, story)
        self.by_text.setdefault(print_.text_hash, story)
        self.prints[article_id] = (print_.signature, print_.shingles, story)
        for band in print_.bands:
            self.bands.setdefault(band, []).append(article_id)
            self.rows_bands.append((band, article_id))
        self.rows_prints.append((article_id, print_.text_hash, print_.shingles, print_.signature))
        self.placed.append((story, article_id))
        return story

    def _story_for(self, content_hash: str, print_: fp.Fingerprint) -> int | None:
        pin = self.pins.get(content_hash)
        if pin is not None:
            return self.pin_story.get(pin) or self._pinned_story(pin)
        story = self.by_text.get(print_.text_hash)
        if story is not None:
            return story
        row = self.conn.execute(
            "SELECT a.story_id FROM story_prints p JOIN articles a ON a.id = p.article_id "
            "WHERE p.text_hash = ? AND a.story_id IS NOT NULL ORDER BY a.id LIMIT 1", [print_.text_hash]).fetchone()
        if row:
            return int(row[0])
        return self._similar_story(print_) if print_.bands else None

    def _pinned_story(self, pin: str) -> int | None:
        row = self.conn.execute(
            "SELECT a.story_id FROM story_pins p JOIN articles a ON a.content_hash = p.content_hash "
            "WHERE p.pin = ? AND a.story_id IS NOT NULL ORDER BY a.id LIMIT 1", [pin]).fetchone()
        return int(row[0]) if row else None

    def _similar_story(self, print_: fp.Fingerprint) -> int | None:
        # Candidates: the articles sharing most bands with this one (a few per band at most).
        near = [aid for band in print_.bands for aid in self.bands.get(band, ())[:CANDIDATES_PER_BAND]]
        near.extend(r[0] for r in self.conn.execute(_band_sql(len(print_.bands)), print_.bands))
        if not near:
            return None
        # The candidates sharing most bands (ties: first met; the query's order is the index's).
        top = [aid for aid, _n in Counter(near).most_common(MAX_CANDIDATES)]
        found = [self.prints[aid] for aid in top if aid in self.prints]
        stored = [aid for aid in top if aid not in self.prints]
        if stored:
            marks = ",".join("?" * len(stored))
            found.extend((sig, n, int(story)) for sig, n, story in self.conn.execute(
                f"SELECT p.signature, p.shingles, a.story_id FROM story_prints p JOIN articles a ON a.id = "
                f"p.article_id WHERE p.article_id IN ({marks}) AND a.story_id IS NOT NULL", stored))
        return fp.best_match(print_.signature, print_.shingles, found, self.jaccard)

    def finish(self) -> set[int]:
        """Write what was placed; returns the stories that changed."""
        conn = self.conn
        conn.executemany("INSERT OR REPLACE INTO story_prints (article_id, text_hash, shingles, signature) "
                         "VALUES (?,?,?,?)", self.rows_prints)
        conn.executemany("INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?,?)",
                         sorted(self.rows_bands))  # in key order: the B-tree is written page by page
        conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", self.placed)
        stories = {s for s, _a in self.placed}
        mark_leads(conn, self.joined)
        self.placed, self.rows_prints, self.rows_bands, self.joined = [], [], [], set()
        return stories


def mark_leads(conn: sqlite3.Connection, stories: Iterable[int]) -> None:
    """Mark each story's lead: its earliest version (by date, then id); rows change only where
    the mark does."""
    ids = sorted(set(stories))
    changes: list[tuple[int, int]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        best: dict[int, tuple[tuple[bool, str, int], int]] = {}
        members: list[tuple[int, int, int]] = []
        for aid, story, published, lead in conn.execute(
                f"SELECT id, story_id, published_at, story_lead FROM articles WHERE story_id IN ({marks})", chunk):
            key = (published is None, published or "", aid)
            if story not in best or key < best[story][0]:
                best[story] = (key, aid)
            members.append((aid, story, lead))
        changes.extend((int(want), aid) for aid, story, lead in members
                       if (want := best[story][1] == aid) != bool(lead))
    conn.executemany("UPDATE articles SET story_lead = ? WHERE id = ?", changes)


def stored_jaccard(conn: sqlite3.Connection) -> float:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [JACCARD_KEY]).fetchone()
    try:
        return float(row[0]) if row else fp.JACCARD
    except ValueError:
        return fp.JACCARD


def regroup_all(conn: sqlite3.Connection, progress: Callable[[int], None] | None = None) -> int:
    """Group every article again, in the order they were imported (ids), the user's pins kept;
    fingerprints missing (a store from before stories) are computed from the stored text."""
    missing = conn.execute(
        "SELECT a.id, a.title, a.body, a.summary FROM articles a LEFT JOIN story_prints p ON p.article_id = a.id "
        "WHERE p.article_id IS NULL ORDER BY a.id").fetchall()
    conn.executemany(
        "INSERT OR REPLACE INTO story_prints (article_id, text_hash, shingles, signature) VALUES (?,?,?,?)",
        [(aid, f.text_hash, f.shingles, f.signature)
         for aid, title, body, summary in missing for f in [fingerprint_of_stored(title, body, summary)]])
    conn.execute("DELETE FROM story_prints WHERE article_id NOT IN (SELECT id FROM articles)")
    conn.execute("DELETE FROM story_bands")
    conn.execute("UPDATE articles SET story_id = NULL, story_lead = 1")
    grouper = StoryGrouper(conn)
    done = 0
    last = 0
    while True:
        rows = conn.execute(
            "SELECT a.id, a.content_hash, p.text_hash, p.shingles, p.signature FROM articles a "
            "JOIN story_prints p ON p.article_id = a.id WHERE a.id > ? ORDER BY a.id LIMIT 2000", [last]).fetchall()
        if not rows:
            break
        for aid, content_hash, text_hash, shingles, signature in rows:
            grouper.place(aid, content_hash,
                          fp.Fingerprint(text_hash, signature, shingles, fp.band_keys(signature)))
        last = rows[-1][0]
        done += len(rows)
        grouper.rows_prints = []  # already stored
        grouper.finish()
        grouper.by_text, grouper.bands, grouper.prints = {}, {}, {}
        if progress:
            progress(done)
    return done


class StoryRepository:
    def __init__(self, db: Database):
        self.db = db

    def grouper(self) -> StoryGrouper:
        return StoryGrouper(self.db.conn)

    def sizes(self, article_ids: list[int]) -> dict[int, tuple[int | None, int]]:
        """article id → (story id, versions in its story)."""
        if not article_ids:
            return {}
        out: dict[int, tuple[int | None, int]] = {}
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for aid, story, size in self.db.execute(
                    f"SELECT a.id, a.story_id, (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id) "
                    f"FROM articles a WHERE a.id IN ({marks})", chunk):
                out[aid] = (story, max(int(size), 1))
        return out

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
        for a in articles:
            story, size = sizes.get(a.id, (None, 1))
            if story is not None and size > 1:
                a.other_versions = [v for v in self.versions(story) if v.article_id != a.id]

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

    def regroup(self, jaccard: float | None = None, progress: Callable[[int], None] | None = None) -> int:
        conn = self.db.conn
        with write_transaction(conn):
            if jaccard is not None:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [JACCARD_KEY, str(jaccard)])
            return regroup_all(conn, progress)


def group_new_articles(conn: sqlite3.Connection, added: list[tuple[int, Any]]) -> None:
    """Place a batch's new articles (id, PreparedArticle) in stories, in import order."""
    if not added:
        return
    grouper = StoryGrouper(conn)
    for article_id, art in added:
        print_ = art.story_print
        if print_ is None:  # prepared without a fingerprint (an older worker): compute it here
            print_ = fingerprint_of_stored(art.title, art.body, art.summary_json)
        grouper.place(article_id, art.content_hash, print_)
    grouper.finish()


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """An article is about to be removed (its file changed): out of its story, whose lead is
    marked again, and its fingerprint dropped."""
    row = conn.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", [article_id])
    conn.execute("DELETE FROM story_prints WHERE article_id = ?", [article_id])
    if row and row[0] is not None:
        mark_leads(conn, [int(row[0])])

