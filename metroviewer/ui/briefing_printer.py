"""Printing briefings: print preview, print, and PDF (fonts embedded, text selectable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from ..briefing.compose import Briefing
from .fonts import CJK_FAMILY


def briefing_document(html_text: str, images: dict[str, QImage] | None = None) -> QTextDocument:
    """The briefing laid out for printing; `images` are its charts (ui/briefing_charts.py)."""
    doc = QTextDocument()
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
    font = QFont()
    font.setFamilies(["DejaVu Sans", CJK_FAMILY])
    font.setPointSizeF(10.5)
    # No ligatures: "fi" drawn as one glyph comes back from the PDF as "ﬁ", and search misses it.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    doc.setDefaultFont(font)
    doc.setHtml(html_text)
    return doc


def write_pdf(html_text: str, target: Path, title: str = "MetroViewer briefing",
              images: dict[str, QImage] | None = None) -> int:
    """Write the briefing to `target`; returns the number of pages."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("MetroViewer")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    doc = briefing_document(html_text, images)
    doc.print_(writer)
    del writer  # finishes the file
    from pypdf import PdfReader

    return len(PdfReader(str(target)).pages)


def write_briefing_pdf(briefing: Briefing, target: Path) -> int:
    """A composed briefing as a PDF, with its charts, without a display (the command line's
    `brief`); returns the number of pages."""
    import os
    import sys

    from PySide6.QtWidgets import QApplication

    from ..briefing.html import briefing_html
    from .briefing_charts import chart_images
    from .fonts import register_fonts

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts(app)
    return write_pdf(briefing_html(briefing), target, briefing.title, chart_images(briefing.panels))


def print_preview(html_text: str, parent: QWidget | None = None, images: dict[str, QImage] | None = None) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    doc = briefing_document(html_text, images)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(doc.print_)
    dialog.exec()
