"""Briefings in the reader's language: labels, units and dates in Chinese or English, a paper's
section opening with its abstract, and no "no source" as a source."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from metroviewer.briefing.compose import compose_briefing
from metroviewer.briefing.document import Keep, Para, briefing_document
from metroviewer.briefing.excerpt import excerpt
from metroviewer.core.models import Figure
from metroviewer.figures.format import figure_value
from metroviewer.regions.gazetteer import default_gazetteer

from .conftest import by_title
from .test_rollup import run_cli

ENGLISH = ("Briefing", "Date range", "Key figures", "Articles per month", "Top sources", "Theme mix")
CHINESE = ("简报", "时间范围", "关键数据", "每月文章数", "主要来源", "主题分布")
PAPER = "世界级科技创新城市群：长三角一体化与上海科创中心的共同抉择"


def pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


@pytest.mark.parametrize(("language", "present", "absent"), [("zh_CN", CHINESE, ENGLISH), ("en", ENGLISH, CHINESE)])
def test_brief_is_written_in_the_language_asked_for(sample_store_path, tmp_path, language, present, absent):
    out = tmp_path / "out.pdf"
    r = run_cli("brief", "--region", "成都都市圈", "--language", language, "--pdf", str(out),
                "--db", str(sample_store_path))
    assert r.returncode == 0, r.stderr
    text = pdf_text(out)
    for label in present:
        assert label.replace(" ", "") in text, label
    for label in absent:
        assert label.replace(" ", "") not in text, label
    # units and dates in the same language
    if language == "zh_CN":
        assert "超5.4万亿元" in text and "2025年12月22日" in text and "第1页，共" in text
    else:
        assert ">5.4trillionyuan" in text and "22Dec2025" in text and "Page1of" in text


def test_figures_are_written_with_chinese_units():
    def fig(value, unit="yuan", qualifier="", kind="amount", high=None):
        return Figure(kind, "GDP", value, unit, qualifier, 2024, "", "", 0, 0, "", high=high)

    assert figure_value(fig(5.4e12, qualifier=">"), "zh_CN") == "超5.4万亿元"
    assert figure_value(fig(5.4e12, qualifier=">")) == "> 5.4 trillion yuan"
    assert figure_value(fig(2637.99e8), "zh_CN") == "2637.99亿元"
    assert figure_value(fig(1.2e12, high=1.5e12), "zh_CN") == "1.2–1.5万亿元"
    assert figure_value(fig(1350e4, unit="people", kind="population"), "zh_CN") == "1350万人"
    assert figure_value(fig(60, unit="min", kind="commute"), "zh_CN") == "1小时"


def test_a_papers_section_begins_with_its_abstract_not_its_authors(sample_store, tmp_path):
    paper = by_title(sample_store)[PAPER]
    assert paper.authors.startswith("李万")
    text = excerpt(paper)
    assert text.startswith("作为世界第6大都市群，长三角率先建设世界级科技创新城市群")  # the abstract, without [目的/意义]
    assert "李万" not in text and "研究所" not in text
    b = compose_briefing(sample_store, default_gazetteer(), article_ids=[paper.id], language="zh_CN")
    entry = next(block for block in briefing_document(b).blocks if isinstance(block, Keep))
    paragraphs = [block for block in entry.blocks if isinstance(block, Para) and block.style == "body"]
    assert paragraphs[0].text == text


def test_lead_sentences_skip_subheadings_and_no_source_is_never_a_source(sample_store):
    from metroviewer.core.models import Article

    article = Article(0, "标题", "", "", None, False, "", "zh", "图1：项目现场\n责任编辑：张三\n"
                      "战略布局与市场选择 成都都市圈今年开工项目120个。项目总投资达到3000亿元。第三句话在这里。第四句。",
                      None, "")
    assert excerpt(article) == "成都都市圈今年开工项目120个。项目总投资达到3000亿元。第三句话在这里。"
    sample_store.conn.execute("UPDATE articles SET source = '', source_raw = '' WHERE title = ?", [PAPER])
    sample_store.conn.commit()
    b = compose_briefing(sample_store, default_gazetteer(), regions=["长三角"])
    assert all(name.strip() and name != "—" for name, _ in b.sources)
    assert all(name.strip() and name != "—" for name, _ in b.panels.sources)


def test_save_name_follows_scope_date_and_language(sample_store):
    b = compose_briefing(sample_store, default_gazetteer(), regions=["成都都市圈"], language="zh_CN")
    assert b.file_name("pdf") == f"成都都市圈-简报-{b.created[:10]}.pdf"
    b = compose_briefing(sample_store, default_gazetteer(), query="都市圈 GDP", language="en")
    assert b.file_name("docx") == f"都市圈-GDP-briefing-{b.created[:10]}.docx"
