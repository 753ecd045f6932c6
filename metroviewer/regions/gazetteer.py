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

KINDS = ("agglomeration", "label", "metro", "province", "city", "district")
# Region.level: where a unit sits on the administrative map ("" for plans and labels).
LEVELS = ("province", "municipality", "sar", "prefecture", "county")


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
    level: str = ""  # province | municipality | sar | prefecture | county | "" (see LEVELS)
    province: str = ""  # the province-level unit a city or district is in (a municipality: itself)
    code: str = ""  # administrative code (admin.json)
    plan: str = ""  # metropolitan areas: the plan the area and its members come from
    forms: tuple[str, ...] = ()  # districts: short forms people write (大通县, 大通), strongest first
    match_name: bool = True  # False: only the aliases are matched in text (中部 alone is a direction)


@dataclass
class BlockerRules:
    """blockers.yaml: what looks like a place but is not a mention of it (see the file's rules)."""

    phrases: dict[str, list[str]] = field(default_factory=dict)
    heads: list[str] = field(default_factory=list)
    weak_names: set[str] = field(default_factory=set)
    support_after: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    direction_after: str = ""
    feature_first: str = ""
    feature_second: str = ""
    feature_after: str = ""


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
    # The second way in: province-level units (provinces and autonomous regions as regions of
    # kind "province"; municipalities and SARs are cities that are their own province), in code order.
    provinces: list[str] = field(default_factory=list)
    province_of: dict[str, str] = field(default_factory=dict)  # city or district id → province-level id
    former: dict[str, list[str]] = field(default_factory=dict)  # former name → current region ids
    standalone: set[str] = field(default_factory=set)  # county short forms that count without support
    common_words: set[str] = field(default_factory=set)  # county short forms that are ordinary words (资源)
    rules: BlockerRules = field(default_factory=BlockerRules)

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

    def prefectures(self) -> list[str]:
        """The 333 prefecture-level units of the mainland (cities, 自治州, 地区, 盟), in code order."""
        return sorted((r.id for r in self.regions.values() if r.level == "prefecture"),
                      key=lambda rid: self.regions[rid].code)

    def counties(self) -> list[str]:
        """Every county-level unit: districts, counties, county-level cities, 旗 (also those listed as cities)."""
        return [r.id for r in self.regions.values() if r.level == "county"]

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
        for suffix in ("市", "city", "省", "province"):
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
    admin = json.loads((folder / "admin.json").read_text(encoding="utf-8"))
    g = Gazetteer(version=str(data["version"]))
    keys = iter(range(1, 1_000_000))
    curated = {city: _split_city_entry(value) for city, value in data["cities"].items()}
    units = _AdminUnits(admin, curated)

    def add_city(rid: str, *, level: str, code: str = "", province: str = "", full: str = "",
                 forms: tuple[str, ...] = ()) -> None:
        english, aliases = curated.get(rid, ([], []))
        shown = [e.lstrip("~") for e in english]
        extra = [a for a in (full, *forms) if a and a != rid and a != rid + "市"]
        g.add(Region(id=rid, name=rid, kind="city", name_en=shown[0] if shown else "",
                     english=tuple(e for e in english if not e.startswith("~")),
                     aliases=tuple(dict.fromkeys([*aliases, *extra])), sort_key=next(keys), level=level,
                     province=province, code=code))

    for rid in curated:  # the curated order first: it is the order people expect in lists
        unit = units.city_unit(rid)
        add_city(rid, **unit)
    for rid, unit in units.other_cities():
        add_city(rid, **unit)
    for agg in data["agglomerations"]:
        g.add(Region(id=agg["name"], name=agg["name"], kind="agglomeration", name_en=agg["en"][0],
                     english=tuple(agg["en"]), aliases=tuple(agg.get("aliases", [])), national=True,
                     sort_key=next(keys)))
        g.roots.append(agg["name"])
    for label in data.get("labels", []):
        aliases = list(label.get("aliases", []))
        g.add(Region(id=label["name"], name=label["name"], kind="label", name_en=label["en"][0],
                     english=tuple(label["en"]), aliases=tuple(aliases), sort_key=next(keys),
                     match_name=bool(label.get("match_name", True))))
    member_of_metro: dict[str, set[str]] = {}
    for metro in data["metropolitan_areas"]:
        name, core = metro["name"], metro["core"]
        core_en = g.regions[core].english[0] if core in g.regions and g.regions[core].english else ""
        english = list(metro.get("en", []))
        if core_en:
            english += [f"{core_en} metropolitan area", f"{core_en} metropolitan circle", f"{core_en} metro area",
                        f"{core_en} metropolitan region"]
        national = bool(metro.get("national"))
        plan = metro.get("plan") or (f"国家发展改革委批复 ({metro.get('approved', '')})" if national else "")
        g.add(Region(id=name, name=name, kind="metro", name_en=english[0] if english else name,
                     english=tuple(dict.fromkeys(english)), aliases=tuple(metro.get("aliases", [])),
                     national=national, sort_key=next(keys), plan=plan))
        g.metro_of_core.setdefault(core, name)
        for agg in metro.get("agglomerations", []):
            g.link(agg, name)
            member_of_metro.setdefault(agg, set()).update(metro["members"])
        if not metro.get("agglomerations"):
            g.roots.append(name)
        for city, scope in metro["members"].items():
            if city not in g.regions or g.regions[city].kind != "city":
                raise ValueError(f"gazetteer: {name} lists {city}, which is not a city")
            g.link(name, city)
            if scope != "all":
                g.partial[(name, city)] = list(scope)
    for agg in data["agglomerations"]:
        for city in agg["cities"]:
            if city not in member_of_metro.get(agg["name"], set()):
                g.link(agg["name"], city)
    g.roots.extend(label["name"] for label in data.get("labels", []))
    # The province-level layer: a second way in, counted like the others (an article naming 徐州
    # falls under 江苏省 once, however many of its cities it names).
    english_of_province = {k: _split_city_entry(v)[0] for k, v in data.get("provinces", {}).items()}
    for code, full, short, level in admin["provinces"]:
        if level == "province":
            english = english_of_province.get(full, [])
            aliases = (short,) if short not in g.regions else ()  # 吉林 the city keeps its name
            g.add(Region(id=full, name=full, kind="province", name_en=english[0].lstrip("~") if english else short,
                         english=tuple(e for e in english if not e.startswith("~")), aliases=aliases,
                         sort_key=next(keys), level="province", code=code))
            g.provinces.append(full)
        else:
            g.provinces.append(units.municipality_id(code))
    for rid, region in g.regions.items():
        if region.kind == "city" and region.province:
            g.province_of[rid] = region.province
            if region.province != rid:
                g.link(region.province, rid)
    # The county layer: every county-level unit under its city, plus districts the plans name.
    named: dict[str, set[str]] = {}
    for (_metro, city), districts in g.partial.items():
        named.setdefault(city, set()).update(districts)
    for city, rows in units.counties_by_city().items():
        districts = {full: (code, tuple(forms)) for code, full, forms in rows}
        for d in sorted(named.get(city, set()) - set(districts)):
            districts[d] = ("", ())
        for d, (code, forms) in sorted(districts.items(), key=lambda kv: (kv[1][0] or "999999", kv[0])):
            rid = f"{city}/{d}"
            g.add(Region(id=rid, name=d, kind="district", city=city, sort_key=next(keys), level="county",
                         province=g.province_of.get(city, ""), code=code, forms=forms))
            g.link(city, rid)
            g.province_of[rid] = g.province_of.get(city, "")
    g.combinations = {k: list(v) for k, v in data.get("combinations", {}).items()}
    g.former = {k: list(v) for k, v in data.get("former", {}).items()}
    for name, ids in g.former.items():
        missing = [r for r in ids if r not in g.regions]
        if missing:
            raise ValueError(f"gazetteer: former name {name} maps to unknown {missing}")
    g.standalone = set(data.get("standalone_counties", []))
    g.common_words = set(admin.get("common_words", [])) - g.standalone
    g.rules = load_blocker_rules(folder / "blockers.yaml")
    g.blockers = [w for words in g.rules.phrases.values() for w in words]
    return g


