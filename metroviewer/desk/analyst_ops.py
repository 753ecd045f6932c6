"""The desk's analyst's-layer operations (delegating to desk/analyst.py). No Qt."""

from __future__ import annotations

from typing import Any

from ..store.articles import ArticleFilter
from .analyst import ImportMarks, NewItems
from .changes import Changes, Outcome
from .errors import plain_lock_errors


class AnalystOperations:
    """Mixed into Desk: uses its `store()` and `gazetteer`."""

    store: Any
    gazetteer: Any

    # -- the analyst's layer (desk/analyst.py) --------------------------------------------------

    def saved_searches(self) -> list[dict[str, Any]]:
        return self.analyst.saved_searches()

    def save_search(self, name: str, **criteria: Any) -> Changes:
        """Save a search (query, regions, since, until, source, topic, label, about) under a name."""
        with plain_lock_errors():
            return self.analyst.save_search(name, **criteria)

    def rename_search(self, old: str, new: str) -> Changes:
        with plain_lock_errors():
            return self.analyst.rename_search(old, new)

    def remove_search(self, name: str) -> Changes:
        with plain_lock_errors():
            return self.analyst.remove_search(name)

    def saved_filter(self, name: str) -> tuple[ArticleFilter, str]:
        """A saved search as (filter, query)."""
        return self.analyst.filter_of(name)

    def follow(self, *, region: str | None = None, saved: str | None = None, on: bool = True) -> Changes:
        with plain_lock_errors():
            return self.analyst.follow(region=region, saved=saved, on=on)

    def mark_looked(self, kind: str, key: str) -> Changes:
        """The user looked at a followed region or saved search: its articles are no longer new."""
        with plain_lock_errors():
            return self.analyst.mark_looked(kind, key)

    def import_marks(self) -> ImportMarks:
        """Where "since I last looked" and "since the last briefing" start, for every selection."""
        return self.analyst.import_marks()

    def look(self, kind: str, key: str) -> Outcome[tuple[int, str]]:
        """The user looks at a selection (region, saved search, label…): records the look; the
        value is where its "since I last looked" window starts for this look: (article id, when)."""
        with plain_lock_errors():
            start, changes = self.analyst.look(kind, key)
        return Outcome(start, changes)

    def window_start(self, window: str, kind: str, key: str) -> tuple[int | None, str | None]:
        """(after this article id, since when) of `last-look` or `last-briefing` for a selection."""
        return self.analyst.window_start(window, kind, key)

    def new_since_last_look(self) -> list[NewItems]:
        return self.analyst.new_since_last_look()

    def label(self, article_ids: list[int], name: str, on: bool = True) -> Changes:
        with plain_lock_errors():
            return self.analyst.label(article_ids, name, on)

    def labels(self) -> list[tuple[str, int, int]]:
        return self.analyst.labels()

    def add_note(self, article_id: int, text: str, *, quote: str | None = None,
                 color: str | None = None) -> Outcome[int]:
        """A note on an article; with `quote`, a highlight of that text. The outcome's value is its id."""
        with plain_lock_errors():
            note_id, changes = self.analyst.add_note(article_id, text, quote, color)
        return Outcome(note_id, changes)

    def edit_note(self, note_id: int, text: str) -> Changes:
        with plain_lock_errors():
            return self.analyst.edit_note(note_id, text)

    def delete_note(self, note_id: int) -> Outcome[Any]:
        """Delete a note (or highlight); the outcome's value is the note as it was, for undo."""
        with plain_lock_errors():
            note, changes = self.analyst.delete_note(note_id)
        return Outcome(note, changes)

    def restore_note(self, note: Any) -> Changes:
        """Bring back a deleted note (undo)."""
        with plain_lock_errors():
            return self.analyst.restore_note(note)

    def note(self, note_id: int) -> Any:
        """One note (store/analyst.Note), or a plain error when there is none."""
        return self.analyst.note(note_id)

    def notes(self, article_id: int) -> list[Any]:
        return self.analyst.notes(article_id)

    def search_notes(self, query: str, *, limit: int = 100) -> list[Any]:
        return self.analyst.search_notes(query, limit)

    def notes_markdown(self, f: ArticleFilter = ArticleFilter(), query: str = "", *, title: str = "Notes") -> str:
        return self.analyst.notes_markdown(f, query, title)

    def notes_for(self, f: ArticleFilter = ArticleFilter(), query: str = "") -> list[Any]:
        """The notes of the articles a filter (and search) selects: a region's or a search's notes."""
        return self.analyst.notes_for(f, query)
