"""The window says "stories" where it counts them: the monthly chart's title follows View →
"Count stories, not articles", and the status bar counts the list's rows in stories while it
lists each story once (browsing), in articles for a search (every version that matches)."""

from __future__ import annotations

import pytest

from .conftest import make_window, select, story_store

# Three versions of one story, two of another, one more: three stories, six articles.
FILES = ["chengyu-rail-1.md", "chengyu-rail-2.md", "chengyu-rail-3.md", "chengdawan-1.md", "chengdawan-2.md",
         "xian-plan-1.md"]


@pytest.fixture
def window(qtbot, tmp_path, settings):
    path = story_store(tmp_path, FILES)
    w = make_window(qtbot, path, settings)
    yield w
    w.tasks.shutdown()


def test_the_monthly_chart_is_titled_by_what_it_counts(window, qtbot):
    select(window, ("region", "成渝"), qtbot)
    qtbot.waitUntil(lambda: window.summary.heading.text() == "成渝 · 3 stories", timeout=20000)
    assert window.summary.section_titles["months"].text() == "Stories per month"
    with qtbot.waitSignal(window.counts_refreshed, timeout=20000):
        window.actions_by_name["count_stories"].setChecked(False)
    qtbot.waitUntil(lambda: window.summary.heading.text() == "成渝 · 6 articles", timeout=20000)
    assert window.summary.section_titles["months"].text() == "Articles per month"


def test_the_status_bar_counts_stories_while_the_list_shows_each_story_once(window, qtbot):
    select(window, ("all",), qtbot)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("3 stories in view"), timeout=20000)
    assert window.list_model.rowCount() == 3
    window.search_bar.query_edit.insert("成渝中线")  # a search lists every version that matches
    qtbot.waitUntil(lambda: " articles in view" in window.status_label.text() and window.list_total is not None
                    and not window.list_model.loading, timeout=20000)
    assert window.status_label.text().split("Search “成渝中线”: ")[-1].startswith(
        f"{window.list_model.rowCount()} articles in view")
