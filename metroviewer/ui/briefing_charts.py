"""The briefing's charts as images, drawn by the same chart widgets as the summary panels, in the
briefing's language (titles and month labels come from its Chart blocks).
Widgets belong to the GUI thread: call this there, then print anywhere."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from ..briefing.document import BriefingDocument
from .charts import MonthsChart, RankedBars


def chart_images(doc: BriefingDocument) -> dict[str, QImage]:
    """Chart name (as the document's Chart blocks name it) → the chart drawn."""
    images: dict[str, QImage] = {}
    for chart in doc.charts():
        if chart.kind == "months":
            widget: MonthsChart | RankedBars = MonthsChart(paper=True)  # light on paper, in either theme
            widget.set_months(chart.items, chart.tick)
        else:
            widget = RankedBars(paper=True)
            widget.set_items(chart.items)
        images[chart.name] = widget.image(chart.width, chart.height)
        widget.deleteLater()
    return images


def png_bytes(images: dict[str, QImage]) -> dict[str, bytes]:
    """The charts as PNG files' bytes (for the Word and Markdown copies)."""
    out: dict[str, bytes] = {}
    for name, image in images.items():
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        out[name] = bytes(buffer.data())
    return out
