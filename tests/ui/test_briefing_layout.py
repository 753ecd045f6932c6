"""A 200-article briefing laid out on pages: contents with the right page numbers, no heading at
the foot of a page, no chart, table or article split across pages."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from metroviewer.briefing.compose import compose_briefing
from metroviewer.briefing.document import Chart, Heading, Keep, Table, briefing_document
from metroviewer.briefing.recipe import PageSetup
from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store
from metroviewer.ui.briefing_charts import chart_images
from metroviewer.ui.briefing_pages import BriefingPages
from metroviewer.ui.briefing_printer import write_pdf
from metroviewer.ui.fonts import ensure_fonts


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    from bench.corpus import generate

    folder = tmp_path_factory.mktemp("corpus")
    generate(folder / "docs", 300, seed=11)  # near-copies are grouped as stories: 200 stories are kept
    with Store(folder / "big.db") as store:
        ImportRun(store).run([folder / "docs"])
    return folder / "big.db"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a_200_article_briefing_keeps_headings_charts_and_tables_whole(qapp, big_store, tmp_path, size):
    ensure_fonts()
    with Store(big_store) as store:
        stories = store.stories.one_per_story(store.articles.ids())[:200]
        b = compose_briefing(store, default_gazetteer(), language="zh_CN", article_ids=stories)
    assert b.article_count == 200
    doc = briefing_document(b)
    images = chart_images(doc)
    page = PageSetup(size, 20)
    pages = BriefingPages(doc, images, page)
    assert pages.pages > 4 and pages.contents  # long enough for a table of contents

    for p in pages.placed:
        if isinstance(p.block, Chart | Table | Keep):
            assert not p.cut, p.block  # never split
        if isinstance(p.block, Heading):  # never the last thing on its page
            assert any(q.page == p.page and q.top > p.top for q in pages.placed), p.block.text
    assert max(p.top + p.height for p in pages.placed) <= pages.body.height() + 0.5

    out = tmp_path / "big.pdf"
    assert write_pdf(doc, out, images, page) == pages.pages
    reader = PdfReader(str(out))
    texts = [_squeeze(p.extract_text()) for p in reader.pages]
    assert len(texts) == pages.pages
    contents_page = next(i for i, t in enumerate(texts) if "目录" in t)
    # the contents list each part with the page it is on, and the heading is on that page
    assert [text for text, _ in pages.contents][:2] == ["内容提要", "图表概览"]
    for text, number in pages.contents:
        assert _squeeze(f"{text}{number}") in texts[contents_page], text
        assert _squeeze(text) in texts[number - 1], (text, number)
    # every chart is drawn once, whole, on one page
    assert sum(len(p.images) for p in reader.pages) == len(images) == 4
    # running header from the second page, "page x of y" footer on every page
    for number, text in enumerate(texts, 1):
        assert f"第{number}页，共{pages.pages}页" in text
        if number > 1:
            assert _squeeze(b.title) in text
