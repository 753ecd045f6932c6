"""The summary panels for the selected region or search: articles per month, top sources, the
regions mentioned with it, the theme mix, and the figures read from its newest articles."""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..figures.format import figure_value
from ..summary.data import PanelData
from .i18n import interface_language
from .key_figures_table import KeyFiguresTable

if TYPE_CHECKING:
    from .charts import MonthsChart, RankedBars

ROW_HEIGHT = 17
CHART_KEYS = ("months", "sources", "regions", "themes")
# Theme names as the panel shows them (figures/themes.py holds the words of each).
THEME_NAMES = {
    "transport": QT_TRANSLATE_NOOP("SummaryPanel", "transport"),
    "industry": QT_TRANSLATE_NOOP("SummaryPanel", "industry"),
    "public services": QT_TRANSLATE_NOOP("SummaryPanel", "public services"),
    "innovation": QT_TRANSLATE_NOOP("SummaryPanel", "innovation"),
    "ecology": QT_TRANSLATE_NOOP("SummaryPanel", "ecology"),
    "planning and policy": QT_TRANSLATE_NOOP("SummaryPanel", "planning and policy"),
    "trade and finance": QT_TRANSLATE_NOOP("SummaryPanel", "trade and finance"),
}
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


_preload: threading.Thread | None = None


def preload_charts() -> None:
    """Import the chart library (pyqtgraph: a third of a second) on a background thread, so
    that neither the window's first frame nor its first summary waits for it."""
    global _preload
    if _preload is None:
        _preload = threading.Thread(target=importlib.import_module, args=(f"{__package__}.charts",),
                                    daemon=True, name="preload-charts")
        _preload.start()


def charts_ready() -> bool:
    preload_charts()
    assert _preload is not None
    return not _preload.is_alive()


