"""Printing briefings: print preview, print, and PDF (fonts embedded, text selectable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from .fonts import CJK_FAMILY


def briefing_document(html_text: str) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(["DejaVu Sans", CJK_FAMILY])
    font.setPointSizeF(10.5)
    # No ligatures: "fi" drawn as one glyph comes back from the PDF as "ﬁ", and search misses it.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    doc.setDefaultFont(font)
    doc.setHtml(html_text)
    return doc


def write_pdf(html_text: str, target: Path, title: str = "MetroViewer briefing") -> int:
    """Write the briefing to `target`; returns the number of pages."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("MetroViewer")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    doc = briefing_document(html_text)
    doc.print_(writer)
    del writer  # finishes the file
    from pypdf import PdfReader

    return len(PdfReader(str(target)).pages)


def print_preview(html_text: str, parent: QWidget | None = None) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    doc = briefing_document(html_text)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(doc.print_)
    dialog.exec()
