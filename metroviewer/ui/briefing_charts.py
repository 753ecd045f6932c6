"""The briefing's charts as images, drawn by the same chart widgets as the summary panels.
Widgets belong to the GUI thread: call this there, then print anywhere."""

from __future__ import annotations

from PySide6.QtGui import QImage

from ..briefing.html import CHART_WIDTH, CHARTS, chart_height
from ..summary.data import PanelData
from .charts import MonthsChart, RankedBars


def chart_images(panels: PanelData | None) -> dict[str, QImage]:
    """Image name (as briefing_html refers to it) → the chart drawn for `panels`."""
    if panels is None or not panels.total:
        return {}
    images: dict[str, QImage] = {}
    for name, _title in CHARTS:
        if name == "months":
            chart: MonthsChart | RankedBars = MonthsChart()
            chart.set_months(panels.months)
        else:
            chart = RankedBars()
            chart.set_items(panels.bars(name))
        images[name] = chart.image(CHART_WIDTH, chart_height(name, panels))
        chart.deleteLater()
    return images
