"""Figures in economic news: amounts, capacities, areas, populations, shares and growth,
commute circles and milestones, each with its sentence and the region named there.

The text is folded first (core.text.fold_same_length: full-width digits and ％ become ASCII,
offsets stay), so one set of patterns reads `５.４万亿` and `5.4万亿` alike. Each match is
classified by its unit, the words just before and after it (突破 → ">", 左右 → "≈") and a
label found earlier in its clause (GDP, 投资, 人口 …); a year in the same sentence dates it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.models import Figure
from ..core.text import fold_same_length

if TYPE_CHECKING:
    from ..regions.tagger import RegionTagger

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

# One alternation, tried left to right at each position: the longer units come first.
# The lookahead lets the engine pass over most characters with one test instead of trying
# every alternative at each of them.
_PATTERN = re.compile(
    r"(?=[\d半一两oahbiu])"
    rf"(?:(?P<cap>{_NUM})\s*(?P<cap_unit>gwh|mwh|kwh|gw|mw|万千瓦时|万千瓦|亿千瓦时|千瓦时|千瓦)"
    rf"|(?P<area>{_NUM})\s*(?P<area_unit>万平方公里|平方公里|平方千米|km2|km²|square kilomet(?:re|er)s|sq km)"
    rf"|(?P<pct>{_NUM})\s*(?P<pct_unit>%|个百分点|percentage points?|per ?cent)"
    rf"|(?P<cn>{_NUM})\s*(?P<cn_mag>万亿|亿|万)\s*(?P<cn_unit>美元|元|人民币|人次|人|户)?"
    rf"|(?P<en>{_NUM})\s*(?P<en_mag>trillion|billion|million)\s*(?P<en_unit>yuan|rmb|us dollars|dollars|usd)?"
    r"|(?P<commute>\d+(?:\.\d+)?|半|一|两)\s*(?P<commute_unit>分钟|个?小时)\s*"
    r"(?P<commute_kind>通勤圈|交通圈|生活圈|经济圈|都市圈|通勤|交通|车程|可达|直达|到达)"
    r"|(?P<en_commute>\d+|one|two|half an?|an)[- ](?P<en_commute_unit>minutes?|hours?)[- ]"
    r"(?:commut\w*|travel|drive|rail|train)"
    r"|(?P<year>(?:19|20)\d{2})\s*年(?:\s*(?P<month>1[0-2]|0?[1-9])\s*月)?"
    r"|\b(?:by|in|before|until)\s+(?P<en_year>(?:19|20)\d{2})\b)"
)

_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "trillion": 1e12, "billion": 1e9, "million": 1e6}
_CN_NUMBER = {"半": 0.5, "一": 1, "两": 2, "one": 1, "two": 2, "an": 1, "half a": 0.5, "half an": 0.5}
_CAPACITY = {"gwh": ("GWh", 1), "mwh": ("GWh", 1e-3), "kwh": ("GWh", 1e-6), "万千瓦时": ("GWh", 1e-2),
             "亿千瓦时": ("GWh", 1e2), "千瓦时": ("GWh", 1e-6), "gw": ("GW", 1), "mw": ("GW", 1e-3),
             "万千瓦": ("GW", 1e-2), "千瓦": ("GW", 1e-6)}

_MORE = ("突破", "超过", "超", "逾", "高于", "多于", "over", "more than", "exceeding", "exceeded", "exceeds",
         "above", "surpassing", "surpassed", "in excess of")
_ABOUT = ("约", "大约", "近", "将近", "接近", "about", "around", "nearly", "almost", "approximately", "roughly")
_LESS = ("不足", "不到", "低于", "少于", "less than", "under", "below")
_MORE_AFTER = ("以上", "多", "余", "+")


def _ending(words: tuple[str, ...]) -> re.Pattern[str]:
    """Matches one of `words` at the end of a string, before any spaces."""
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\s*$")


_MORE_BEFORE, _ABOUT_BEFORE, _LESS_BEFORE = _ending(_MORE), _ending(_ABOUT), _ending(_LESS)
_ABOUT_AFTER = ("左右", "上下")
_GROWTH_WORDS = _ending(("增长", "增速", "增幅", "提高", "提升", "上升", "下降", "回落", "同比", "环比", "grew", "growth",
                 "increase", "increased", "rose", "up by", "fell", "decline", "declined", "down by"))

# Labels: what a figure measures, looked for earlier in its clause (the nearest wins).
_LABELS = re.compile(
    r"gdp|地区生产总值|生产总值|经济总量|总投资|投资|产值|营业收入|营收|收入|市场规模|规模|总额|市值|融资|基金|"
    r"常住人口|人口|面积|产能|装机|客流|货运量|吞吐量|进出口|外贸|出口|消费|研发|财政收入|"
    r"investment|output|revenue|population|area|capacity|trade|exports|funding"
)
_MILESTONE_VERBS = re.compile(
    r"投产|建成|开工|竣工|通车|开通|完工|运营|投用|开业|落地|落户|签约|获批|批复|印发|发布|实施|启动|贯通|试运行|"
    r"complet\w*|open\w*|operation\w*|launch\w*|built|approved|finish\w*|start\w*"
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，,、:：。！？!?；;\n]")
_UP_TO_LAST_CLAUSE_END = re.compile(r".*[，,、:：。！？!?；;\n]", re.S)
# A year, not the start of an amount such as 1953.6亿元 or 2035万人.
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?!\d|\.\d|\s*[万亿%％元人])")
_MAX_SENTENCE = 240
_DIGIT = re.compile(r"\d")


def article_figures(title: str, indexed_body: str, tagger: RegionTagger) -> list[Figure]:
    """The figures of an article (title and indexed body), each with the region its sentence
    names. Read when shown: a dozen an article cost an import more than all else it reads."""
    folded = fold_same_length(f"{title}\n{indexed_body}")
    return extract_figures(folded, tagger.positions_folded(folded), original=f"{title}\n{indexed_body}")


def extract_figures(text: str, region_positions: Mapping[str, list[int]] | None = None,
                    original: str | None = None) -> list[Figure]:
    """The figures in `text` (folded, see core.text.fold_same_length), in order.

    `region_positions` (region id → offsets of its mentions in `text`, from the tagger)
    lets each figure name the region mentioned nearest to it in its sentence; `original`,
    the text before folding (same offsets), is what a figure quotes.
    """
    shown = original if original is not None and len(original) == len(text) else text
    if not _DIGIT.search(text) and "半小时" not in text:
        return []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    mentions = sorted((p, rid) for rid, ps in (region_positions or {}).items() for p in ps)
    figures: list[Figure] = []
    seen: dict[tuple[str, str, float | None, str], int] = {}
    for m in _PATTERN.finditer(text):
        sentence_start, sentence_end = _sentence_of(bounds, m.start())
        figure = _classify(text, shown, m, sentence_start, sentence_end)
        if figure is None:
            continue
        figure.region_id = _nearest_region(mentions, m.start(), sentence_start, sentence_end)
        key = (figure.kind, figure.label, figure.value, figure.unit)
        if key in seen and figure.kind != "milestone":
            first = figures[seen[key]]
            # The same figure told twice (title and summary): keep one, with what either adds.
            first.year = first.year or figure.year
            first.region_id = first.region_id or figure.region_id
            first.qualifier = first.qualifier or figure.qualifier
            continue
        seen[key] = len(figures)
        figures.append(figure)
    return figures


def _sentence_of(bounds: list[int], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos)
    return bounds[i - 1], bounds[min(i, len(bounds) - 1)]


def _classify(text: str, shown: str, m: re.Match[str], s_start: int, s_end: int) -> Figure | None:
    g = m.groupdict()
    clause_end = _clause_end(text, m.end(), s_end)
    if g["year"] or g["en_year"]:
        verb = _MILESTONE_VERBS.search(text, m.end(), clause_end)
        if not verb:
            return None  # a date, not a milestone; other figures pick their year from it
        year = int(g["year"] or g["en_year"])
        when = f"{year}-{int(g['month']):02d}" if g["month"] else str(year)
        return Figure(kind="milestone", label=verb.group(), value=None, unit="", qualifier="", year=year,
                      when=when, text=shown[m.start() : verb.end()], start=m.start(), end=verb.end(),
                      sentence=_sentence_text(shown, s_start, s_end))
    before = text[max(s_start, m.start() - 12) : m.start()]
    after = text[m.end() : min(s_end, m.end() + 4)]
    clause_start = _clause_start(text, m.start(), s_start)
    label = _label(text, shown, clause_start, m.start()) or _label(text, shown, m.end(), clause_end)
    kind, unit, value = "", "", None
    if g["cap"]:
        unit, factor = _CAPACITY[g["cap_unit"]]
        kind, value = "capacity", _number(g["cap"]) * factor
        if not label:  # what the capacity is of follows it: 1GWh固态电池集成线
            verb = _MILESTONE_VERBS.search(text, m.end(), clause_end)
            label = shown[m.end() : verb.start() if verb else clause_end].strip()[:16]
    elif g["area"]:
        kind, unit = "area", "km²"
        value = _number(g["area"]) * (1e4 if g["area_unit"].startswith("万") else 1)
    elif g["pct"]:
        points = g["pct_unit"].startswith(("个", "percentage"))
        unit = "pp" if points else "%"
        kind = "growth" if points or _GROWTH_WORDS.search(before) else "share"
        value = _number(g["pct"])
    elif g["cn"] or g["en"]:
        number = _number(g["cn"] or g["en"]) * _MAGNITUDE[g["cn_mag"] or g["en_mag"]]
        written_unit = g["cn_unit"] or g["en_unit"] or ""
        if written_unit in ("人", "人次", "户") or label.lower() in ("人口", "常住人口", "客流", "population"):
            kind, unit = "population", {"人次": "trips", "户": "households"}.get(written_unit, "people")
        elif written_unit in ("美元", "us dollars", "dollars", "usd"):
            kind, unit = "amount", "USD"
        elif written_unit or label:
            kind, unit = "amount", "yuan"
        else:
            return None  # a bare "300万" says too little to be worth listing
        value = number
    else:  # commute
        raw = g["commute"] or g["en_commute"]
        hours = (g["commute_unit"] or g["en_commute_unit"]).startswith(("小时", "个小时", "hour"))
        number = _CN_NUMBER.get(raw, None)
        value = (number if number is not None else _number(raw)) * (60 if hours else 1)
        kind, unit, label = "commute", "min", g["commute_kind"] or "commute"
    start, qualifier = m.start(), ""
    for pattern, sign in ((_MORE_BEFORE, ">"), (_ABOUT_BEFORE, "≈"), (_LESS_BEFORE, "<")):
        word = pattern.search(before)
        if word:
            start, qualifier = m.start() - (len(before) - word.start()), sign
            break
    if not qualifier:
        qualifier = ">" if after.startswith(_MORE_AFTER) else "≈" if after.startswith(_ABOUT_AFTER) else ""
    return Figure(kind=kind, label=label, value=value, unit=unit, qualifier=qualifier,
                  year=_year_near(text, s_start, s_end, m.start()), when="", text=shown[start : m.end()],
                  start=start, end=m.end(), sentence=_sentence_text(shown, s_start, s_end))


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _label(text: str, shown: str, start: int, end: int) -> str:
    """The last label word in text[start:end], as written."""
    found = list(_LABELS.finditer(text, start, end))
    return shown[found[-1].start() : found[-1].end()] if found else ""


def _clause_start(text: str, pos: int, floor: int) -> int:
    lowest = max(floor, pos - 40)
    m = _UP_TO_LAST_CLAUSE_END.match(text, lowest, pos)
    return m.end() if m else lowest


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = _CLAUSE_END.search(text, pos, ceiling)
    return m.start() if m else ceiling


def _year_near(text: str, s_start: int, s_end: int, pos: int) -> int | None:
    """The year named in the sentence nearest before the figure, else after it."""
    years = _years_in(text, s_start, s_end)
    before = [y for p, y in years if p < pos]
    if before:
        return before[-1]
    after = [y for p, y in years if p > pos]
    return after[0] if after else None


@lru_cache(maxsize=64)
def _years_in(text: str, s_start: int, s_end: int) -> list[tuple[int, int]]:
    # Cached: the figures of one sentence ask in turn (the text is hashed once, then cached).
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text, s_start, s_end)]


def _nearest_region(mentions: list[tuple[int, str]], pos: int, s_start: int, s_end: int) -> str | None:
    """The region mentioned nearest before the figure in its sentence, else the first after it."""
    i = bisect.bisect_right(mentions, (pos, "\uffff"))
    if i > 0 and mentions[i - 1][0] >= s_start:
        return mentions[i - 1][1]
    if i < len(mentions) and mentions[i][0] < s_end:
        return mentions[i][1]
    return None


@lru_cache(maxsize=64)
def _sentence_text(text: str, start: int, end: int) -> str:
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "…"
