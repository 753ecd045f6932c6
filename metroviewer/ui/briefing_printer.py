"""Printing and saving briefings: PDF (fonts embedded, text selectable), print preview, and the
Word and Markdown copies with the same charts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from ..briefing.compose import Briefing
from ..briefing.document import BriefingDocument, briefing_document
from ..briefing.recipe import PageSetup
from .briefing_pages import BriefingPages

PDF_RESOLUTION = 600


def page_layout(page: PageSetup) -> QPageLayout:
    """The paper with no margins of Qt's own: BriefingPages draws the margins, header and footer."""
    size = QPageSize(QPageSize.PageSizeId.A4 if page.size == "A4" else QPageSize.PageSizeId.Letter)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


def write_pdf(doc: BriefingDocument, target: Path, images: dict[str, QImage] | None = None,
              page: PageSetup | None = None) -> int:
    """Write the briefing to `target`; returns the number of pages."""
    page = page or PageSetup()
    pages = BriefingPages(doc, images, page)
    writer = QPdfWriter(str(target))
    writer.setTitle(doc.title)
    writer.setCreator("MetroViewer")
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        pages.paint(painter, writer.resolution(), writer.newPage)
    finally:
        painter.end()
    return pages.pages


@dataclass
class Written:
    pages: int = 0  # of the PDF, when one was written
    files: list[Path] | None = None


def write_briefing(briefing: Briefing, *, pdf: Path | None = None, docx: Path | None = None,
                   markdown: Path | None = None, page: PageSetup | None = None) -> Written:
    """A composed briefing as PDF, Word and/or Markdown, with its charts, without a display (the
    command line's `brief`)."""
    import os
    import sys

    from PySide6.QtWidgets import QApplication

    from .briefing_charts import chart_images
    from .fonts import register_fonts

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts(app)
    doc = briefing_document(briefing)
    images = chart_images(doc)
    return write_copies(doc, images, pdf=pdf, docx=docx, markdown=markdown, page=page)


def write_copies(doc: BriefingDocument, images: dict[str, QImage], *, pdf: Path | None = None,
                 docx: Path | None = None, markdown: Path | None = None, page: PageSetup | None = None) -> Written:
    """Write each asked-for format (any thread: the charts are already images)."""
    from ..briefing.markdown import write_markdown
    from ..briefing.word import write_docx
    from .briefing_charts import png_bytes

    written = Written(files=[])
    if pdf is not None:
        written.pages = write_pdf(doc, pdf, images, page)
        written.files.append(pdf)
    pngs = png_bytes(images) if (docx is not None or markdown is not None) else {}
    if docx is not None:
        write_docx(doc, docx, pngs, page)
        written.files.append(docx)
    if markdown is not None:
        written.files.extend(write_markdown(doc, markdown, pngs))
    return written


def write_briefing_pdf(briefing: Briefing, target: Path, page: PageSetup | None = None) -> int:
    """The PDF alone; returns its number of pages."""
    return write_briefing(briefing, pdf=target, page=page).pages


def print_preview(doc: BriefingDocument, images: dict[str, QImage], parent: QWidget | None = None,
                  page: PageSetup | None = None) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    page = page or PageSetup()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(page))
    pages = BriefingPages(doc, images, page)

    def paint(device: QPrinter) -> None:
        painter = QPainter(device)
        try:
            pages.paint(painter, device.resolution(), device.newPage)
        finally:
            painter.end()

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(paint)
    dialog.exec()
