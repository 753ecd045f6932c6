"""The analyst's own layer on the desk: saved searches, follows and what is new, labels, notes
and highlights. No Qt; the Desk delegates to one `Analyst` (desk.analyst)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core.models import UserError
from ..store.analyst import COLORS, LostNote, Note, SavedSearch
from ..store.articles import ArticleFilter, filter_clauses
from .changes import Changes

if TYPE_CHECKING:
    from .desk import Desk, TreeCounts

REGION, SAVED = "region", "saved"

# The import-time date windows (other date windows are on publication date), spelt as the
# command line takes them: `--since last-look`, `--since last-briefing`.
LAST_LOOK, LAST_BRIEFING = "last-look", "last-briefing"
IMPORT_WINDOWS = (LAST_LOOK, LAST_BRIEFING)


def selection_of(key: tuple[str, ...]) -> tuple[str, str]:
    """A selection as the store keeps its looks: ("region", id), ("saved", name), ("all", "")."""
    return (key[0], key[1] if len(key) > 1 else "") if key else ("all", "")


@dataclass
class ImportMarks:
    """Where the import-time windows start: the newest article id when each selection was last
    looked at and when the latest briefing was made (ids only grow as imports add articles)."""

    newest_id: int
    looks: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    last_briefing: tuple[int, str] | None = None

    def start(self, window: str, selection: tuple[str, str]) -> tuple[int | None, str | None]:
        """(articles after this id, since when) of a window; (None, None): no mark yet, every
        article (no briefing made yet; on the command line, a selection never looked at)."""
        mark = self.last_briefing if window == LAST_BRIEFING else self.looks.get(selection)
        return (mark[0], mark[1]) if mark else (None, None)


@dataclass
class NewItems:
    """What is new in one followed region or saved search since the user last looked at it."""

    kind: str  # region | saved
    key: str  # the region id or the saved search's name
    name: str
    new: int
    with_figures: int
    since: str  # when the user last looked
    article_ids: list[int] = field(default_factory=list)

    def line(self) -> str:
        figures = f", {self.with_figures} with figures" if self.with_figures else ""
        return f"{self.name}: {self.new} new{figures}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "name": self.name, "new": self.new,
                "with_figures": self.with_figures, "since": self.since, "articles": self.article_ids}


class Analyst:
    def __init__(self, desk: Desk):
        self.desk = desk
        # Counting a saved search is a full count (a search's, for a query) and the tree asks on
        # every refresh (each article read): the counts are kept until the store's counts
        # version (store/analyst.py) or the search itself changes. Tasks on several threads
        # share it; each entry is replaced whole.
        self._counted: dict[tuple[Any, ...], tuple[int, int]] = {}

    @property
    def repo(self) -> Any:
        return self.desk.store().analyst

    # -- saved searches ----------------------------------------------------------------------

    def saved_searches(self) -> list[dict[str, Any]]:
        """Every saved search with its counts (articles, unread, new) and whether it is followed."""
        followed = {key for kind, key, _seen, _when in self.repo.follows() if kind == SAVED}
        version = self.repo.counts_version()
        counted: dict[tuple[Any, ...], tuple[int, int]] = {}
        out = []
        for s in self.repo.saved_searches():
            f, query = self.filter_of(s)
            key = (version, f, query)
            total, unread = counted[key] = self._counted.get(key) or self._counts(f, query)
            item = s.to_json()
            item["region_names"] = [self.desk.region_name(r) for r in s.regions]
            item.update(articles=total, unread=unread, followed=s.name in followed)
            out.append(item)
        self._counted = counted  # only the searches of this version: the old ones go
        return out

    def save_search(self, name: str, *, query: str = "", regions: list[str] | None = None,
                    since: str | None = None, until: str | None = None, source: str | None = None,
                    topic: str | None = None, label: str | None = None, about: bool = False,
                    replace: bool = True) -> Changes:
        """Save a search under a name (regions as a person writes them, Chinese or English)."""
        name = name.strip()
        if not name:
            raise UserError("A saved search needs a name.")
        if not replace and self.repo.saved_search(name):
            raise UserError(f"There is already a saved search called {name!r}.")
        region_ids = [self.desk.resolve_region(r) for r in regions or []]
        if not (query.strip() or region_ids or since or until or source or topic or label):
            raise UserError("Say what to search for: a query, a region, dates, a source, a topic or a label.")
        self.repo.save_search(SavedSearch(name, query.strip(), region_ids, since, until, source or None,
                                          topic or None, label or None, about), replace=True)
        return Changes(counts=True)

    def saved_search(self, name: str) -> SavedSearch:
        found = self.repo.saved_search(name.strip())
        if found is None:
            known = ", ".join(s.name for s in self.repo.saved_searches()) or "none yet"
            raise UserError(f"There is no saved search called {name!r} (saved: {known}).")
        return found

    def filter_of(self, s: SavedSearch | str) -> tuple[ArticleFilter, str]:
        """A saved search as a filter and a query."""
        if isinstance(s, str):
            s = self.saved_search(s)
        return ArticleFilter(regions=tuple(s.regions), since=s.since, until=s.until, source=s.source,
                             topic=s.topic, label=s.label, about_only=s.about and bool(s.regions)), s.query

    def rename_search(self, old: str, new: str) -> Changes:
        new = new.strip()
        if not new:
            raise UserError("A saved search needs a name.")
        if self.repo.saved_search(new):
            raise UserError(f"There is already a saved search called {new!r}.")
        if not self.repo.rename_search(old, new):
            raise UserError(f"There is no saved search called {old!r}.")
        return Changes(counts=True)

    def remove_search(self, name: str) -> Changes:
        if not self.repo.remove_search(name.strip()):
            raise UserError(f"There is no saved search called {name!r}.")
        return Changes(counts=True)

    def _counts(self, f: ArticleFilter, query: str) -> tuple[int, int]:
        store = self.desk.store()
        unread = dataclasses.replace(f, unread_only=True)
        if query.strip():
            return store.search.count(query, f), store.search.count(query, unread)
        return store.articles.count(f), store.articles.count(unread)

    def ids(self, f: ArticleFilter, query: str = "", limit: int | None = None) -> list[int]:
        store = self.desk.store()
        if query.strip():
            return store.search.ranked_ids(query, f, limit=limit or 1_000_000)
        return store.articles.ids(f, limit=limit)

    # -- follows and what is new -------------------------------------------------------------

    def follow(self, *, region: str | None = None, saved: str | None = None, on: bool = True) -> Changes:
        """Follow (or stop following) a region or a saved search; what is there now is seen."""
        if bool(region) == bool(saved):
            raise UserError("Follow a region or a saved search (--saved NAME), one at a time.")
        if region:
            self.repo.follow(REGION, self.desk.resolve_region(region), on)
        else:
            self.repo.follow(SAVED, self.saved_search(saved or "").name, on)
        return Changes(counts=True)

    def followed(self) -> set[tuple[str, str]]:
        return {(kind, key) for kind, key, _seen, _when in self.repo.follows()}

    def mark_looked(self, kind: str, key: str) -> Changes:
        return Changes(counts=True) if self.repo.mark_looked(kind, key) else Changes()

    # -- the import-time windows: since I last looked, since the last briefing ----------------

    def import_marks(self) -> ImportMarks:
        return ImportMarks(self.repo.newest_id(), self.repo.looks(), self.repo.last_briefing())

    def look(self, kind: str, key: str) -> tuple[tuple[int, str], Changes]:
        """The user looks at a selection now: returns where its "since I last looked" window
        starts for this look, (article id, when): the previous look, or this one at the first;
        and records this one. A followed node with new articles loses its "New" count."""
        previous = self.repo.looks().get((kind, key))
        had_new = False
        if previous is not None and (kind, key) in self.followed():
            f, query = self.new_filter(kind, key)
            had_new = bool(self.ids(f, query, limit=1))
        newest, when = self.repo.record_look(kind, key)
        return (previous or (newest, when)), Changes(counts=had_new)

    def window_start(self, window: str, kind: str, key: str) -> tuple[int | None, str | None]:
        """(after this article id, since when) of an import-time window for a selection."""
        if window not in IMPORT_WINDOWS:
            raise UserError(f"{window!r} is not a window; use {' or '.join(IMPORT_WINDOWS)}.")
        return self.import_marks().start(window, (kind, key))

    def new_filter(self, kind: str, key: str) -> tuple[ArticleFilter, str]:
        """The articles new in a followed node since the user last looked (a filter and a query)."""
        seen = {(k, key_): s for k, key_, s, _when in self.repo.follows()}.get((kind, key), 0)
        if kind == REGION:
            return ArticleFilter(region=key, after_id=seen), ""
        f, query = self.filter_of(key)
        return dataclasses.replace(f, after_id=seen), query

    def new_since_last_look(self, *, figures: bool = True) -> list[NewItems]:
        """For each followed region and saved search: the articles imported since the user last
        looked, and how many of them give figures."""
        from ..summary.data import figures_of

        out = []
        for kind, key, _seen, when in self.repo.follows():
            if kind == SAVED and self.repo.saved_search(key) is None:
                continue
            f, query = self.new_filter(kind, key)
            ids = self.ids(f, query)
            with_figures = 0
            if ids and figures:
                found = figures_of(self.desk.store(), self.desk.gazetteer, ids, limit=None)[0]
                with_figures = len({af.article_id for af in found})
            name = self.desk.region_name(key) if kind == REGION else key
            out.append(NewItems(kind, key, name, len(ids), with_figures, when, ids))
        return out

    def fill_tree_counts(self, counts: TreeCounts) -> None:
        """The tree's numbers for saved searches, labels and followed nodes."""
        counts.saved = [(s["name"], s["articles"], s["unread"]) for s in self.saved_searches()]
        counts.saved_filters = {s.name: self.filter_of(s) for s in self.repo.saved_searches()}
        counts.labels = self.repo.label_counts()
        counts.followed = self.followed()
        counts.new = {(n.kind, n.key): n.new for n in self.new_since_last_look(figures=False)}
        counts.marks = self.import_marks()

    # -- labels ----------------------------------------------------------------------------

    def label(self, article_ids: list[int], name: str, on: bool = True) -> Changes:
        name = name.strip()
        if not name:
            raise UserError("A label needs a name.")
        done = self.repo.set_label(article_ids, name, on)
        if not done:
            raise UserError(f"There is no article {', '.join(map(str, article_ids))}.")
        return Changes(articles=frozenset(article_ids), counts=True)

    def labels(self) -> list[tuple[str, int, int]]:
        return self.repo.label_counts()

    # -- notes and highlights ------------------------------------------------------------------

    def add_note(self, article_id: int, text: str, quote: str | None = None,
                 color: str | None = None) -> tuple[int, Changes]:
        """A note on an article; with `quote`, a highlight of that text (checked to be in it)."""
        text, quote = text.strip(), (quote or "").strip() or None
        if not text and not quote:
            raise UserError("A note needs some text (or a quote to highlight).")
        if color is not None and color not in COLORS:
            raise UserError(f"{color!r} is not a highlight colour; choose one of {', '.join(COLORS)}.")
        if quote:
            view = self.desk.article(article_id)
            if view is None:
                raise UserError(f"There is no article {article_id}.")
            from ..core.search_text import index_body_source
            from ..store.analyst import quote_found

            a = view.article
            if not quote_found(quote, a.title, index_body_source(a.body, a.summary)):
                raise UserError(f"The article {article_id} does not contain {quote!r}.")
        note_id = self.repo.add_note(article_id, text, quote, color or ("yellow" if quote else None))
        if note_id is None:
            raise UserError(f"There is no article {article_id}.")
        return note_id, Changes(articles=frozenset([article_id]))

    def edit_note(self, note_id: int, text: str) -> Changes:
        note = self.repo.note(note_id)
        if note is not None and not text.strip() and not note.quote:
            raise UserError(f"A note needs some text; to remove note {note_id}, delete it.")
        if note is None or not self.repo.edit_note(note_id, text.strip()):
            raise UserError(f"There is no note {note_id}.")
        return Changes(articles=frozenset([note.article_id] if note.article_id else []))

    def delete_note(self, note_id: int) -> tuple[Note, Changes]:
        """Delete a note; returns it as it was (for undo)."""
        note = self.repo.note(note_id)
        if note is None or not self.repo.delete_note(note_id):
            raise UserError(f"There is no note {note_id}.")
        return note, Changes(articles=frozenset([note.article_id] if note.article_id else []))

    def restore_note(self, note: Note) -> Changes:
        if not self.repo.restore_note(note):
            raise UserError(f"The note {note.id} is already there.")
        return Changes(articles=frozenset([note.article_id] if note.article_id else []))

    def note(self, note_id: int) -> Note:
        note = self.repo.note(note_id)
        if note is None:
            raise UserError(f"There is no note {note_id}.")
        return note

    def notes(self, article_id: int) -> list[Note]:
        return self.repo.notes_of([article_id]).get(article_id, [])

    def notes_of(self, article_ids: list[int]) -> dict[int, list[Note]]:
        return self.repo.notes_of(article_ids)

    def search_notes(self, query: str, limit: int = 100) -> list[Note]:
        return self.repo.search_notes(query, limit)

    def notes_for(self, f: ArticleFilter = ArticleFilter(), query: str = "") -> list[Note]:
        """The notes of the articles a filter (and query) selects: a region's or a search's notes."""
        if query.strip():
            ids = self.ids(f, query)
            f = ArticleFilter(article_ids=tuple(ids))
        where, params = filter_clauses(f)
        return self.repo.notes_for(" AND ".join(where), params)

    def notes_markdown(self, f: ArticleFilter = ArticleFilter(), query: str = "", title: str = "Notes") -> str:
        """Notes and highlights as Markdown, grouped by article (title, source, date, quote, note)."""
        notes = self.notes_for(f, query)
        by_article: dict[int, list[Note]] = {}
        for n in notes:
            by_article.setdefault(n.article_id or 0, []).append(n)
        rows = {a.id: a for a in self.desk.store().articles.get_many(list(by_article))}
        lines = [f"# {title}", ""]
        if not notes:
            lines.append("No notes yet.")
        for aid, group in by_article.items():
            a = rows.get(aid)
            if a is None:
                continue
            when = (a.published_at or "")[:16].replace("T", " ")
            lines += [f"## {a.title}", "", f"*{a.source or '—'}, {when or 'undated'}*", ""]
            for n in group:
                if n.quote:
                    lines += ["> " + line for line in n.quote.splitlines()] + [""]
                if n.text:
                    lines += [n.text, ""]
                if not n.anchored:
                    lines += ["*(the highlighted text is no longer in the article)*", ""]
        return "\n".join(lines).rstrip() + "\n"

    def reanchor(self) -> list[LostNote]:
        return self.repo.reanchor()

    def decorate_json(self, items: list[dict[str, Any]]) -> None:
        """Each article's notes and labels in the command line's JSON."""
        ids = [item["id"] for item in items]
        notes, labels = self.repo.notes_of(ids), self.repo.labels_of(ids)
        for item in items:
            item["notes"] = [n.to_json() for n in notes.get(item["id"], [])]
            item["labels"] = labels.get(item["id"], [])
