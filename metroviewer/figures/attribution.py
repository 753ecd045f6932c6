"""Whose number is it, and of which year: a figure's region and year by its clause, not by
the nearest name.

- Lists pair in order: `甲市和乙市的GDP分别为1.2万亿元和9800亿元`, `丙、丁、戊三市人口依次为800万、
  650万和420万`, English `…, respectively`: the n-th value goes to the n-th region (or year,
  or measure) of the nearest list before it with as many items. A list item the tagger does
  not know (珠西 in `珠西、湛茂、汕潮揭都市圈`) keeps its place and gives no region.
- Attributive order: `3万亿元的深圳` — the value qualifies the name right after its 的.
- The subject of the clause: the last region named before the figure in its clause that is not
  an object (占都市圈, 比合肥, 是合肥的1.5倍, 南京都市圈中的…), else that of an earlier clause of
  the sentence; a sentence that names no region but refers back (其, 该市, 都市圈) takes the
  subject of the sentence before.
- A list of regions with a single number (`南京、合肥两市合计…`) gives it to no region: the
  figure says so (region None) rather than guess.
- The year: a paired list, else the year named last before the figure in its clause, then in its
  sentence, then after it in the sentence, then the one the sentence before set (`2021年，…`).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.models import Figure
from .clause_words import (
    _ANAPHOR,
    _AREA_ANAPHORS,
    _AREA_WORD,
    _AREAS_OF_PROVINCE,
    _ATTRIBUTIVE_GAP,
    _BASELINE_BEFORE,
    _CJK_NAME_GAP,
    _COMPARE_AFTER,
    _COMPARE_BEFORE,
    _CONTAINER_AFTER,
    _COPULA_BEFORE,
    _EN_AFTER_GAP,
    _EN_NAME_GAP,
    _EN_NOT_NAME,
    _EN_UNTAGGED_AFTER,
    _GOVERNOR_BEFORE,
    _ITEM_LEAD,
    _LIST_GAP,
    _MILESTONE_AFTER,
    _MILESTONE_BEFORE,
    _NAME_SUFFIX_GAP,
    _REPORT,
    _RESPECTIVELY,
    _SENTENCE_END,
    _TARGET_BEFORE,
    _UNTAGGED_ITEM,
    _UP_TO_CLAUSE_BREAK,
    _YEAR,
    _YEAR_GAP,
    _YEAR_REACH,
)
from .measures import LABELS


@dataclass(slots=True)
class _Mention:
    pos: int
    rid: str | None  # None for a list item the tagger does not know
    alts: tuple[str, ...] = ()
    chain: list[_Mention] = field(default_factory=list, repr=False)


def sentence_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]


def label_before(text: str, shown: str, s_start: int, clause_start: int) -> str:
    """The last label word earlier in the sentence than the figure's clause: the measure it
    carries over (`从人口上看，广州都市圈最多，达到3257.56万`)."""
    found = None
    for found in LABELS.finditer(text, s_start, clause_start):  # noqa: B007 - the last one is wanted
        pass
    return shown[found.start() : found.end()] if found else ""


def attribute(text: str, figures: list[Figure], region_positions: Mapping[str, list[int]],
              bounds: list[int]) -> None:
    """Set each figure's region and year (and the measure of a paired list) from its clause."""
    figures.sort(key=lambda f: f.start)
    doc = _Document(text, _mentions(text, region_positions), bounds)
    i = 0
    while i < len(figures):
        s = bisect.bisect_right(bounds, figures[i].start)
        s_start, s_end = bounds[s - 1], bounds[min(s, len(bounds) - 1)]
        j = i
        while j < len(figures) and figures[j].start < s_end:
            j += 1
        _attribute_sentence(doc, figures[i:j], s_start, s_end)
        i = j


