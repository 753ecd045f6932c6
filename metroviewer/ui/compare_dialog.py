"""Compare regions: key figures in one table (measure × region, with year and sources),
articles per month on one chart, and the theme mix side by side; printable."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..summary.data import RegionComparison
from .key_figures_table import history_tooltip, latest_text, measure_name
from .summary_panel import THEME_NAMES

if TYPE_CHECKING:
    from .main_window import MainWindow

REGION_ROLE = Qt.ItemDataRole.UserRole + 21


class CompareDialog(QDialog):
    compared = Signal()

    def __init__(self, window: MainWindow, preselected: list[str]):
        super().__init__(window)
        self.window_ = window
        self.comparison: RegionComparison | None = None
        self.setWindowTitle(self.tr("Compare regions"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter regions…"))
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.regions = QListWidget(self)
        self.regions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        counts = window.tree_model.counts.regions
        gazetteer = window.gazetteer
        # Metropolitan areas and agglomerations first: what analysts compare most.
        kind_order = {"metro": 0, "agglomeration": 1, "province": 2, "city": 3, "label": 4, "district": 5}
        ordered = sorted((rid for rid, (total, _u) in counts.items() if total and rid in gazetteer.regions),
                         key=lambda rid: (kind_order.get(gazetteer.regions[rid].kind, 9),
                                          gazetteer.regions[rid].sort_key, rid))
        for rid in ordered:
            item = QListWidgetItem(f"{gazetteer.regions[rid].name}  ({counts[rid][0]:,})", self.regions)
            item.setData(REGION_ROLE, rid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rid in preselected else Qt.CheckState.Unchecked)
        self.regions.itemChanged.connect(lambda _item: self._update_buttons())
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.clicked.connect(self.compare)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.status = QLabel(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Key figures by region"))
        self.table.verticalHeader().hide()
        self.themes = QTableWidget(0, 0, self)
        self.themes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.themes.verticalHeader().hide()
        self.chart_slot = QVBoxLayout()
        self.chart: Any = None
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.regions, 1)
        left_layout.addWidget(self.compare_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(QLabel(self.tr("Key figures (latest value, year and source)"), right))
        right_layout.addWidget(self.table, 2)
        right_layout.addWidget(QLabel(self.tr("Articles per month"), right))
        right_layout.addLayout(self.chart_slot, 1)
        right_layout.addWidget(QLabel(self.tr("Theme mix (articles)"), right))
        right_layout.addWidget(self.themes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 740])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.resize(1100, 720)
        self._update_buttons()

    def checked_regions(self) -> list[str]:
        return [self.regions.item(i).data(REGION_ROLE) for i in range(self.regions.count())
                if self.regions.item(i).checkState() == Qt.CheckState.Checked]

    def _update_buttons(self) -> None:
        self.compare_button.setEnabled(len(self.checked_regions()) >= 2)
        self.print_button.setEnabled(self.comparison is not None)

    def _on_filter_text_changed(self, text: str) -> None:
        for i in range(self.regions.count()):
            item = self.regions.item(i)
            item.setHidden(bool(text) and text.lower() not in item.text().lower())

    def compare(self) -> None:
        ids = self.checked_regions()
        if len(ids) < 2:
            return
        self.status.setText(self.tr("Reading the figures of {0} regions…").format(len(ids)))
        self.window_.tasks.run(lambda desk, _p, _c: desk.compare(ids), on_success=self.show_comparison,
                               on_failure=self.window_.show_task_error)

    def show_comparison(self, comparison: RegionComparison) -> None:
        self.comparison = comparison
        ids = comparison.region_ids
        names = [comparison.names[rid] for rid in ids]
        self.status.setText(" · ".join(f"{comparison.names[rid]}: {comparison.articles[rid]:,} "
                                       + self.tr("articles") for rid in ids))
        measures = comparison.measures()
        self.table.setColumnCount(len(ids) + 1)
        self.table.setRowCount(len(measures))
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), *names])
        for row, key in enumerate(measures):
            cells = [comparison.cell(rid, key) for rid in ids]
            first = next(kf for kf in cells if kf is not None)
            self.table.setItem(row, 0, QTableWidgetItem(measure_name(first)))
            for col, kf in enumerate(cells, start=1):
                if kf is None:
                    item = QTableWidgetItem("—")
                else:
                    sources = "、".join(dict.fromkeys(s.source for v in kf.latest for s in v.sources if s.source))
                    item = QTableWidgetItem(f"{latest_text(kf)} ({kf.year or '—'})"
                                            + (f" · {sources}" if sources else ""))
                    item.setToolTip(history_tooltip(kf))
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._fill_themes(comparison)
        self._draw_chart(comparison)
        self._update_buttons()
        self.compared.emit()

    def _fill_themes(self, comparison: RegionComparison) -> None:
        ids = comparison.region_ids
        themes = list(dict.fromkeys(t for rid in ids for t, _n in comparison.themes[rid]))
        self.themes.setColumnCount(len(ids) + 1)
        self.themes.setRowCount(len(themes))
        self.themes.setHorizontalHeaderLabels([self.tr("Theme"), *(comparison.names[rid] for rid in ids)])
        for row, theme in enumerate(themes):
            name = QCoreApplication.translate("SummaryPanel", THEME_NAMES.get(theme, theme))
            self.themes.setItem(row, 0, QTableWidgetItem(name))
            for col, rid in enumerate(ids, start=1):
                self.themes.setItem(row, col, QTableWidgetItem(str(dict(comparison.themes[rid]).get(theme, 0))))
        self.themes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _draw_chart(self, comparison: RegionComparison) -> None:
        from .charts import MonthLines

        if self.chart is None:
            self.chart = MonthLines(self)
            self.chart.setMinimumHeight(160)
            self.chart_slot.addWidget(self.chart)
        self.chart.set_series({comparison.names[rid]: comparison.months[rid] for rid in comparison.region_ids})

    def table_rows(self) -> list[list[str]]:
        t = self.table
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]

    def comparison_html(self) -> str:
        """The comparison as a printable page."""
        def table(widget: QTableWidget) -> str:
            head = "".join(f"<th>{html.escape(widget.horizontalHeaderItem(c).text())}</th>"
                           for c in range(widget.columnCount()))
            body = "".join("<tr>" + "".join(f"<td>{html.escape(widget.item(r, c).text())}</td>"
                                            for c in range(widget.columnCount())) + "</tr>"
                           for r in range(widget.rowCount()))
            return f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"

        return (f"<h1>{html.escape(self.tr('Compare regions'))}</h1><p>{html.escape(self.status.text())}</p>"
                f"<h2>{html.escape(self.tr('Key figures'))}</h2>{table(self.table)}"
                f"<h2>{html.escape(self.tr('Theme mix (articles)'))}</h2>{table(self.themes)}")

    def _on_print_clicked(self) -> None:
        from .briefing_printer import print_preview

        images = {"compare_months": self.chart.image(700, 220)} if self.chart is not None else {}
        page = self.comparison_html().replace(
            f"<h2>{html.escape(self.tr('Theme mix (articles)'))}</h2>",
            f"<h2>{html.escape(self.tr('Articles per month'))}</h2><p><img src='chart:compare_months' width='640'>"
            f"</p><h2>{html.escape(self.tr('Theme mix (articles)'))}</h2>") if images else self.comparison_html()
        print_preview(page, self, images)


def open_compare(window: MainWindow) -> CompareDialog:
    key = window.region_key
    dialog = CompareDialog(window, [key[1]] if key[0] == "region" else [])
    dialog.show()
    return dialog
