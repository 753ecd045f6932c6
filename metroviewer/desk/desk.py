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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..briefing.compose import Briefing, compose_briefing
from ..briefing.labels import system_language
from ..briefing.recipe import FIXED, Recipe
from ..core.dates import parse_date
from ..core.models import Article, ImportReport, UserError
from ..core.text import fold
from ..figures.keyfigures import KeyFigure
from ..ingest.external import ChildImportRun
from ..ingest.run import CancelFn, ImportRun, Preview, ProgressFn
from ..regions.gazetteer import Gazetteer, default_gazetteer
from ..store import Store
from ..store.articles import ArticleFilter, ArticleRow
from ..store.db import write_transaction
from ..store.edits import Deleted
from ..store.stories import StorySummary
from ..summary.data import (
    PanelData,
    RegionComparison,
    compare_regions,
    figures_of,
    panel_data,
    region_key_figures,
)
from . import stories as story_ops
from .analyst import Analyst, NewItems
from .changes import Changes
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


def _now_iso() -> str:
    import datetime as dt

    return dt.datetime.now().replace(microsecond=0).isoformat()


@dataclass
class Outcome(Generic[T]):
    """A long write's result and what it changed."""

    value: T
    changes: Changes


@dataclass
class TreeCounts:
    """Everything the region tree shows as numbers."""

    regions: dict[str, tuple[int, int]]
    topics: list[tuple[str, int, int]]
    all_articles: tuple[int, int]
    starred: int
    about: dict[str, int] = field(default_factory=dict)  # region id → articles mainly about it
    # The analyst's layer (desk/analyst.py): (name, articles, unread) of saved searches and labels,
    # the followed nodes as (kind, key), and their articles new since the user last looked.
    saved: list[tuple[str, int, int]] = field(default_factory=list)
    labels: list[tuple[str, int, int]] = field(default_factory=list)
    followed: set[tuple[str, str]] = field(default_factory=set)
    new: dict[tuple[str, str], int] = field(default_factory=dict)
    saved_filters: dict[str, tuple[ArticleFilter, str]] = field(default_factory=dict)  # name → (filter, query)


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


@contextmanager
def _plain_lock_errors() -> Iterator[None]:
    """A store another writer held past the busy timeout, or a read-only one, said plainly."""
    try:
        yield
    except sqlite3.OperationalError as e:
        text = str(e)
        if "locked" in text or "busy" in text:
            raise UserError("Another program is writing to this store (another import or re-tag?) and did not "
                            "finish within 30 seconds. Nothing was lost; try again when it is done.") from e
        if "readonly" in text:
            raise UserError("This store cannot be written (a read-only file or folder). Nothing was changed; "
                            "copy it somewhere writable or open another store.") from e
        raise


