"""Recipes: a briefing's scope and options saved under a name and run again, "since the previous
run" as its date window; and "what is new since the previous briefing" of the same scope."""

from __future__ import annotations

import json

from metroviewer.briefing.recipe import SINCE_PREVIOUS_RUN, Recipe
from metroviewer.desk import Desk
from metroviewer.store import Store

from .conftest import PAPERS, T1, T2
from .test_rollup import run_cli


def test_a_saved_recipe_run_again_gives_the_same_sections(sample_store_path, tmp_path):
    db = str(sample_store_path)
    first = run_cli("brief", "--region", "成都都市圈", "--region", "长三角", "--by", "region", "--language", "en",
                    "--save-recipe", "weekly", "--pdf", str(tmp_path / "a.pdf"), "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    again = run_cli("brief", "--recipe", "weekly", "--markdown", str(tmp_path / "b.md"), "--db", db, "--json")
    assert again.returncode == 0, again.stderr
    a, b = json.loads(first.stdout), json.loads(again.stdout)
    assert a["sections"] == b["sections"] == ["成都都市圈", "长三角"]
    assert a["articles"] == b["articles"] and b["language"] == "en"
    listed = run_cli("brief", "--recipes", "--db", db, "--json")
    assert [r["name"] for r in json.loads(listed.stdout)] == ["weekly"]
    assert json.loads(listed.stdout)[0]["last_run_at"]
    missing = run_cli("brief", "--recipe", "monthly", "--pdf", str(tmp_path / "c.pdf"), "--db", db)
    assert missing.returncode == 2 and "no briefing recipe called 'monthly'" in missing.stderr


def test_since_the_previous_run_covers_only_newer_articles(sample_store_path):
    with Desk(sample_store_path) as desk:
        desk.save_recipe(Recipe("chengdu", regions=["成都都市圈"], window=SINCE_PREVIOUS_RUN, language="en"))
        first = desk.run_recipe("chengdu")  # no previous run: everything
        assert sorted(a.title for s in first.sections for a in s.articles) == sorted([T1, T2])
        desk.store().recipes.mark_run("chengdu", "2025-10-01T00:00:00")  # as if it last ran then
        second = desk.run_recipe("chengdu")
        assert [a.title for s in second.sections for a in s.articles] == [T1]  # 2025-12-22, not 2025-09-29
        assert desk.recipe("chengdu").last_run_at > "2026"
        third = desk.run_recipe("chengdu")
        assert third.article_count == 0


def test_the_summary_says_what_is_new_since_the_previous_briefing_of_the_scope(workflow_store_path):
    with Desk(workflow_store_path) as desk:
        first = desk.compose_briefing(regions=["长三角"], record=True)
        assert first.new_since is None
        with Store(workflow_store_path) as store:  # as if that briefing was made a while ago
            store.conn.execute("UPDATE articles SET imported_at = '1999-01-01T00:00:00'")
            store.conn.execute("UPDATE briefing_runs SET compiled_at = '2000-01-01T00:00:00'")
            store.conn.commit()
        desk.import_paths([PAPERS])
        second = desk.compose_briefing(regions=["长三角"])
        assert second.new_since is not None
        before = {a.title for s in first.sections for a in s.articles}
        now = {a.title for s in second.sections for a in s.articles}
        new = {a.title for a in second.new_since.articles}
        assert T1 in before and new == now - before and second.new_since.count == len(new) >= 1
        assert "世界级科技创新城市群：长三角一体化与上海科创中心的共同抉择" in new
        other = desk.compose_briefing(regions=["成都都市圈"])
        assert other.new_since is None  # another scope has no previous briefing
