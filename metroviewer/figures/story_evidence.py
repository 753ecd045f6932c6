"""The evidence that a Chinese article and an English one tell the same news (issue 16's
cross-language grouping): the figures they share, and their titles compared after region names
and a few words of policy news are translated into language-free terms.

Texts in two languages share no shingles, so grouping them rests on what survives translation:
a figure is the same value however it is written (480亿 = 48 billion, 38.6万 = 386,000, 1,260 =
1260), a region is the same gazetteer id whatever its name. The figures compared are every
number the text states with its magnitude, not only those figures/extract.py reads (amounts,
growth, shares …): a summary keeps the counts and lengths too (43条 routes, 82公里, 15座 stations),
and those tell one report from another as well. Years, dates and the numbers one to ten (八市,
nine cities) are left out: they say which day or how many cities, not which news. No Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..core.text import fold_same_length
from ..regions.gazetteer import Gazetteer

# A number with its magnitude; what follows it says when it is a date (9月15日, 2026年).
_FIGURE = re.compile(r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|trillion|billion|million)?(\s*[年月日号])?")
_MONTH_BEFORE = re.compile(r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$")
_MAGNITUDE = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "trillion": Decimal(10) ** 12,
              "billion": Decimal(10) ** 9, "million": Decimal(10) ** 6}

# Words of policy news that headlines in both languages use, as one term each. Few and plain on
# purpose: a wrong equivalence would join different news.
_GLOSSARY = {
    "gdp": ("地区生产总值", "生产总值", "gdp", "economy", "economic output"),
    "first-half": ("上半年", "first half", "first-half", "h1"),
    "rail": ("铁路", "高铁", "城际", "rail", "railway", "train"),
    "metro": ("地铁", "轨道交通", "metro", "subway"),
    "opens": ("开通", "通车", "开业", "投运", "opens", "opened", "launch"),
    "port": ("港口", "港区", "集装箱", "吞吐量", "port", "ports", "container", "teu"),
    "airport": ("机场", "航空港", "airport"),
    "tax": ("税收", "税", "tax"),
    "plan": ("规划", "plan"),
    "water": ("水环境", "水质", "长江", "yangtze", "water", "river"),
    "medical": ("医保", "医疗", "就医", "慢特病", "medical", "hospital", "illness", "patients", "health"),
    "transit-card": ("一卡通", "交通卡", "乘车码", "transit card"),
    "talent": ("人才", "职称", "talent"),
    "record": ("新高", "创历史", "record"),
    "trade": ("进出口", "外贸", "trade", "exports"),
}
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10}
_NUMBER = re.compile(r"\d+(?:\.\d+)?|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z])"
                     r"|[一两二三四五六七八九十](?=[市省城地个项条座])")
# English words whole (port is not in transport), Chinese ones anywhere.
_TERM = re.compile("|".join(
    rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
    for w in sorted((w for words in _GLOSSARY.values() for w in words), key=len, reverse=True)))
_TERM_OF = {w: term for term, words in _GLOSSARY.items() for w in words}


@dataclass(frozen=True)
class Evidence:
    """What one article offers for comparison across languages."""

    figures: frozenset[Decimal]  # the numbers it states, magnitudes applied
    title_terms: frozenset[str]  # region anchors ("r:郑州"), numbers ("n:6.1"), glossary terms ("w:gdp")


def evidence(title: str, indexed_body: str, title_regions: Mapping[str, object] | list[str],
             gazetteer: Gazetteer) -> Evidence:
    """The evidence of an article: its title and indexed body as stored, and the regions its
    title names (gazetteer ids, from the tagger's positions)."""
    folded = fold_same_length(f"{title}\n{indexed_body}")
    return Evidence(figures_of(folded.lower()), title_terms(folded[:len(title)], title_regions, gazetteer))


def figures_of(folded_lower: str) -> frozenset[Decimal]:
    """The numbers a folded, lower-cased text states, with their magnitudes (48 billion →
    48000000000), without years, dates and the whole numbers up to ten."""
    found = set()
    for m in _FIGURE.finditer(folded_lower):
        if m.group(3) or _MONTH_BEFORE.search(folded_lower, max(0, m.start() - 8), m.start()):
            continue  # a date: 9月15日, 2026年, Sept 15
        value = Decimal(m.group(1).replace(",", "")) * _MAGNITUDE.get(m.group(2) or "", Decimal(1))
        whole = value == value.to_integral_value()
        if whole and (value <= 10 or (m.group(2) is None and 1900 <= value <= 2100)):
            continue  # how many cities; a year
        found.add(value.normalize())
    return frozenset(found)


def title_terms(folded_title: str, title_regions: Mapping[str, object] | list[str], gazetteer: Gazetteer) -> frozenset[str]:
    """The title as language-free terms: the cities its regions anchor to, its numbers, and its
    glossary words."""
    lowered = folded_title.lower()
    terms = {f"r:{anchor}" for rid in title_regions for anchor in [anchor_city(rid, gazetteer)] if anchor}
    for raw in _NUMBER.findall(lowered):
        value = _NUMERALS.get(raw)
        terms.add(f"n:{value if value is not None else float(raw):g}")
    terms.update(f"w:{_TERM_OF[m]}" for m in _TERM.findall(lowered))
    return frozenset(terms)


def anchor_city(region_id: str, gazetteer: Gazetteer) -> str | None:
    """The city a region stands for when two languages name it differently: a district its city,
    a metropolitan area its core city, a city itself; provinces and wider plans none (an English
    summary adds "Henan" or drops "the Yangtze delta" freely)."""
    region = gazetteer.regions.get(region_id)
    if region is None:
        return None
    if region.kind == "city":
        return region.id
    if region.kind == "district":
        return region.city or None
    if region.kind == "metro":
        return _core_cities(gazetteer).get(region.id)
    return None


@lru_cache(maxsize=4)
def _core_cities(gazetteer: Gazetteer) -> dict[str, str]:
    """Metropolitan area → its core city (the gazetteer keeps the other direction)."""
    return {metro: core for core, metro in gazetteer.metro_of_core.items()}


def score(a: Evidence, b: Evidence) -> float:
    """How strongly two articles in different languages tell the same news, 0 without a shared
    figure: the shared figures weighted by the share of the fewer-figured article's figures they
    are, plus the titles' agreement (the Jaccard of their terms, counted only when two or more
    terms agree, one of them not a region). 2 is two shared figures that are all the smaller
    article has, or one such figure with titles that agree entirely."""
    shared = len(a.figures & b.figures)
    if not shared:
        return 0.0
    coverage = shared / min(len(a.figures), len(b.figures))
    common = a.title_terms & b.title_terms
    # The titles' regions are the candidates' city already: they agree only with a word or number too.
    agree = len(common) >= 2 and any(not t.startswith("r:") for t in common)
    titles = len(common) / len(a.title_terms | b.title_terms) if agree else 0.0
    return shared * coverage + titles
