"""Tagging text with the regions it mentions: one Aho-Corasick pass over folded text.

Rules (domain.md, "Tagging pitfalls" and section 5; the data is in resources/regions/):
- the longest name wins at each place (成都都市圈 is the area, not also 成都), and a phrase from
  blockers.yaml that covers a name hides it (长治久安, 最大连续, 中山装);
- one-character short names (蓉, 宁, 渝 …) only count inside known combinations;
- strong names count alone: plans, agglomerations, provinces, prefecture-level names, full county
  names found once on the map (双流区, 大通县), and county short forms well known alone (昆山);
- weak names need support (see `_resolve`): names that are also ordinary words (白银, 朝阳), bare
  county short forms (大通), two-character county names (和县) and county names found in several
  cities (鼓楼区). Support is the unit's city or province near it, a neighbour of the same city or
  province beside it, an administrative word after it (市委, 政府), or the same unit confirmed
  elsewhere in the text. Among several cities a district name could belong to, the nearest named
  one wins; with none, a name that merely starts with a region name counts as that (西安区域 → 西安);
- a name directly followed by an institution or company word (中山大学, 青岛啤酒) is not a mention,
  nor is one directly after a foreign place (美国德州, 日本中部); China's broad regions (东北) after
  any place or before a direction word (四川东北部) are directions, and 湖北/河南/山东 … before
  岸/麓 are a lake's, river's or mountain's side (洞庭湖北岸);
- author lines, affiliations and reference lists give no tags (`excluded_spans`);
- English names match whole words only (Chuzhou is never Chizhou);
- text is folded first (NFKC, traditional → simplified, lower case), keeping offsets;
- a core city named in a sentence about metropolitan areas also tags its area
  ("areas approved … including Nanjing, Fuzhou, Chengdu").

The regions an article is mainly *about* (in its title, mentioned often, or named first in its
lead) are marked apart from those it merely mentions (`RegionPositions.about`, `RegionMention.about`).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick_rs

from ..core.models import RegionMention
from ..core.text import fold, fold_same_length
from .excluded import TRIGGERS, excluded_spans
from .gazetteer import Gazetteer

DISTRICT_WINDOW = 80  # a district's city within this many characters supports it
SIBLING_WINDOW = 16  # a neighbour of the same city or province this close supports a weak name
PROVINCE_WINDOW = 8  # a weak city's own province this close before or after it supports it
LEAD = 200  # characters of the body after the title that make its lead
FREQUENT = 3  # mentions that make a region one the article is about (with at least half the top count)
_GENERIC_METRO = ("都市圈", "metropolitan area", "metropolitan areas", "metropolitan circle", "metropolitan circles")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_ASCII_WORD = re.compile(r"[0-9a-z]")
_DISTRICT_SUFFIX = re.compile(r"(区|县|市|旗|自治县|自治旗|新区)$")
_REGION_WORD_AFTER_DISTRICT = "域位块间划"
_LIST_SEPARATORS = "、与和及同,/"  # 西安区域 is 西安 + 区域, not 西安区

@dataclass(frozen=True)
class _Meaning:
    kind: str  # region | combo | weak | block | foreign | generic | trigger
    ids: tuple[str, ...] = ()
    # weak names: for each id, the regions whose mention near it supports it (its city, its province)
    supporters: tuple[tuple[str, ...], ...] = ()
    ascii: bool = False
    broad: bool = False  # a bare broad region (东北): a direction after a place or before 部/方 …
    district: bool = False  # a county-level name: 西安区域 → 西安 when nothing supports it
    province_alt: str = ""  # 吉林: the province when one of its units follows directly (吉林长春)
    feature_side: bool = False  # 湖北, 河南 …: a feature's side before 岸, 麓 … (洞庭湖北岸)


class RegionPositions(dict[str, list[int]]):
    """Region id → offsets of its mentions; `about` holds the ids the text is mainly about."""

    about: frozenset[str] = frozenset()


class RegionTagger:
    """Finds region mentions in text; build once, use from any thread."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._keys: dict[str, _Meaning] = {}
        self._build()

    # -- building the automaton ---------------------------------------------------------

    def _put(self, key: str, meaning: _Meaning) -> None:
        key = fold(key).strip()
        if len(key) < 2:
            return
        ascii_key = key.isascii()
        meaning = _Meaning(meaning.kind, meaning.ids, meaning.supporters, ascii_key, meaning.broad,
                           meaning.district, meaning.province_alt, _is_feature_side(key, self.gazetteer))
        old = self._keys.get(key)
        if old is None:
            self._keys[key] = meaning
        elif old.kind == "weak" and meaning.kind == "weak":
            # 朝阳: the weak city and the districts of that name in other cities, each with its support.
            fresh = [(i, s) for i, s in zip(meaning.ids, meaning.supporters, strict=True) if i not in old.ids]
            self._keys[key] = _Meaning("weak", old.ids + tuple(i for i, _ in fresh),
                                       old.supporters + tuple(s for _, s in fresh), old.ascii, old.broad,
                                       old.district or meaning.district, old.province_alt, old.feature_side)
        # Otherwise the first meaning stays: blockers, then regions, then districts.

    def _build(self) -> None:
        g = self.gazetteer
        rules = g.rules
        for word in g.blockers:
            self._put(word, _Meaning("block"))
        for word in rules.foreign:
            self._put(word, _Meaning("foreign"))
        province_short = {a: r.id for r in g.regions.values() if r.kind == "province" for a in r.aliases}
        for region in g.regions.values():
            if region.kind == "district":
                continue
            weak = region.kind == "city" and (region.name in rules.weak_names or (
                region.level == "county" and region.name not in g.standalone and not region.english))
            names = [region.name] if region.match_name else []
            for name in (*names, *region.aliases, *region.english):
                if weak and name == region.name:
                    self._put(name, _Meaning("weak", (region.id,), ((region.province,),)))
                    continue
                broad = region.kind == "label" and name == region.name and len(name) <= 2
                alt = ""
                if region.kind == "city" and region.province and region.province != region.id:
                    province = g.regions[region.province]
                    alt = province.id if province.name.startswith(name) and name not in province_short else ""
                self._put(name, _Meaning("region", (region.id,), broad=broad, province_alt=alt))
            if region.kind == "city":
                self._put(region.name + "市", _Meaning("region", (region.id,)))
        for key, members in g.combinations.items():
            if fold(key) not in self._keys:
                self._put(key, _Meaning("combo", tuple(members)))
        for key, ids in g.former.items():
            self._put(key, _Meaning("region", tuple(ids), district=True))
        for word in _GENERIC_METRO:
            self._put(word, _Meaning("generic"))
        self._build_districts()
        for word in TRIGGERS:
            self._put(word, _Meaning("trigger"))
        self._meanings = list(self._keys.values())
        self._trigger_indexes = {i for i, m in enumerate(self._meanings) if m.kind == "trigger"}
        # Leftmost-longest: at each place the longest name wins (成都都市圈, not 成都).
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(self._keys), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self._heads = re.compile("|".join(f"(?:{h})" for h in g.rules.heads)) if g.rules.heads else None
        # The first characters a head can start with: most names are followed by none of them.
        self._head_starts = frozenset(_first_chars(g.rules.heads))
        self._support_after = re.compile("|".join(re.escape(w) for w in g.rules.support_after)) \
            if g.rules.support_after else None

    def _build_districts(self) -> None:
        g = self.gazetteer
        rules = g.rules
        districts = [r for r in g.regions.values() if r.kind == "district"]
        count: dict[str, int] = defaultdict(int)
        for region in districts:
            for form in {region.name, *region.forms, *_stems(region)}:
                count[fold(form)] += 1
        for region in districts:
            support = (region.city, g.province_of.get(region.city, ""))
            weak = _Meaning("weak", (region.id,), (support,), district=True)
            full = region.name
            strong_full = count[fold(full)] == 1 and len(full) >= 3 and full not in rules.weak_names
            if full not in g.common_words:  # 城区, 矿区: only with their city's name (阳泉城区 is not kept)
                self._put_district(full, _Meaning("region", (region.id,), district=True) if strong_full else weak)
            for form in (*region.forms, *_stems(region)):
                if form in g.common_words:
                    continue  # 资源 (资源县), 合作 (合作市): ordinary words; only the full name counts
                strong = (form in g.standalone and count[fold(form)] == 1 and form not in rules.weak_names) or (
                    form.endswith(("县", "旗")) and len(form) >= 3 and count[fold(form)] == 1
                    and form not in rules.weak_names)
                self._put_district(form, _Meaning("region", (region.id,), district=True) if strong else weak)

    def _put_district(self, form: str, meaning: _Meaning) -> None:
        old = self._keys.get(fold(form))
        if old is not None and not (old.kind == "weak" and meaning.kind == "weak"):
            return  # a region, blocker or strong district already has this name
        self._put(form, meaning)

    # -- tagging ------------------------------------------------------------------------

    def tag(self, *texts: str) -> list[RegionMention]:
        """Regions mentioned in the texts (title, body …), with counts and first positions.

        Positions are offsets into the texts joined with a newline; with two texts or more the
        first is the title.
        """
        parts = [t for t in texts if t]
        joined = fold_same_length("\n".join(parts))
        return mentions_of(self.positions_folded(joined, len(parts[0]) if len(parts) > 1 else None))

    def tag_folded(self, text: str) -> list[RegionMention]:
        """Like tag, for text already folded with core.text.fold_same_length."""
        return mentions_of(self.positions_folded(text))

    def positions_folded(self, text: str, title_end: int | None = None) -> RegionPositions:
        """Region id → offsets of its mentions in `text` (folded), by the same rules as tag.

        `title_end`: where the title ends; by default the first line is the title when the text
        has several lines (the import passes "title\\nbody").
        """
        found: dict[str, list[int]] = defaultdict(list)
        pending: list[tuple[int, int, _Meaning]] = []
        generic_positions: list[int] = []
        foreign_ends: set[int] = set()
        place_ends: set[int] = set()
        listed: set[int] = set()  # where kept names start (-start-1) and end (end)
        meanings = self._meanings
        heads = self._heads
        head_starts = self._head_starts
        matches = self._automaton.find_matches_as_indexes(text)
        triggers = self._trigger_indexes
        excluded = excluded_spans(text) if any(m[0] in triggers for m in matches) else []
        # This loop runs for every name found in every imported article.
        for n, (index, start, end) in enumerate(matches):
            meaning = meanings[index]
            if meaning.ascii and not _is_word(text, start, end):
                continue
            if excluded and _inside(excluded, start):
                continue
            kind = meaning.kind
            if kind == "block" or kind == "trigger":
                continue
            if kind == "foreign":
                foreign_ends.add(end)
                continue
            if kind == "generic":
                generic_positions.append(start)
                continue
            if kind != "combo" and text[end:end + 1] in head_starts and heads is not None and heads.match(text, end):
                continue
            if start in foreign_ends and not meaning.ascii:
                continue
            if meaning.broad and (start in place_ends or text[end:end + 1] in self.gazetteer.rules.direction_after):
                continue
            if meaning.feature_side and start > 0 and text[end:end + 1] and \
                    text[end] in self.gazetteer.rules.feature_after:
                continue
            place_ends.add(end)
            if kind == "weak":
                pending.append((start, end, meaning))
                continue
            if meaning.district and text[end - 1:end] == "区" and text[end:end + 1] and \
                    text[end] in _REGION_WORD_AFTER_DISTRICT:
                prefix = self._region_prefix(text[start:end])
                if prefix:
                    found[prefix].append(start)
                continue
            ids = meaning.ids
            if meaning.province_alt and n + 1 < len(matches) and matches[n + 1][1] == end and \
                    self._in_province(meanings[matches[n + 1][0]], meaning.province_alt):
                ids = (meaning.province_alt,)
            for rid in ids:
                found[rid].append(start)
            listed.update((end, -start - 1))
        if pending:
            self._resolve(text, pending, found, listed)
        if generic_positions:
            self._tag_metro_context(text, generic_positions, found)
        positions = RegionPositions(found)
        for ps in positions.values():
            ps.sort()
        positions.about = self._about(positions, text, title_end)
        return positions

    def _in_province(self, meaning: _Meaning, province: str) -> bool:
        return any(self.gazetteer.province_of.get(rid) == province for rid in meaning.ids)

    def _resolve(self, text: str, pending: list[tuple[int, int, _Meaning]], found: dict[str, list[int]],
                 listed: set[int]) -> None:
        """Weak names: keep those with support, repeating while newly kept ones support others."""
        g = self.gazetteer
        province_of = g.province_of
        regions = g.regions
        while pending:
            # Where each city and province is named, directly or through a kept district or city.
            near: dict[str, list[int]] = defaultdict(list)
            for rid, positions in found.items():
                near[rid].extend(positions)
                region = regions.get(rid)
                if region is not None and region.kind == "district":
                    near["@" + region.city].extend(positions)
                elif region is not None and region.kind == "city":
                    near["@" + province_of.get(rid, "")].extend(positions)
            for start, _end, meaning in pending:  # weak names beside each other support each other
                for rid in meaning.ids:
                    region = regions[rid]
                    key = "@" + (region.city if region.kind == "district" else province_of.get(rid, ""))
                    near["~" + key].append(start)
            left = []
            kept = False
            for start, end, meaning in pending:
                choice = self._supported(text, start, end, meaning, found, near, listed)
                if choice:
                    found[choice].append(start)
                    listed.update((end, -start - 1))
                    kept = True
                else:
                    left.append((start, end, meaning))
            pending = left
            if not kept:
                break
        for start, end, meaning in pending:
            if meaning.district and len(meaning.ids) > 1:
                fallback = self._region_prefix(text[start:end])
                if fallback:
                    found[fallback].append(start)

    def _supported(self, text: str, start: int, end: int, meaning: _Meaning, found: dict[str, list[int]],
                   near: dict[str, list[int]], listed: set[int]) -> str | None:
        """The id a weak name stands for here, when something supports it."""
        regions = self.gazetteer.regions
        best: tuple[int, str] | None = None
        for rid, supporters in zip(meaning.ids, meaning.supporters, strict=True):
            region = regions[rid]
            for supporter in supporters:
                if not supporter:
                    continue
                window = DISTRICT_WINDOW if regions[supporter].kind == "city" else PROVINCE_WINDOW
                distance = _nearest(found.get(supporter, ()), start, window)
                if distance is not None and (best is None or distance < best[0]):
                    best = (distance, rid)
            group = "@" + (region.city if region.kind == "district" else region.province)
            for key in (group, "~" + group):
                others = [p for p in near.get(key, ()) if p != start]
                distance = _nearest(others, start, SIBLING_WINDOW)
                if distance is not None and (best is None or distance < best[0]):
                    best = (distance, rid)
        if best:
            return best[1]
        confirmed = [rid for rid in meaning.ids if rid in found]  # confirmed elsewhere in the text
        if len(confirmed) == 1:
            return confirmed[0]
        if self._support_after is not None and self._support_after.match(text, end):
            return meaning.ids[0]
        if (start - 1 in listed and text[start - 1] in _LIST_SEPARATORS) or (
                -(end + 1) - 1 in listed and text[end:end + 1] and text[end] in _LIST_SEPARATORS):
            return meaning.ids[0]  # in a list of places: 兰州、白银; 四平与红河
        return None

    def _region_prefix(self, name: str) -> str | None:
        """The longest region name that `name` starts with (西安区 → 西安), if any."""
        for k in range(len(name) - 1, 1, -1):
            meaning = self._keys.get(name[:k])
            if meaning and meaning.kind == "region" and not meaning.district:
                return meaning.ids[0]
        return None

    def _tag_metro_context(self, text: str, generic_positions: list[int], found: dict[str, list[int]]) -> None:
        """A core city in a sentence about metropolitan areas also names its area."""
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        sentences_with_generic = {bisect.bisect_right(bounds, p) for p in generic_positions}
        for city, metro in self.gazetteer.metro_of_core.items():
            for p in found.get(city, []):
                if bisect.bisect_right(bounds, p) in sentences_with_generic:
                    found[metro].append(p)

    def _about(self, positions: dict[str, list[int]], text: str, title_end: int | None) -> frozenset[str]:
        """The regions the text is mainly about: in its title, mentioned often, or first in its lead."""
        if not positions:
            return frozenset()
        if title_end is None:
            newline = text.find("\n")
            title_end = newline if newline > 0 else 0
        body_start = title_end + 1 if title_end else 0
        most = max(len(ps) for ps in positions.values())
        about = set()
        first_in_body, firsts = len(text), {}
        for rid, ps in positions.items():  # each list is sorted
            if (len(ps) >= FREQUENT and 2 * len(ps) >= most) or ps[0] < title_end:
                about.add(rid)
            i = bisect.bisect_left(ps, body_start) if ps[0] < body_start else 0
            if i < len(ps):
                firsts[rid] = ps[i]
                if ps[i] < first_in_body:
                    first_in_body = ps[i]
        if first_in_body < body_start + LEAD:
            about.update(rid for rid, p in firsts.items() if p == first_in_body)
        return frozenset(about)


