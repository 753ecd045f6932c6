"""Briefings: composed from regions, searches or picked articles; written as PDF with real text."""

from __future__ import annotations

import re

from pypdf import PdfReader

from metroviewer.briefing.compose import compose_briefing
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store

from .conftest import T1, T2
from .test_rollup import run_cli


def pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_compose_groups_articles_by_region_and_lists_sources(workflow_store_path):
    with Store(workflow_store_path) as store:
        b = compose_briefing(store, default_gazetteer(), regions=["德阳", "南京都市圈"])
    assert [s.heading for s in b.sections] == ["德阳", "南京都市圈"]
    assert [a.title for a in b.sections[0].articles] == [T1]
    assert [a.title for a in b.sections[1].articles] == [T2]
    assert dict(b.sources) == {"新浪财经": 1, "21世纪经济报道": 1}
    assert b.article_count == 2 and b.date_range == ("2025-09-29", "2025-12-22")


def test_compose_from_a_search_and_a_date_window(sample_store):
    b = compose_briefing(sample_store, default_gazetteer(), query="都市圈", since="2025-12-01", until="2025-12-31")
    assert [a.title for a in b.sections[0].articles] == [T1]
    assert "Search: 都市圈" in b.scope


def test_cli_brief_writes_a_pdf_with_searchable_chinese(workflow_store_path, tmp_path):
    out = tmp_path / "brief.pdf"
    r = run_cli("brief", "--region", "成都都市圈", "--pdf", str(out), "--db", str(workflow_store_path), "--json")
    assert r.returncode == 0, r.stderr
    assert '"articles": 2' in r.stdout
    text = pdf_text(out)
    assert len(PdfReader(str(out)).pages) >= 2
    for expected in ("Briefing:成都都市圈", "长三角资本“西进”为何锁定成都都市圈?", "南京都市圈GDP突破5.4万亿",
                     "DevelopmentPlanning", "LessonsfromExistingMetropolitanAreas", "Appendix:sources", "新浪财经",
                     "Articlespermonth", "Topsources", "Thememix", "Keyfigures", ">5.4trillionyuan", "1GWh"):
        assert expected in text, expected
    # the summary charts are pictures in the PDF, not empty boxes: some of their pixels are bars
    charts = [image for page in PdfReader(str(out)).pages for image in page.images]
    assert len(charts) == 4
    bar_blue = (0x3B, 0x78, 0xB5)
    for chart in charts:
        colours = chart.image.convert("RGB").getcolors(1 << 24)
        # (stored as JPEG: a shade or two off)
        assert sum(n for n, rgb in colours if max(abs(a - b) for a, b in zip(rgb, bar_blue, strict=True)) <= 8) > 500


def test_cli_brief_refuses_an_unwritable_target(workflow_store_path, tmp_path):
    r = run_cli("brief", "--pdf", str(tmp_path / "missing" / "x.pdf"), "--db", str(workflow_store_path))
    assert r.returncode == 2 and "Cannot write" in r.stderr
