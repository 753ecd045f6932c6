"""The main window: a thin shell of docks, menus and wiring between tree, list, reader and tasks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.search_text import query_terms
from ..desk import Changes, Desk, TreeCounts
from ..desk.desk import ArticleView
from ..regions.gazetteer import Gazetteer
from ..store.articles import ArticleFilter
from ..summary.data import PanelData
from . import layout, list_status, navigation, read_only
from .analyst_actions import HEADINGS, AnalystActions, saved_filter, saved_query
from .article_list_model import DATE, MATCH, REGIONS, STAR, TITLE, ArticleListModel
from .navigation import ArticleTable
from .reader import ArticleReader
from .region_tree_model import KEY_ROLE, RegionTreeModel
from .search_bar import SearchBar
from .summary_panel import SummaryPanel, preload_charts
from .tasks import TaskRunner
from .window_actions import build_menus, counts_stories, offer_retag


class MainWindow(QMainWindow):
    article_opened = Signal(int)
    counts_refreshed = Signal()
    import_finished = Signal(object)
    briefing_saved = Signal(str, int)
    panels_shown = Signal()
    articles_deleted = Signal(list)
    articles_restored = Signal(list)
    article_edited = Signal(int)

    def __init__(self, store: Path | Desk, gazetteer: Gazetteer | None = None, settings: QSettings | None = None):
        super().__init__()
        self.desk = store if isinstance(store, Desk) else Desk(store, gazetteer)
        self.gazetteer = self.desk.gazetteer
        self.settings = settings or QSettings()
        self.setAcceptDrops(True)
        # The one store access on this thread: opening it (a clear error if it cannot be) and the
        # tree's numbers, before the window shows. Everything after runs through the task runner.
        self.opened = self.desk.open(stories=counts_stories(self.settings))
        self.desk.forbid_thread()
        self.tasks = TaskRunner(self.desk, self)
        self._region_key: tuple[str, ...] = ("all",)
        self._counts_task: Any = None
        self._article_generation = 0
        self._panels_generation = 0
        self._panels_shown_for: tuple[ArticleFilter, str] | None = None
        self._counts_again = False
        self.pending_move: tuple[int, bool] | None = None  # a move waiting for the next page
        self.list_total: int | None = None  # the list's true size, once counted
        self.count_generation = 0
        self.compare_dialog: Any = None  # View → Compare regions (kept so it is not collected)
        self.deletions: list[Any] = []  # what Undo delete brings back, newest last (until the window closes)
        self._build_widgets()
        self.actions_by_name = build_menus(self)
        self.analyst = AnalystActions(self)  # saved searches, follows, labels, notes (ui/analyst_actions.py)
        self._wire()
        self._fit_timer = QTimer(self, singleShot=True, interval=50)
        self._fit_timer.timeout.connect(lambda: layout.fit(self))
        self._restore_layout()
        self._on_counts_read(self.opened.counts)
        self.tree.setCurrentIndex(self.tree_model.index_of(("all",)))
        self.retag_button: QPushButton | None = None
        self.read_only_banner: QLabel | None = None
        read_only.show_read_only(self)  # a newer or read-only store: said, and its writes disabled
        if self.opened.retag_needed:
            offer_retag(self)
        if not self.desk.checked:  # a large store: checked in the background, before any long write
            self.tasks.run(lambda desk, _p, _c: desk.ensure_checked(), lane="long", on_failure=self.show_task_error)

    @property
    def store_path(self) -> Path:
        return self.desk.path

    @property
    def region_key(self) -> tuple[str, ...]:
        """What the tree has selected: ("region", id), ("topic", name), ("starred",) or ("all",)."""
        return self._region_key

    # -- building --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.setWindowTitle(self.tr("MetroViewer"))
        self.tree_model = RegionTreeModel(self.gazetteer, self)
        self.tree_model.hide_empty = self.settings.value("view/hide_empty", True, type=bool)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree_model.is_expanded = self.tree.isExpanded  # count refreshes skip what is folded away
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setAccessibleName(self.tr("Regions"))
        self.list_model = ArticleListModel(self._load_page, self.desk.region_name, self)
        self.table = ArticleTable(self)
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Articles"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((STAR, 28), (DATE, 130), (REGIONS, 200), (MATCH, 260)):
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(MATCH, True)
        self.search_bar = SearchBar(self)
        self.reader = ArticleReader(self)
        self.reader.dark = self.settings.value("view/dark", False, type=bool)
        list_pane = QWidget(self)
        layout = QVBoxLayout(list_pane)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(list_pane)
        self.right_splitter.addWidget(self.reader)
        self.right_splitter.setSizes([320, 480])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.addWidget(self.tree)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setSizes([300, 900])
        self.setCentralWidget(self.main_splitter)
        self.summary = SummaryPanel(self)
        self.summary_dock = QDockWidget(self.tr("Summary"), self)
        self.summary_dock.setObjectName("summary_dock")  # saveState needs the name
        self.summary_dock.setWidget(self.summary)
        self.summary_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.summary_dock)
        self.resizeDocks([self.summary_dock], [400], Qt.Orientation.Horizontal)
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.resize(1500, 900)

    def _wire(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.end_requested.connect(lambda: navigation.go_to_end(self))
        self.search_bar.search_changed.connect(self._on_search_bar_search_changed)
        self.reader.region_clicked.connect(self.select_region)
        self.list_model.rows_reloaded.connect(self._on_list_model_rows_reloaded)
        self.list_model.rows_appended.connect(self._on_list_model_rows_appended)
        self.summary.figure_activated.connect(self.open_figure)
        self.summary_dock.visibilityChanged.connect(lambda visible: visible and self.reload_panels())

    # -- the list follows the tree and the search bar -------------------------------------

    def current_filter(self) -> ArticleFilter:
        key = self._region_key
        since, until = self.search_bar.dates()
        unread = self.actions_by_name["unread_only"].isChecked()
        # an import-time window ("since I last looked", "since the last briefing"): ui/analyst_actions.py
        base = dict(since=since, until=until, unread_only=unread, after_id=self.analyst.window_start())
        if key[0] == "region":
            return ArticleFilter(region=key[1], about_only=self.actions_by_name["about_only"].isChecked(), **base)
        if key[0] == "topic":
            return ArticleFilter(topic=key[1], **base)
        if key[0] == "starred":
            return ArticleFilter(starred_only=True, **base)
        if key[0] == "label":
            return ArticleFilter(label=key[1], **base)
        if key[0] == "saved":
            return saved_filter(self, key[1], base)
        return ArticleFilter(**base)

    def current_query(self) -> str:
        """The search bar's text (with a selected saved search's own query)."""
        return saved_query(self)

    def reload_list(self) -> None:
        """Show the list for the tree's selection and the search bar (its rows are read off the
        GUI thread and arrive as `list_model.rows_reloaded`)."""
        self.list_model.set_filter(self.current_filter(), self.current_query())

    def list_settled(self) -> bool:
        """Whether the list shows what was last asked of it (no page on its way)."""
        return not self.list_model.loading

    def _load_page(self, request: dict[str, Any], deliver: Any) -> None:
        self.tasks.run(lambda desk, _p, _c: desk.page(**request), on_success=deliver, on_failure=self.show_task_error)

    def _on_list_model_rows_reloaded(self) -> None:
        list_status.on_rows_reloaded(self)
        if self.list_model.rowCount():
            self.reload_panels()

    def _on_list_model_rows_appended(self) -> None:
        self._update_status()
        if self.pending_move is not None:
            step, unread_only = self.pending_move
            self.pending_move = None
            self.move_selection(step, unread_only)

    # -- the summary panels follow the list --------------------------------------------------

    def reload_panels(self) -> None:
        """Read the panels for the list's selection on the task runner; a newer selection
        supersedes a reading still under way."""
        if self.summary_dock.isHidden():
            return
        f, query, title = self.current_filter(), self.current_query(), self.selection_title()
        stories = counts_stories(self.settings)
        if self.tasks.writing() and (f, query) == self._panels_shown_for:
            return  # the list refreshes as an import writes; the panels follow when it is done
        self._panels_shown_for = (f, query)
        self._panels_generation += 1
        generation = self._panels_generation

        def read(desk: Desk, _progress: object, _cancelled: object) -> PanelData:
            return desk.panels(f, query, stories)

        def show(data: PanelData) -> None:
            if generation == self._panels_generation:
                self.summary.show_data(title, data)
                self.panels_shown.emit()

        self.tasks.run(read, on_success=show, on_failure=self.show_task_error)

    def selection_title(self) -> str:
        key = self._region_key
        if key[0] == "region":
            title = self.gazetteer.regions[key[1]].name
        elif key[0] == "topic":
            title = self.tr("Topic {0}").format(key[1])
        elif key[0] == "starred":
            title = self.tr("Starred")
        elif key[0] in ("saved", "label"):
            title = key[1]
        else:
            title = self.tr("All articles")
        query = self.search_bar.query().strip()
        return self.tr("{0}, search “{1}”").format(title, query) if query else title

    def open_figure(self, article_id: int, text: str) -> None:
        """Open the article a figure was read from, with the figure highlighted and in view."""
        self.open_article(article_id, extra_terms=[text], then=lambda: self.reader.find(text))

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else ("all",)
        if key and key[0] not in ("topics", "provinces", *HEADINGS):
            self._region_key = tuple(key)
            self.reload_list()

    def _on_search_bar_search_changed(self, _query: str, _since: object, _until: object) -> None:
        self.reload_list()

    def select_region(self, region_id: str) -> bool:
        index = self.tree_model.index_of(("region", region_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    # -- reading ----------------------------------------------------------------------------

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.list_model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.reader.show_article(None)
            return
        self.open_article(row.id)

    def open_article(self, article_id: int, extra_terms: list[str] | None = None,
                     then: Any = None) -> None:
        """Show an article in the reader (read off the GUI thread) and mark it read; `then` runs
        once it is shown."""
        self._article_generation += 1
        generation = self._article_generation
        terms = query_terms(self.list_model.query) + (extra_terms or [])

        def show(view: ArticleView | None) -> None:
            if generation != self._article_generation or view is None:
                return
            self.reader.notes = view.notes
            self.reader.show_article(view.article, view.mentions, terms, view.written_forms)
            if then is None and self.list_model.query:
                self.reader.find_hit()  # the first hit of the search, in view
            if not view.article.is_read:
                self.set_read(article_id, True)
            if then is not None:
                then()
            self.article_opened.emit(article_id)

        self.tasks.run(lambda desk, _p, _c: desk.article(article_id), on_success=show,
                       on_failure=self.show_task_error)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.column() == STAR:
            row = self.list_model.row_at(index.row())
            if row:
                self.set_starred(row.id, not row.is_starred)

    def set_read(self, article_id: int, read: bool) -> None:
        if read_only.refuse_write(self):
            return
        self.list_model.update_row(article_id, read=read)
        self.tasks.run(lambda desk, _p, _c: desk.set_read([article_id], read), lane="write",
                       on_success=self.apply_changes, on_failure=self.show_task_error)

    def set_starred(self, article_id: int, starred: bool) -> None:
        if read_only.refuse_write(self, say=True):
            return
        self.list_model.update_row(article_id, starred=starred)
        self.tasks.run(lambda desk, _p, _c: desk.set_starred([article_id], starred), lane="write",
                       on_success=self.apply_changes, on_failure=self.show_task_error)

    def apply_changes(self, changes: Changes) -> None:
        """Read again what a write made stale, and only that."""
        if changes.counts:
            self.refresh_counts()
        if changes.rows:
            self.reload_list()  # the panels follow the list
        elif changes.panels:
            self.reload_panels()

    def selected_ids(self) -> list[int]:
        """The articles selected in the list (the current one when nothing else is)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [item.id for item in (self.list_model.row_at(r) for r in rows) if item is not None]
        if not ids and self.current_row() is not None:
            ids = [self.current_row().id]
        return ids

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        return self.list_model.row_at(index.row()) if index.isValid() else None

    def move_selection(self, step: int, unread_only: bool = False) -> bool:
        """Select the next/previous article (J/K), or the next unread one (N): ui/navigation.py."""
        return navigation.move_selection(self, step, unread_only)

    # -- counts and status ----------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Recount the tree off the GUI thread (counting a large store while it is being
        written takes longer than a frame)."""
        if self._counts_task is not None and not self._counts_task.done:
            self._counts_again = True
            return
        stories = counts_stories(self.settings)
        self._counts_task = self.tasks.run(lambda desk, _p, _c: desk.tree_counts(stories), on_success=self._on_counts_read,
                                           on_failure=self.show_task_error)

    def _on_counts_read(self, counts: TreeCounts) -> None:
        # Unchanged numbers (most refreshes while an import writes between its batches) cost the
        # GUI thread nothing: walking the tree in Python held up the event loop.
        if counts != self.tree_model.counts or not self.tree_model.rowCount():
            self.tree_model.set_counts(counts)
            self.tree.setColumnWidth(1, 48)
            self.tree.setColumnWidth(2, 80)  # "312 / 1,204": mainly about it / mentioning it
            self._update_status()
        self.counts_refreshed.emit()
        if self._counts_again:
            self._counts_again = False
            self.refresh_counts()

    def _update_status(self) -> None:
        list_status.update_status(self)

    def show_task_error(self, error: Exception, details: str) -> None:
        """A task failed: say so, with copyable details."""
        from .error_dialog import show_error

        self.statusBar().clearMessage()  # "Importing…" and the like no longer hold
        show_error(self, error, details)

    # -- drag and drop starts the import wizard ------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def start_import(self, paths: list[str] | None = None) -> Any:
        from .import_wizard import ImportWizard

        wizard = ImportWizard(self.tasks, self.settings, paths or [], self)
        wizard.import_finished.connect(self.on_import_finished)
        wizard.show()
        return wizard

    def on_import_finished(self, outcome: Any) -> None:
        """An import (the wizard's, the samples') ended: show what it changed."""
        self.apply_changes(outcome.changes | Changes(counts=True))
        report = outcome.value
        self.statusBar().showMessage(self.tr("Import done: {0} articles added, {1} updated, {2} files failed.").format(
            report.added, report.updated, len(report.failed)), 15000)
        self.import_finished.emit(report)

    # -- layout memory -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        layout.set_up(self)
        layout.restore(self)

    def save_layout(self) -> None:
        layout.save(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_timer.start()  # once the resizing settles

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, preload_charts)  # after the first frame

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_layout()
        self.tasks.shutdown()
        super().closeEvent(event)
