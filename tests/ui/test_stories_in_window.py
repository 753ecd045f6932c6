"""Stories in the window: the list shows a story once with "N sources"; the reader lists the
other sources; split and merge change what the list shows."""

from __future__ import annotations

import pytest

from metroviewer.ui.article_list_model import SOURCE
from metroviewer.ui.story_actions import merge_stories, split_from_story

from .conftest import make_window, open_row, stored, story_store

FILES = ["chengyu-rail-1.md", "chengyu-rail-2.md", "chengyu-rail-3.md", "chengdawan-1.md", "chengdawan-2.md"]


@pytest.fixture
def story_window(qtbot, tmp_path, settings):
    path = story_store(tmp_path, FILES)
    w = make_window(qtbot, path, settings)
    yield w
    w.tasks.shutdown()


def shown(window) -> dict[str, str]:
    model = window.list_model
    return {model.row_at(i).title: model.index(i, SOURCE).data() for i in range(model.rowCount())}


def test_the_list_shows_each_story_once_with_its_sources(story_window):
    rows = shown(story_window)
    assert len(rows) == 2
    assert rows["成渝中线高铁重庆段首座隧道贯通"] == "新华社 · 3 sources"
    assert rows["成达万高铁四川段首次架梁"] == "达州日报 · 2 sources"


def test_the_reader_lists_the_other_sources_and_their_headlines(story_window, qtbot):
    titles = [story_window.list_model.row_at(i).title for i in range(story_window.list_model.rowCount())]
    open_row(story_window, qtbot, titles.index("成渝中线高铁重庆段首座隧道贯通"))
    text = story_window.reader.toPlainText()
    assert "Also carried by 2 other source(s):" in text
    assert "新浪财经" in text and "澎湃新闻" in text
    assert "重磅！成渝中线高铁迎来关键节点 重庆到成都将只需50分钟" in text  # its different headline
    assert "(1 paragraph(s) added)" in text  # the reprint's "责任编辑" line
    assert "(1 paragraph(s) fewer)" in text  # the version without its last paragraph (and dateline)


def test_split_and_merge_change_the_list(story_window, qtbot):
    with stored(story_window) as store:
        split_id = store.conn.execute("SELECT id FROM articles WHERE source = '澎湃新闻'").fetchone()[0]
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles WHERE story_lead = 1 ORDER BY id")]
    split_from_story(story_window, split_id)
    qtbot.waitUntil(lambda: story_window.list_model.rowCount() == 3)
    qtbot.waitUntil(story_window.list_settled)
    assert shown(story_window)["成渝中线高铁重庆段首座隧道贯通"] == "新华社 · 2 sources"
    merge_stories(story_window, ids)
    qtbot.waitUntil(lambda: story_window.list_model.rowCount() == 2)
    qtbot.waitUntil(story_window.list_settled)
    # The merged story (the two leads' stories, four versions) and the article split out.
    assert sorted(shown(story_window).values()) == ["澎湃新闻", "达州日报 · 4 sources"]
    with stored(story_window) as store:
        assert store.conn.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 2


def test_the_article_menu_splits_the_selected_article_from_its_story(story_window, qtbot):
    titles = [story_window.list_model.row_at(i).title for i in range(story_window.list_model.rowCount())]
    open_row(story_window, qtbot, titles.index("成渝中线高铁重庆段首座隧道贯通"))
    story_window.actions_by_name["split_story"].trigger()
    qtbot.waitUntil(lambda: story_window.list_model.rowCount() == 3)
    qtbot.waitUntil(story_window.list_settled)
    # The original stands alone; the two reprints stay one story under the earliest of them.
    assert sorted(shown(story_window).values()) == ["新华社", "新浪财经 · 2 sources", "达州日报 · 2 sources"]
