"""Grouping articles into stories: each new article joins the story of its exact text or of
its most similar candidate (core/stories.py fingerprints, LSH bands), else of the article in the
other language that tells its news (store/cross_language.py), or starts one; each story's lead
version is marked, and the roll-up's story counts follow (store/counts.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from ..core import stories as fp
from ..core.search_text import index_body_source
from ..core.story_batch import CANDIDATES_PER_BAND, BatchArticle, batch_matches
from ..core.text import fold_same_length
from . import cross_language, rollups
from .counts import apply_count_deltas, lead_changes, stories_as_leads

JACCARD_KEY = "stories.jaccard"


@lru_cache(maxsize=8)
def _band_sql(bands: int) -> str:
    """The first articles of each of `bands` bands, as (band, article id) rows."""
    return " UNION ALL ".join(
        f"SELECT * FROM (SELECT band, article_id FROM story_bands WHERE band = ? LIMIT {CANDIDATES_PER_BAND})"
        for _ in range(bands))


def fingerprint_of_stored(title: str, body: str, summary_json: str | None) -> fp.Fingerprint:
    """An article's fingerprint from its stored text, as the import computes it."""
    return fp.fingerprint(fold_same_length(index_body_source(body, summary_json)))


class StoryGrouper:
    """Places a batch of new articles in stories, one after another (deterministic: the same
    articles in the same order make the same stories). Use inside the writer's transaction.

    What the store already holds is read once per batch (`place_all`): the stories of the
    batch's exact texts, the first articles of each of its bands, and their fingerprints; then
    every candidate pair of the batch is found and scored at once (core/story_batch.py), and
    the walk in order picks each article's story among its alike pairs. A band keeps at most
    CANDIDATES_PER_BAND rows (only the first ones are ever candidates), so near-copies add few
    rows."""

    def __init__(self, conn: sqlite3.Connection, jaccard: float | None = None, keep_counts: bool = True):
        self.conn = conn
        self.keep_counts = keep_counts  # the roll-up's story columns follow the leads (not before m017)
        self.jaccard = jaccard if jaccard is not None else stored_jaccard(conn)
        self.next_story = int(conn.execute("SELECT coalesce(max(story_id), 0) + 1 FROM articles").fetchone()[0])
        self.pins = dict(conn.execute("SELECT content_hash, pin FROM story_pins").fetchall())
        self.pin_story: dict[str, int] = {}
        self.xlang = cross_language.CrossLanguagePass(conn)
        self._new_batch()

    def _new_batch(self) -> None:
        self.by_text: dict[str, int] = {}  # texts → story (stored and this batch's)
        self.stored_bands: dict[int, list[int]] = {}  # band → its first stored articles
        self.prints: dict[int, tuple[bytes, int]] = {}  # stored candidates → signature, shingle count
        self.stored_stories: dict[int, int] = {}  # stored candidates → story
        self.alike: list[list[tuple[float, int]]] = []  # per article of the batch: (score, candidate)
        self.stories_in_batch: list[int] = []  # the story of each placed article of the batch
        self.placed: list[tuple[int, int]] = []  # (story, article)
        self.joined: set[int] = set()  # stories that gained a version (a new one's lead is itself)
        self.rows_prints: list[tuple[int, str, int, bytes]] = []
        self.rows_bands: list[tuple[int, int]] = []

    def place_all(self, batch: list[tuple[int, str, fp.Fingerprint]], store_prints: bool = True) -> set[int]:
        """Place (article id, content hash, fingerprint) in order and write the batch (with its
        fingerprints unless they are stored already); returns the stories that changed."""
        self._read_stored(batch)
        self.xlang.read_batch([article_id for article_id, _h, _p in batch])
        matches = batch_matches(
            [BatchArticle(p.bands, p.signature, p.shingles, not reprint)
             for (_a, _h, p), reprint in zip(batch, self._reprints(batch), strict=True)],
            self.stored_bands, self.prints,
            self.jaccard, fp.CONTAINMENT)
        self.alike = matches.alike
        self.rows_bands = [(band, batch[position][0]) for band, position in matches.band_rows]
        for position, (article_id, content_hash, print_) in enumerate(batch):
            self._place(position, article_id, content_hash, print_)
        if not store_prints:
            self.rows_prints = []
        return self._finish()

    def _reprints(self, batch: list[tuple[int, str, fp.Fingerprint]]) -> list[bool]:
        """Whether each article repeats a text already stored or earlier in the batch: it joins
        that text's story, and its bands, the same as that text's, are not offered again."""
        seen = set(self.by_text)
        reprints = []
        for _a, _h, print_ in batch:
            reprints.append(print_.text_hash in seen)
            seen.add(print_.text_hash)
        return reprints

    def _read_stored(self, batch: list[tuple[int, str, fp.Fingerprint]]) -> None:
        """What the batch needs of the store, in a few queries (not one per article)."""
        conn = self.conn
        first_of_text: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(sorted({p.text_hash for _a, _h, p in batch}), 500):
            for text_hash, aid, story in conn.execute(
                    "SELECT p.text_hash, a.id, a.story_id FROM story_prints p JOIN articles a ON a.id = p.article_id "
                    f"WHERE p.text_hash IN ({','.join('?' * len(chunk))}) AND a.story_id IS NOT NULL", chunk):
                if text_hash not in first_of_text or aid < first_of_text[text_hash][0]:
                    first_of_text[text_hash] = (aid, int(story))
        self.by_text.update((h, story) for h, (_aid, story) in first_of_text.items())
        bands = sorted({b for _a, _h, p in batch if p.text_hash not in first_of_text for b in p.bands})
        for chunk in _chunks(bands, 250):
            for band, aid in conn.execute(_band_sql(len(chunk)), chunk):
                self.stored_bands.setdefault(band, []).append(aid)
        ids = sorted({aid for found in self.stored_bands.values() for aid in found})
        for chunk in _chunks(ids, 500):
            for aid, sig, n, story in conn.execute(
                "SELECT p.article_id, p.signature, p.shingles, a.story_id FROM story_prints p "
                f"JOIN articles a ON a.id = p.article_id WHERE p.article_id IN ({','.join('?' * len(chunk))}) "
                "AND a.story_id IS NOT NULL", chunk):
                self.prints[aid] = (sig, n)
                self.stored_stories[aid] = int(story)

    def _place(self, position: int, article_id: int, content_hash: str, print_: fp.Fingerprint) -> int:
        story = self._story_for(position, content_hash, print_)
        if story is None and content_hash not in self.pins:  # a pinned article joins no story by itself
            story = self.xlang.story_for(article_id)
        if story is None:
            story = self.next_story
            self.next_story += 1
        else:
            self.joined.add(story)
        pin = self.pins.get(content_hash)
        if pin is not None:
            self.pin_story.setdefault(pin, story)
        self.by_text.setdefault(print_.text_hash, story)
        self.stories_in_batch.append(story)
        self.rows_prints.append((article_id, print_.text_hash, print_.shingles, print_.signature))
        self.placed.append((story, article_id))
        self.xlang.placed(article_id, story)
        return story

    def _story_for(self, position: int, content_hash: str, print_: fp.Fingerprint) -> int | None:
        pin = self.pins.get(content_hash)
        if pin is not None:
            return self.pin_story.get(pin) or self._pinned_story(pin)
        story = self.by_text.get(print_.text_hash)
        if story is not None:
            return story
        return self._similar_story(position)

    def _pinned_story(self, pin: str) -> int | None:
        row = self.conn.execute(
            "SELECT a.story_id FROM story_pins p JOIN articles a ON a.content_hash = p.content_hash "
            "WHERE p.pin = ? AND a.story_id IS NOT NULL ORDER BY a.id LIMIT 1", [pin]).fetchone()
        return int(row[0]) if row else None

    def _similar_story(self, position: int) -> int | None:
        """The story of the candidate most like the article (ties: the oldest story), or None."""
        best: tuple[float, int] | None = None
        for score, candidate in self.alike[position]:
            story = self.stories_in_batch[candidate] if candidate >= 0 else self.stored_stories[~candidate]
            if best is None or score > best[0] or (score == best[0] and story < best[1]):
                best = (score, story)
        return best[1] if best else None

    def _finish(self) -> set[int]:
        conn = self.conn
        conn.executemany("INSERT OR REPLACE INTO story_prints (article_id, text_hash, shingles, signature) "
                         "VALUES (?,?,?,?)", self.rows_prints)
        conn.executemany("INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?,?)",
                         sorted(self.rows_bands))  # in key order: the B-tree is written page by page
        conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", self.placed)
        stories = {s for s, _a in self.placed}
        mark_leads(conn, self.joined, keep_counts=self.keep_counts, only_gained=True)
        self.xlang.finish()
        self._new_batch()
        return stories


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def mark_leads(conn: sqlite3.Connection, stories: Iterable[int], keep_counts: bool = True,
               only_gained: bool = False) -> None:
    """Mark each story's lead: its earliest version (by date, then id); rows change only where
    the mark does, and the roll-up's story counts move with them (store/counts.py).

    `only_gained`: the stories only gained versions since their leads were marked (an import).
    New versions come in marked as leads, and an old version that is not the lead cannot become
    it, so only the rows marked as leads are compared (through a partial index): the cost does
    not grow with a story's size, which at a reprint's thousandth version it otherwise would."""
    ids = sorted(set(stories))
    changes: list[tuple[int, int]] = []
    which = " AND story_lead = 1" if only_gained else ""
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        best: dict[int, tuple[tuple[bool, str, int], int]] = {}
        members: list[tuple[int, int, int]] = []
        for aid, story, published, lead in conn.execute(
                f"SELECT id, story_id, published_at, story_lead FROM articles WHERE story_id IN ({marks}){which}",
                chunk):
            key = (published is None, published or "", aid)
            if story not in best or key < best[story][0]:
                best[story] = (key, aid)
            members.append((aid, story, lead))
        changes.extend((int(want), aid) for aid, story, lead in members
                       if (want := best[story][1] == aid) != bool(lead))
    conn.executemany("UPDATE articles SET story_lead = ? WHERE id = ?", changes)
    if keep_counts and changes:
        apply_count_deltas(conn, lead_changes(conn, changes))
        rollups.leads_changed(conn, changes)