class Desk:
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
        self._forbidden: set[int] = set()
        self._warned = False
        self.analyst = Analyst(self)

    # -- the store, one connection per thread ------------------------------------------------

    def open(self, *, create: bool = True) -> OpenedStore:
        """Open the store (creating and migrating it as needed), check it for damage, and read the
        tree's numbers. A store too large to check quickly is checked by `check_damage` later."""
        if not create and not self.path.exists():
            raise UserError(f"There is no store at {self.path}. "
                            f"Import something first: metroviewer import FOLDER --db {self.path}")
        store = self.store()
        if self.path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            self.check_damage()
        return OpenedStore(self.path, self.tree_counts(), store.regions.retag_needed())

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
                store = Store(self.path, migrate=not self._migrated, check_same_thread=False)
                store.search.alternatives = self.query_alternatives
                if not self._migrated:
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

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    def articles_json(self, ids: list[int], snippets: dict[int, str] | None = None) -> list[dict[str, Any]]:
        """Articles as the command line's JSON gives them: fields, figures, themes."""
        from ..figures.format import figure_value

        store = self.store()
        figures: dict[int, list[dict[str, Any]]] = {}
        for af in figures_of(store, self.gazetteer, ids, limit=None)[0]:
            f = af.figure
            figures.setdefault(af.article_id, []).append({
                "kind": f.kind, "measure": f.measure or None, "label": f.label, "value": f.value, "high": f.high,
                "unit": f.unit, "qualifier": f.qualifier,
                "year": f.year, "when": f.when or None, "display": figure_value(f), "text": f.text,
                "sentence": f.sentence, "region": f.region_id, "region_name": af.region_name or None})
        out = []
        story_sizes = store.stories.sizes(ids)
        for article in store.articles.get_many(ids):
            item = article.to_json()
            item["figures"] = figures.get(article.id, [])
            item["themes"] = store.panels.themes_of(article.id)
            item["story"], item["story_size"] = story_sizes.get(article.id, (None, 1))
            if snippets is not None:
                item["snippet"] = snippets.get(article.id, "")
            out.append(item)
        self.analyst.decorate_json(out)
        return out

    def tree_counts(self) -> TreeCounts:
        s = self.store()
        counts = TreeCounts(s.regions.counts(), s.articles.topics(), s.articles.totals(), s.articles.starred_count(),
                            s.regions.about_counts())
        self.analyst.fill_tree_counts(counts)
        return counts

    def panels(self, f: ArticleFilter = ArticleFilter(), query: str = "") -> PanelData:
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
        """The region tree with counts, as nested dicts (regions without articles only when asked)."""
        g = self.gazetteer
        counts = self.store().regions.counts()
        about = self.store().regions.about_counts()

        def node(rid: str, path: frozenset[str]) -> dict[str, Any] | None:
            total, unread = counts.get(rid, (0, 0))
            if not total and not include_empty:
                return None
            region = g.regions[rid]
            children = [c for c in (node(k, path | {rid}) for k in g.children.get(rid, []) if k not in path) if c]
            return {"id": rid, "name": region.name, "name_en": region.name_en, "kind": region.kind,
                    "national": region.national, "articles": total, "about": about.get(rid, 0), "unread": unread,
                    "children": children}

        # The plans' tree, then every province with its cities (those outside any plan included).
        tops = list(g.roots) + [p for p in g.provinces if p not in g.roots]
        return [n for n in (node(r, frozenset()) for r in tops) if n]

    # -- stories ----------------------------------------------------------------------------

    def stories(self, f: ArticleFilter = ArticleFilter(), *, limit: int = 50) -> list[StorySummary]:
        """The newest stories of a filter, each with its versions (desk/stories.py)."""
        return story_ops.list_stories(self.store(), f, limit)

    def story(self, article_id: int) -> StorySummary | None:
        return story_ops.story_of(self.store(), article_id)

    def split_story(self, article_id: int) -> Changes:
        """Take an article out of its story; the choice survives re-import and re-grouping."""
        with _plain_lock_errors():
            story_ops.split(self.store(), article_id)
        return Changes(articles=frozenset([article_id]), rows=True, counts=True)

    def merge_stories(self, article_ids: list[int]) -> Changes:
        """Make the stories of these articles one; the choice survives re-import and re-grouping."""
        with _plain_lock_errors():
            self.store().stories.merge(article_ids)
        return Changes(articles=frozenset(article_ids), rows=True, counts=True)

    def regroup_stories(self, *, jaccard: float | None = None) -> Outcome[int]:
        """Group every article again (after the threshold changed), the user's choices kept."""
        if jaccard is not None and not 0 < jaccard <= 1:
            raise UserError("The grouping threshold is a share between 0 and 1, e.g. 0.5.")
        with _plain_lock_errors():
            done = self.store().stories.regroup(jaccard)
        return Outcome(done, Changes.everything())

    # -- writing ----------------------------------------------------------------------------

    def set_read(self, article_ids: list[int], read: bool = True) -> Changes:
        """Mark articles read (or unread), each with the other versions of its story."""
        store = self.store()
        article_ids = store.stories.with_versions(article_ids)
        with _plain_lock_errors(), write_transaction(store.conn):
            for article_id in article_ids:
                store.articles.set_read(article_id, read)
        return Changes(articles=frozenset(article_ids), counts=True)

    def set_starred(self, article_ids: list[int], starred: bool) -> Changes:
        store = self.store()
        with _plain_lock_errors(), write_transaction(store.conn):
            for article_id in article_ids:
                store.articles.set_starred(article_id, starred)
        return Changes(articles=frozenset(article_ids), counts=True)

    def delete(self, article_ids: list[int], *, whole_documents: bool = False) -> Outcome[Deleted]:
        """Remove articles (or every article of their documents); a re-import does not bring
        them back. The outcome's value undoes it (`undo_delete`)."""
        store = self.store()
        if whole_documents:
            article_ids = store.edits.document_article_ids(article_ids)
        stories = store.stories.story_ids(article_ids)
        with _plain_lock_errors():
            deleted = store.edits.delete(article_ids)
            store.stories.mark_leads(stories)  # a story whose lead went shows its next version
        return Outcome(deleted, Changes(articles=frozenset(deleted.article_ids), counts=True, rows=True,
                                        panels=True, regions=deleted.regions))

    def undo_delete(self, deleted: Deleted) -> Changes:
        with _plain_lock_errors():
            restored = self.store().edits.restore(list(deleted.content_hashes))
            self.store().stories.mark_leads(self.store().stories.story_ids(restored))
        return Changes(articles=frozenset(restored), counts=True, rows=True, panels=True, regions=deleted.regions)

    def edit(self, article_id: int, *, title: str | None = None, source: str | None = None,
             date: str | None = None) -> Changes:
        """Change an article's title, source or date; the change survives re-importing its file."""
        if title is not None and not title.strip():
            raise UserError("A title cannot be empty.")
        published_at = parse_date(date) if date is not None else None
        if date is not None and published_at is None:
            raise UserError(f"{date!r} is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.")
        store = self.store()
        with _plain_lock_errors():
            if not store.edits.edit(article_id, title=title.strip() if title else None,
                                    source=source.strip() if source is not None else None,
                                    published_at=published_at):
                raise UserError(f"There is no article {article_id}.")
        return Changes(articles=frozenset([article_id]), rows=True, panels=True)

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
        with _plain_lock_errors():
            report = run.run(paths, progress, cancelled)
        with _plain_lock_errors():
            report.notes_not_reanchored = [{"id": n.id, "article_title": n.article_title, "quote": n.quote,
                                            "text": n.text} for n in self.analyst.reanchor()]
        changed = bool(report.added or report.updated or report.removed)
        return Outcome(report, Changes.everything() if changed else Changes())

    def retag(self, progress: Callable[[int], None] | None = None, cancelled: CancelFn = _never) -> Outcome[int]:
        """Tag every article again (after the gazetteer changed)."""
        self.ensure_checked()
        with _plain_lock_errors():
            done = retag_all(self.store().regions, self.gazetteer, progress, cancelled)
        return Outcome(done, Changes.everything())

    # -- briefings --------------------------------------------------------------------------

    def compose_briefing(self, *, regions: list[str] | None = None, query: str = "", since: str | None = None,
                         until: str | None = None, article_ids: list[int] | None = None, language: str = "en",
                         group_by: str = "region", record: bool = False) -> Briefing:
        """A briefing in `language` (en, zh_CN). `record`: remember it was made (a briefing that is
        saved or printed), so the next one of the same scope says what is new since."""
        briefing = compose_briefing(self.store(), self.gazetteer, regions=regions, query=query, since=since,
                                    until=until, article_ids=article_ids, language=language, group_by=group_by)
        if record:
            self.record_briefing(briefing)
        return briefing

    def record_briefing(self, briefing: Briefing) -> Changes:
        with _plain_lock_errors():
            self.store().recipes.record_run(briefing.scope_key, briefing.article_count)
        return Changes()

    def save_recipe(self, recipe: Recipe) -> Changes:
        if not recipe.name.strip():
            raise UserError("A recipe needs a name.")
        for region in recipe.regions:
            if region not in self.gazetteer.regions:
                raise UserError(f"No region is called {region!r}.")
        with _plain_lock_errors():
            self.store().recipes.save(recipe.name.strip(), recipe.options())
        return Changes()

    def recipes(self) -> list[Recipe]:
        return [Recipe.from_options(r.name, r.options, r.last_run_at) for r in self.store().recipes.all()]

    def recipe(self, name: str) -> Recipe:
        found = self.store().recipes.get(name.strip())
        if found is None:
            known = ", ".join(r.name for r in self.recipes()) or "none yet"
            raise UserError(f"There is no briefing recipe called {name!r} (saved: {known}).")
        return Recipe.from_options(found.name, found.options, found.last_run_at)

    def delete_recipe(self, name: str) -> Changes:
        with _plain_lock_errors():
            if not self.store().recipes.delete(name):
                raise UserError(f"There is no briefing recipe called {name!r}.")
        return Changes()

    def run_recipe(self, name: str, *, language: str | None = None, default_language: str | None = None,
                   record: bool = True) -> Briefing:
        """The recipe's briefing now; "since the previous run" starts where the last run was made.
        Its language: `language`, else the recipe's, else `default_language`, else the system's.
        `record` marks this run (and the briefing) as made."""
        recipe = self.recipe(name)
        started = _now_iso()
        briefing = self.compose_briefing(
            regions=recipe.regions, query=recipe.query, since=recipe.window_since(),
            until=recipe.until if recipe.window == FIXED else None,
            language=language or recipe.language or default_language or system_language(),
            group_by=recipe.group_by, record=record)
        if record:
            with _plain_lock_errors():
                self.store().recipes.mark_run(recipe.name, started)
        return briefing

    # -- the analyst's layer (desk/analyst.py) --------------------------------------------------

    def saved_searches(self) -> list[dict[str, Any]]:
        return self.analyst.saved_searches()

    def save_search(self, name: str, **criteria: Any) -> Changes:
        """Save a search (query, regions, since, until, source, topic, label, about) under a name."""
        with _plain_lock_errors():
            return self.analyst.save_search(name, **criteria)

    def rename_search(self, old: str, new: str) -> Changes:
        with _plain_lock_errors():
            return self.analyst.rename_search(old, new)

    def remove_search(self, name: str) -> Changes:
        with _plain_lock_errors():
            return self.analyst.remove_search(name)

    def saved_filter(self, name: str) -> tuple[ArticleFilter, str]:
        """A saved search as (filter, query)."""
        return self.analyst.filter_of(name)

    def follow(self, *, region: str | None = None, saved: str | None = None, on: bool = True) -> Changes:
        with _plain_lock_errors():
            return self.analyst.follow(region=region, saved=saved, on=on)

    def mark_looked(self, kind: str, key: str) -> Changes:
        """The user looked at a followed region or saved search: its articles are no longer new."""
        with _plain_lock_errors():
            return self.analyst.mark_looked(kind, key)

    def new_since_last_look(self) -> list[NewItems]:
        return self.analyst.new_since_last_look()

    def label(self, article_ids: list[int], name: str, on: bool = True) -> Changes:
        with _plain_lock_errors():
            return self.analyst.label(article_ids, name, on)

    def labels(self) -> list[tuple[str, int, int]]:
        return self.analyst.labels()

    def add_note(self, article_id: int, text: str, *, quote: str | None = None,
                 color: str | None = None) -> Outcome[int]:
        """A note on an article; with `quote`, a highlight of that text. The outcome's value is its id."""
        with _plain_lock_errors():
            note_id, changes = self.analyst.add_note(article_id, text, quote, color)
        return Outcome(note_id, changes)

    def edit_note(self, note_id: int, text: str) -> Changes:
        with _plain_lock_errors():
            return self.analyst.edit_note(note_id, text)

    def delete_note(self, note_id: int) -> Changes:
        with _plain_lock_errors():
            return self.analyst.delete_note(note_id)

    def notes(self, article_id: int) -> list[Any]:
        return self.analyst.notes(article_id)

    def search_notes(self, query: str, *, limit: int = 100) -> list[Any]:
        return self.analyst.search_notes(query, limit)

    def notes_markdown(self, f: ArticleFilter = ArticleFilter(), query: str = "", *, title: str = "Notes") -> str:
        return self.analyst.notes_markdown(f, query, title)

    def notes_for(self, f: ArticleFilter = ArticleFilter(), query: str = "") -> list[Any]:
        """The notes of the articles a filter (and search) selects: a region's or a search's notes."""
        return self.analyst.notes_for(f, query)
