"""Tagging text with the regions it mentions: one Aho-Corasick pass over folded text.

Rules (domain.md, "Tagging pitfalls"):
- the longest name wins at each place (成都都市圈 is the area, not also 成都);
- one-character short names (蓉, 宁, 渝 …) only count inside known combinations;
- a district counts only when its city is named within DISTRICT_WINDOW characters, and
  when it does not, the longest region name it starts with counts instead (西安区 → 西安);
- English names match whole words only (Chuzhou is never Chizhou);
- text is folded first (NFKC, traditional → simplified, lower case), keeping offsets;
- a core city named in a sentence about metropolitan areas also tags its area
  ("areas approved … including Nanjing, Fuzhou, Chengdu").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick_rs

from ..core.models import RegionMention
from ..core.text import fold, fold_same_length
from .gazetteer import Gazetteer

DISTRICT_WINDOW = 80
_GENERIC_METRO = ("都市圈", "metropolitan area", "metropolitan areas", "metropolitan circle", "metropolitan circles")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_ASCII_WORD = re.compile(r"[0-9a-z]")
_DISTRICT_SUFFIX = re.compile(r"(区|县|市|旗|自治县|自治旗|新区)$")


@dataclass(frozen=True)
class _Meaning:
    kind: str  # region | combo | district | block | generic
    ids: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # for districts: the city of each id
    ascii: bool = False


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
        meaning = _Meaning(meaning.kind, meaning.ids, meaning.cities, ascii=key.isascii())
        old = self._keys.get(key)
        if old is None:
            self._keys[key] = meaning
        elif old.kind == "district" and meaning.kind == "district":
            self._keys[key] = _Meaning("district", old.ids + meaning.ids, old.cities + meaning.cities, old.ascii)
        # Otherwise the first meaning stays: regions are added before districts.

    def _build(self) -> None:
        g = self.gazetteer
        for word in g.blockers:
            self._put(word, _Meaning("block"))
        for region in g.regions.values():
            if region.kind == "district":
                continue
            for name in (region.name, *region.aliases, *region.english):
                self._put(name, _Meaning("region", (region.id,)))
            if region.kind == "city":
                self._put(region.name + "市", _Meaning("region", (region.id,)))
        for key, members in g.combinations.items():
            if fold(key) not in self._keys:
                self._put(key, _Meaning("combo", tuple(members)))
        for word in _GENERIC_METRO:
            self._put(word, _Meaning("generic"))
        for region in g.regions.values():
            if region.kind != "district":
                continue
            forms = [region.name]
            stem = _DISTRICT_SUFFIX.sub("", region.name)
            if len(stem) >= 2 and stem != region.name and "自治" not in region.name:
                forms.append(stem)
            for form in forms:
                if fold(form) in self._keys and self._keys[fold(form)].kind != "district":
                    continue
                self._put(form, _Meaning("district", (region.id,), (region.city,)))
        self._meanings = list(self._keys.values())
        # Leftmost-longest: at each place the longest name wins (成都都市圈, not 成都).
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(self._keys), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    # -- tagging ------------------------------------------------------------------------

    def tag(self, *texts: str) -> list[RegionMention]:
        """Regions mentioned in the texts (title, body …), with counts and first positions.

        Positions are offsets into the texts joined with a newline.
        """
        return self.tag_folded(fold_same_length("\n".join(t for t in texts if t)))

    def tag_folded(self, text: str) -> list[RegionMention]:
        """Like tag, for text already folded with core.text.fold_same_length."""
        return mentions_of(self.positions_folded(text))

    def positions_folded(self, text: str) -> dict[str, list[int]]:
        """Region id → offsets of its mentions in `text` (folded), by the same rules as tag."""
        # One pass; this loop runs for every name found in every imported article.
        found: dict[str, list[int]] = defaultdict(list)
        districts: list[tuple[int, int, _Meaning]] = []
        generic_positions: list[int] = []
        meanings = self._meanings
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            meaning = meanings[index]
            if meaning.ascii and not _is_word(text, start, end):
                continue
            kind = meaning.kind
            if kind == "region" or kind == "combo":
                for rid in meaning.ids:
                    found[rid].append(start)
            elif kind == "district":
                districts.append((start, end, meaning))
            elif kind == "generic":
                generic_positions.append(start)
        for start, end, meaning in districts:
            best = None
            for rid, city in zip(meaning.ids, meaning.cities, strict=True):
                near = [abs(p - start) for p in found.get(city, ()) if abs(p - start) <= DISTRICT_WINDOW]
                if near and (best is None or min(near) < best[0]):
                    best = (min(near), rid)
            if best:
                found[best[1]].append(start)
            else:
                fallback = self._region_prefix(text[start:end])
                if fallback:
                    found[fallback].append(start)
        if generic_positions:
            self._tag_metro_context(text, generic_positions, found)
        return found

    def _region_prefix(self, name: str) -> str | None:
        """The longest region name that `name` starts with (西安区 → 西安), if any."""
        for k in range(len(name) - 1, 1, -1):
            meaning = self._keys.get(name[:k])
            if meaning and meaning.kind == "region":
                return meaning.ids[0]
        return None

    def _tag_metro_context(self, text: str, generic_positions: list[int], found: dict[str, list[int]]) -> None:
        """A core city in a sentence about metropolitan areas also names its area."""
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        import bisect

        sentences_with_generic = {bisect.bisect_right(bounds, p) for p in generic_positions}
        for city, metro in self.gazetteer.metro_of_core.items():
            for p in found.get(city, []):
                if bisect.bisect_right(bounds, p) in sentences_with_generic:
                    found[metro].append(p)


def mentions_of(positions: dict[str, list[int]]) -> list[RegionMention]:
    return [RegionMention(rid, len(pos), min(pos)) for rid, pos in positions.items()]


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _ASCII_WORD.match(before) and not _ASCII_WORD.match(after)
