"""Build resources/regions/counties.json: the districts/counties of every city in the gazetteer.

Source: cpca's adcodes.csv (MIT licence, © 2018 QinYuan Du; administrative codes of about
2019). Run once after editing the gazetteer's city list:
    pip install cpca && python tools/build_counties.py
Districts named in the gazetteer's member lists but missing from cpca (renamed since) are
added by the loader, so this file only needs to be complete, not current.
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = ("市", "地区", "盟", "州", "自治州", "特别行政区")


def main() -> None:
    gazetteer = yaml.safe_load((ROOT / "resources/regions/gazetteer.yaml").read_text(encoding="utf-8"))
    with resources.files("cpca.resources").joinpath("adcodes.csv").open(encoding="utf-8") as f:
        rows = [(r["adcode"][:6], r["name"]) for r in csv.DictReader(f)]
    prefectures = {code: name for code, name in rows if code[4:] == "00" and code[2:4] != "00"}
    municipalities = {name: code for code, name in rows if code[2:] == "0000"}
    out: dict[str, list[str]] = {}
    for city in gazetteer["cities"]:
        codes = [code for code, name in prefectures.items() if name == city or (
            name.startswith(city) and name[len(city):] in SUFFIXES) or (
            name.startswith(city) and name.endswith("自治州"))]
        if not codes and (city + "市") in municipalities:
            prov = municipalities[city + "市"][:2]
            children = [name for code, name in rows if code[:2] == prov and code[4:] != "00"]
        elif codes:
            children = [name for code, name in rows if code[:4] == codes[0][:4] and code[4:] != "00"]
        else:
            continue
        children = sorted({c for c in children if c not in ("市辖区", "县")})
        if children:
            out[city] = children
    target = ROOT / "resources/regions/counties.json"
    target.write_text(
        json.dumps({"_source": "cpca adcodes.csv (MIT, (c) 2018 QinYuan Du), about 2019", "counties": out},
                   ensure_ascii=False, indent=0, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"{len(out)} cities, {sum(len(v) for v in out.values())} districts/counties -> {target}")


if __name__ == "__main__":
    main()
