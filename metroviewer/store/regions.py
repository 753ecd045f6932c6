"""Regions in the store: the gazetteer's tables, tags, roll-up counts, re-tagging."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlite_utils import Database

from ..core.models import IndexedText, RegionMention
from ..core.search_text import region_tokens
from . import analysis, fts, rollups
from .analysis import Analysed
from .counts import recount
from .schema import ALL_ARTICLES, TOPIC_PREFIX

if TYPE_CHECKING:
    from ..regions.gazetteer import Gazetteer


class RegionRepository:
    def __init__(self, db: Database):
        self.db = db

    def gazetteer_version(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'gazetteer_version'").fetchone()
        return row[0] if row else None

    def sync(self, gazetteer: Gazetteer) -> bool:
        """Load the gazetteer's regions and edges when its version changed; True when it did.
        The articles keep the tags of the version they were tagged with (`tags_version`) until
        a re-tag: see `retag_needed`."""
        old_version = self.gazetteer_version()
        if old_version == gazetteer.version:
            return False
        with self.db.atomic():
            conn = self.db.conn
            has_articles = conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
            # Stores from before tags_version was kept were tagged with the version they recorded.
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('tags_version', ?)",
                         [old_version if has_articles and old_version else gazetteer.version])
            conn.execute("DELETE FROM regions")
            conn.execute("DELETE FROM region_edges")
            conn.executemany(
                "INSERT INTO regions (id, name, name_en, kind, national, sort_key) VALUES (?,?,?,?,?,?)",
                [(r.id, r.name, r.name_en, r.kind, int(r.national), r.sort_key) for r in gazetteer.regions.values()],
            )
            conn.executemany(
                "INSERT INTO region_edges (parent, child) VALUES (?, ?)",
                [(p, c) for p, cs in gazetteer.children.items() for c in cs],
            )
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('gazetteer_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [gazetteer.version])
        return True

    def about_counts(self, stories: bool = False) -> dict[str, int]:
        """region id → articles (or stories) mainly about it (or a region within it)."""
        about = "stories_about" if stories else "about"
        return {r[0]: int(r[1]) for r in self.db.execute(
            f"SELECT region_id, {about} FROM region_counts WHERE {about} > 0 AND region_id NOT LIKE '@%'")}

    def counts(self, stories: bool = False) -> dict[str, tuple[int, int]]:
        """region id → (articles under it, unread), each article once per region; with `stories`,
        (stories, unread stories), a story counted where its lead version is (store/counts.py)."""
        total, unread = _columns(stories)
        return {r[0]: (r[1], r[2]) for r in self.db.execute(
            f"SELECT region_id, {total}, {unread} FROM region_counts WHERE region_id NOT LIKE '@%'")}

    def pseudo_counts(self, stories: bool = False) -> tuple[tuple[int, int], list[tuple[str, int, int]]]:
        """((all, unread), [(topic, total, unread)]) in articles or, with `stories`, in stories."""
        total, unread = _columns(stories)
        everything, topics = (0, 0), []
        for rid, n, u in self.db.execute(
                f"SELECT region_id, {total}, {unread} FROM region_counts WHERE region_id LIKE '@%' AND total > 0 "
                "ORDER BY region_id"):
            if rid == ALL_ARTICLES:
                everything = (int(n), int(u))
            elif rid.startswith(TOPIC_PREFIX):
                topics.append((rid[len(TOPIC_PREFIX):], int(n), int(u)))
        return everything, topics

    def start_retag(self) -> None:
        """Mark a re-tag as under way: until `finish_retag`, the store says it is unfinished."""
        self.db.execute("INSERT INTO meta (key, value) VALUES ('retag_unfinished', '1') "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")

    def retag_needed(self) -> bool:
        """Whether the articles' tags are not those of the current gazetteer (it changed, or a
        re-tag was interrupted) and a re-tag should be offered."""
        meta = dict(self.db.execute("SELECT key, value FROM meta WHERE key IN "
                                    "('retag_unfinished', 'tags_version', 'gazetteer_version')").fetchall())
        if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
            return False
        return "retag_unfinished" in meta or meta.get("tags_version", meta.get("gazetteer_version")) != meta.get(
            "gazetteer_version")

    def finish_retag(self) -> None:
        """Rebuild the roll-up counts and record the tags as current, in one transaction: a re-tag
        killed before this stays marked unfinished."""
        with self.db.atomic():
            self._recount()
            self.db.conn.execute("DELETE FROM meta WHERE key = 'retag_unfinished'")
            self.db.conn.execute(
                "INSERT INTO meta (key, value) SELECT 'tags_version', value FROM meta WHERE key = 'gazetteer_version' "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value")

    def recount(self) -> None:
        """Rebuild the roll-up counts from the scope table."""
        with self.db.atomic():
            self._recount()

    def _recount(self) -> None:
        recount(self.db.conn)
        rollups.rebuild(self.db.conn)

    def articles_for_tagging(self, batch: int = 1000) -> Iterable[list[tuple[int, str, str, str | None, str | None]]]:
        """(id, title, body, published_at, summary JSON) of every article, in batches, for re-tagging."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT id, title, body, published_at, summary FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                [last, batch]).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]

    def replace_tags(self, tagged: list[tuple[int, str | None, list[RegionMention], set[str]]],
                     index_texts: dict[int, IndexedText], analysed: list[Analysed] | None = None,
                     about_scopes: dict[int, set[str]] | None = None, positions: dict[int, str] | None = None) -> None:
        """Replace the tags and scope of articles: (id, published_at, mentions, scope); the index's
        region column follows (`index_texts`: id → the text the index holds); `about_scopes`: the
        regions each article is mainly about, with their ancestors."""
        about_scopes = about_scopes or {}
        with self.db.atomic():
            conn = self.db.conn
            ids = [(t[0],) for t in tagged]
            old_scope: dict[int, list[str]] = {}
            for aid, rid in conn.execute(
                    f"SELECT article_id, region_id FROM article_scope WHERE article_id IN "
                    f"({','.join(str(int(i[0])) for i in ids) or 'NULL'})"):
                old_scope.setdefault(aid, []).append(rid)
            fts.delete(conn, [(aid, index_texts[aid], region_tokens(old_scope.get(aid, []))) for aid, *_ in tagged])
            fts.insert(conn, [(aid, index_texts[aid], region_tokens(scope)) for aid, _, _, scope in tagged])
            conn.executemany("DELETE FROM article_regions WHERE article_id = ?", ids)
            conn.executemany("DELETE FROM article_scope WHERE article_id = ?", ids)
            conn.executemany(
                "INSERT INTO article_regions (article_id, region_id, mentions, first_pos, about) VALUES (?,?,?,?,?)",
                [(aid, m.region_id, m.mentions, m.first_pos, int(m.about)) for aid, _, mentions, _ in tagged
                 for m in mentions])
            conn.executemany(
                "INSERT INTO article_scope (region_id, published_at, article_id, about) VALUES (?,?,?,?)",
                [(rid, when, aid, int(rid in about_scopes.get(aid, ()))) for aid, when, _, scope in tagged
                 for rid in scope])
            if analysed is not None:
                analysis.replace(conn, analysed)
            if positions is not None:
                conn.executemany("INSERT OR REPLACE INTO article_positions (article_id, positions) VALUES (?, ?)",
                                 list(positions.items()))

    def article_count_by_region(self, stories: bool = False) -> list[tuple[str, str, int]]:
        """(region id, name, articles or stories) for every region with articles, most first."""
        total = _columns(stories)[0]
        return [
            (r[0], r[1], r[2]) for r in self.db.execute(
                f"SELECT c.region_id, g.name, c.{total} FROM region_counts c JOIN regions g ON g.id = c.region_id "
                f"WHERE c.total > 0 ORDER BY c.{total} DESC, g.sort_key")
        ]


def _columns(stories: bool) -> tuple[str, str]:
    """The region_counts columns of (total, unread), in stories or articles."""
    return ("stories", "stories_unread") if stories else ("total", "unread")

