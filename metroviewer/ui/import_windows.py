"""The import-time date windows in the window: "Imported since I last looked" and "Imported
since the last briefing" (desk/analyst.py defines them; other date windows are on publication date).

Showing a selection in the tree is looking at it: each look is recorded (write lane), and for as
long as the selection stays shown the window keeps where its previous look left off, so articles
imported while the user reads count as new. At the first look ever, the window starts at that look."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Signal

from ..desk.analyst import selection_of
from . import read_only
from .region_tree_model import KEY_ROLE
from .search_bar import LAST_BRIEFING, LAST_LOOK, PUBLISHED

if TYPE_CHECKING:
    from .main_window import MainWindow

NOT_SELECTIONS = ("topics", "provinces", "saved_searches", "labels")  # tree headings


class ImportWindows(QObject):
    """Holds where the windows start for the selection shown; `looked` once a look is recorded."""

    looked = Signal(object)  # the selection's key

    def __init__(self, w: MainWindow):
        super().__init__(w)
        self.w = w
        # (selection, (article id, when)): where its "since I last looked" starts for this look
        self._held: tuple[tuple[str, ...], tuple[int, str | None]] | None = None
        w.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        w.search_bar.window_box.currentIndexChanged.connect(lambda _i: self.update_note())
        w.counts_refreshed.connect(self.update_note)
        w.briefing_saved.connect(lambda _path, _pages: self.reload_marks())

    @property
    def marks(self) -> Any:
        return self.w.tree_model.counts.marks

    def start(self) -> int | None:
        """The article id the chosen import-time window starts after (None: every article, or a
        publication-date window)."""
        window = self.w.search_bar.window()
        return None if window == PUBLISHED else self.start_of(window)[0]

    def imported_after(self, window: str | None = None) -> tuple[int, str] | None:
        """(article id, when) an import-time window starts after, for a briefing; None: a
        publication-date window, or no briefing made yet (every article)."""
        window = window or self.w.search_bar.window()
        if window not in (LAST_LOOK, LAST_BRIEFING):
            return None
        start, when = self.start_of(window)
        if start is None:
            return None
        return start, when or dt.datetime.now().replace(microsecond=0).isoformat()  # a first look: now

    def start_of(self, window: str, key: tuple[str, ...] | None = None) -> tuple[int | None, str | None]:
        """(after this article id, since when) of a window for a selection (the one shown)."""
        key = key or self.w.region_key
        marks = self.marks
        if window == LAST_BRIEFING:
            return marks.last_briefing if marks and marks.last_briefing else (None, None)
        if self._held is not None and self._held[0] == key:
            return self._held[1]
        mark = marks.looks.get(selection_of(key)) if marks else None
        return mark or ((marks.newest_id if marks else 0), None)  # a first look starts now

    def since_text(self, window: str) -> str:
        """When the window starts, as the search bar says it."""
        start, when = self.start_of(window)
        if window == LAST_BRIEFING and start is None:
            return self.tr("no briefing made yet: every article")
        return self.tr("after {0}").format(when.replace("T", " ")[:16]) if when else self.tr("from now")

    def update_note(self) -> None:
        window = self.w.search_bar.window()
        self.w.search_bar.set_window_note("" if window == PUBLISHED else self.since_text(window))

    def reload_marks(self) -> None:
        """Read the marks again (a briefing was made: "since the last briefing" starts anew)."""
        def update(marks: Any) -> None:
            self.w.tree_model.counts.marks = marks
            self.update_note()
            if self.w.search_bar.window() == LAST_BRIEFING:
                self.w.reload_list()

        self.w.tasks.run(lambda desk, _p, _c: desk.import_marks(), on_success=update,
                         on_failure=self.w.show_task_error)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Looking at a selection: hold where its window starts for this look, then record it."""
        key = tuple(current.data(KEY_ROLE) or ("all",)) if current.isValid() else ("all",)
        if not key or key[0] in NOT_SELECTIONS:
            return
        self._held = (key, self.start_of(LAST_LOOK, key))  # until the store says, from the marks read
        if read_only.refuse_write(self.w):
            return  # a read-only store: the previous look (or this moment) holds, unrecorded
        kind, name = selection_of(key)

        def recorded(outcome: Any) -> None:
            self.w.apply_changes(outcome.changes)  # a followed node's "New" count is gone
            start = tuple(outcome.value)
            if self._held is not None and self._held[0] == key and self._held[1] != start:
                moved = self._held[1][0] != start[0]
                self._held = (key, start)
                if moved and self.w.search_bar.window() == LAST_LOOK and self.w.region_key == key:
                    self.w.reload_list()
            self.update_note()
            self.looked.emit(key)

        self.w.tasks.run(lambda desk, _p, _c: desk.look(kind, name), lane="write", on_success=recorded,
                         on_failure=self.w.show_task_error)
