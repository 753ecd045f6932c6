"""A region's key figures as a small table: measure, latest value, year, sources; the history
and any disagreement between sources in the tooltip; double-click opens the article."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..figures.format import KIND_NAMES, figure_value
from ..figures.keyfigures import FigureValue, KeyFigure
from .i18n import interface_language

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 11


# Kinds that say something the measure does not: "GDP growth", "GDP share".
QUALIFYING_KINDS = {"growth", "share", "multiple"}


def measure_name(kf: KeyFigure) -> str:
    if kf.kind in QUALIFYING_KINDS:
        return f"{kf.measure} {KIND_NAMES.get(kf.kind, kf.kind).lower()}"
    return kf.measure


def value_text(v: FigureValue) -> str:
    """A value as the interface's language writes it (5.4万亿元, 5.4 trillion yuan)."""
    return figure_value(v.sources[0].figure, interface_language()) if v.sources else v.display


def latest_text(kf: KeyFigure) -> str:
    """The latest value; when sources differ on it, every value side by side."""
    return " / ".join(value_text(v) for v in kf.latest)


def history_tooltip(kf: KeyFigure) -> str:
    translate = QCoreApplication.translate
    lines = []
    for v in kf.latest:
        sources = "、".join(dict.fromkeys(s.source for s in v.sources if s.source)) or translate("KeyFiguresTable",
                                                                                          "no source")
        lines.append(f"{value_text(v)} ({v.year or '—'}): {sources}")
        if v.sentence:
            lines.append("  “" + v.sentence[:160] + "”")
    if kf.conflicting:
        lines.insert(0, translate("KeyFiguresTable", "Sources differ on this value:"))
    if kf.history:
        lines.append(translate("KeyFiguresTable", "Earlier:"))
        lines += [f"  {v.year or '—'}: {value_text(v)}" for v in kf.history]
    return "\n".join(lines)


class KeyFiguresTable(QTableWidget):
    figure_activated = Signal(int, str)  # article id, the figure's text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Latest"), self.tr("Year"), self.tr("Source")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(self.tr("Key figures"))
        self.itemDoubleClicked.connect(self._on_item_double_clicked)
        self.itemActivated.connect(self._on_item_double_clicked)

    def show_key_figures(self, key_figures: list[KeyFigure]) -> None:
        self.setRowCount(len(key_figures))
        for row, kf in enumerate(key_figures):
            first = kf.latest[0].sources[0] if kf.latest and kf.latest[0].sources else None
            sources = "、".join(dict.fromkeys(s.source for v in kf.latest for s in v.sources if s.source))
            cells = [measure_name(kf), latest_text(kf), str(kf.year or ""), sources]
            tip = history_tooltip(kf)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if first is not None:
                    item.setData(ARTICLE_ROLE, (first.article_id, first.figure.text))
                self.setItem(row, col, item)
        for col, width in enumerate((120, 150, 44)):
            self.setColumnWidth(col, width)
        self.setFixedHeight(min(8, max(len(key_figures), 1)) * 24 + self.horizontalHeader().height() + 6)

    def rows(self) -> list[list[str]]:
        return [[self.item(r, c).text() for c in range(self.columnCount())] for r in range(self.rowCount())]

    def _on_item_double_clicked(self, item: QTableWidgetItem) -> None:
        data = item.data(ARTICLE_ROLE)
        if data:
            self.figure_activated.emit(*data)
