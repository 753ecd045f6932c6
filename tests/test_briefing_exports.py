"""The editable copies: Word and Markdown hold the same headings, tables and pictures as the PDF."""

from __future__ import annotations

import re

from docx import Document
from pypdf import PdfReader

from .test_rollup import run_cli


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_docx_and_markdown_hold_the_pdfs_headings_tables_and_pictures(sample_store_path, tmp_path):
    pdf, docx, md = tmp_path / "b.pdf", tmp_path / "b.docx", tmp_path / "b.md"
    r = run_cli("brief", "--region", "成都都市圈", "--language", "zh_CN", "--pdf", str(pdf), "--docx", str(docx),
                "--markdown", str(md), "--db", str(sample_store_path))
    assert r.returncode == 0, r.stderr
    pdf_text = _squeeze("".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
    pdf_pictures = sum(len(p.images) for p in PdfReader(str(pdf)).pages)

    word = Document(str(docx))
    headings = [(p.style.name, p.text) for p in word.paragraphs
                if p.style.name.startswith("Heading") or p.style.name == "Title"]
    texts = [text for _, text in headings]
    assert texts[0] == "成都都市圈简报" and headings[0][0] == "Title"
    for expected in ("内容提要", "关键数据", "要闻", "重要节点", "图表概览", "每月文章数", "成都都市圈 (2)", "附录：来源"):
        assert expected in texts, expected
    for _style, text in headings:  # every Word heading is a heading of the PDF
        assert _squeeze(text) in pdf_text, text
    pictures = word.inline_shapes
    assert len(pictures) == pdf_pictures == 4
    tables = word.tables
    assert [len(t.columns) for t in tables] == [2, 5, 4, 2]  # facts, key figures, milestones, sources
    assert [c.text for c in tables[1].rows[0].cells] == ["地区", "指标", "最新值", "年份", "来源"]
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                assert _squeeze(cell.text) in pdf_text, cell.text

    markdown = md.read_text(encoding="utf-8")
    md_headings = [line.lstrip("#").strip().replace("\\", "") for line in markdown.splitlines() if line.startswith("#")]
    assert md_headings == texts
    assert markdown.count("| 地区 | 指标 | 最新值 | 年份 | 来源 |") == 1
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    assert len(pictures) == 4 and all((tmp_path / p).is_file() for p in pictures)
