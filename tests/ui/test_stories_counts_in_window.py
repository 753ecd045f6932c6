"""View → Count stories, not articles: the tree and the summary heading count each story once
(three reprints are one story) by default, articles when the user turns it off; the choice is
kept in the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from metroviewer.ui.region_tree_model import TOTAL

from .conftest import make_window, select, story_store

# Three versions of one story and two of another, one more story (all three name 成渝's cities).
FILES = ["chengyu-rail-1.md", "chengyu-rail-2.md", "chengyu-rail-3.md", "chengdawan-1.md", "chengdawan-2.md",
         "xian-plan-1.md"]


@pytest.fixture
def store_path(tmp_path):
    path = story_store(tmp_path, FILES)
    return path


def tree_number(window, key) -> str:
    """The node's count as the tree shows it (for a region: those mentioning it, after the
    "mainly about it /")."""
    index = window.tree_model.index_of(key)
    assert index.isValid(), key
    return index.siblingAtColumn(TOTAL).data().split(" / ")[-1]


def column_title(window) -> str:
    return window.tree_model.headerData(TOTAL, Qt.Orientation.Horizontal)


def toggle(window, qtbot, on: bool) -> None:
    with qtbot.waitSignal(window.counts_refreshed, timeout=20000):
        window.actions_by_name["count_stories"].setChecked(on)


def test_the_tree_and_the_summary_count_stories_by_default_and_articles_when_asked(qtbot, store_path, settings):
    w = make_window(qtbot, store_path, settings)
    try:
        assert w.actions_by_name["count_stories"].isChecked()
        assert tree_number(w, ("all",)) == "3"  # 3 reprints + 2 reprints + 1: three stories
        assert tree_number(w, ("region", "成渝")) == "3"
        assert column_title(w) == "Stories"
        select(w, ("region", "成渝"), qtbot)
        qtbot.waitUntil(lambda: w.summary.heading.text() == "成渝 · 3 stories", timeout=20000)

        toggle(w, qtbot, False)
        assert tree_number(w, ("all",)) == "6"
        assert tree_number(w, ("region", "成渝")) == "6"
        assert column_title(w) == "Articles"
        qtbot.waitUntil(lambda: w.summary.heading.text() == "成渝 · 6 articles", timeout=20000)
    finally:
        w.tasks.shutdown()


def test_the_choice_is_kept_for_the_next_window(qtbot, store_path, settings):
    settings.setValue("view/count_stories", False)
    w = make_window(qtbot, store_path, settings)
    try:
        assert not w.actions_by_name["count_stories"].isChecked()
        assert tree_number(w, ("all",)) == "6"
        toggle(w, qtbot, True)
        assert tree_number(w, ("all",)) == "3"
        assert settings.value("view/count_stories", type=bool) is True
    finally:
        w.tasks.shutdown()