def load_blocker_rules(path: Path) -> BlockerRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    foreign = data.get("foreign", {})
    feature = data.get("feature_direction", {})
    return BlockerRules(
        phrases={kind: [str(w) for w in words] for kind, words in data.get("phrases", {}).items()},
        heads=[str(h) for h in data.get("heads", [])],
        weak_names={str(w) for w in data.get("weak_names", [])},
        support_after=[str(w) for w in data.get("support_after", [])],
        foreign=[str(w) for w in foreign.get("countries", []) + foreign.get("regions", [])],
        direction_after="".join(foreign.get("direction_after", [])),
        feature_first="".join(feature.get("first", [])),
        feature_second="".join(feature.get("second", [])),
        feature_after="".join(feature.get("after", [])),
    )


class _AdminUnits:
    """admin.json read for the loader: which code each city id stands for, and the counties of each."""

    def __init__(self, admin: dict, curated: dict[str, tuple[list[str], list[str]]]):
        self.provinces = {code: (full, short, level) for code, full, short, level in admin["provinces"]}
        self.prefectures = {row[0]: row for row in admin["prefectures"]}
        self.counties = admin["counties"]
        province_shorts = {short for _full, short, _level in self.provinces.values()}
        self.city_of_code: dict[str, str] = {}
        for code, _full, short, kind, _forms in admin["prefectures"]:
            # 海南藏族自治州 is 海南州: 海南 is the province.
            rid = short + "州" if kind == "autonomous_prefecture" and short in province_shorts else short
            self.city_of_code[code] = rid
        for code, (_full, short, level) in self.provinces.items():
            if level != "province":
                self.city_of_code[code] = short
        code_of_city = {rid: code for code, rid in self.city_of_code.items()}
        # County-level units that are cities here: the curated ones (定州, 仙桃, 平潭 …) and every
        # unit a province administers directly (Hainan's, Hubei's, Xinjiang's).
        self.county_cities: dict[str, list] = {}
        for row in self.counties:
            code, full, parent, forms = row
            names = [full, *forms]
            match = next((c for c in curated if c in names or c + "市" == full), None)
            direct = parent in self.provinces and self.provinces[parent][2] == "province"
            if match and match not in code_of_city:
                self.county_cities[match] = row
            elif direct:
                self.county_cities[forms[-1] if forms else full] = row
        for rid, row in self.county_cities.items():
            self.city_of_code[row[0]] = rid
        self.code_of_city = {rid: code for code, rid in self.city_of_code.items()}

    def _province_id(self, code: str) -> str:
        full, short, level = self.provinces[code[:2] + "0000"]
        return full if level == "province" else short

    def municipality_id(self, code: str) -> str:
        return self.provinces[code][1]

    def city_unit(self, rid: str) -> dict:
        code = self.code_of_city.get(rid)
        if code is None:
            raise ValueError(f"gazetteer: the city {rid} is not on the administrative map (admin.json)")
        if code in self.provinces:
            return {"level": self.provinces[code][2], "code": code, "province": rid, "full": self.provinces[code][0]}
        if code in self.prefectures:
            _code, full, _short, _kind, forms = self.prefectures[code]
            return {"level": "prefecture", "code": code, "province": self._province_id(code), "full": full,
                    "forms": tuple(forms)}
        row = self.county_cities[rid]
        return {"level": "county", "code": code, "province": self._province_id(code), "full": row[1],
                "forms": tuple(f for f in row[3] if f != rid)}

    def other_cities(self) -> list[tuple[str, dict]]:
        return [(rid, self.city_unit(rid)) for code, rid in sorted(self.city_of_code.items())]

    def counties_by_city(self) -> dict[str, list[tuple[str, str, list[str]]]]:
        out: dict[str, list[tuple[str, str, list[str]]]] = {}
        for code, full, parent, forms in self.counties:
            if code in self.city_of_code:
                continue  # a county-level unit that is a city here
            city = self.city_of_code.get(parent)
            if city:
                out.setdefault(city, []).append((code, full, forms))
        return out


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
