"""The Desk: one store, one gazetteer, and every operation on them. No Qt.

Any thread may call the desk; each thread gets a connection of its own, opened once and
reused (SQLite connections belong to one thread). The store is migrated once, by `open()`.
A thread the window marks with `forbid_thread` (its GUI thread) must not touch the store:
under `strict_threads` (the tests) such an access raises, elsewhere it is logged once.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from ..core.models import Article, ImportReport, UserError
from ..core.text import fold
from ..figures.keyfigures import KeyFigure
from ..ingest.external import ChildImportRun
from ..ingest.run import CancelFn, ImportRun, Preview, ProgressFn
from ..regions.gazetteer import Gazetteer, default_gazetteer
from ..store import Store
from ..store.articles import ArticleFilter, ArticleRow
from ..store.db import read_only_reason, write_transaction
from ..store.identity import ReadOnlyStoreError
from ..store.stories import StorySummary
from ..summary.data import (
    PanelData,
    RegionComparison,
    compare_regions,
    panel_data,
    region_key_figures,
)
from . import stories as story_ops
from .analyst import Analyst
from .analyst_ops import AnalystOperations
from .briefing_ops import BriefingOperations
from .changes import Changes, Outcome
from .edit_ops import EditOperations
from .errors import plain_lock_errors, read_only_failure
from .grouping_ops import StoryOperations
from .retag import retag_all

log = logging.getLogger(__name__)
T = TypeVar("T")
STRICT_THREADS_ENV = "METROVIEWER_STRICT_THREADS"
# Stores up to this size are checked for damage when they open (about 0.3 s per 100 MB here).
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


class GuiThreadStoreAccess(RuntimeError):
    """The store was used on a thread that must stay free (the window's GUI thread)."""


def _never() -> bool:
    return False


@dataclass
class TreeCounts:
    """Everything the region tree shows as numbers."""

    regions: dict[str, tuple[int, int]]
    topics: list[tuple[str, int, int]]
    all_articles: tuple[int, int]
    starred: int
    about: dict[str, int] = field(default_factory=dict)  # region id → articles mainly about it
    stories: bool = False  # regions and topics count stories (each once, where its lead is)
    all_stories: tuple[int, int] = (0, 0)  # (stories, unread) in the store, when counting stories
    # The analyst's layer (desk/analyst.py): (name, articles, unread) of saved searches and labels,
    # the followed nodes as (kind, key), and their articles new since the user last looked.
    saved: list[tuple[str, int, int]] = field(default_factory=list)
    labels: list[tuple[str, int, int]] = field(default_factory=list)
    followed: set[tuple[str, str]] = field(default_factory=set)
    new: dict[tuple[str, str], int] = field(default_factory=dict)
    saved_filters: dict[str, tuple[ArticleFilter, str]] = field(default_factory=dict)  # name → (filter, query)
    marks: Any = None  # where the import-time windows start (desk/analyst.py ImportMarks)


@dataclass
class OpenedStore:
    """What opening the store tells the window before it shows: the tree's numbers."""

    path: Path
    counts: TreeCounts
    retag_needed: bool = False  # the region list changed (or a re-tag was cut short) since tagging

    @property
    def is_empty(self) -> bool:
        return self.counts.all_articles[0] == 0


@dataclass
class ArticleView:
    """An article as the reader shows it: the article, its region tags and how each is written."""

    article: Article
    mentions: list[tuple[str, str, int]]  # region id, name, mentions
    written_forms: list[str]
    notes: list[Any] = field(default_factory=list)  # the user's notes and highlights (store/analyst.Note)
    story: StorySummary | None = None  # its story, when other sources carried it too


class Desk(StoryOperations, EditOperations, BriefingOperations, AnalystOperations):
    """The store, the gazetteer and every operation on them (the briefing and the analyst's
    operations, the stories' and deleting and editing live in desk/*_ops.py)."""

    def __init__(self, path: str | os.PathLike[str], gazetteer: Gazetteer | None = None, *,
                 strict_threads: bool | None = None):
        self.path = Path(path)
        self.gazetteer = gazetteer or default_gazetteer()
        self.strict_threads = (os.environ.get(STRICT_THREADS_ENV) == "1" if strict_threads is None
                               else strict_threads)
        # Keyed by the OS thread, not threading.local: Qt's pool threads get a fresh Python
        # thread state for each task, so thread-local data (and a connection kept there, with
        # its 64 MB page cache) was made anew for every task and never closed.
        self._by_thread: dict[int, Store] = {}
        self._lock = threading.Lock()
        self._migrated = False
        self.checked = False  # the store passed SQLite's quick check in this session
        # Why the store is open read-only (a newer store, a read-only file): None when writable.
        self.read_only: str | None = None
        self._forbidden: set[int] = set()
        self._warned = False
        self.analyst = Analyst(self)

    # -- the store, one connection per thread ------------------------------------------------

    def open(self, *, create: bool = True, stories: bool = False) -> OpenedStore:
        """Open the store (creating and migrating it as needed), check it for damage, and read the
        tree's numbers. A store too large to check quickly is checked by `check_damage` later."""
        if not create and not self.path.exists():
            raise UserError(f"There is no store at {self.path}. "
                            f"Import something first: metroviewer import FOLDER --db {self.path}")
        store = self.store()
        if self.path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            self.check_damage()
        # A read-only store cannot be re-tagged: it is not offered.
        return OpenedStore(self.path, self.tree_counts(stories), not self.read_only and store.regions.retag_needed())

    def check_damage(self) -> None:
        """SQLite's quick check of the whole store (about 0.3 s per 100 MB): DamagedStoreError."""
        self.store().check_damage()
        self.checked = True

    def ensure_checked(self) -> None:
        """Check a large store before its first long write (the window does it in the background
        as soon as it opens; the command line before an import or a re-tag)."""
        if not self.checked:
            self.check_damage()

    def store(self) -> Store:
        """This thread's connection to the store."""
        if threading.get_ident() in self._forbidden:
            self._refuse()
        ident = threading.get_ident()
        store = self._by_thread.get(ident)
        if store is None:
            with self._lock:
                if not self._migrated:  # the first connection decides how the store is opened
                    self.read_only = read_only_reason(self.path)
                store = Store(self.path, migrate=not self._migrated, check_same_thread=False,
                              read_only=self.read_only)
                store.search.alternatives = self.query_alternatives
                if not self._migrated:
                    if not self.read_only:
                        store.regions.sync(self.gazetteer)
                    self._migrated = True
                self._by_thread[ident] = store
        return store

    def connections(self) -> int:
        """How many connections the desk holds (one per thread that used the store)."""
        return len(self._by_thread)

    def forbid_thread(self, ident: int | None = None) -> None:
        """From now on the store is not to be used on this thread (the GUI thread)."""
        self._forbidden.add(threading.get_ident() if ident is None else ident)

    def _refuse(self) -> None:
        message = "the store was used on the GUI thread; run it through the task helper"
        if self.strict_threads:
            raise GuiThreadStoreAccess(message)
        if not self._warned:
            self._warned = True
            log.warning(message)

    def close(self) -> None:
        """Close every thread's connection (call when no task runs any more)."""
        with self._lock:
            for store in self._by_thread.values():
                store.close()
            self._by_thread.clear()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, kind: object, error: BaseException | None, tb: object) -> None:
        self.close()
        if self.read_only and isinstance(error, sqlite3.Error):
            raise read_only_failure(self.read_only, error) from error

    def require_writable(self) -> None:
        """Raise ReadOnlyStoreError, saying why, when the store is open read-only."""
        if self.read_only is None and not self._migrated:
            self.store()  # opening it decides
        if self.read_only:
            raise ReadOnlyStoreError(self.read_only)

    # -- regions ----------------------------------------------------------------------------

    def resolve_region(self, name: str) -> str:
        """A region id from a Chinese or English name, or a clear error."""
        region = self.gazetteer.resolve(name)
        if region is None:
            raise UserError(f"No region is called {name!r}. Try a Chinese or English name, e.g. 成都都市圈 or Deyang.")
        return region

    def article_filter(self, *, region: str | None = None, topic: str | None = None, since: str | None = None,
                       until: str | None = None, about_only: bool = False) -> ArticleFilter:
        """A filter from names as a person writes them (the region in Chinese or English);
        `about_only`: only the articles mainly about the region, not those merely mentioning it."""
        if about_only and not region:
            raise UserError("--about needs a region: the articles mainly about which region?")
        return ArticleFilter(region=self.resolve_region(region) if region else None, topic=topic,
                             since=since, until=until, about_only=about_only)

    def region_name(self, region_id: str) -> str:
        region = self.gazetteer.regions.get(region_id)
        return region.name if region else region_id

    def query_alternatives(self, query: str) -> dict[str, list[str]]:
        """For each word of a query that names a place, its other names: 成都 → Chengdu, 蓉城 …
        (a search for a place finds it however an article writes it). One-character short
        names (蓉, 宁) are left out: alone they match far too much."""
        out: dict[str, list[str]] = {}
        for term in fold(query).split():
            term = term.rstrip("*")
            region_id = self.gazetteer.resolve(term) if len(term) >= 2 else None
            if region_id is None:
                continue
            forms = [form for form in dict.fromkeys(fold(f) for f in self.written_forms(region_id))
                     if len(form) >= 2 and form != term]
            if forms:
                out[term] = forms
        return out

    def written_forms(self, region_id: str) -> list[str]:
        region = self.gazetteer.regions.get(region_id)
        return [region.name, *region.aliases, *region.english] if region else []

    # -- reading ----------------------------------------------------------------------------

    def page(self, f: ArticleFilter, query: str = "", *, sort: str = "date", descending: bool = True,
             limit: int = 200, offset: int = 0, after: tuple[Any, ...] | None = None,
             one_per_story: bool = True) -> list[ArticleRow]:
        """A page of the list: newest first (keyset paging by `after`), each story once unless
        `one_per_story` is off, or a search's matches (every version); rows carry their story's size."""
        store = self.store()
        if query.strip():
            rows = store.search.search(query.strip(), f, limit=limit, offset=offset, prefix_last=True)
        else:  # browsing: each story once, as its lead version
            rows = store.articles.page(replace(f, one_per_story=one_per_story or f.one_per_story), sort=sort,
                                       descending=descending, limit=limit, offset=offset, after=after)
        store.stories.attach(rows)
        return rows

    def count(self, f: ArticleFilter = ArticleFilter(), query: str = "") -> int:
        """How many articles a list shows: a filter's (from the roll-up counts where they answer)
        or a search's matches within it."""
        store = self.store()
        if query.strip():
            return store.search.count(query.strip(), f, prefix_last=True)
        return store.panels.count(f)

    def search(self, query: str, f: ArticleFilter = ArticleFilter(), *, limit: int = 20) -> list[ArticleRow]:
        return self.store().search.search(query, f, limit=limit)

    def article_ids(self, f: ArticleFilter = ArticleFilter(), *, limit: int | None = None) -> list[int]:
        return self.store().articles.ids(f, limit=limit)

    def article(self, article_id: int) -> ArticleView | None:
        store = self.store()
        article = store.articles.get(article_id)
        if article is None:
            return None
        mentions = store.articles.region_mentions(article_id)
        forms = [form for rid, _name, _n in mentions for form in self.written_forms(rid)]
        view = ArticleView(article, mentions, forms, self.analyst.notes(article_id))
        story = story_ops.story_of(store, article_id)
        view.story = story if story and story.size > 1 else None
        if view.story:
            article.other_versions = story_ops.compare_versions(store, article_id, view.story.versions)
        return view

    def articles_json(self, ids: list[int], snippets: dict[int, str] | None = None, *,
                      figures: bool = True) -> list[dict[str, Any]]:
        """Articles as the command line's JSON gives them: fields, figures, themes (desk/article_json.py)."""
        from .article_json import articles_json

        return list(articles_json(self, ids, snippets, figures=figures))

    def tree_counts(self, stories: bool = False) -> TreeCounts:
        """The tree's numbers, in articles or (`stories`) in stories; starred articles, saved
        searches and labels are counted in articles either way."""
        s = self.store()
        everything, topics, all_stories = s.articles.totals(), s.articles.topics(), (0, 0)
        if stories:
            all_stories, topics = s.regions.pseudo_counts(stories=True)
        counts = TreeCounts(s.regions.counts(stories), topics, everything, s.articles.starred_count(),
                            s.regions.about_counts(stories), stories=stories, all_stories=all_stories)
        self.analyst.fill_tree_counts(counts)
        return counts

    def panels(self, f: ArticleFilter = ArticleFilter(), query: str = "", stories: bool = False) -> PanelData:
        """The summary panels of a selection, counting its stories (their lead versions) or articles
        (a search's matches are counted as articles: the list shows every version that matches)."""
        if stories and not query.strip():
            f = replace(f, one_per_story=True)
        return panel_data(self.store(), self.gazetteer, f, query)

    def key_figures(self, region_id: str) -> list[KeyFigure]:
        """A region's latest value of each measure its articles give, with earlier values."""
        return region_key_figures(self.store(), self.gazetteer, region_id)

    def compare(self, region_ids: list[str]) -> RegionComparison:
        """Regions side by side: key figures, articles per month, theme mix."""
        if len(region_ids) < 2:
            raise UserError("Compare needs two regions or more.")
        return compare_regions(self.store(), self.gazetteer, region_ids)

    def stats(self) -> dict[str, Any]:
        store = self.store()
        docs, failed = store.articles.documents_count()
        total, unread = store.articles.totals()
        per_region = [{"id": rid, "name": name, "articles": n}
                      for rid, name, n in store.regions.article_count_by_region()]
        topics = [{"topic": t, "articles": n, "unread": u} for t, n, u in store.articles.topics()]
        return {"documents": docs, "failed_documents": failed, "articles": total, "unread": unread,
                "topics": topics, "regions": per_region, "retag_needed": store.regions.retag_needed()}

    def region_tree(self, *, include_empty: bool = False) -> list[dict[str, Any]]:
        """The region tree with counts of articles and of stories (each story once, where its lead
        version is), as nested dicts (regions without articles only when asked)."""
        g = self.gazetteer
        counts = self.store().regions.counts()
        about = self.store().regions.about_counts()
        stories = self.store().regions.counts(stories=True)

        def node(rid: str, path: frozenset[str]) -> dict[str, Any] | None:
            total, unread = counts.get(rid, (0, 0))
            if not total and not include_empty:
                return None
            region = g.regions[rid]
            children = [c for c in (node(k, path | {rid}) for k in g.children.get(rid, []) if k not in path) if c]
            return {"id": rid, "name": region.name, "name_en": region.name_en, "kind": region.kind,
                    "national": region.national, "articles": total, "about": about.get(rid, 0), "unread": unread,
                    "stories": stories.get(rid, (0, 0))[0], "stories_unread": stories.get(rid, (0, 0))[1],
                    "children": children}

        # The plans' tree, then every province with its cities (those outside any plan included).
        tops = list(g.roots) + [p for p in g.provinces if p not in g.roots]
        return [n for n in (node(r, frozenset()) for r in tops) if n]

    # -- writing ----------------------------------------------------------------------------

    def set_read(self, article_ids: list[int], read: bool = True) -> Changes:
        """Mark articles read (or unread), each with the other versions of its story."""
        self.require_writable()
        store = self.store()
        article_ids = store.stories.with_versions(article_ids)
        with plain_lock_errors(), write_transaction(store.conn):
            for article_id in article_ids:
                store.articles.set_read(article_id, read)
        return Changes(articles=frozenset(article_ids), counts=True)

    def set_starred(self, article_ids: list[int], starred: bool) -> Changes:
        self.require_writable()
        store = self.store()
        with plain_lock_errors(), write_transaction(store.conn):
            for article_id in article_ids:
                store.articles.set_starred(article_id, starred)
        return Changes(articles=frozenset(article_ids), counts=True)

    # -- importing and re-tagging -------------------------------------------------------------

    def import_run(self, *, include: list[str] | None = None, exclude: list[str] | None = None,
                   workers: int | None = None, ignore: list[str] | None = None,
                   follow_outside_links: bool = False) -> ImportRun:
        """`ignore`: names that are not articles (None: the default list, ingest/not_articles.py);
        `follow_outside_links`: follow links out of the imported folders (not done by default)."""
        return ImportRun(self.store(), self.gazetteer, include=include, exclude=exclude, workers=workers,
                         ignore=ignore, follow_outside_links=follow_outside_links)

    def preview(self, paths: list[str | Path], *, include: list[str] | None = None,
                exclude: list[str] | None = None, workers: int | None = None, ignore: list[str] | None = None,
                progress: ProgressFn | None = None, cancelled: CancelFn = _never) -> Preview:
        """What an import of `paths` would create and which files would fail; writes nothing."""
        run = self.import_run(include=include, exclude=exclude, workers=workers, ignore=ignore)
        return run.preview(paths, progress, cancelled)

    def import_paths(self, paths: list[str | Path], *, include: list[str] | None = None,
                     exclude: list[str] | None = None, workers: int | None = None, ignore: list[str] | None = None,
                     progress: ProgressFn | None = None, cancelled: CancelFn = _never,
                     separate_process: bool = False, restore_deleted: bool = False,
                     follow_outside_links: bool = False) -> Outcome[ImportReport]:
        """Import files and folders. `separate_process` writes from a child process, so that the
        calling process (the window's) keeps its interpreter lock for itself. `restore_deleted`
        brings back the articles the user deleted from these files."""
        self.require_writable()
        if restore_deleted:
            edits = self.store().edits
            edits.forget(edits.deleted_under([str(Path(p).expanduser().absolute()) for p in paths]))
        if separate_process:
            run: ImportRun | ChildImportRun = ChildImportRun(
                self.path, lambda: self.import_run(include=include, exclude=exclude, workers=workers, ignore=ignore),
                include=include, exclude=exclude, workers=workers, ignore=ignore)
        else:
            run = self.import_run(include=include, exclude=exclude, workers=workers, ignore=ignore,
                                  follow_outside_links=follow_outside_links)
        self.ensure_checked()
        with plain_lock_errors():
            report = run.run(paths, progress, cancelled)
        with plain_lock_errors():
            report.notes_not_reanchored = [{"id": n.id, "article_title": n.article_title, "quote": n.quote,
                                            "text": n.text} for n in self.analyst.reanchor()]
        changed = bool(report.added or report.updated or report.removed)
        return Outcome(report, Changes.everything() if changed else Changes())

    def retag(self, progress: Callable[[int], None] | None = None, cancelled: CancelFn = _never) -> Outcome[int]:
        """Tag every article again (after the gazetteer changed)."""
        self.require_writable()
        self.ensure_checked()
        with plain_lock_errors():
            done = retag_all(self.store().regions, self.gazetteer, progress, cancelled)
        return Outcome(done, Changes.everything())

