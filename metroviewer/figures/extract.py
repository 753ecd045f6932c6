"""Figures in economic news: amounts, per-capita amounts, capacities, areas, populations,
shares, growth and multiples, commute circles and milestones, each with its sentence and the
region its clause gives it (figures/attribution.py).

The text is folded first (core.text.fold_same_length: full-width digits and ％ become ASCII,
offsets stay), so one set of patterns reads `５.４万亿` and `5.4万亿` alike. Each match is
classified by its unit, the words just before and after it (突破 → ">", 左右 → "≈",
增长 → growth, 占 → share) and what it measures, found in its clause or carried from earlier
in the sentence (GDP, 人口 …). Values are read with decimal arithmetic: 2637.99亿 is exactly
263799000000, never 263798999999.99997.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.models import Figure
from ..core.text import fold_same_length
from .attribution import attribute, label_before, sentence_bounds
from .measures import LABELS, POPULATION_LABELS, is_per_capita, measure_of

if TYPE_CHECKING:
    from ..regions.tagger import RegionTagger

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_TO = r"\s*(?:-|~|至)\s*"  # a range's separator (– and — fold to -)
_CN_MAG = r"万亿|亿|万"
_EN_MAG = r"trillion|billion|million"

# One alternation, tried left to right at each position: the longer units come first.
# The lookahead lets the engine pass over most characters with one test instead of trying
# every alternative at each of them.
_PATTERN = re.compile(
    r"(?=[\d半一两oahbiu$])"
    rf"(?:(?P<cap>{_NUM})\s*(?P<cap_unit>gwh|mwh|kwh|gw|mw|万千瓦时|万千瓦|亿千瓦时|千瓦时|千瓦)"
    rf"|(?P<area>{_NUM})\s*(?P<area_unit>万平方公里|平方公里|平方千米|km2|km²|square kilomet(?:re|er)s|sq km)"
    rf"|(?P<pct>{_NUM})(?:\s*%?{_TO}(?P<pct_hi>{_NUM}))?\s*(?P<pct_unit>%|个百分点|percentage points?|per ?cent)"
    rf"|(?P<mult>{_NUM})\s*(?P<mult_mag>万|亿)?\s*(?:倍|-?fold\b|times(?=\s+(?:that|those|as|the|larger|bigger|"
    r"higher|more|greater|its|their)\b))"
    rf"|(?P<cn>{_NUM})(?:\s*(?P<cn_mag_lo>{_CN_MAG})?{_TO}(?P<cn_hi>{_NUM}))?\s*(?P<cn_mag>{_CN_MAG})"
    r"\s*(?P<cn_unit>美元|元|人民币|人次|人|户)?"
    rf"|(?P<en>{_NUM})(?:\s*(?P<en_mag_lo>{_EN_MAG})?\s*(?:-|~)\s*(?P<en_hi>{_NUM}))?\s*(?P<en_mag>{_EN_MAG})"
    r"(?:\s+(?P<en_unit>yuan|rmb|renminbi|us dollars|dollars|usd|people|residents|inhabitants))?"
    rf"|(?P<plain>{_NUM})\s*(?P<plain_unit>美元|元|yuan|us dollars|dollars)"
    rf"|\$\s*(?P<usd>{_NUM})(?:\s*(?P<usd_mag>{_EN_MAG}))?"
    r"|(?P<commute>\d+(?:\.\d+)?|半|一|两)\s*(?P<commute_unit>分钟|个?小时)\s*"
    r"(?P<commute_kind>通勤圈|交通圈|生活圈|经济圈|都市圈|通勤|交通|车程|可达|直达|到达)"
    r"|(?P<en_commute>\d+|one|two|half an?|an)[- ](?P<en_commute_unit>minutes?|hours?)[- ]"
    r"(?:commut\w*|travel|drive|rail|train)"
    r"|(?P<year>(?:19|20)\d{2})\s*年(?:\s*(?P<month>1[0-2]|0?[1-9])\s*月)?"
    r"|\b(?:by|in|before|until)\s+(?P<en_year>(?:19|20)\d{2})\b)"
)

_MAGNITUDE = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "trillion": Decimal(10) ** 12,
              "billion": Decimal(10) ** 9, "million": Decimal(10) ** 6, None: Decimal(1)}
_CN_NUMBER = {"半": Decimal("0.5"), "一": Decimal(1), "两": Decimal(2), "one": Decimal(1), "two": Decimal(2),
              "an": Decimal(1), "half a": Decimal("0.5"), "half an": Decimal("0.5")}
_CAPACITY = {"gwh": ("GWh", "1"), "mwh": ("GWh", "0.001"), "kwh": ("GWh", "0.000001"), "万千瓦时": ("GWh", "0.01"),
             "亿千瓦时": ("GWh", "100"), "千瓦时": ("GWh", "0.000001"), "gw": ("GW", "1"), "mw": ("GW", "0.001"),
             "万千瓦": ("GW", "0.01"), "千瓦": ("GW", "0.000001")}
_USD_UNITS = ("美元", "us dollars", "dollars", "usd")
_PEOPLE_UNITS = {"人": "people", "人次": "trips", "户": "households", "people": "people", "residents": "people",
                 "inhabitants": "people"}

_MORE = ("突破", "超过", "超", "逾", "高于", "多于", "over", "more than", "exceeding", "exceeded", "exceeds",
         "above", "surpassing", "surpassed", "in excess of", "topped", "topping")
_ABOUT = ("约", "大约", "近", "将近", "接近", "about", "around", "nearly", "almost", "approximately", "roughly",
          "some")
_LESS = ("不足", "不到", "低于", "少于", "less than", "under", "below", "fewer than")
_MORE_AFTER = ("以上", "多", "余", "+")


def _ending(words: tuple[str, ...]) -> re.Pattern[str]:
    """Matches one of `words` (optionally with 了, 超过了) at the end of a string, before spaces."""
    alternatives = "|".join(("(?<![a-z])" if w.isascii() else "") + re.escape(w)
                            for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})了?\s*(?:为|是|达到?|到)?\s*$")


_MORE_BEFORE, _ABOUT_BEFORE, _LESS_BEFORE = _ending(_MORE), _ending(_ABOUT), _ending(_LESS)
_ABOUT_AFTER = ("左右", "上下")
# Growth: a word of change shortly before the figure (fillers such as 为, 达到, 分别为 between)
# or "year on year" after it; a share's words (占, 比重) between them make it a share again.
_GROWTH_BEFORE = re.compile(
    r"(?:增长|增速|增幅|提高|提升|上升|下降|回落|减少|同比|环比|年均|grew|growing|growth(?: rate)?|increased?|rose|up|"
    r"fell|declined?|down|expanded|expansion)\s*(?:了|为|达|达到|是|分别为|分别是|分别|依次为|约|by|of|at|to)?"
    r"\s*(?:了|为|达|达到|是|约|by|of|at|to)?\s*$")
_GROWTH_AFTER = re.compile(r"\s*(?:year[- ]on[- ]year|y-o-y|yoy|from a year (?:earlier|ago)|的增速|的增长)")
_SHARE_WORDS = re.compile(r"占|比重|份额|share|accounting for|accounted for")
_MILESTONE_VERBS = re.compile(
    r"投产|建成|开工|竣工|通车|开通|完工|运营|投用|开业|落地|落户|签约|获批|批复|印发|发布|实施|启动|贯通|试运行|"
    r"complet\w*|open\w*|operation\w*|launch\w*|built|approved|finish\w*|start\w*"
)
_EN_MILESTONE_BEFORE = re.compile(
    r"\b(opened|completed|launched|built|approved|started|finished|commissioned|put into operation)"
    r"(?:\s+[a-z]+){0,2}\s*$")
_CLAUSE_END = re.compile(r"[，,、:：。！？!?；;\n]")
_UP_TO_LAST_CLAUSE_END = re.compile(r".*[，,、:：。！？!?；;\n]", re.S)
# 约占全省的53%和55%, 约为鞍山的4.3倍: the qualifier of 占/为 is the figure's (each listed one's).
_QUALIFIED_SHARE = re.compile(r"(约|近|将近|超过|超|逾|不足|不到)(?:占|为|是)[^,，;；。]*$")
_SHARE_SIGN = {"约": "≈", "近": "≈", "将近": "≈", "超过": ">", "超": ">", "逾": ">", "不足": "<", "不到": "<"}
_DOLLAR_BEFORE = re.compile(r"(?:us\s*\$|\$|usd)\s*$")
# Numbers listed before a figure that share its unit: 分别为3.2、2.9和1.3万亿元.
# (The number is atomic: 1,234 is not also read as 1 and 234, which could take exponential time.)
_BARE_LIST = re.compile(rf"(?<![\d.,])(?:(?>{_NUM})\s*(?:、|，|,|和|与|及|以及|\s*and\s+|,\s*and\s+)\s*)+$")
_BARE_NUMBER = re.compile(_NUM)
_MAX_SENTENCE = 240
_DIGIT = re.compile(r"\d")


def article_figures(title: str, indexed_body: str, tagger: RegionTagger,
                    positions: Mapping[str, list[int]] | None = None) -> list[Figure]:
    """The figures of an article (title and indexed body), each with the region its clause
    gives it. Read when shown: a dozen an article cost an import more than all else it reads.
    `positions`: the region mentions the import found in the same text (else tagged here)."""
    folded = fold_same_length(f"{title}\n{indexed_body}")
    if positions is None:
        positions = tagger.positions_folded(folded)
    return extract_figures(folded, positions, original=f"{title}\n{indexed_body}")


def extract_figures(text: str, region_positions: Mapping[str, list[int]] | None = None,
                    original: str | None = None) -> list[Figure]:
    """The figures in `text` (folded, see core.text.fold_same_length), in order.

    `region_positions` (region id → offsets of its mentions in `text`, from the tagger)
    lets each figure name the region its clause gives it (see figures/attribution.py), or
    none when the clause does not say; `original`, the text before folding (same offsets), is
    what a figure quotes.
    """
    shown = original if original is not None and len(original) == len(text) else text
    if not _DIGIT.search(text) and "半" not in text and "half" not in text:
        return []
    bounds = sentence_bounds(text)
    found: list[Figure] = []
    for m in _PATTERN.finditer(text):
        s_start, s_end = _sentence_of(bounds, m.start())
        classified = _classify(text, shown, m, s_start, s_end)
        if classified is None:
            continue
        figure, scale = classified
        if scale is not None:
            found.extend(_listed_before(text, shown, figure, m.start(), s_start, scale))
        found.append(figure)
    if not found:
        return []
    attribute(text, found, region_positions or {}, bounds)
    for f in found:
        f.measure = measure_of(f.kind, f.label, f.unit)
    return _without_repeats(found)


def _without_repeats(found: list[Figure]) -> list[Figure]:
    """The same figure told twice (title and summary) once, with what either adds."""
    figures: list[Figure] = []
    seen: dict[tuple[str, str, object, object, str], int] = {}
    for figure in found:
        key = (figure.kind, figure.measure, figure.value, figure.high, figure.unit)
        first = figures[seen[key]] if key in seen and figure.kind != "milestone" else None
        if first is not None and _compatible(first, figure):
            first.year = first.year or figure.year
            first.region_id = first.region_id or figure.region_id
            first.qualifier = first.qualifier or figure.qualifier
            continue
        seen[key] = len(figures)
        figures.append(figure)
    return figures


def _compatible(a: Figure, b: Figure) -> bool:
    return (not a.region_id or not b.region_id or a.region_id == b.region_id) and \
        (not a.year or not b.year or a.year == b.year)


def _sentence_of(bounds: list[int], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos)
    return bounds[i - 1], bounds[min(i, len(bounds) - 1)]


def _classify(text: str, shown: str, m: re.Match[str], s_start: int,
              s_end: int) -> tuple[Figure, Decimal | None] | None:
    """The figure `m` reads, with the scale of its unit (for numbers listed before it)."""
    g = m.groupdict()
    clause_end = _clause_end(text, m.end(), s_end)
    sentence = _sentence_text(shown, s_start, s_end)
    if g["year"] or g["en_year"]:
        verb = _MILESTONE_VERBS.search(text, m.end(), clause_end)
        year = int(g["year"] or g["en_year"])
        when = f"{year}-{int(g['month']):02d}" if g["month"] else str(year)
        if not verb and g["en_year"]:  # opened in 2023
            verb = _EN_MILESTONE_BEFORE.search(text, max(s_start, m.start() - 30), m.start())
            if verb:
                return Figure(kind="milestone", label=verb.group(1), value=None, unit="", qualifier="",
                              year=year, when=when, text=shown[verb.start() : m.end()], start=verb.start(),
                              end=m.end(), sentence=sentence), None
        if not verb:
            return None  # a date, not a milestone; other figures pick their year from it
        return Figure(kind="milestone", label=verb.group(), value=None, unit="", qualifier="", year=year,
                      when=when, text=shown[m.start() : verb.end()], start=m.start(), end=verb.end(),
                      sentence=sentence), None
    before = text[max(s_start, m.start() - 12) : m.start()]
    clause_start = _clause_start(text, m.start(), s_start)
    own = _label(text, shown, clause_start, m.start()) or _label(text, shown, m.end(), clause_end)
    label = own or label_before(text, shown, s_start, clause_start)
    high_raw, scale = None, None
    if g["cap"]:
        unit, factor = _CAPACITY[g["cap_unit"]]
        kind, raw, scale = "capacity", g["cap"], Decimal(factor)
        if not own:  # what the capacity is of follows it: 1GWh固态电池集成线
            verb = _MILESTONE_VERBS.search(text, m.end(), clause_end)
            label = shown[m.end() : verb.start() if verb else clause_end].strip()[:16] or label
    elif g["area"]:
        kind, unit, raw = "area", "km²", g["area"]
        scale = Decimal(10000) if g["area_unit"].startswith("万") else Decimal(1)
    elif g["pct"]:
        unit = "pp" if g["pct_unit"].startswith(("个", "percentage")) else "%"
        kind = "growth" if unit == "pp" or _is_growth(text, clause_start, m) else "share"
        raw, high_raw, scale = g["pct"], g["pct_hi"], Decimal(1)
    elif g["mult"]:
        kind, unit, raw, scale = "multiple", "×", g["mult"], _MAGNITUDE[g["mult_mag"]]
    elif g["usd"]:
        label_kind = "per_capita" if is_per_capita(label) else "amount"
        kind, unit, raw, scale = label_kind, "USD", g["usd"], _MAGNITUDE[g["usd_mag"]]
    elif g["cn"] or g["en"] or g["plain"]:
        decided = _amount_kind(g, own, label, before)
        if decided is None:
            return None  # a bare "300万" says too little to be worth listing
        kind, unit = decided
        raw = g["cn"] or g["en"] or g["plain"]
        high_raw = g["cn_hi"] or g["en_hi"]
        scale = _MAGNITUDE[g["cn_mag"] or g["en_mag"]]
        low_mag = g["cn_mag_lo"] or g["en_mag_lo"]
        if high_raw and low_mag and not (g["cn_mag"] or g["en_mag"] or "").startswith(low_mag):
            # 8000亿-1.2万亿: each end has its own magnitude (1.2万–1.5万亿 shares 万亿)
            low = _exact(_number(raw) * _MAGNITUDE[low_mag])
            return _figure(shown, m, kind, label, low, unit, before, sentence, s_end, text,
                           high=_exact(_number(high_raw) * scale)), None
    else:  # commute
        raw = g["commute"] or g["en_commute"]
        hours = (g["commute_unit"] or g["en_commute_unit"]).startswith(("小时", "个小时", "hour"))
        number = _CN_NUMBER.get(raw) or _number(raw)
        value = _exact(number * (60 if hours else 1))
        return _figure(shown, m, "commute", g["commute_kind"] or "commute", value, "min", before, sentence,
                       s_end, text), None
    value = _exact(_number(raw) * scale)
    high = _exact(_number(high_raw) * scale) if high_raw else None
    return _figure(shown, m, kind, label, value, unit, before, sentence, s_end, text, high=high), scale


def _amount_kind(g: dict[str, str | None], own: str, label: str, before: str) -> tuple[str, str] | None:
    """The kind and unit of an amount of money or people, or None when it says too little."""
    written = (g["cn_unit"] or g["en_unit"] or g["plain_unit"] or "").strip()
    magnitude = g["cn_mag"] or g["en_mag"] or ""
    if written in _PEOPLE_UNITS:
        return "population", _PEOPLE_UNITS[written]
    population = label.lower() in POPULATION_LABELS or label in POPULATION_LABELS
    if population and not written and magnitude in ("万", "亿", "million", "billion"):
        return "population", "trips" if label == "客流" else "people"
    usd = written in _USD_UNITS or bool(_DOLLAR_BEFORE.search(before))
    unit = "USD" if usd else "yuan"
    if is_per_capita(label) and (written or own):
        return "per_capita", unit
    if g["plain"]:
        return ("amount", unit) if own and not population else None
    if written or usd or own or (label and magnitude in ("万亿", "亿", "trillion", "billion")):
        return "amount", unit
    return None


def _is_growth(text: str, clause_start: int, m: re.Match[str]) -> bool:
    before = text[max(clause_start, m.start() - 14) : m.start()]
    growth = _GROWTH_BEFORE.search(before)
    if growth and not _SHARE_WORDS.search(before, growth.end()):
        return True
    return bool(_GROWTH_AFTER.match(text, m.end()))


def _figure(shown: str, m: re.Match[str], kind: str, label: str, value: int | float, unit: str, before: str,
            sentence: str, s_end: int, text: str, high: int | float | None = None) -> Figure:
    start, qualifier = m.start(), ""
    for pattern, sign in ((_MORE_BEFORE, ">"), (_ABOUT_BEFORE, "≈"), (_LESS_BEFORE, "<")):
        word = pattern.search(before)
        if word:
            start, qualifier = m.start() - (len(before) - word.start()), sign
            break
    after = text[m.end() : min(s_end, m.end() + 4)]
    if not qualifier and (share := _QUALIFIED_SHARE.search(before)):
        qualifier = _SHARE_SIGN[share.group(1)]
    if not qualifier:
        qualifier = ">" if after.startswith(_MORE_AFTER) else "≈" if after.startswith(_ABOUT_AFTER) else ""
    return Figure(kind=kind, label=label, value=value, unit=unit, qualifier=qualifier, year=None, when="",
                  text=shown[start : m.end()], start=start, end=m.end(), sentence=sentence, high=high)


def _listed_before(text: str, shown: str, figure: Figure, pos: int, s_start: int,
                   scale: Decimal) -> list[Figure]:
    """Numbers listed just before `figure` that share its unit: 3.2、2.9 in 3.2、2.9和1.3万亿元."""
    window_start = max(s_start, pos - 60)
    listed = _BARE_LIST.search(text, window_start, pos)
    if not listed:
        return []
    out = []
    for n in _BARE_NUMBER.finditer(text, listed.start(), listed.end()):
        out.append(Figure(kind=figure.kind, label=figure.label, value=_exact(_number(n.group()) * scale),
                          unit=figure.unit, qualifier="", year=None, when="", text=shown[n.start() : n.end()],
                          start=n.start(), end=n.end(), sentence=figure.sentence))
    return out


def _number(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


def _exact(value: Decimal) -> int | float:
    """An int when whole, else the float whose repr is the decimal: JSON shows it as written."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _label(text: str, shown: str, start: int, end: int) -> str:
    """The last label word in text[start:end], as written."""
    found = None
    for found in LABELS.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return shown[found.start() : found.end()] if found else ""


def _clause_start(text: str, pos: int, floor: int) -> int:
    lowest = max(floor, pos - 80)
    m = _UP_TO_LAST_CLAUSE_END.match(text, lowest, pos)
    return m.end() if m else lowest


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = _CLAUSE_END.search(text, pos, ceiling)
    return m.start() if m else ceiling


@lru_cache(maxsize=64)
def _sentence_text(text: str, start: int, end: int) -> str:
    # Cached: the figures of one sentence ask in turn (the text is hashed once, then cached).
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "…"
