"""Cross-language grouping: the second pass of story grouping, for an article that found no
version of its news in its own language (store/story_grouping.py). A Chinese article and an
English one join when they are about the same city, were published within WINDOW_DAYS of each
other and the evidence of figures/story_evidence.py (shared figures, titles after translating
region names) passes the threshold, a setting kept in the store.

Candidates come from `story_xlang`: one row per article and city it is mainly about (its
`about` regions anchored to cities: a district to its city, a metropolitan area to its core),
keyed by a hash of (language, city) and the publication day, so that a look-up is one index
range per city. Evidence is read only for articles that have candidates: most have none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from functools import lru_cache

from ..core.search_text import index_body_source
from ..figures.story_evidence import Evidence, anchor_city, evidence, score
from ..regions.gazetteer import Gazetteer, default_gazetteer

THRESHOLD = 2.0  # figures/story_evidence.score: two shared figures that are all one article has
THRESHOLD_KEY = "stories.cross_language"
WINDOW_DAYS = 3
LANGUAGES = ("zh", "en")
MAX_CITIES = 4  # an article's rows: the first cities it is mainly about
MAX_CANDIDATES = 8  # compared in full: the nearest in date
TABLE = "story_xlang"


def create_table(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE TABLE {TABLE} (key INTEGER NOT NULL, day INTEGER NOT NULL, article_id INTEGER NOT NULL, "
                 "PRIMARY KEY (key, day, article_id)) WITHOUT ROWID")
    conn.execute(f"CREATE INDEX {TABLE}_by_article ON {TABLE}(article_id)")  # forgetting an article


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]).fetchone() is not None


def stored_threshold(conn: sqlite3.Connection) -> float:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [THRESHOLD_KEY]).fetchone()
    try:
        return float(row[0]) if row else THRESHOLD
    except ValueError:
        return THRESHOLD


@lru_cache(maxsize=4096)
def city_key(language: str, city: str) -> int:
    """The signed 64-bit key of (language, city)."""
    digest = hashlib.blake2b(f"{language}|{city}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _day(published_at: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published_at[:10]).toordinal() if published_at else None
    except ValueError:
        return None


class ArticleKeys:
    """An article's place in the index: its language, day and the cities it is mainly about."""

    __slots__ = ("language", "day", "cities")

    def __init__(self, language: str, day: int, cities: tuple[str, ...]):
        self.language, self.day, self.cities = language, day, cities

    def keys(self) -> list[int]:
        return [city_key(self.language, c) for c in self.cities]

    def other_keys(self) -> list[int]:
        other = LANGUAGES[1 - LANGUAGES.index(self.language)]
        return [city_key(other, c) for c in self.cities]


def read_keys(conn: sqlite3.Connection, article_ids: list[int], gazetteer: Gazetteer) -> dict[int, ArticleKeys]:
    """The index keys of these articles (those in a language compared, dated and about a city)."""
    rows: dict[int, tuple[str, str | None, list[str]]] = {}
    for chunk in _chunks(sorted(article_ids), 500):
        for aid, language, published, region in conn.execute(
                "SELECT a.id, a.language, a.published_at, r.region_id FROM articles a "
                "JOIN article_regions r ON r.article_id = a.id AND r.about = 1 "
                f"WHERE a.id IN ({','.join('?' * len(chunk))}) ORDER BY a.id, r.first_pos, r.region_id", chunk):
            rows.setdefault(aid, (language, published, []))[2].append(region)
    out: dict[int, ArticleKeys] = {}
    for aid, (language, published, regions) in rows.items():
        day = _day(published)
        cities = tuple(dict.fromkeys(c for r in regions if (c := anchor_city(r, gazetteer))))[:MAX_CITIES]
        if language in LANGUAGES and day is not None and cities:
            out[aid] = ArticleKeys(language, day, cities)
    return out


def day_ranges(batch: Iterable[ArticleKeys]) -> list[tuple[int, int, int]]:
    """(key, first day, last day) of the index that a batch's articles may meet: for each key of
    the other language, the days within WINDOW_DAYS of the batch's articles, close windows
    merged. A batch spans years (an archive imported at once); reading each key over the
    batch's whole span read most of the index for every batch, a cost that grew with the store."""
    days_of: dict[int, set[int]] = {}
    for keys in batch:
        for key in keys.other_keys():
            days_of.setdefault(key, set()).add(keys.day)
    ranges = []
    for key in sorted(days_of):
        days = sorted(days_of[key])
        start = previous = days[0]
        for day in days[1:]:
            if day - previous > 2 * WINDOW_DAYS:
                ranges.append((key, start - WINDOW_DAYS, previous + WINDOW_DAYS))
                start = day
            previous = day
        ranges.append((key, start - WINDOW_DAYS, previous + WINDOW_DAYS))
    return ranges