@dataclass
class _Document:
    """The text with its mentions and sentences; the title is its first line."""

    text: str
    mentions: list[_Mention]
    bounds: list[int]
    starts: list[int] = field(init=False)
    title_end: int = field(init=False)
    subjects: dict[tuple[int, bool, bool], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [m.pos for m in self.mentions]
        newline = self.text.find("\n")
        self.title_end = newline if newline >= 0 else 0

    def earlier_subject(self, s_start: int, area: bool, unique: bool) -> str | None:
        key = (s_start, area, unique)
        if key not in self.subjects:
            self.subjects[key] = _earlier_subject(self, [], s_start, area, unique)
        return self.subjects[key]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        return self.mentions[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def sentences_before(self, s_start: int) -> list[tuple[int, int]]:
        """The sentences of the paragraph before the one at `s_start`, nearest first; then the title."""
        paragraph = self.text.rfind("\n", 0, s_start) + 1
        i, end, out = bisect.bisect_left(self.bounds, s_start), s_start, []
        while i > 0 and self.bounds[i - 1] >= paragraph:
            start = self.bounds[i - 1]
            if start < end:
                out.append((start, end))
            end, i = start, i - 1
        if 0 < self.title_end < paragraph:
            out.append((0, self.title_end))
        return out


def _attribute_sentence(doc: _Document, figures: list[Figure], s_start: int, s_end: int) -> None:
    text = doc.text
    mentions = doc.mentions_in(s_start, s_end)
    _chain(text, mentions, s_start)
    years = _years(text, s_start, s_end)
    done_region: set[int] = set()
    done_year: set[int] = set()
    for values in _value_lists(text, figures):
        first = values[0].start
        chain = _region_list_for(text, mentions, first, s_end)
        if chain is not None:
            for f, item in zip(values, chain if len(chain) == len(values) else [None] * len(values), strict=True):
                f.region_id = item.rid if item else None
                done_region.add(id(f))
        year_list = _year_list_before(text, years, first)
        if len(year_list) == len(values):
            for f, (_p, _e, year) in zip(values, year_list, strict=True):
                f.year = year
                done_year.add(id(f))
        if all(f.unit == "%" for f in values):  # 同比增长6.0%、4.6%和6.0%: growth, each of them
            for f in values[1:]:
                f.kind = values[0].kind
        labels = _label_list_before(text, s_start, first)
        if len(labels) == len(values):
            for f, label in zip(values, labels, strict=True):
                f.label = label
    carried: list[int | None] = []
    for f in figures:
        if id(f) not in done_region:
            f.region_id = _region_of(doc, f, mentions, s_start, s_end)
        if f.kind == "milestone" or id(f) in done_year:
            continue
        f.year = _year_of(text, f, years, s_start)
        if f.year is None:
            if not carried:
                carried.append(_carried_year(doc, s_start, s_end))
            f.year = carried[0]


def _carried_year(doc: _Document, s_start: int, s_end: int) -> int | None:
    """The year set by one of the three sentences before, in the paragraph (`2021年，…`), else
    for a report's sentence (全年, 年末, 全市) the year of the title."""
    paragraph = doc.text.rfind("\n", 0, s_start) + 1
    i = bisect.bisect_left(doc.bounds, s_start)
    since = max(paragraph, doc.bounds[max(0, i - _YEAR_REACH)])
    if since < s_start and (year := _context_year(doc.text, since, s_start)):
        return year
    if doc.title_end and _REPORT.search(doc.text, paragraph, s_end) and paragraph > 0:
        return _context_year(doc.text, 0, doc.title_end)
    return None


# Mentions and lists of them


def _mentions(text: str, region_positions: Mapping[str, list[int]]) -> list[_Mention]:
    at: dict[int, list[str]] = {}
    for rid, positions in region_positions.items():
        for p in positions:
            at.setdefault(p, []).append(rid)
    return [_Mention(p, _choose(text, p, ids), tuple(ids)) for p, ids in sorted(at.items())]


def _choose(text: str, pos: int, ids: list[str]) -> str | None:
    """The region a mention names when the tagger gives several at one place: the name as
    written (深圳, not the 深圳都市圈 its core city also names), else the one a combination
    names (成德眉资 → 成都都市圈), else none."""
    if len(ids) == 1:
        return ids[0]
    literal = [rid for rid in ids if text.startswith(rid, pos)]
    if literal:
        return max(literal, key=len)
    plain = [rid for rid in ids if not rid.endswith("都市圈")]
    if len(plain) == 1:
        return plain[0]
    areas = [rid for rid in ids if rid.endswith("都市圈")]
    if len(areas) == 1:
        return areas[0]
    return None if plain else sorted(ids)[0]


def _chain(text: str, mentions: list[_Mention], s_start: int) -> None:
    """Group the sentence's mentions into lists (深圳、广州; Shenzhen and Guangzhou)."""
    current: list[_Mention] = []
    for m in mentions:
        if current and _is_list_gap(text, current[-1], m.pos):
            current.append(m)
        else:
            _close(text, current, s_start)
            current = [m]
        m.chain = current
    _close(text, current, s_start)


def _close(text: str, chain: list[_Mention], s_start: int) -> None:
    """Finish a list: untagged items before it keep their place; a shared 都市圈 after the last
    item names areas (深圳和广州都市圈)."""
    if not chain:
        return
    pos = chain[0].pos
    clause_start = _clause_start(text, pos, s_start)
    while (item := _UNTAGGED_ITEM.search(text, clause_start, pos)) and \
            text[clause_start : item.start()].strip() in _ITEM_LEAD:
        chain.insert(0, _Mention(item.start(), None, (), chain))
        pos = item.start()
    while (after := _EN_UNTAGGED_AFTER.match(text, chain[-1].pos)) and after.group(1) not in _EN_NOT_NAME \
            and not text.startswith(("the ", "its "), after.start(1)) and len(chain) < 12:
        chain.append(_Mention(after.start(1), None, (), chain))
    last = chain[-1].rid
    if len(chain) > 1 and last and last.endswith("都市圈"):
        for m in chain[:-1]:
            if m.rid and not m.rid.endswith("都市圈") and m.rid + "都市圈" in m.alts:
                m.rid = m.rid + "都市圈"


def _is_list_gap(text: str, m: _Mention, next_pos: int) -> bool:
    """Whether only a list separator lies between mention `m` and the next one."""
    gap_start = m.pos
    if m.rid and text.startswith(m.rid, m.pos):
        return bool(_NAME_SUFFIX_GAP.fullmatch(text, m.pos + len(m.rid), next_pos))
    if _CJK_NAME_GAP.fullmatch(text, gap_start, next_pos):
        return True
    en = _EN_NAME_GAP.fullmatch(text, gap_start, next_pos)
    return bool(en) and not any(w in _EN_NOT_NAME or w.endswith("'s") for w in en.group(1).split())


def _region_list_for(text: str, mentions: list[_Mention], first: int, s_end: int) -> list[_Mention] | None:
    """The list of regions a list of values starting at `first` pairs with: the nearest before
    it when it has several items, or (…, respectively) the one after it."""
    before = [m for m in mentions if m.pos < first]
    if before:
        chain = before[-1].chain
        return chain if len(chain) > 1 else None
    after = [m for m in mentions if m.pos > first]
    if after and len(after[0].chain) > 1 and _RESPECTIVELY.search(text, first, s_end):
        return after[0].chain
    return None


def _value_lists(text: str, figures: list[Figure]) -> list[list[Figure]]:
    """Runs of figures with only a list separator between them (X、Y和Z)."""
    lists, current = [], []
    for f in figures:
        if f.kind in ("milestone", "commute"):
            continue
        if current and _LIST_GAP.fullmatch(text, current[-1].end, f.start):
            current.append(f)
            continue
        if len(current) > 1:
            lists.append(current)
        current = [f]
    if len(current) > 1:
        lists.append(current)
    return lists


def _label_list_before(text: str, s_start: int, first: int) -> list[str]:
    """The nearest list of measures before a list of values (GDP和人口分别为…)."""
    labels = list(LABELS.finditer(text, s_start, first))
    if len(labels) < 2:
        return []
    run = [labels[-1]]
    for m in reversed(labels[:-1]):
        if not _LIST_GAP.fullmatch(text, m.end(), run[0].start()):
            break
        run.insert(0, m)
    return [m.group() for m in run] if len(run) > 1 else []


# The region of one figure


def _region_of(doc: _Document, f: Figure, mentions: list[_Mention], s_start: int, s_end: int) -> str | None:
    text = doc.text
    after = [m for m in mentions if m.pos >= f.end]
    if after and _ATTRIBUTIVE_GAP.fullmatch(text, f.end, after[0].pos):
        return _single(after[0])
    clause_start = _clause_start(text, f.start, s_start)
    in_clause = [m for m in mentions if clause_start <= m.pos < f.start]
    if not in_clause and _generic_area(text, clause_start, f.start, mentions):
        return _earlier_subject(doc, [m for m in mentions if m.pos < clause_start], s_start, area=True)
    subject = _subject(text, in_clause)
    if subject is None and after and text[after[0].pos].isascii() and \
            _EN_AFTER_GAP.fullmatch(text, f.end, after[0].pos):  # 1.2 trillion yuan in Wuxi
        subject = after[0]
    bound = clause_start
    while subject is None and bound > s_start:
        previous_start = _clause_start(text, bound - 1, s_start)
        subject = _subject(text, [m for m in mentions if previous_start <= m.pos < bound])
        bound = previous_start
    if subject is not None:
        return _single(subject)
    if not mentions and (anaphor := _ANAPHOR.search(text, s_start, s_end)):
        word = anaphor.group()
        return doc.earlier_subject(s_start, area=word in _AREA_ANAPHORS, unique=word == "其中")
    return None


def _generic_area(text: str, start: int, end: int, mentions: list[_Mention]) -> bool:
    """Whether 都市圈 (the metropolitan area) is the subject of text[start:end], unnamed."""
    for m in _AREA_WORD.finditer(text, start, end):
        named = any(n.rid and n.pos < m.start() < n.pos + len(n.rid) + 1 for n in mentions)
        if not named and not _GOVERNOR_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            return True
    return False


def _earlier_subject(doc: _Document, before: list[_Mention], s_start: int, area: bool,
                     unique: bool = False) -> str | None:
    """The subject an anaphor (其, 全市, 都市圈, its) refers to: in the sentence so far, else in
    the paragraph's sentences before, else in the title; for 都市圈, a metropolitan area. With
    `unique` (其中, "among them"), none when that sentence names several."""
    groups = [before] + [doc.mentions_in(a, b) for a, b in doc.sentences_before(s_start)]
    for group in groups:
        if group and group is not before:
            _chain(doc.text, group, group[0].pos)
        subjects = [m for m in group if not _governed(doc.text, m) and len(m.chain) <= 1 and m.rid]
        if area:
            subjects = [m for m in subjects if m.rid and m.rid.endswith("都市圈")]
        if subjects:
            if unique and len({m.rid for m in subjects}) > 1:
                return None
            return subjects[0].rid
    return None


def _single(m: _Mention) -> str | None:
    """The mention's region, unless it is one of a list (the figure is then the list's)."""
    return m.rid if len(m.chain) <= 1 else None


def _subject(text: str, candidates: list[_Mention]) -> _Mention | None:
    subjects = [m for m in candidates if not _governed(text, m)]
    return subjects[-1] if subjects else None


def _governed(text: str, m: _Mention) -> bool:
    """Whether a mention is an object rather than a subject: 占都市圈, 比合肥, 是合肥的1.5倍,
    南京都市圈中的镇江, 与上海相比."""
    before = text[max(0, m.pos - 12) : m.pos]
    if _GOVERNOR_BEFORE.search(before):
        return True
    end = m.pos + len(m.rid) if m.rid and text.startswith(m.rid, m.pos) else m.pos + 2
    if _CONTAINER_AFTER.match(text, end):
        return True
    if m.rid and m.rid.endswith("省") and _AREAS_OF_PROVINCE.match(text, m.pos + len(m.rid) - 1):
        return True  # 广东五大都市圈: the areas, not the province
    if _COPULA_BEFORE.search(before) and text.startswith("的", end):
        return True
    return bool(_COMPARE_BEFORE.search(before) and len(m.chain) <= 1 and _COMPARE_AFTER.match(text, end))


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause holding `pos` starts (after the last comma, colon, semicolon)."""
    m = _UP_TO_CLAUSE_BREAK.match(text, floor, pos)
    return m.end() if m else floor


# Years


def _years(text: str, s_start: int, s_end: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of the years named in a sentence."""
    found = []
    for m in _YEAR.finditer(text, s_start, s_end):
        group = 1 if m.group(1) else 2 if m.group(2) else 3
        found.append((m.start(group), m.end(), int(m.group(group))))
    return found


def _year_list_before(text: str, years: list[tuple[int, int, int]], first: int) -> list[tuple[int, int, int]]:
    before = [y for y in years if y[1] <= first]
    if len(before) < 2:
        return []
    run = [before[-1]]
    for y in reversed(before[:-1]):
        if not _YEAR_GAP.fullmatch(text, y[1], run[0][0]):
            break
        run.insert(0, y)
    return run if len(run) > 1 else []


def _year_of(text: str, f: Figure, years: list[tuple[int, int, int]], s_start: int) -> int | None:
    clause_start = _clause_start(text, f.start, s_start)
    before = [y for y in years if y[0] < f.start and not _BASELINE_BEFORE.search(text, max(0, y[0] - 3), y[0])]
    in_clause = [y for y in before if y[0] >= clause_start]
    if in_clause:
        return in_clause[-1][2]
    if before:
        return before[-1][2]
    after = [y for y in years if y[0] >= f.end and not _MILESTONE_AFTER.match(text, y[1])
             and not _BASELINE_BEFORE.search(text, max(0, y[0] - 3), y[0])]
    return after[0][2] if after else None


def _context_year(text: str, start: int, end: int) -> int | None:
    """The year a sentence sets for the next one (`2021年，…`): its last year that does not date
    a milestone."""
    for y_start, y_end, year in reversed(_years(text, start, end)):
        if not _MILESTONE_AFTER.match(text, y_end) and not _MILESTONE_BEFORE.search(text, max(0, y_start - 30), y_start) \
                and not _BASELINE_BEFORE.search(text, max(0, y_start - 3), y_start) \
                and not _TARGET_BEFORE.search(text, max(0, y_start - 9), y_start):
            return year
    return None
