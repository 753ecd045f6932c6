"""Loading the gazetteer (resources/regions) into regions and a parent/child graph.

The hierarchy is a DAG shown as a tree: a city can sit under two metropolitan areas
(滁州 under 南京都市圈 and 合肥都市圈) and under its agglomeration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import RESOURCES

KINDS = ("agglomeration", "label", "metro", "city", "district")


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    kind: str
    name_en: str = ""
    english: tuple[str, ...] = ()  # English forms matched in text
    aliases: tuple[str, ...] = ()  # other Chinese names matched in text
    national: bool = False
    city: str = ""  # for districts: the city they belong to
    sort_key: int = 0


@dataclass
class Gazetteer:
    version: str
    regions: dict[str, Region] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    combinations: dict[str, list[str]] = field(default_factory=dict)
    blockers: list[str] = field(default_factory=list)
    metro_of_core: dict[str, str] = field(default_factory=dict)
    partial: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, region: Region) -> None:
        self.regions.setdefault(region.id, region)
        self.children.setdefault(region.id, [])
        self.parents.setdefault(region.id, [])

    def link(self, parent: str, child: str) -> None:
        if child not in self.children[parent]:
            self.children[parent].append(child)
            self.parents[child].append(parent)

    def ancestors(self, region_id: str) -> set[str]:
        """Every region above `region_id`, through all its parents."""
        return set(self._ancestors(region_id))

    @lru_cache(maxsize=None)  # noqa: B019 - the gazetteer lives as long as the process
    def _ancestors(self, region_id: str) -> tuple[str, ...]:
        seen: set[str] = set()
        stack = list(self.parents.get(region_id, []))
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(self.parents.get(p, []))
        return tuple(sorted(seen))

    def descendants(self, region_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [region_id]
        while stack:
            r = stack.pop()
            for c in self.children.get(r, []):
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        return seen

    def scope(self, region_ids: set[str] | list[str]) -> set[str]:
        """The regions an article tagged with `region_ids` is counted under."""
        out = set(region_ids)
        for r in region_ids:
            out.update(self._ancestors(r))
        return out

    def __hash__(self) -> int:  # for lru_cache on methods
        return id(self)

    def resolve(self, name: str) -> str | None:
        """The region a user means by `name`: Chinese or English, canonical, alias or id."""
        from ..core.text import fold

        key = fold(name).strip()
        if not key:
            return None
        for rid, region in self.regions.items():
            if fold(rid) == key or fold(region.name) == key:
                return rid
        order = {k: i for i, k in enumerate(KINDS)}
        candidates = []
        for rid, region in self.regions.items():
            forms = [region.name_en, *region.english, *region.aliases]
            if any(f and fold(f.lstrip("~")) == key for f in forms):
                candidates.append((order[region.kind], rid))
        for suffix in ("市", "city"):
            if not candidates and key.endswith(suffix):
                return self.resolve(key.removesuffix(suffix).strip())
        return min(candidates)[1] if candidates else None


def _split_city_entry(value: str) -> tuple[list[str], list[str]]:
    english, _, aliases = str(value).partition("|")
    return ([e.strip() for e in english.split(",") if e.strip()],
            [a.strip() for a in aliases.split(",") if a.strip()])


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    folder = folder or RESOURCES / "regions"
    data = yaml.safe_load((folder / "gazetteer.yaml").read_text(encoding="utf-8"))
    counties = json.loads((folder / "counties.json").read_text(encoding="utf-8"))["counties"]
    g = Gazetteer(version=str(data["version"]))
    order = 0

    def next_key() -> int:
        nonlocal order
        order += 1
        return order

    for city, value in data["cities"].items():
        english, aliases = _split_city_entry(value)
        shown = [e.lstrip("~") for e in english]
        g.add(Region(id=city, name=city, kind="city", name_en=shown[0] if shown else "",
                     english=tuple(e for e in english if not e.startswith("~")),
                     aliases=tuple(aliases), sort_key=next_key()))
    for agg in data["agglomerations"]:
        g.add(Region(id=agg["name"], name=agg["name"], kind="agglomeration", name_en=agg["en"][0],
                     english=tuple(agg["en"]), aliases=tuple(agg.get("aliases", [])), national=True,
                     sort_key=next_key()))
        g.roots.append(agg["name"])
    for label in data.get("labels", []):
        g.add(Region(id=label["name"], name=label["name"], kind="label", name_en=label["en"][0],
                     english=tuple(label["en"]), aliases=tuple(label.get("aliases", [])), sort_key=next_key()))
    member_of_metro: dict[str, set[str]] = {}
    for metro in data["metropolitan_areas"]:
        name, core = metro["name"], metro["core"]
        core_en = g.regions[core].english[0] if core in g.regions and g.regions[core].english else ""
        english = list(metro.get("en", []))
        if core_en:
            english += [f"{core_en} metropolitan area", f"{core_en} metropolitan circle", f"{core_en} metro area",
                        f"{core_en} metropolitan region"]
        g.add(Region(id=name, name=name, kind="metro", name_en=english[0] if english else name,
                     english=tuple(dict.fromkeys(english)), aliases=tuple(metro.get("aliases", [])),
                     national=bool(metro.get("national")), sort_key=next_key()))
        g.metro_of_core.setdefault(core, name)
        for agg in metro.get("agglomerations", []):
            g.link(agg, name)
            member_of_metro.setdefault(agg, set()).update(metro["members"])
        if not metro.get("agglomerations"):
            g.roots.append(name)
        for city, scope in metro["members"].items():
            if city not in g.regions:
                raise ValueError(f"gazetteer: {name} lists {city}, which is not in `cities`")
            g.link(name, city)
            if scope != "all":
                g.partial[(name, city)] = list(scope)
    for agg in data["agglomerations"]:
        for city in agg["cities"]:
            if city not in member_of_metro.get(agg["name"], set()):
                g.link(agg["name"], city)
    g.roots.extend(label["name"] for label in data.get("labels", []))
    # The county layer: every district of each city, plus districts the plans name.
    named: dict[str, set[str]] = {}
    for (_metro, city), districts in g.partial.items():
        named.setdefault(city, set()).update(districts)
    for city in list(data["cities"]):
        districts = set(counties.get(city, [])) | named.get(city, set())
        for d in sorted(districts):
            rid = f"{city}/{d}"
            g.add(Region(id=rid, name=d, kind="district", city=city, sort_key=next_key()))
            g.link(city, rid)
    g.combinations = {k: list(v) for k, v in data.get("combinations", {}).items()}
    g.blockers = list(data.get("blockers", []))
    return g


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