@lru_cache(maxsize=8)
def _range_sql(ranges: int) -> str:
    """Index rows of `ranges` (key, first day, last day) ranges, each one index range scan."""
    return " UNION ALL ".join(
        f"SELECT x.key, x.day, x.article_id, a.story_id FROM {TABLE} x JOIN articles a ON a.id = x.article_id "
        "WHERE x.key = ? AND x.day BETWEEN ? AND ? AND a.story_id IS NOT NULL" for _ in range(ranges))


class CrossLanguagePass:
    """The cross-language candidates and evidence of one batch of the grouper (deterministic:
    candidates in order of date distance, then id; ties of score go to the oldest story)."""

    def __init__(self, conn: sqlite3.Connection, threshold: float | None = None, gazetteer: Gazetteer | None = None):
        self.conn = conn
        self.enabled = has_table(conn)  # not before m020 (m015 groups with the same-language pass only)
        self.threshold = threshold if threshold is not None else stored_threshold(conn) if self.enabled else THRESHOLD
        self.gazetteer = gazetteer or default_gazetteer()
        self._new_batch()

    def _new_batch(self) -> None:
        self.keys: dict[int, ArticleKeys] = {}
        self.found: dict[int, list[tuple[int, int, int]]] = {}  # key → (day, article, story), stored and placed
        self.evidence: dict[int, Evidence] = {}
        self.rows: list[tuple[int, int, int]] = []

    def read_batch(self, article_ids: list[int]) -> None:
        """The batch's keys and the stored articles they may meet, in a few queries."""
        if not self.enabled:
            return
        self.keys = read_keys(self.conn, article_ids, self.gazetteer)
        if not self.keys:
            return
        for chunk in _chunks(day_ranges(self.keys.values()), 100):
            for key, day, aid, story in self.conn.execute(_range_sql(len(chunk)), [v for r in chunk for v in r]):
                self.found.setdefault(key, []).append((day, aid, int(story)))

    def story_for(self, article_id: int) -> int | None:
        """The story of the other-language article that tells this one's news, if the evidence
        passes the threshold; None otherwise."""
        mine = self.keys.get(article_id)
        if mine is None:
            return None
        near: dict[int, tuple[int, int]] = {}
        for key in mine.other_keys():
            for day, aid, story in self.found.get(key, ()):
                if abs(day - mine.day) <= WINDOW_DAYS:
                    near[aid] = (abs(day - mine.day), story)
        if not near:
            return None
        ranked = sorted(near, key=lambda aid: (near[aid][0], aid))[:MAX_CANDIDATES]
        self._read_evidence([article_id, *ranked])
        best: tuple[float, int] | None = None
        for aid in ranked:
            s = score(self.evidence[article_id], self.evidence[aid])
            story = near[aid][1]
            if s >= self.threshold and (best is None or (-s, story) < (-best[0], best[1])):
                best = (s, story)
        return best[1] if best else None

    def placed(self, article_id: int, story: int) -> None:
        """An article of the batch has its story: later ones may meet it, and its rows are kept."""
        mine = self.keys.get(article_id)
        if mine is None:
            return
        for key in mine.keys():
            self.found.setdefault(key, []).append((mine.day, article_id, story))
            self.rows.append((key, mine.day, article_id))

    def finish(self) -> None:
        if self.rows:
            self.conn.executemany(f"INSERT OR IGNORE INTO {TABLE} (key, day, article_id) VALUES (?,?,?)",
                                  sorted(self.rows))
        self._new_batch()

    def _read_evidence(self, article_ids: list[int]) -> None:
        missing = [aid for aid in article_ids if aid not in self.evidence]
        if not missing:
            return
        for aid, title, body, summary, positions in self.conn.execute(
                "SELECT a.id, a.title, a.body, a.summary, p.positions FROM articles a "
                "LEFT JOIN article_positions p ON p.article_id = a.id "
                f"WHERE a.id IN ({','.join('?' * len(missing))})", missing):
            in_title = [rid for rid, offsets in (json.loads(positions) if positions else {}).items()
                        if offsets and min(offsets) < len(title)]
            self.evidence[aid] = evidence(title, index_body_source(body, summary), in_title, self.gazetteer)


def fill_keys(conn: sqlite3.Connection, gazetteer: Gazetteer | None = None) -> None:
    """Index every stored article (the migration that adds the table: the stories already made
    are kept, and articles imported later meet these as candidates)."""
    gazetteer = gazetteer or default_gazetteer()
    last = 0
    while True:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT 2000", [last])]
        if not ids:
            break
        rows = [(key, k.day, aid) for aid, k in read_keys(conn, ids, gazetteer).items() for key in k.keys()]
        conn.executemany(f"INSERT OR IGNORE INTO {TABLE} (key, day, article_id) VALUES (?,?,?)", sorted(rows))
        last = ids[-1]


def forget(conn: sqlite3.Connection, article_id: int) -> None:
    if has_table(conn):
        conn.execute(f"DELETE FROM {TABLE} WHERE article_id = ?", [article_id])


def clear(conn: sqlite3.Connection) -> None:
    if has_table(conn):
        conn.execute(f"DELETE FROM {TABLE}")


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
