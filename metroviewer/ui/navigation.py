"""Moving through the article list from the keyboard: J/K, N (wrapping to the top), and
Ctrl+End to the list's true end (its rows are read a page at a time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from .article_list_model import TITLE

if TYPE_CHECKING:
    from .main_window import MainWindow



class ArticleTable(QTableView):
    """The list's table; letters are the window's shortcuts (J, K, N, M, S), not a type-ahead search."""

    end_requested = Signal()

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802 (Qt override)
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        # Ctrl+End goes to the list's true end, not the end of the rows read so far.
        if action == QAbstractItemView.CursorAction.MoveEnd and self.model().canFetchMore(QModelIndex()):
            self.end_requested.emit()
            return self.currentIndex()
        return super().moveCursor(action, modifiers)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt override)
        return


def select_row(w: MainWindow, row: int) -> None:
    index = w.list_model.index(row, TITLE)
    w.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    w.table.scrollTo(index)


def move_selection(w: MainWindow, step: int, unread_only: bool = False, wrapped: bool = False) -> bool:
    """Select the next/previous article (J/K), or the next unread one (N), which wraps to the
    top of the list when none is below (saying so). Rows not read yet are fetched first."""
    model = w.list_model
    start = w.table.currentIndex().row()
    target = start
    while True:
        target += step
        if target >= model.rowCount() and model.has_more():
            # The next page is read off the GUI thread; the move completes when it arrives.
            w.pending_move = (step, unread_only)
            model.fetchMore()
            return False
        item = model.row_at(target)
        if item is None:
            if unread_only and step > 0 and not wrapped and start > 0:
                w.table.setCurrentIndex(model.index(-1, TITLE))
                if _first_unread_from_top(w, start):
                    w.statusBar().showMessage(w.tr("No unread article below: continued from the top."), 5000)
                    return True
            if unread_only:
                w.statusBar().showMessage(w.tr("No unread article in this list."), 5000)
            return False
        if not unread_only or not item.is_read:
            break
    select_row(w, target)
    return True


def _first_unread_from_top(w: MainWindow, up_to: int) -> bool:
    for row in range(0, up_to + 1):
        item = w.list_model.row_at(row)
        if item is not None and not item.is_read:
            select_row(w, row)
            return True
    return False


def go_to_end(w: MainWindow) -> None:
    """Ctrl+End: read every row still unread from the store (one request), then select the
    last one; the articles passed over are not opened, so they stay unread."""
    model = w.list_model
    if not model.has_more():
        if model.rowCount():
            select_row(w, model.rowCount() - 1)
        return
    w.statusBar().showMessage(w.tr("Reading the rest of the list…"))

    def at_end() -> None:
        w.statusBar().clearMessage()
        if model.rowCount():
            select_row(w, model.rowCount() - 1)

    model.fetch_all(at_end)