def stored_jaccard(conn: sqlite3.Connection) -> float:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [JACCARD_KEY]).fetchone()
    try:
        return float(row[0]) if row else fp.JACCARD
    except ValueError:
        return fp.JACCARD


def regroup_all(conn: sqlite3.Connection, progress: Callable[[int], None] | None = None,
                keep_counts: bool = True) -> int:
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
    cross_language.clear(conn)
    conn.execute("UPDATE articles SET story_id = NULL, story_lead = 1")
    if keep_counts:
        stories_as_leads(conn)
        rollups.stories_as_leads(conn)
    grouper = StoryGrouper(conn, keep_counts=keep_counts)
    done = 0
    last = 0
    while True:
        rows = conn.execute(
            "SELECT a.id, a.content_hash, p.text_hash, p.shingles, p.signature FROM articles a "
            "JOIN story_prints p ON p.article_id = a.id WHERE a.id > ? ORDER BY a.id LIMIT 2000", [last]).fetchall()
        if not rows:
            break
        grouper.place_all([(aid, content_hash, fp.Fingerprint(text_hash, signature, shingles, fp.band_keys(signature)))
                           for aid, content_hash, text_hash, shingles, signature in rows], store_prints=False)
        last = rows[-1][0]
        done += len(rows)
        if progress:
            progress(done)
    return done


