"""Whose number, of which year and of what kind: the sentences of issue 12 and others of the
same shapes (Chinese and English), exact values, and a region's key figures."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from metroviewer.core.models import Figure
from metroviewer.figures.extract import article_figures
from metroviewer.figures.format import figure_value
from metroviewer.figures.keyfigures import SourcedFigure, key_figures
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger


@lru_cache(maxsize=1)
def _tagger() -> RegionTagger:
    return RegionTagger(default_gazetteer())


def read(text: str, title: str = "") -> list[Figure]:
    return article_figures(title, text, _tagger())


def whose(text: str, title: str = "") -> list[tuple[str, int | float | None, int | None, str | None]]:
    return [(f.kind, f.value, f.year, f.region_id) for f in read(text, title)]


# The sentences


def test_respective_lists_pair_in_order_with_the_year_of_the_sentence():
    assert whose("深圳都市圈和广州都市圈2021年的GDP分别是44695.58亿元和43166.49亿元。") == [
        ("amount", 4469558000000, 2021, "深圳都市圈"), ("amount", 4316649000000, 2021, "广州都市圈")]


def test_a_list_takes_the_year_the_sentence_before_set():
    text = "2021年，广东五大都市圈GDP合计超过了11万亿元。湛茂、汕潮揭都市圈经济总量较小，GDP依次为7258.03亿元和6440.15亿元。"
    found = whose(text)
    assert found[0] == ("amount", 11000000000000, 2021, None)  # five areas together: no one region
    assert found[1:] == [("amount", 725803000000, 2021, "湛茂都市圈"), ("amount", 644015000000, 2021, "汕潮揭都市圈")]


def test_a_list_item_the_tagger_does_not_know_keeps_its_place():
    found = whose("2021年，珠西、湛茂、汕潮揭都市圈GDP依次为11049.2亿元、7258.03亿元和6440.15亿元。")
    assert [r for *_, r in found][1:] == ["湛茂都市圈", "汕潮揭都市圈"]
    assert found[0][3] in (None, "珠西都市圈")  # never 湛茂's or a guess from another clause


def test_attributive_order_gives_each_value_to_the_name_after_its_de():
    text = "GDP突破3万亿元的深圳、2.8万亿元的广州、超2万亿元的香港、1.2万亿元的佛山、1万亿元的东莞"
    assert [(figure_value(f), f.region_id, f.label) for f in read(text)] == [
        ("> 3 trillion yuan", "深圳", "GDP"), ("2.8 trillion yuan", "广州", "GDP"), ("> 2 trillion yuan", "香港", "GDP"),
        ("1.2 trillion yuan", "佛山", "GDP"), ("1 trillion yuan", "东莞", "GDP")]


def test_shares_of_core_cities_go_to_the_cities():
    found = whose("核心城市深圳、广州GDP占都市圈的比重达到68.61%和65.4%。")
    assert found == [("share", 68.61, None, "深圳"), ("share", 65.4, None, "广州")]


def test_the_measure_set_earlier_in_the_sentence_makes_a_population():
    found = read("从人口上看，广州都市圈最多，达到3257.56万，深圳都市圈紧随其后，为3247.99万人。")
    assert [(f.kind, f.value, f.unit, f.region_id) for f in found] == [
        ("population", 32575600, "people", "广州都市圈"), ("population", 32479900, "people", "深圳都市圈")]


def test_growth_multiples_qualifiers_and_exact_values():
    found = read("深圳GDP增长10.5%，GDP已是之前的1万倍。广东GDP超过了10万亿。南京都市圈GDP为2637.99亿元。")
    assert [(f.kind, f.value, f.unit, f.qualifier) for f in found] == [
        ("growth", 10.5, "%", ""), ("multiple", 10000, "×", ""), ("amount", 10**13, "yuan", ">"),
        ("amount", 263799000000, "yuan", "")]
    assert json.dumps(found[-1].value) == "263799000000"


# Other sentences of the same shapes


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年，苏州、无锡、常州三市GDP依次为24653.4亿元、15456.19亿元和10116.4亿元。",
     [("amount", 2465340000000, 2023, "苏州"), ("amount", 1545619000000, 2023, "无锡"),
      ("amount", 1011640000000, 2023, "常州")]),
    ("成都和重庆2022年的常住人口分别是2126.8万人和3213.3万人。",
     [("population", 21268000, 2022, "成都"), ("population", 32133000, 2022, "重庆")]),
    ("西安、郑州GDP分别为1.2万亿元和1.36万亿元，分别增长5.2%和7.4%。",
     [("amount", 1200000000000, None, "西安"), ("amount", 1360000000000, None, "郑州"),
      ("growth", 5.2, None, "西安"), ("growth", 7.4, None, "郑州")]),
    ("2022年，GDP超过2万亿元的杭州、1.7万亿元的南京和1.6万亿元的宁波位列前三。",
     [("amount", 2000000000000, 2022, "杭州"), ("amount", 1700000000000, 2022, "南京"),
      ("amount", 1600000000000, 2022, "宁波")]),
    ("核心城市合肥GDP占都市圈的比重为25.8%，芜湖占14.1%。",  # (the tagger misses 南京 in 城市南京)
     [("share", 25.8, None, "合肥"), ("share", 14.1, None, "芜湖")]),
    ("南京、合肥两市GDP合计超过3万亿元。", [("amount", 3000000000000, None, None)]),
    ("南京都市圈GDP是合肥都市圈的1.8倍。", [("multiple", 1.8, None, "南京都市圈")]),
    ("2023年，武汉都市圈发展提速。都市圈GDP达到3.5万亿元，同比增长6%。",
     [("amount", 3500000000000, 2023, "武汉都市圈"), ("growth", 6, 2023, "武汉都市圈")]),
    ("In 2023, Suzhou and Wuxi posted GDP of 2.47 trillion yuan and 1.55 trillion yuan, respectively.",
     [("amount", 2470000000000, 2023, "苏州"), ("amount", 1550000000000, 2023, "无锡")]),
    ("Nanjing's GDP grew 4.6% year on year in 2023, while its population reached 9.55 million people.",
     [("growth", 4.6, 2023, "南京"), ("population", 9550000, 2023, "南京")]),
    ("Hefei, Wuhu and Chuzhou had populations of 9.85, 3.73 and 4.03 million, respectively, in 2023.",
     [("population", 9850000, 2023, "合肥"), ("population", 3730000, 2023, "芜湖"),
      ("population", 4030000, 2023, "滁州")]),
])
def test_sentences_of_the_same_shapes(text, expected):
    assert whose(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("人口达到3257.56万", ("population", 32575600, "people", "")),
    ("常住人口1.2亿人", ("population", 120000000, "people", "")),
    ("常住人口逾3000万人", ("population", 30000000, "people", ">")),
    ("GDP近5万亿元", ("amount", 5000000000000, "yuan", "≈")),
    ("GDP不足1万亿元", ("amount", 1000000000000, "yuan", "<")),
    ("GDP约为1.3万亿元", ("amount", 1300000000000, "yuan", "≈")),
    ("人均GDP达到15.6万元", ("per_capita", 156000, "yuan", "")),
    ("GDP增速为6.5%", ("growth", 6.5, "%", "")),
    ("占全国的比重为2.1%", ("share", 2.1, "%", "")),
    ("合肥GDP已是2000年的40倍", ("multiple", 40, "×", "")),
    ("home to more than 33 million people", ("population", 33000000, "people", ">")),
    ("GDP reached nearly 3.5 trillion yuan", ("amount", 3500000000000, "yuan", "≈")),
    ("GDP per capita of over 20,000 US dollars", ("per_capita", 20000, "USD", ">")),
    ("output was 3 times that of 2010", ("multiple", 3, "×", "")),
])
def test_kinds_units_and_qualifiers(text, expected):
    assert [(f.kind, f.value, f.unit, f.qualifier) for f in read(text)][:1] == [expected]


def test_ranges_keep_both_ends():
    f = read("总投资1.2万–1.5万亿元")[0]
    assert (f.value, f.high, figure_value(f)) == (1200000000000, 1500000000000, "1.2–1.5 trillion yuan")
    g = read("GDP预计达到8000亿-1.2万亿元")[0]
    assert (g.value, g.high) == (800000000000, 1200000000000)
    h = read("annual growth of 5%-6%")[0]
    assert (h.kind, h.value, h.high, figure_value(h)) == ("growth", 5, 6, "5–6%")


def test_values_are_exact_and_serialise_as_written():
    values = [f.value for f in read("GDP为44695.58亿元，人口3247.99万人，占比68.61%，产能0.5GWh，面积1.23万平方公里。")]
    assert values == [4469558000000, 32479900, 68.61, 0.5, 12300]
    assert json.dumps(values) == "[4469558000000, 32479900, 68.61, 0.5, 12300]"


# Key figures


def _sourced(kind, measure, value, year, region, article, source, when="2024-01-01", qualifier=""):
    f = Figure(kind=kind, label=measure, value=value, unit="yuan" if kind == "amount" else "people",
               qualifier=qualifier, year=year, when="", text=str(value), start=0, end=1,
               sentence=f"{measure} {value} ({article})", region_id=region, measure=measure)
    return SourcedFigure(f, article, f"article {article}", source, when)


def test_key_figures_give_the_latest_value_with_history_and_conflicts_side_by_side():
    figures = [
        _sourced("amount", "GDP", 5000000000000, 2022, "南京都市圈", 1, "新华社", "2023-02-01"),
        _sourced("amount", "GDP", 5300000000000, 2023, "南京都市圈", 2, "新华社", "2024-02-01"),
        _sourced("amount", "GDP", 5310000000000, 2023, "南京都市圈", 3, "21世纪经济报道", "2024-03-01"),
        _sourced("amount", "GDP", 5300000000000, 2023, "南京都市圈", 4, "澎湃新闻", "2024-03-05"),
        _sourced("population", "population", 35000000, 2023, "南京都市圈", 2, "新华社"),
        _sourced("amount", "GDP", 1850081000000, 2024, "南京", 5, "新华社"),  # another region
        _sourced("amount", "investment", 4500000000, None, "南京都市圈", 6, "新华社"),
    ]
    keys = key_figures(figures, "南京都市圈")
    assert [(k.kind, k.measure) for k in keys] == [("amount", "GDP"), ("population", "population"),
                                                  ("amount", "investment")]
    gdp = keys[0]
    assert gdp.year == 2023 and gdp.conflicting
    # 5.3 trillion (two articles) beside 5.31 trillion (one): side by side, not averaged
    assert [(v.value, [s.article_id for s in v.sources]) for v in gdp.latest] == [
        (5300000000000, [4, 2]), (5310000000000, [3])]
    assert gdp.latest[0].display == "5.3 trillion yuan" and gdp.latest[0].sentence.endswith("(4)")
    assert [(v.year, v.value) for v in gdp.history] == [(2022, 5000000000000)]
    assert keys[2].year is None and not keys[2].conflicting
