"""Desktop details a newcomer notices: true counts, the no-matches state, the search's columns,
N wrapping, Ctrl+End to the true end, status messages that end."""

from __future__ import annotations

from PySide6.QtCore import Qt

from metroviewer.ui.article_list_model import MATCH, REGIONS, TITLE

from ..conftest import T1, T2
from .conftest import list_titles, make_window, open_row, select


def test_the_status_bar_counts_the_whole_list(qtbot, tmp_path, settings):
    from bench.corpus import generate
    from metroviewer.ingest.run import ImportRun
    from metroviewer.store import Store

    generate(tmp_path / "docs", 700, seed=3)
    with Store(tmp_path / "big.db") as store:
        ImportRun(store).run([tmp_path / "docs"])
        stories = len({s for (s,) in store.conn.execute("SELECT story_id FROM articles")})
    window = make_window(qtbot, tmp_path / "big.db", settings)
    select(window, ("all",), qtbot)
    qtbot.waitUntil(lambda: window.list_total is not None, timeout=20000)
    assert window.list_model.rowCount() < stories  # a page is shown …
    # … the whole list counted, in the rows it shows: one per story
    assert window.status_label.text().startswith(f"{stories:,} stories in view")
    window.close()


def test_ctrl_end_reaches_the_true_end_without_marking_what_it_passes(qtbot, tmp_path, settings):
    from bench.corpus import generate
    from metroviewer.ingest.run import ImportRun
    from metroviewer.store import Store

    generate(tmp_path / "docs", 700, seed=3)
    with Store(tmp_path / "big.db") as store:
        ImportRun(store).run([tmp_path / "docs"])
        oldest = store.articles.page(descending=False, limit=1)[0].id
    window = make_window(qtbot, tmp_path / "big.db", settings)
    select(window, ("all",), qtbot)
    open_row(window, qtbot, 0)
    window.table.setFocus()
    with qtbot.waitSignal(window.article_opened, timeout=20000) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [oldest] and not window.list_model.has_more()
    assert window.current_row().id == oldest
    qtbot.waitUntil(lambda: window.tree_model.counts.all_articles[1] == window.tree_model.counts.all_articles[0] - 2,
                    timeout=20000)
    window.close()


def test_n_wraps_to_the_top_and_says_so(window, qtbot):
    select(window, ("all",), qtbot)
    open_row(window, qtbot, 1)  # the second row is now read; the first is unread
    qtbot.waitUntil(lambda: window.list_model.row_at(1).is_read)
    first = window.list_model.row_at(0).id
    window.table.setFocus()
    with qtbot.waitSignal(window.article_opened, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_N)
    assert window.current_row().id == first
    assert "continued from the top" in window.statusBar().currentMessage()
    qtbot.keyClick(window.table, Qt.Key.Key_N)  # nothing unread left
    assert "No unread article" in window.statusBar().currentMessage()


def test_a_search_with_no_match_clears_the_reader_and_says_so(window, qtbot):
    select(window, ("all",), qtbot)
    open_row(window, qtbot, 0)
    window.search_bar.query_edit.insert("没有这样的文字")
    qtbot.waitUntil(lambda: window.list_model.query == "没有这样的文字" and window.list_settled())
    assert list_titles(window) == [] and window.reader.article is None
    assert "No article matches “没有这样的文字”" in window.reader.placeholderText()
    assert "No article matches" in window.summary.heading.text()


def test_a_search_gives_the_match_room_and_keeps_the_title_readable(window, qtbot):
    window.resize(1400, 900)
    window.search_bar.query_edit.insert("都市圈")
    qtbot.waitUntil(lambda: window.list_model.query == "都市圈" and list_titles(window) == sorted([T1, T2]),
                    timeout=20000)
    assert not window.table.isColumnHidden(MATCH) and window.table.isColumnHidden(REGIONS)
    assert window.table.columnWidth(TITLE) >= 200
    window.search_bar.query_edit.clear()
    qtbot.waitUntil(lambda: window.list_model.query == "" and window.list_settled())
    assert window.table.isColumnHidden(MATCH) and not window.table.isColumnHidden(REGIONS)


def test_a_place_searched_by_name_says_what_else_it_searched(window, qtbot):
    window.search_bar.query_edit.insert("成都")
    qtbot.waitUntil(lambda: window.list_model.query == "成都" and window.list_settled())
    qtbot.waitUntil(lambda: "also searched:" in window.status_label.text())
    assert "chengdu" in window.status_label.text()


def test_the_import_status_message_ends_with_what_it_did(qtbot, tmp_path, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from metroviewer.ui import app_window

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = make_window(qtbot, tmp_path / "new.db", settings)
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        app_window.offer_bundled_samples(window)
    assert window.statusBar().currentMessage().startswith("Import done: 5 articles added")
    window.close()


def test_the_reader_shows_the_first_hit_and_f3_finds_the_next(window, qtbot):
    window.search_bar.query_edit.insert("德阳")
    qtbot.waitUntil(lambda: window.list_model.query == "德阳" and list_titles(window) == [T1])
    open_row(window, qtbot, 0)
    cursor = window.reader.textCursor()
    assert cursor.selectedText() == "德阳"
    first = cursor.selectionStart()
    window.actions_by_name["next_hit"].trigger()
    second = window.reader.textCursor().selectionStart()
    assert window.reader.textCursor().selectedText() == "德阳" and second > first
    window.actions_by_name["previous_hit"].trigger()
    assert window.reader.textCursor().selectionStart() == first


def test_a_changed_region_list_offers_a_retag_in_the_window(qtbot, workflow_db, settings):
    import sqlite3

    with sqlite3.connect(workflow_db) as conn:
        conn.execute("UPDATE meta SET value = 'an older list' WHERE key IN ('gazetteer_version', 'tags_version')")
    window = make_window(qtbot, workflow_db, settings)
    assert window.retag_button is not None and window.retag_button.isVisible()
    window.retag_button.click()
    qtbot.waitUntil(lambda: "Re-tagged 2 articles" in window.statusBar().currentMessage(), timeout=20000)
    assert not window.retag_button.isVisible()
    window.close()
