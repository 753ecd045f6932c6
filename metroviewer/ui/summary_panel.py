"""The summary panels for the selected region or search: articles per month, top sources, the
regions mentioned with it, the theme mix, and the figures read from its newest articles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from .charts import MonthsChart, RankedBars

ROW_HEIGHT = 17
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


class SummaryPanel(QScrollArea):
    """Charts and figures for a selection; `show_data` fills it, `figure_activated` says which
    figure the user opened (its article and the text to find there)."""

    figure_activated = Signal(int, str)

    def __init__(self, parent: QWidget | None = None, dark: bool = False):
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
        self.months = MonthsChart(body, dark)
        self.months.setFixedHeight(150)
        self.sources = RankedBars(body, dark)
        self.regions = RankedBars(body, dark)
        self.themes = RankedBars(body, dark)
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
        self.section_titles: dict[str, QLabel] = {}
        for key, title, widget in (("months", self.tr("Articles per month"), self.months),
                                   ("sources", self.tr("Top sources"), self.sources),
                                   ("regions", self.tr("Regions mentioned with it"), self.regions),
                                   ("themes", self.tr("Theme mix"), self.themes),
                                   ("figures", self.tr("Figures"), self.figures)):
            label = QLabel(title, body)
            label.setStyleSheet("font-weight: 600; margin-top: 6px")
            self.section_titles[key] = label
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.data: PanelData | None = None
        self.show_message(self.tr("Select a region to see its summary."))

    def show_message(self, text: str) -> None:
        self.heading.setText(text)
        self.note.setText("")

    def show_data(self, title: str, data: PanelData) -> None:
        self.data = data
        self.heading.setText(self.tr("{0} · {1} articles").format(title, f"{data.total:,}"))
        notes = []
        if data.is_sample or not data.months_complete:
            notes.append(self.tr("Sources, regions and themes of the newest {0} articles.").format(
                f"{data.sampled:,}"))
        if not data.months_complete:
            notes.append(self.tr("Months of the matches counted."))
        if data.figures_from:
            notes.append(self.tr("Figures read from the newest {0} articles; double-click one to open it.").format(
                data.figures_from))
        self.note.setText(" ".join(notes))
        self.months.set_months(data.months)
        self._bars(self.sources, data.sources)
        self._bars(self.regions, [(name, n) for _rid, name, n in data.regions])
        self._bars(self.themes, [(self.tr(theme), n) for theme, n in data.themes])
        self._fill_figures(data)

    def _bars(self, chart: RankedBars, items: list[tuple[str, int]]) -> None:
        chart.set_items(items)
        chart.setFixedHeight(max(60, ROW_HEIGHT * len(items) + 34))

    def _fill_figures(self, data: PanelData) -> None:
        table = self.figures
        table.setRowCount(len(data.figures))
        for row, af in enumerate(data.figures):
            f = af.figure
            cells = [figure_value(f), f.label, str(f.year or ""), af.region_name, af.article_title]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f.sentence)
                item.setData(ARTICLE_ROLE, (af.article_id, f.text))
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def figure_rows(self) -> list[list[str]]:
        """The figures table as text, row by row."""
        t = self.figures
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]

    def _on_figure_activated(self, item: QTableWidgetItem) -> None:
        article_id, text = item.data(ARTICLE_ROLE)
        self.figure_activated.emit(article_id, text)
