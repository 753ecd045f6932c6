"""What a figure measures: the label words looked for near it (GDP, 人口, 投资 …), and the
measure they name once normalised, so 地区生产总值, 经济总量 and GDP count as one measure."""

from __future__ import annotations

import re

# Labels, looked for in a figure's clause; at one position the longer alternative comes first
# (人均GDP before 人口, gdp per capita before gdp).
LABELS = re.compile(
    r"人均gdp|人均地区生产总值|人均生产总值|人均可支配收入|人均收入|gdp per capita|per[- ]capita gdp|"
    r"per[- ]capita (?:disposable )?income|"
    r"gdp|地区生产总值|生产总值|经济总量|gross domestic product|economic output|"
    r"工业增加值|增加值|固定资产投资|社会消费品零售总额|一般公共预算收入|财政收入|研发投入|研发经费|"
    r"总投资|投资|产值|营业收入|营收|收入|市场规模|规模|总额|市值|融资|基金|"
    r"常住人口|户籍人口|总人口|人口|面积|产能|装机|客流|货运量|吞吐量|进出口|外贸|出口|消费|研发|城镇化率|"
    r"investment|output|revenue|population|residents|area|capacity|trade|exports|funding"
)
POPULATION_LABELS = frozenset(("人口", "常住人口", "户籍人口", "总人口", "客流", "population", "residents"))
_GDP = frozenset(("gdp", "地区生产总值", "生产总值", "经济总量", "gross domestic product", "economic output"))
_MEASURES = {
    "人均gdp": "per-capita GDP", "人均地区生产总值": "per-capita GDP", "人均生产总值": "per-capita GDP",
    "gdp per capita": "per-capita GDP", "per capita gdp": "per-capita GDP", "per-capita gdp": "per-capita GDP",
    "人均可支配收入": "per-capita income", "人均收入": "per-capita income", "per capita income": "per-capita income",
    "per-capita income": "per-capita income", "per capita disposable income": "per-capita income",
    "per-capita disposable income": "per-capita income",
    "常住人口": "population", "户籍人口": "registered population", "总人口": "population", "人口": "population",
    "population": "population", "residents": "population", "客流": "passenger trips",
    "面积": "area", "area": "area", "总投资": "investment", "投资": "investment", "investment": "investment",
    "固定资产投资": "fixed-asset investment", "社会消费品零售总额": "retail sales", "进出口": "foreign trade",
    "外贸": "foreign trade", "trade": "foreign trade", "一般公共预算收入": "fiscal revenue",
    "财政收入": "fiscal revenue", "研发投入": "R&D spending", "研发经费": "R&D spending",
    "城镇化率": "urbanisation rate",
}
_KIND_MEASURES = {"population": "population", "area": "area", "commute": "commute"}


def is_per_capita(label: str) -> bool:
    low = label.lower()
    return low.startswith("人均") or "capita" in low


def measure_of(kind: str, label: str, unit: str = "") -> str:
    """The measure a figure of `kind` labelled `label` gives: GDP, population, per-capita GDP …"""
    low = " ".join(label.lower().split())
    if kind == "population" and (unit == "trips" or low == "客流"):
        return "passenger trips"
    if kind in _KIND_MEASURES:
        return _KIND_MEASURES[kind]
    if low in _GDP:
        return "GDP"
    if kind == "milestone":
        return label
    return _MEASURES.get(low, label)