class SummaryPanel(QScrollArea):
    """Charts and figures for a selection; `show_data` fills it, `figure_activated` says which
    figure the user opened (its article and the text to find there)."""

    figure_activated = Signal(int, str)
    charts_drawn = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Summary"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray")
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        # The charts are made when there is something to draw: pyqtgraph takes a third of a
        # second to import, which the window's first frame should not wait for.
        self.chart_slots = {key: QVBoxLayout() for key in CHART_KEYS}
        self.months: MonthsChart | None = None
        self.sources: RankedBars | None = None
        self.regions: RankedBars | None = None
        self.themes: RankedBars | None = None
        self.figures = QTableWidget(0, 5, body)
        self.figures.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("Measures"), self.tr("Year"), self.tr("Region"), self.tr("Article")])
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.setWordWrap(False)
        self.figures.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.figures.setMinimumHeight(220)
        self.figures.setAccessibleName(self.tr("Figures"))
        self.figures.itemActivated.connect(self._on_figure_activated)
        self.figures.itemDoubleClicked.connect(self._on_figure_activated)
        self.key_figures = KeyFiguresTable(body)
        self.key_figures.figure_activated.connect(self.figure_activated)
        self.section_titles: dict[str, QLabel] = {}
        for key, title in (("key_figures", self.tr("Key figures")), ("months", self.tr("Articles per month")), ("sources", self.tr("Top sources")),
                           ("regions", self.tr("Regions mentioned with it")), ("themes", self.tr("Theme mix")),
                           ("figures", self.tr("Figures"))):
            label = QLabel(title, body)
            label.setStyleSheet("font-weight: 600; margin-top: 6px")
            self.section_titles[key] = label
            layout.addWidget(label)
            if key == "figures":
                layout.addWidget(self.figures)
            elif key == "key_figures":
                layout.addWidget(self.key_figures)
            else:
                layout.addLayout(self.chart_slots[key])
        layout.addStretch(1)
        self.key_figures.hide()  # shown for a region whose articles give its figures
        self.section_titles["key_figures"].hide()
        self.setWidget(body)
        self.data: PanelData | None = None
        self.drawn_for: PanelData | None = None  # the data whose charts are all drawn
        self._drawing = 0
        self.show_message(self.tr("Select a region to see its summary."))

    def show_message(self, text: str) -> None:
        self.heading.setText(text)
        self.note.setText("")

    def show_data(self, title: str, data: PanelData) -> None:
        self.data = data
        counted = self.tr("{0} · {1} stories") if data.stories else self.tr("{0} · {1} articles")
        self.heading.setText(counted.format(title, f"{data.total:,}"))
        # The monthly chart counts what the heading counts (the View menu's toggle).
        self.section_titles["months"].setText(self.tr("Stories per month") if data.stories
                                              else self.tr("Articles per month"))
        notes = []
        if data.is_sample or not data.months_complete:
            sampled = (self.tr("Sources, regions and themes of the newest {0} stories.") if data.stories
                       else self.tr("Sources, regions and themes of the newest {0} articles."))
            notes.append(sampled.format(f"{data.sampled:,}"))
        if not data.months_complete:
            notes.append(self.tr("Months of the matches counted."))
        if data.figures_from:
            notes.append(self.tr("Figures read from the newest {0} articles; double-click one to open it.").format(
                data.figures_from))
        self.note.setText(" ".join(notes))
        self._fill_figures(data)
        self.key_figures.show_key_figures(data.key_figures)
        for widget in (self.key_figures, self.section_titles["key_figures"]):
            widget.setVisible(bool(data.key_figures))
        self._draw_charts()

    def _draw_charts(self) -> None:
        """Draw the charts one per turn of the event loop, each in a few milliseconds, so that
        the window never stalls on all four at once (while an import runs, say)."""
        if not charts_ready():
            QTimer.singleShot(40, self, self._draw_charts)  # drawn once the library is in (never after self)
            return
        self._drawing += 1
        self._draw_step(self._drawing, 0)

    def _draw_step(self, drawing: int, step: int) -> None:
        data = self.data
        if data is None or drawing != self._drawing:
            return  # newer data started its own drawing
        key = CHART_KEYS[step]
        chart = self._chart(key)
        if key == "months":
            chart.set_months(data.months)
        else:
            items = data.bars(key)
            if key == "themes":
                items = [(self.tr(THEME_NAMES.get(theme, theme)), n) for theme, n in items]
            chart.set_items(items)
            chart.setFixedHeight(max(60, ROW_HEIGHT * len(items) + 34))
        if step + 1 < len(CHART_KEYS):
            QTimer.singleShot(0, self, lambda: self._draw_step(drawing, step + 1))
        else:
            self.drawn_for = data
            self.charts_drawn.emit()

    def _chart(self, key: str) -> Any:
        """The chart for `key`, made on first use."""
        chart = getattr(self, key)
        if chart is None:
            from .charts import MonthsChart, RankedBars

            # The charts follow the window's palette, a theme switch included (charts.py).
            chart = MonthsChart(self.widget()) if key == "months" else RankedBars(self.widget())
            if key == "months":
                chart.setFixedHeight(150)
            setattr(self, key, chart)
            self.chart_slots[key].addWidget(chart)
        return chart

    def _fill_figures(self, data: PanelData) -> None:
        table = self.figures
        table.setRowCount(len(data.figures))
        for row, af in enumerate(data.figures):
            f = af.figure
            cells = [figure_value(f, interface_language()), f.label, str(f.year or ""), af.region_name,
                     af.article_title]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f.sentence)
                item.setData(ARTICLE_ROLE, (af.article_id, f.text))
                table.setItem(row, col, item)
        # Fixed widths: measuring every cell (resizeColumnsToContents) stalled the window.
        for col, width in enumerate((130, 90, 44, 80)):
            table.setColumnWidth(col, width)

    def figure_rows(self) -> list[list[str]]:
        """The figures table as text, row by row."""
        t = self.figures
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]

    def _on_figure_activated(self, item: QTableWidgetItem) -> None:
        article_id, text = item.data(ARTICLE_ROLE)
        self.figure_activated.emit(article_id, text)
