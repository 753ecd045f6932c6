"""A region's key figures and regions side by side, from the desk and the command line."""

from __future__ import annotations

import json

from metroviewer.cli import main as cli_main
from metroviewer.desk import Desk


def test_compare_gives_each_regions_key_figures_side_by_side(sample_store_path, capsys):
    assert cli_main(["compare", "南京都市圈", "Chengdu metropolitan area", "--db", str(sample_store_path),
                     "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in data["regions"]] == ["南京都市圈", "成都都市圈"]
    gdp = next(row for row in data["key_figures"] if row["measure"] == "GDP" and row["kind"] == "amount")
    nanjing = gdp["regions"]["南京都市圈"]
    assert nanjing["year"] == 2024 and nanjing["values"][0]["display"] == "> 5.4 trillion yuan"
    assert nanjing["values"][0]["value"] == 5_400_000_000_000 and "21世纪经济报道" in nanjing["values"][0]["sources"]
    assert gdp["regions"]["成都都市圈"] is None
    assert sum(n for _m, n in data["regions"][1]["months"]) == data["regions"][1]["articles"] == 2


def test_compare_as_text_and_with_one_region(sample_store_path, capsys):
    assert cli_main(["compare", "南京都市圈", "成都都市圈", "--db", str(sample_store_path)]) == 0
    out = capsys.readouterr().out
    assert "GDP" in out and "> 5.4 trillion yuan (2024)" in out
    assert cli_main(["compare", "南京都市圈", "--db", str(sample_store_path)]) == 2
    assert "two regions or more" in capsys.readouterr().err


def test_the_panels_of_a_region_carry_its_key_figures(sample_store_path):
    with Desk(sample_store_path) as desk:
        data = desk.panels(desk.article_filter(region="南京都市圈"))
        [gdp] = [kf for kf in data.key_figures if kf.measure == "GDP"]
        assert gdp.year == 2024 and gdp.latest[0].display == "> 5.4 trillion yuan"
        assert gdp.latest[0].sources[0].source == "21世纪经济报道"