def group_new_articles(conn: sqlite3.Connection, added: list[tuple[int, Any]]) -> None:
    """Place a batch's new articles (id, PreparedArticle) in stories, in import order."""
    if not added:
        return
    batch = []
    for article_id, art in added:
        print_ = art.story_print
        if print_ is None:  # prepared without a fingerprint (an older worker): compute it here
            print_ = fingerprint_of_stored(art.title, art.body, art.summary_json)
        batch.append((article_id, art.content_hash, print_))
    StoryGrouper(conn).place_all(batch)


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """An article is about to be removed (its file changed): out of its story, whose lead is
    marked again, and its fingerprint dropped."""
    row = conn.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", [article_id])
    # Its band rows go too (found by their keys, from its signature): a band keeps only its first
    # few articles, and a slot held by a removed one would hide a later near-copy.
    signature = conn.execute("SELECT signature FROM story_prints WHERE article_id = ?", [article_id]).fetchone()
    if signature:
        conn.executemany("DELETE FROM story_bands WHERE band = ? AND article_id = ?",
                         [(band, article_id) for band in fp.band_keys(signature[0])])
    conn.execute("DELETE FROM story_prints WHERE article_id = ?", [article_id])
    cross_language.forget(conn, article_id)
    if row and row[0] is not None:
        mark_leads(conn, [int(row[0])])