def mentions_of(positions: dict[str, list[int]]) -> list[RegionMention]:
    about = getattr(positions, "about", frozenset())
    return [RegionMention(rid, len(pos), min(pos), rid in about) for rid, pos in positions.items()]


def _first_chars(patterns: list[str]) -> set[str]:
    """The characters a match of any of these simple patterns can start with."""
    out: set[str] = set()
    for pattern in patterns:
        if pattern.startswith(" ?"):
            out.update((" ", pattern[2]))
        else:
            out.add(pattern[0])
    return out


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _nearest(positions: list[int] | tuple[int, ...], start: int, window: int) -> int | None:
    best = None
    for p in positions:
        d = abs(p - start)
        if d <= window and (best is None or d < best):
            best = d
    return best


def _stems(region) -> list[str]:  # noqa: ANN001 - a gazetteer Region
    """Short forms the data does not list: the name without its suffix (旌阳区 → 旌阳)."""
    if region.forms or "自治" in region.name:
        return []
    stem = _DISTRICT_SUFFIX.sub("", region.name)
    return [stem] if len(stem) >= 2 and stem != region.name else []


def _is_feature_side(key: str, gazetteer: Gazetteer) -> bool:
    rules = gazetteer.rules
    return len(key) == 2 and key[0] in rules.feature_first and key[1] in rules.feature_second


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _ASCII_WORD.match(before) and not _ASCII_WORD.match(after)
