"""The analyst's layer on the desk: saved searches and their counts, follows and what is new,
labels, notes and highlights (searchable, exported), and notes surviving a re-import."""

from __future__ import annotations

import pytest

from metroviewer.core.models import UserError
from metroviewer.desk import Desk

from .conftest import PAPERS, T1, T2, WORKFLOW

ARTICLE = """---
title: 成都都市圈通勤圈建设提速
date: 2025-11-03
source: 四川日报
---

成德眉资同城化进入新阶段。成都至德阳的市域铁路计划于2026年建成通车。

{middle}

专家认为，轨道交通是都市圈一体化的骨架。
"""


def _write(path, middle: str) -> None:
    path.write_text(ARTICLE.format(middle=middle), encoding="utf-8")


@pytest.fixture
def desk(tmp_path):
    with Desk(tmp_path / "store.db") as d:
        d.open()
        yield d


def _id(desk: Desk, title: str) -> int:
    return next(a["id"] for a in desk.articles_json(desk.article_ids()) if a["title"] == title)


def test_a_saved_search_counts_follow_imports(desk):
    desk.save_search("成都圈", regions=["Chengdu metropolitan area"])
    desk.save_search("GDP", query="GDP")
    assert {s["name"]: s["articles"] for s in desk.saved_searches()} == {"成都圈": 0, "GDP": 0}
    desk.import_paths([WORKFLOW])
    counts = desk.tree_counts()
    assert dict((n, (t, u)) for n, t, u in counts.saved) == {"成都圈": (2, 2), "GDP": (1, 1)}
    f, query = desk.saved_filter("GDP")
    assert [r.title for r in desk.page(f, query)] == [T2]
    desk.rename_search("GDP", "gdp")
    desk.remove_search("成都圈")
    assert [s["name"] for s in desk.saved_searches()] == ["gdp"]
    with pytest.raises(UserError, match="no saved search"):
        desk.saved_filter("成都圈")


def test_following_says_what_is_new_since_the_last_look(desk):
    desk.follow(region="成都都市圈")
    desk.save_search("papers", query="城市群")
    desk.follow(saved="papers")
    desk.import_paths([WORKFLOW])
    new = {n.name: n for n in desk.new_since_last_look()}
    assert new["成都都市圈"].new == 2 and new["成都都市圈"].with_figures >= 1
    assert new["成都都市圈"].line().startswith("成都都市圈: 2 new")
    assert desk.tree_counts().new[("region", "成都都市圈")] == 2
    desk.mark_looked("region", "成都都市圈")
    desk.import_paths([PAPERS])
    new = {n.name: n for n in desk.new_since_last_look()}
    assert new["成都都市圈"].new == 0 and new["papers"].new >= 1


def test_labels_are_filters_and_tree_counts(desk):
    desk.import_paths([WORKFLOW])
    a1, a2 = _id(desk, T1), _id(desk, T2)
    desk.label([a1, a2], "watch")
    desk.label([a1], "资本")
    assert desk.labels() == [("watch", 2, 2), ("资本", 1, 1)]
    desk.set_read([a1])
    assert desk.tree_counts().labels == [("watch", 2, 1), ("资本", 1, 0)]
    desk.label([a1], "watch", on=False)
    f = desk.article_filter()
    import dataclasses

    assert desk.article_ids(dataclasses.replace(f, label="watch")) == [a2]


def test_notes_are_searchable_in_chinese_and_exported(desk):
    desk.import_paths([WORKFLOW])
    a1 = _id(desk, T1)
    note_id = desk.add_note(a1, "资本西进的逻辑值得跟踪", quote="资阳").value
    desk.add_note(a1, "Check the battery line figure")
    with pytest.raises(UserError, match="does not contain"):
        desk.add_note(a1, "x", quote="这句话不在文章里")
    assert [n.id for n in desk.search_notes("西进")] == [note_id]
    assert [n.id for n in desk.search_notes("资阳")] == [note_id]  # the quote is searched too
    assert [n.text for n in desk.search_notes("battery")] == ["Check the battery line figure"]
    assert desk.search_notes('" ( * -') == []
    # The articles' index does not hold the notes.
    assert desk.search("跟踪") == []
    markdown = desk.notes_markdown(desk.article_filter(region="成都都市圈"), title="成都都市圈")
    assert f"## {T1}" in markdown and "> 资阳" in markdown and "新浪财经" in markdown and "2025-12-22" in markdown
    assert "资本西进的逻辑值得跟踪" in markdown


def test_a_changed_file_keeps_the_notes_whose_text_is_still_there(desk, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "commute.md"
    _write(path, "德阳与成都之间的通勤时间将缩短到半小时。\n\n眉山将建设天府新区眉山片区的产业园。")
    desk.import_paths([folder])
    [aid] = desk.article_ids()
    kept = desk.add_note(aid, "关键的通勤数字", quote="通勤时间将缩短到半小时").value
    lost = desk.add_note(aid, "产业园", quote="眉山片区的产业园").value
    plain = desk.add_note(aid, "整体值得关注").value
    desk.label([aid], "commute")

    _write(path, "德阳与成都之间的通勤时间将缩短到半小时。\n\n资阳将承接成都的产业转移。")
    report = desk.import_paths([folder]).value
    assert report.updated == 1
    assert [(n["id"], n["quote"]) for n in report.notes_not_reanchored] == [(lost, "眉山片区的产业园")]
    assert "眉山片区的产业园" in report.as_text()
    [aid2] = desk.article_ids()
    notes = {n.id: n for n in desk.notes(aid2)}
    assert set(notes) == {kept, lost, plain}
    assert notes[kept].anchored and notes[plain].anchored and not notes[lost].anchored
    assert desk.articles_json([aid2])[0]["labels"] == ["commute"]
    # Importing again changes nothing and reports nothing.
    assert desk.import_paths([folder]).value.notes_not_reanchored == []
