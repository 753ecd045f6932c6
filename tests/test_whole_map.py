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


def test_a_regions_list_shows_the_articles_about_it_first_then_mere_mentions(tmp_path):
    from metroviewer.desk import Desk
    from metroviewer.store.articles import ArticleFilter

    docs = tmp_path / "docs"
    docs.mkdir()
    stories = [("2025-01-05", "成都发布都市圈通勤规划", "成都将建设一小时通勤圈。成都与德阳、眉山协同。"),
               ("2025-02-05", "成都轨道交通四期获批", "成都地铁四期规划获批，成都中心城区线网加密。"),
               ("2025-03-05", "长三角一体化综述", "上海、杭州、南京推进一体化，另有成都等城市关注。"),
               ("2025-04-05", "京津冀协同发展报告", "北京、天津、河北协同，报告也提到成都的经验。")]
    for i, (day, title, body) in enumerate(stories):
        (docs / f"{i}.md").write_text(f"---\ntitle: {title}\ndate: {day}\n---\n\n{body}\n", encoding="utf-8")
    with Desk(tmp_path / "s.db") as desk:
        desk.import_paths([docs], workers=0)
        chengdu = ArticleFilter(region="成都")
        whole = [r.title for r in desk.page(chengdu)]
        assert whole == ["成都轨道交通四期获批", "成都发布都市圈通勤规划", "京津冀协同发展报告", "长三角一体化综述"]
        # paged one row at a time, across the turn from one run to the other
        paged, after = [], None
        while True:
            page = desk.page(chengdu, limit=1, after=after)
            if not page:
                break
            paged.append(page[0].title)
            last = page[0]
            after = (last.published_at, last.id, 1 if last.about else 2)
        assert paged == whole
        assert [r.title for r in desk.page(ArticleFilter())][:2] == ["京津冀协同发展报告", "长三角一体化综述"]
