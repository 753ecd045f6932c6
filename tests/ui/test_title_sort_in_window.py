"""Clicking the Title header lists the articles in pinyin order (core/sort_keys.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store
from metroviewer.ui.article_list_model import TITLE

from ..test_title_sort import PINYIN_ORDER, write_articles
from .conftest import make_window


def shown_titles(window) -> list[str]:
    model = window.list_model
    return [model.row_at(i).title for i in range(model.rowCount())]


def click_header(window, qtbot, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(window.list_settled)


def test_clicking_the_title_header_sorts_by_pinyin(qtbot, tmp_path, settings):
    path = tmp_path / "titles.db"
    with Store(path) as store:
        ImportRun(store).run([write_articles(tmp_path / "docs", PINYIN_ORDER[::-1])])
    window = make_window(qtbot, path, settings)
    click_header(window, qtbot, TITLE)
    if shown_titles(window) != PINYIN_ORDER:  # the first click may sort descending (Qt's default)
        click_header(window, qtbot, TITLE)
    assert shown_titles(window) == PINYIN_ORDER
    click_header(window, qtbot, TITLE)
    assert shown_titles(window) == PINYIN_ORDER[::-1]
    window.tasks.shutdown()
    window.close()
