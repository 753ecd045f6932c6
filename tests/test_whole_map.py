"""The whole map from the command line and the window: every prefecture and county, provinces
as a second way in, a city outside any plan found under its province."""

from __future__ import annotations

import json

from metroviewer.cli import main as cli_main
from metroviewer.regions.gazetteer import default_gazetteer


def walk(nodes, seen):
    for n in nodes:
        seen[n["id"]] = n["kind"]
        walk(n["children"], seen)
    return seen


def test_regions_all_holds_every_prefecture_and_county(sample_store_path, capsys):
    assert cli_main(["regions", "--all", "--json", "--db", str(sample_store_path)]) == 0
    seen = walk(json.loads(capsys.readouterr().out), {})
    g = default_gazetteer()
    assert len(g.prefectures()) == 333 and set(g.prefectures()) <= set(seen)
    assert sum(1 for kind in seen.values() if kind == "district") >= 2800
    assert {"徐州", "柳州", "桂林", "赣州", "拉萨", "三亚", "大同", "延安", "十堰", "连云港", "宿迁", "韶关", "河源",
            "云浮", "徐州都市圈", "江苏省"} <= set(seen)


def test_a_city_outside_any_plan_is_found_under_its_province(tmp_path, capsys):
    doc = tmp_path / "liuzhou.md"
    doc.write_text("# 柳州螺蛳粉产业园扩建\n\n柳州市今年将新增两条生产线。", encoding="utf-8")
    db = str(tmp_path / "s.db")
    cli_main(["import", str(doc), "--db", db])
    capsys.readouterr()
    for region in ("柳州", "广西壮族自治区", "Liuzhou"):
        assert cli_main(["articles", "--region", region, "--db", db, "--json"]) == 0, region
        assert [a["title"] for a in json.loads(capsys.readouterr().out)] == ["柳州螺蛳粉产业园扩建"], region


def test_about_apart_from_mentions_on_the_command_line(sample_store_path, capsys):
    db = str(sample_store_path)
    assert cli_main(["articles", "--region", "成都都市圈", "--about", "--db", db, "--json"]) == 0
    assert [a["title"] for a in json.loads(capsys.readouterr().out)] == ["长三角资本“西进”为何锁定成都都市圈?"]
    assert cli_main(["articles", "--about", "--db", db]) == 2
    assert "--about needs a region" in capsys.readouterr().err
    assert cli_main(["regions", "--json", "--db", db]) == 0
    chengdu = walk_nodes(json.loads(capsys.readouterr().out), "成都都市圈")
    assert (chengdu["about"], chengdu["articles"]) == (1, 2)


def walk_nodes(nodes, wanted):
    for n in nodes:
        if n["id"] == wanted:
            return n
        found = walk_nodes(n["children"], wanted)
        if found:
            return found
    return None
