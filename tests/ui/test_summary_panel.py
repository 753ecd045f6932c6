"""The summary panels follow the selection; a figure opens the article it was read from."""

from __future__ import annotations

from metroviewer.ui.summary_panel import ARTICLE_ROLE

from ..conftest import T1, T2
from .test_main_window import select


def shown_for(window, qtbot, key):
    select(window, key)
    # the panels of this selection (not those of the one before, still arriving)
    title = window.selection_title()
    qtbot.waitUntil(lambda: window.summary.heading.text().startswith(title + " · "), timeout=20000)
    return window.summary


def test_selecting_a_region_shows_its_charts_and_figures(window, qtbot):
    panel = shown_for(window, qtbot, ("region", "南京都市圈"))
    assert panel.heading.text() == "南京都市圈 · 1 stories"  # stories are counted by default
    rows = panel.figure_rows()
    assert rows[0][:4] == ["> 5.4 trillion yuan", "GDP", "2024", "南京都市圈"] and rows[0][4] == T2
    assert dict(panel.data.sources) == {"21世纪经济报道": 1}
    # the charts hold the same numbers (drawn once the chart library has loaded)
    qtbot.waitUntil(lambda: panel.sources is not None and [
        t for _pos, t in panel.sources.getAxis("left")._tickLevels[0]] == ["21世纪经济报道"], timeout=10000)

    panel = shown_for(window, qtbot, ("region", "成都都市圈"))
    assert panel.heading.text() == "成都都市圈 · 2 stories"
    assert ["1 GWh", "固态电池集成线", "2023", "成都", T1] in panel.figure_rows()


def test_a_search_narrows_the_panels_to_its_matches(window, qtbot):
    shown_for(window, qtbot, ("region", "成都都市圈"))
    window.search_bar.query_edit.insert("资阳")
    qtbot.waitUntil(lambda: window.summary.heading.text() == "成都都市圈, search “资阳” · 1 articles", timeout=20000)
    assert {row[4] for row in window.summary.figure_rows()} == {T1}


def test_double_clicking_a_figure_opens_its_article_at_the_figure(window, qtbot):
    panel = shown_for(window, qtbot, ("region", "成都都市圈"))
    row = next(r for r, cells in enumerate(panel.figure_rows()) if cells[0] == "1 GWh")
    item = panel.figures.item(row, 0)
    assert item.data(ARTICLE_ROLE)[1] == "1GWh"
    with qtbot.waitSignal(window.article_opened, timeout=5000):
        panel.figures.itemDoubleClicked.emit(item)
    assert window.reader.article.title == T1
    assert window.reader.textCursor().selectedText() == "1GWh"


def test_hiding_the_panels_stops_their_reading_and_showing_reads_again(window, qtbot):
    window.summary_dock.hide()
    select(window, ("region", "德阳"))
    assert "德阳" not in window.summary.heading.text()
    with qtbot.waitSignal(window.panels_shown, timeout=20000):
        window.actions_by_name["summary"].trigger()
    assert window.summary.heading.text() == "德阳 · 1 stories"


def test_a_regions_key_figures_head_the_panels_and_open_their_article(window, qtbot):
    panel = shown_for(window, qtbot, ("region", "南京都市圈"))
    assert panel.key_figures.isVisibleTo(panel)
    assert panel.key_figures.rows()[0] == ["GDP", "> 5.4 trillion yuan", "2024", "21世纪经济报道"]
    with qtbot.waitSignal(window.article_opened, timeout=5000):
        panel.key_figures.itemDoubleClicked.emit(panel.key_figures.item(0, 1))
    assert window.reader.article.title == T2
    panel = shown_for(window, qtbot, ("region", "德阳"))
    assert not panel.key_figures.isVisibleTo(panel)  # no figure is given to 德阳 itself
