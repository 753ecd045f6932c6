"""The summary charts, drawn with pyqtgraph: articles per month, and ranked bars (sources,
regions, themes). The same widgets are shown in the window and rendered into briefings.

In the window a chart takes its colours from its palette (the theme's) and draws itself again
when the palette changes, so a theme switch reaches it at once; on paper (`paper=True`, the
briefings) it stays dark on white whatever the theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BAR = QColor("#3b78b5")
BAR_DARK = QColor("#6aa6df")
SERIES_COLOURS = ("#3b78b5", "#d9822b", "#3a9a5b", "#b5443b", "#7d5ba6", "#8c6d31")

# What a chart does not colour itself (ChartColours below colour the rest).
pg.setConfigOptions(antialias=True, background="w", foreground="#333333")


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    axis: QColor
    bar: QColor
    series: tuple[QColor, ...]


PAPER = ChartColours(QColor("white"), QColor("#333333"), QColor("#888888"), BAR,
                     tuple(QColor(c) for c in SERIES_COLOURS))


def colours_of(palette: QPalette) -> ChartColours:
    """A chart's colours in a theme: its palette's base and text, an axis between the two, and
    bars and lines that stand out on a dark base (lighter) as on a light one."""
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    axis = QColor((text.red() + background.red()) // 2, (text.green() + background.green()) // 2,
                  (text.blue() + background.blue()) // 2)
    if background.lightness() >= 128:
        return ChartColours(background, text, axis, BAR, PAPER.series)
    return ChartColours(background, text, axis, BAR_DARK, tuple(c.lighter(135) for c in PAPER.series))


def _font(point_size: float = 8.5) -> QFont:
    font = QFont(QApplication.font())  # carries the bundled CJK face as its fallback
    font.setPointSizeF(point_size)
    return font


class _Chart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None, paper: bool = False):
        # No context menus: building pyqtgraph's menus was a third of the cost of a chart.
        super().__init__(parent, background="w", enableMenu=False)
        self.paper = paper
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.getPlotItem().setContentsMargins(2, 4, 8, 2)
        for name in ("left", "bottom"):
            self.getAxis(name).setTickFont(_font())
        self.colours = PAPER
        self._redraw: Callable[[], None] | None = None  # draws the shown data again (new colours)
        self._take_colours()

    def _take_colours(self) -> bool:
        """Colour the chart for its palette (or paper); returns whether anything changed."""
        colours = PAPER if self.paper else colours_of(self.palette())
        if colours == self.colours and self.backgroundBrush().color() == colours.background:
            return False
        self.colours = colours
        self.setBackground(colours.background)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setTextPen(colours.text)
            axis.setPen(colours.axis)
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if "colours" not in self.__dict__:
            return  # still being made (Qt sends a palette change from the constructor)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and self._take_colours() and self._redraw is not None:
            self._redraw()  # bars and lines take their brushes when drawn

    def bar_brush(self) -> QColor:
        return self.colours.bar

    def image(self, width: int, height: int) -> QImage:
        """The chart drawn into an image of this size, at twice the resolution (for briefings)."""
        self.resize(width, height)
        # Lay the plot out for this size without showing the widget.
        self.setSceneRect(QRectF(0, 0, width, height))
        self.getPlotItem().setGeometry(QRectF(0, 0, width, height))
        image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene().render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
        painter.end()
        return image


class MonthsChart(_Chart):
    """Articles per month as bars; months without articles are shown as gaps."""

    def set_months(self, months: list[tuple[str, int]], tick: Callable[[str], str] | None = None) -> None:
        """`tick` writes a month's label (a briefing's: 2025年9月 or Sep 2025); by default 2025-09."""
        self._redraw = lambda: self.set_months(months, tick)
        self.clear()
        months = _fill_months(months)
        if not months:
            return
        xs = list(range(len(months)))
        heights = [n for _, n in months]
        self.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.8, brush=self.bar_brush(), pen=None))
        ticks = _month_ticks(months)
        if tick is not None:
            # a year alone (long spans) stays as it is; a month is written the caller's way
            ticks = [(i, tick(label) if len(label) == 7 else label) for i, label in ticks]
        self.getAxis("bottom").setTicks([ticks])
        self.getAxis("left").setTicks([_count_ticks(max(heights))])
        self.setXRange(-0.6, len(months) - 0.4, padding=0)
        self.setYRange(0, max(heights) * 1.08 or 1, padding=0)


class MonthLines(_Chart):
    """Articles per month of several regions, one line each, with a legend."""

    def set_series(self, series: dict[str, list[tuple[str, int]]]) -> None:
        self._redraw = lambda: self.set_series(series)
        self.clear()
        every = _fill_months([(m, 0) for months in series.values() for m, _n in months])
        if not every:
            return
        index = {m: i for i, (m, _) in enumerate(every)}
        legend = self.getPlotItem().legend or self.addLegend(offset=(8, 4))
        legend.clear()
        legend.setLabelTextColor(self.colours.text)
        largest = 1
        for colour, (name, months) in zip(self.colours.series * 4, series.items(), strict=False):
            counts = dict(months)
            ys = [counts.get(m, 0) for m, _ in every]
            largest = max(largest, *ys)
            self.plot(list(index.values()), ys, pen=pg.mkPen(colour, width=2), name=name)
        self.getAxis("bottom").setTicks([_month_ticks(every)])
        self.getAxis("left").setTicks([_count_ticks(largest)])
        self.setXRange(-0.3, len(every) - 0.7, padding=0)
        self.setYRange(0, largest * 1.1, padding=0)


class RankedBars(_Chart):
    """Horizontal bars, largest on top, each labelled on the left."""

    def __init__(self, parent: QWidget | None = None, paper: bool = False):
        super().__init__(parent, paper)
        self.getAxis("left").setWidth(120)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self._redraw = lambda: self.set_items(items)
        self.clear()
        if not items:
            self.getAxis("left").setTicks([[]])
            return
        ys = list(range(len(items)))[::-1]
        widths = [n for _, n in items]
        self.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.7, width=widths, brush=self.bar_brush(), pen=None))
        self.getAxis("left").setTicks([[(y, _short(label)) for y, (label, _) in zip(ys, items, strict=True)]])
        self.getAxis("bottom").setTicks([_count_ticks(max(widths))])
        self.setYRange(-0.6, len(items) - 0.4, padding=0)
        self.setXRange(0, max(widths) * 1.05 or 1, padding=0)


def _month_ticks(months: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """A few labels that fit under a narrow chart: years over long spans, months over short."""
    if len(months) > 18:
        januaries = [(i, m[:4]) for i, (m, _) in enumerate(months) if m.endswith("-01")]
        step = -(-len(januaries) // 5)
        return januaries[::step]
    step = -(-len(months) // 4)
    return [(i, m) for i, (m, _) in enumerate(months) if i % step == 0]


def _count_ticks(largest: int) -> list[tuple[int, str]]:
    """Whole-number ticks (articles are counted, not measured): about four of them."""
    raw = max(1, largest / 4)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return [(v, f"{v:,}") for v in range(0, int(largest) + 1, int(step))]


def _short(label: str, limit: int = 16) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _fill_months(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Every month from the first to the last, zero where nothing was published."""
    counts = {m: n for m, n in months if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit() and m[4] == "-"}
    if not counts:
        return []
    ordered = sorted(counts)
    year, month = map(int, ordered[0].split("-"))
    last = tuple(map(int, ordered[-1].split("-")))
    out = []
    while (year, month) <= last and len(out) < 600:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
