"""A briefing's blocks laid out on pages: each block is a small QTextDocument placed by us, so a
heading always stays with what follows it, an article, chart or table is never split, a running
header and footer frame every page, and the table of contents gets real page numbers.

Qt's own QTextDocument.print_ breaks anywhere (headings were stranded at page feet) and has no
header, footer or keep-together rules, hence this small layout of our own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QTextDocument

from ..briefing.document import Block, BriefingDocument, Chart, Contents, Heading, Keep, PageBreak, Table
from ..briefing.html import block_html, briefing_css, contents_html
from ..briefing.recipe import PageSetup
from .fonts import CJK_FAMILY

DPI = 96.0  # the layout's unit: a pixel at 96 dpi; the painter is scaled to the device
CONTENTS_AFTER_PAGES = 4  # a briefing longer than this gets a table of contents
HEADER_MM = 10.0  # the running header and footer sit this far from the paper's edge
MIN_MARGIN_MM = 14.0  # top and bottom margins leave room for them


def mm(value: float) -> float:
    return value * DPI / 25.4


def briefing_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", CJK_FAMILY])
    font.setPointSizeF(point_size)
    # No ligatures: "fi" drawn as one glyph comes back from the PDF as "ﬁ", and search misses it.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


@dataclass
class Placed:
    """Where a block went: its page (1-based), top and height on it, and whether it had to be
    cut across pages (only a block taller than a whole page is)."""

    block: Block
    page: int
    top: float
    height: float
    document: QTextDocument = field(repr=False)
    offset: float = 0.0  # for a cut block: the part of it shown on this page starts here
    cut: bool = False


class BriefingPages:
    def __init__(self, doc: BriefingDocument, images: dict[str, QImage] | None = None,
                 page: PageSetup | None = None):
        self.doc = doc
        self.images = images or {}
        self.setup = page or PageSetup()
        width_mm, height_mm = self.setup.size_mm
        side = mm(self.setup.margin_mm)
        top = mm(max(self.setup.margin_mm, MIN_MARGIN_MM))
        self.paper = (mm(width_mm), mm(height_mm))
        self.body = QRectF(side, top, self.paper[0] - 2 * side, self.paper[1] - 2 * top)
        self.css = briefing_css()
        self._documents: dict[int, QTextDocument] = {}
        self.placed: list[Placed] = []
        self.contents: list[tuple[str, int]] = []
        self.pages = 0
        self.layout()

    # -- layout -----------------------------------------------------------------------------

    def _document(self, html_text: str) -> QTextDocument:
        doc = QTextDocument()
        for name, image in self.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
        doc.setDefaultFont(briefing_font())
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(self.css)
        doc.setHtml(html_text)
        doc.setTextWidth(self.body.width())
        return doc

    def _block_document(self, block: Block) -> QTextDocument:
        key = id(block)
        if key not in self._documents:
            self._documents[key] = self._document(block_html(block))
        return self._documents[key]

    def _units(self, with_contents: bool) -> list[list[tuple[Block, QTextDocument]] | None]:
        """The blocks in groups placed as one: headings with the block after them. None is a page break."""
        units: list[list[tuple[Block, QTextDocument]] | None] = []
        pending: list[tuple[Block, QTextDocument]] = []
        for block in self.doc.blocks:
            if isinstance(block, PageBreak):
                if pending:
                    units.append(pending)
                    pending = []
                units.append(None)
                continue
            if isinstance(block, Contents):
                if with_contents:
                    units.append([(block, self._document(contents_html(block.title, self.contents)))])
                    units.append(None)
                continue
            pending.append((block, self._block_document(block)))
            if not isinstance(block, Heading):
                units.append(pending)
                pending = []
        if pending:
            units.append(pending)
        return units

    def layout(self) -> None:
        """Place every block; with more than four pages, add the contents and place again until
        its page numbers hold."""
        self._place(with_contents=False)
        if self.pages <= CONTENTS_AFTER_PAGES:
            return
        self.contents = self.headings()
        for _ in range(4):
            self._place(with_contents=True)
            found = self.headings()
            if found == self.contents:
                return
            self.contents = found
        self._place(with_contents=True)

    def _place(self, with_contents: bool) -> None:
        self.placed = []
        page, y = 1, 0.0
        height = self.body.height()
        for unit in self._units(with_contents):
            if unit is None:
                if y > 0:
                    page, y = page + 1, 0.0
                continue
            total = sum(d.size().height() for _, d in unit)
            if y > 0 and y + total > height:
                page, y = page + 1, 0.0
            for block, d in unit:
                h = d.size().height()
                if h <= height - y:
                    self.placed.append(Placed(block, page, y, h, d))
                    y += h
                    continue
                if y > 0:  # taller than what is left: start it on a new page, then cut it
                    page, y = page + 1, 0.0
                offset = 0.0
                while offset < h:
                    part = min(height, h - offset)
                    self.placed.append(Placed(block, page, 0.0, part, d, offset, cut=h > height))
                    offset += part
                    if offset < h:
                        page += 1
                    y = part
        self.pages = max((p.page for p in self.placed), default=1)

    def headings(self) -> list[tuple[str, int]]:
        """The contents' entries: each part's heading and the page it is on."""
        return [(p.block.full_text, p.page) for p in self.placed
                if isinstance(p.block, Heading) and p.block.in_contents]

    # -- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, resolution: float, new_page) -> None:
        """Draw every page; `new_page()` starts the next one (QPdfWriter.newPage, QPrinter.newPage)."""
        scale = resolution / DPI
        for number in range(1, self.pages + 1):
            if number > 1:
                new_page()
            painter.save()
            painter.scale(scale, scale)
            self._frame(painter, number)
            for p in (p for p in self.placed if p.page == number):
                painter.save()
                painter.translate(self.body.left(), self.body.top() + p.top - p.offset)
                p.document.drawContents(painter, QRectF(0, p.offset, self.body.width(), p.height))
                painter.restore()
            painter.restore()

    def _frame(self, painter: QPainter, number: int) -> None:
        """The running header (title, scope; not on the first page) and the footer (date, page x of y)."""
        t = self.doc.labels
        font = briefing_font()
        font.setPixelSize(10)  # in layout pixels, like the text: a point size would follow the device's dpi
        painter.setFont(font)
        painter.setPen(QColor("#666666"))
        metrics = QFontMetricsF(font)
        left, right = self.body.left(), self.body.right()
        edge = mm(HEADER_MM)
        if number > 1:
            scope = metrics.elidedText(self.doc.scope, Qt.TextElideMode.ElideRight, self.body.width() * 0.45)
            title = metrics.elidedText(self.doc.title, Qt.TextElideMode.ElideRight, self.body.width() * 0.5)
            baseline = edge + metrics.ascent()
            painter.drawText(QPointF(left, baseline), title)
            painter.drawText(QPointF(right - metrics.horizontalAdvance(scope), baseline), scope)
            painter.setPen(QPen(QColor("#bbbbbb"), 0.5))
            painter.drawLine(QPointF(left, baseline + 4), QPointF(right, baseline + 4))
            painter.setPen(QColor("#666666"))
        baseline = self.paper[1] - edge
        painter.drawText(QPointF(left, baseline), self.doc.compiled)
        page = t("Page {0} of {1}", number, self.pages)
        painter.drawText(QPointF(right - metrics.horizontalAdvance(page), baseline), page)


def is_unsplittable(block: Block) -> bool:
    return isinstance(block, Chart | Table | Keep)
