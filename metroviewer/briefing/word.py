"""A briefing as an editable Word file (python-docx): Word headings, real tables, the charts as
pictures, a contents field Word fills in, and the same running header and footer as the PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .document import BriefingDocument, Chart, Contents, Heading, Items, Keep, PageBreak, Para, Table
from .recipe import PageSetup

# Word picks a CJK face by this name, or its own substitute where it is missing.
EAST_ASIAN_FONT = "Microsoft YaHei"
_PARA_SIZES = {"meta": 8.5, "small": 8.5, "scope": 12, "note": 10}
_GREY = RGBColor(0x66, 0x66, 0x66)


def write_docx(doc: BriefingDocument, target: Path, images: dict[str, bytes] | None = None,
               page: PageSetup | None = None) -> None:
    images = images or {}
    page = page or PageSetup()
    word = Document()
    _page_setup(word, page)
    _fonts(word)
    _header_footer(word, doc)
    text_width = page.size_mm[0] - 2 * page.margin_mm
    for block in doc.blocks:
        _add(word, block, images, text_width)
    word.core_properties.title = doc.title
    word.core_properties.subject = doc.scope
    word.save(str(target))


def _add(word, block, images: dict[str, bytes], text_width: float) -> None:
    if isinstance(block, Heading):
        if block.level == 0:
            word.add_heading(block.text, 0)
        else:
            word.add_heading(block.full_text, block.level)
    elif isinstance(block, Para):
        paragraph = word.add_paragraph()
        for text, bold in block.runs:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if block.style in _PARA_SIZES:
                run.font.size = Pt(_PARA_SIZES[block.style])
            if block.style in ("meta", "small"):
                run.font.color.rgb = _GREY
    elif isinstance(block, Items):
        for item in block.items:
            paragraph = word.add_paragraph(style="List Number")
            for text, bold in item:
                paragraph.add_run(text).bold = bold or None
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, Chart):
        if block.name in images:
            width = min(text_width, block.width * 25.4 / 96)
            word.add_picture(BytesIO(images[block.name]), width=Mm(width))
    elif isinstance(block, Keep):
        for inner in block.blocks:
            _add(word, inner, images, text_width)
        _keep_together(word, len(block.blocks))
    elif isinstance(block, PageBreak):
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, Contents):
        # a bold line, not a heading: the contents do not list themselves (nor does the PDF's)
        title = word.add_paragraph().add_run(block.title)
        title.bold, title.font.size = True, Pt(15)
        _field(word.add_paragraph(), 'TOC \\o "1-1" \\h \\z \\u')


def _table(word, block: Table) -> None:
    columns = len(block.header or block.rows[0]) if (block.header or block.rows) else 1
    table = word.add_table(rows=0, cols=columns)
    table.style = "Table Grid" if block.style == "data" else None
    if block.header:
        cells = table.add_row().cells
        for cell, text in zip(cells, block.header, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(9)
        _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(text).font.size = Pt(9)
    for row in table.rows:  # a row is never broken across pages
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
    word.add_paragraph()


def _page_setup(word, page: PageSetup) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(page.size_mm[0]), Mm(page.size_mm[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(page.margin_mm))


def _fonts(word) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Number"):
        style = word.styles[name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    word.styles["Normal"].font.size = Pt(10.5)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        word.styles[name].paragraph_format.keep_with_next = True


def _header_footer(word, doc: BriefingDocument) -> None:
    section = word.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = f"{doc.title}\t\t{doc.scope}"
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.text = f"{doc.compiled}\t\t"
        if doc.language == "zh_CN":  # 第 x 页，共 y 页
            paragraph.add_run("第")
            _field(paragraph, "PAGE")
            paragraph.add_run("页，共")
            _field(paragraph, "NUMPAGES")
            paragraph.add_run("页")
        else:
            paragraph.add_run("Page ")
            _field(paragraph, "PAGE")
            paragraph.add_run(" of ")
            _field(paragraph, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    """A Word field (page numbers, contents) that Word computes when it shows the file."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = code
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, text, end])


def _repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


def _keep_together(word, count: int) -> None:
    """An article's paragraphs kept on one page (each kept with the next, but the last)."""
    paragraphs = word.paragraphs[-count:]
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.keep_together = True
