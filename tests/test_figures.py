"""Figures read from articles, themes, and the summary panels' data: what an analyst sees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metroviewer.core.text import fold_same_length
from metroviewer.figures.extract import extract_figures
from metroviewer.figures.format import figure_value
from metroviewer.figures.themes import article_themes
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store.articles import ArticleFilter
from metroviewer.summary.data import panel_data

from .conftest import T1, T2


def figures(text: str) -> list[tuple[str, str, str, int | None]]:
    return [(f.kind, f.label, figure_value(f), f.year) for f in extract_figures(fold_same_length(text), original=text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("南京都市圈GDP突破5.4万亿", ("amount", "GDP", "> 5.4 trillion yuan", None)),
        ("2024年地区生产总值达44695.58亿元", ("amount", "地区生产总值", "4.47 trillion yuan", 2024)),
        ("总投资约120亿元", ("amount", "总投资", "≈ 12 billion yuan", None)),
        ("常住人口3257.56万人", ("population", "常住人口", "32.58 million people", None)),
        ("面积19117平方公里", ("area", "面积", "19,117 km²", None)),
        ("1GWh固态电池集成线", ("capacity", "固态电池集成线", "1 GWh", None)),
        ("装机容量120万千瓦", ("capacity", "装机", "1.2 GW", None)),
        ("同比增长8.5%", ("growth", "", "8.5%", None)),
        ("占比68.61％", ("share", "", "68.61%", None)),
        ("提高1.2个百分点", ("growth", "", "1.2 pp", None)),
        ("打造1小时通勤圈", ("commute", "通勤圈", "1 h", None)),
        ("半小时交通圈", ("commute", "交通圈", "30 min", None)),
        ("a 30-minute commute", ("commute", "commute", "30 min", None)),
        ("GDP exceeding 5.4 trillion yuan in 2024", ("amount", "GDP", "> 5.4 trillion yuan", 2024)),
        ("二期项目已开工,预计2026 年建成。", ("milestone", "建成", "2026 建成", 2026)),
        ("2023年5月一期投产", ("milestone", "投产", "2023-05 投产", 2023)),
    ],
)
def test_figures_are_read_with_their_unit_qualifier_and_year(text, expected):
    assert expected in figures(text)


def test_a_bare_number_or_a_date_alone_is_not_a_figure():
    assert figures("会议于2024年召开,共有300万") == []
    # 1953.6亿元 is an amount, not the year 1953
    assert figures("2010年产值1953.6亿元")[0][3] == 2010


def test_a_figure_names_the_region_of_its_sentence():
    text = "南京都市圈GDP突破5.4万亿。合肥都市圈常住人口3000万人。"
    folded = fold_same_length(text)
    positions = {"南京都市圈": [0], "合肥都市圈": [text.index("合肥")]}
    found = extract_figures(folded, positions, original=text)
    assert [(f.kind, f.region_id) for f in found] == [("amount", "南京都市圈"), ("population", "合肥都市圈")]
    assert found[1].sentence == "合肥都市圈常住人口3000万人。"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,%万亿元年月人GWhgdp突破约 建成投产半小时通勤圈。\n"), max_size=120))
def test_figure_extraction_never_raises_and_quotes_the_text(text):
    for f in extract_figures(fold_same_length(text), original=text):
        assert f.text == text[f.start : f.end]


def test_themes_need_two_mentions_or_the_title():
    assert article_themes("轨道交通建设提速", "") == {"transport": 2}
    assert article_themes("", "地铁") == {}
    assert article_themes("", "the new rail line and the metro") == {"transport": 2}
    assert article_themes("", "we support the report") == {}  # not "port"


def test_the_sample_articles_carry_the_figures_product_md_names(sample_store):
    g = default_gazetteer()
    data = panel_data(sample_store, g, ArticleFilter(region="南京都市圈"))
    nanjing = [(figure_value(af.figure), af.figure.label, af.figure.year, af.figure.region_id)
               for af in data.figures if af.article_title == T2]
    assert ("> 5.4 trillion yuan", "GDP", 2024, "南京都市圈") in nanjing
    # figures about the selected region come first
    assert data.figures[0].figure.region_id == "南京都市圈"
    chengdu = panel_data(sample_store, g, ArticleFilter(region="成都都市圈"))
    first = [(figure_value(af.figure), af.figure.year) for af in chengdu.figures if af.article_title == T1]
    assert ("1 GWh", 2023) in first and ("2026 建成", 2026) in first


def test_panel_data_counts_months_sources_regions_and_themes(sample_store):
    data = panel_data(sample_store, default_gazetteer(), ArticleFilter(topic="产业同城化"))
    assert data.total == 2 and data.sampled == 2 and not data.is_sample
    assert dict(data.months) == {"2025-12": 1, "2025-09": 1}
    assert dict(data.sources) == {"新浪财经": 1, "21世纪经济报道": 1}
    regions = {name: n for _rid, name, n in data.regions}
    assert regions["成都都市圈"] == 2 and len(regions) == 12  # the twelve most mentioned
    assert dict(data.themes)["industry"] == 2


def test_panels_for_a_search_describe_its_matches(sample_store):
    data = panel_data(sample_store, default_gazetteer(), ArticleFilter(), query="资阳")
    assert data.total == 1 and not data.months_complete
    assert dict(data.months) == {"2025-12": 1}


def test_a_region_without_articles_has_empty_panels(sample_store):
    data = panel_data(sample_store, default_gazetteer(), ArticleFilter(region="哈长"))
    assert data.total == 0 and data.months == [] and data.figures == []
