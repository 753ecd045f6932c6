"""The analyst's layer in the window: saved searches and labels as tree nodes with counts,
follows with "New" counts and the post-import summary, highlights and notes in the reader."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from ..conftest import T1, T2, WORKFLOW
from .conftest import list_titles, make_window, open_row, select, stored
from .test_delete_and_edit_in_window import import_with_wizard


def node(window, key):
    index = window.tree_model.index_of(key)
    return index.internalPointer() if index.isValid() else None


def node_text(window, key):
    return window.tree_model.index_of(key).data(Qt.ItemDataRole.DisplayRole)


def test_a_saved_search_is_a_tree_node_whose_counts_follow_an_import(qtbot, tmp_path, settings):
    folder = tmp_path / "inbox"
    folder.mkdir()
    window = make_window(qtbot, tmp_path / "s.db", settings)
    window.search_bar.query_edit.insert("GDP")
    qtbot.waitUntil(window.list_settled)
    with qtbot.waitSignal(window.analyst.search_saved, timeout=10000):
        window.analyst.save_current_search("GDP news")
    qtbot.waitUntil(lambda: node(window, ("saved", "GDP news")) is not None)
    assert node(window, ("saved", "GDP news")).total == 0
    shutil.copy(WORKFLOW, folder / "export.txt")
    import_with_wizard(window, qtbot, folder)
    qtbot.waitUntil(lambda: (node(window, ("saved", "GDP news")).total, node(window, ("saved", "GDP news")).unread)
                    == (1, 1))
    window.search_bar.query_edit.clear()
    select(window, ("saved", "GDP news"), qtbot)
    qtbot.waitUntil(lambda: list_titles(window) == [T2])
    assert window.selection_title() == "GDP news"
    with stored(window) as store:
        assert [s.name for s in store.analyst.saved_searches()] == ["GDP news"]
    window.tasks.shutdown()


def test_following_a_region_shows_new_counts_and_a_summary_after_an_import(qtbot, tmp_path, settings):
    folder = tmp_path / "inbox"
    folder.mkdir()
    window = make_window(qtbot, tmp_path / "s.db", settings)
    window.actions_by_name["hide_empty"].setChecked(False)
    select(window, ("region", "成都都市圈"), qtbot)
    window.actions_by_name["follow"].trigger()
    qtbot.waitUntil(lambda: ("region", "成都都市圈") in window.tree_model.counts.followed)
    window.actions_by_name["hide_empty"].setChecked(True)
    select(window, ("all",), qtbot)
    shutil.copy(WORKFLOW, folder / "export.txt")
    with qtbot.waitSignal(window.analyst.summary_shown, timeout=30000):
        import_with_wizard(window, qtbot, folder)
    summary = window.analyst.new_label.text()
    assert "成都都市圈: 2 new, " in summary and "with figures" in summary
    qtbot.waitUntil(lambda: node(window, ("region", "成都都市圈")).new == 2)
    assert node_text(window, ("region", "成都都市圈")) == "成都都市圈  · 2 new"
    select(window, ("region", "成都都市圈"), qtbot)  # looking at it: no longer new
    qtbot.waitUntil(lambda: node(window, ("region", "成都都市圈")).new == 0)
    assert node_text(window, ("region", "成都都市圈")) == "成都都市圈"
    window.tasks.shutdown()


def test_labels_on_the_selected_rows_become_a_tree_node(window, qtbot, monkeypatch):
    select(window, ("region", "成都都市圈"), qtbot)
    window.table.setFocus()
    window.table.selectAll()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("关注", True))
    with qtbot.waitSignal(window.analyst.labelled, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: node(window, ("label", "关注")) is not None)
    assert node(window, ("label", "关注")).total == 2
    select(window, ("label", "关注"), qtbot)
    assert list_titles(window) == sorted([T1, T2])
    with stored(window) as store:
        assert [(name, n) for name, n, _unread in store.analyst.label_counts()] == [("关注", 2)]


def select_text(window, text):
    """Select `text` in the article as a reader would (in its text, not in a region chip)."""
    from metroviewer.ui.reader_notes import find_in_text

    cursor = find_in_text(window.reader.document(), text)
    assert cursor is not None, text
    window.reader.setTextCursor(cursor)


def test_a_highlight_and_a_note_are_shown_in_the_reader_and_after_a_restart(qtbot, workflow_db, settings, tmp_path):
    window = make_window(qtbot, workflow_db, settings)
    select(window, ("region", "德阳"), qtbot)
    open_row(window, qtbot, 0)
    select_text(window, "资阳")
    with qtbot.waitSignal(window.analyst.note_added, timeout=10000):
        assert window.analyst.highlight_selection(note="资阳承接产业的机会")
    assert "资阳承接产业的机会" in window.reader.toPlainText() and "“资阳”" in window.reader.toPlainText()
    [painted] = window.reader.extraSelections()
    assert painted.cursor.selectedText() == "资阳" and not painted.cursor.charFormat().isAnchor()
    with stored(window) as store:
        [note] = store.analyst.search_notes("承接")
        assert (note.quote, note.text, note.color) == ("资阳", "资阳承接产业的机会", "yellow")
    out = tmp_path / "notes.md"
    with qtbot.waitSignal(window.analyst.w.statusBar().messageChanged, timeout=10000):
        window.analyst.export_notes(out)
    qtbot.waitUntil(out.exists)
    markdown = out.read_text(encoding="utf-8")
    assert f"## {T1}" in markdown and "> 资阳" in markdown and "资阳承接产业的机会" in markdown
    window.close()

    again = make_window(qtbot, workflow_db, settings)
    select(again, ("region", "德阳"), qtbot)
    open_row(again, qtbot, 0)
    assert "资阳承接产业的机会" in again.reader.toPlainText()
    assert [s.cursor.selectedText() for s in again.reader.extraSelections()] == ["资阳"]
    again.tasks.shutdown()


def test_a_briefing_saved_from_the_window_prints_the_note(window, qtbot, tmp_path):
    from metroviewer.ui.briefing_actions import save_briefing

    from ..test_briefing import pdf_text

    select(window, ("region", "成都都市圈"), qtbot)
    open_row(window, qtbot, 0)
    select_text(window, window.reader.article.title[:6])
    with qtbot.waitSignal(window.analyst.note_added, timeout=10000):
        window.analyst.highlight_selection(color="green", note="briefing note 值得关注")
    out = tmp_path / "brief.pdf"
    with qtbot.waitSignal(window.briefing_saved, timeout=60000):
        save_briefing(window, str(out), kind="pdf")
    text = pdf_text(out)
    assert "briefingnote值得关注" in text and window.reader.article.title[:6] in text


def test_the_notes_view_lists_a_regions_notes_and_searches_them(window, qtbot):
    select(window, ("region", "德阳"), qtbot)
    open_row(window, qtbot, 0)
    select_text(window, "资阳")
    with qtbot.waitSignal(window.analyst.note_added, timeout=10000):
        window.analyst.highlight_selection(note="德阳的笔记")
    panel = window.analyst.notes_panel
    with qtbot.waitSignal(panel.notes_shown, timeout=10000):
        panel.show()
        panel.raise_()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "德阳的笔记" in panel.list.item(0).text() and "“资阳”" in panel.list.item(0).text()
    select(window, ("region", "南京都市圈"), qtbot)
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    panel.search.setText("笔记")
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    panel.search.setText("没有这个")
    qtbot.waitUntil(lambda: panel.list.count() == 0)
