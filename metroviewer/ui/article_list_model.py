"""The article list: a table that pages from the store as it scrolls (never all rows at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ..core.search_text import snippet_markup
from ..store.articles import ArticleFilter, ArticleRow
from .story_actions import story_source_text

STAR, DATE, TITLE, SOURCE, REGIONS, MATCH = range(6)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEYS = {DATE: "date", TITLE: "title", SOURCE: "source"}
PAGE = 200
ALL_ROWS = 10_000_000  # "every row" for fetch_all (SQLite's LIMIT needs a number)
Index = QModelIndex | QPersistentModelIndex
LoadPageFn = Callable[[dict[str, Any], Callable[[list[ArticleRow]], None]], None]


class ArticleListModel(QAbstractTableModel):
    """Rows come a page at a time from `load_page(request, deliver)`, which reads the page off
    the GUI thread and calls `deliver(rows)` back on it. The request holds the filter, the
    query, the sort and where the page starts (keyset `after`, or `offset` for a search). Title
    order is pinyin order (core/sort_keys.py)."""

    rows_reloaded = Signal()
    rows_appended = Signal()

    def __init__(self, load_page: LoadPageFn, region_name: Callable[[str], str], parent: QObject | None = None):
        super().__init__(parent)
        self._load_page, self._region_name = load_page, region_name
        self._rows: list[ArticleRow] = []
        # Each row's column texts, made the first time it is painted and kept until it changes:
        # a repaint while an import runs then asks Python for a tuple item, not for formatting.
        self._texts: list[tuple[str, ...] | None] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._filter = ArticleFilter()
        self._query = ""
        self._sort_column, self._descending = DATE, True
        self._exhausted = True
        self._generation = 0  # a newer filter makes pages still on their way stale
        self._loading = False
        self._headers = ["★", self.tr("Date"), self.tr("Title"), self.tr("Source"), self.tr("Regions"),
                         self.tr("Match")]

    # -- what is shown ----------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        """Whether a page is on its way (the list is not settled yet)."""
        return self._loading

    def set_filter(self, f: ArticleFilter, query: str = "") -> None:
        """Show the list for `f` and `query`; the rows arrive when their first page is read."""
        self._generation += 1
        generation, query = self._generation, query.strip()
        self._loading = True
        self._load_page(self._request(f, query, None, 0),
                        lambda rows: self._show_first_page(generation, f, query, rows))

    def reload(self) -> None:
        self.set_filter(self._filter, self._query)

    def _request(self, f: ArticleFilter, query: str, after: tuple[object, ...] | None,
                 offset: int) -> dict[str, Any]:
        return {"f": f, "query": query, "sort": SORT_KEYS.get(self._sort_column, "date"),
                "descending": self._descending, "limit": PAGE, "after": after, "offset": offset}

    def _show_first_page(self, generation: int, f: ArticleFilter, query: str, rows: list[ArticleRow]) -> None:
        """The same rows again (the list refreshed while an import adds older articles) change
        nothing: no reset, no repaint, and the current row stays."""
        if generation != self._generation:
            return
        self._loading = False
        if (f, query) == (self._filter, self._query) and _same_rows(rows, self._rows[: len(rows)]):
            self.rows_reloaded.emit()
            return
        self.beginResetModel()
        self._filter, self._query = f, query
        self._rows = rows
        self._texts = [None] * len(rows)
        self._exhausted = len(rows) < PAGE
        self.endResetModel()
        self.rows_reloaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        after = _keyset_after(self._rows[-1]) if not self._query and self._rows else None
        offset = 0 if after else len(self._rows)
        generation = self._generation
        self._loading = True
        self._load_page(self._request(self._filter, self._query, after, offset),
                        lambda rows: self._append_page(generation, rows))

    def _append_page(self, generation: int, page: list[ArticleRow]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(page) < PAGE
        if page:
            before = len(self._rows)
            self.beginInsertRows(QModelIndex(), before, before + len(page) - 1)  # `last` is inclusive
            self._rows.extend(page)
            self._texts.extend([None] * len(page))
            self.endInsertRows()
        self.rows_appended.emit()

    def fetch_all(self, then: Callable[[], None] | None = None) -> None:
        """Read every remaining row in one request (Ctrl+End); `then` runs once they are shown."""
        if self._exhausted or self._loading:
            return
        after = _keyset_after(self._rows[-1]) if not self._query and self._rows else None
        request = self._request(self._filter, self._query, after, 0 if after else len(self._rows))
        request["limit"] = ALL_ROWS
        generation = self._generation
        self._loading = True

        def shown(rows: list[ArticleRow]) -> None:
            self._append_page(generation, rows)
            self._exhausted = True
            if then is not None and generation == self._generation:
                then()

        self._load_page(request, shown)

    def has_more(self) -> bool:
        """Whether rows beyond those loaded exist (or are on their way)."""
        return not self._exhausted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS or self._query:
            return
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- rows -----------------------------------------------------------------------------

    def row_at(self, row: int) -> ArticleRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def loaded_ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def update_row(self, article_id: int, *, read: bool | None = None, starred: bool | None = None) -> None:
        row = self.row_of(article_id)
        if row < 0:
            return
        item = self._rows[row]
        if read is not None:
            item.is_read = read
        if starred is not None:
            item.is_starred = starred
        self._texts[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- the model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = index.row(), index.column()
        item = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = tuple(self._display(item, c) for c in range(len(self._headers)))
            return texts[col]
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.FontRole and not item.is_read:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == STAR:
                return self.tr("Starred") if item.is_starred else self.tr("Not starred (S to star)")
            if item.snippet:
                return snippet_markup(item.snippet, "【", "】")
            return item.title if col == TITLE else None
        if role == Qt.ItemDataRole.AccessibleTextRole and col == STAR:
            return self.tr("starred") if item.is_starred else self.tr("not starred")
        return None

    def _display(self, item: ArticleRow, col: int) -> str:
        if col == STAR:
            return "★" if item.is_starred else "☆"
        if col == DATE:
            return (item.published_at or "")[:16].replace("T", " ")
        if col == TITLE:
            return item.title
        if col == SOURCE:
            return story_source_text(item.source, item.sources, self.tr("{0} sources"))
        if col == REGIONS:
            return "、".join(self._region_name(r) for r in item.regions)
        if col == MATCH:
            return snippet_markup(item.snippet, "【", "】") if item.snippet else ""
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _same_rows(new: list[ArticleRow], shown: list[ArticleRow]) -> bool:
    return len(new) == len(shown) and all(
        (a.id, a.title, a.source, a.published_at, a.is_read, a.is_starred, a.regions, a.snippet, a.sources)
        == (b.id, b.title, b.source, b.published_at, b.is_read, b.is_starred, b.regions, b.snippet, b.sources)
        for a, b in zip(new, shown, strict=True))


def _keyset_after(last: ArticleRow) -> tuple[object, ...]:
    """Where the next page starts: after the last row's (sort value, id) (its date, its title's
    pinyin key, its source), in the run (articles about the region, then the others) that row
    belongs to."""
    if last.about is None:
        return (last.sort_value, last.id)
    return (last.sort_value, last.id, 1 if last.about else 2)
