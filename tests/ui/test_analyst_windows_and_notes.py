"""The analyst's import-time windows in the window ("Imported since I last looked", "Imported
since the last briefing"), date fields that look out of use when unticked, and notes edited and
deleted in the reader and the Notes view."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog

from metroviewer.ui.briefing_actions import save_briefing
from metroviewer.ui.search_bar import LAST_BRIEFING, LAST_LOOK, PUBLISHED

from ..conftest import T1, T2, WORKFLOW
from .conftest import list_titles, make_window, open_row, select, stored
from .test_analyst_window import select_text
from .test_delete_and_edit_in_window import import_with_wizard

NEW = "成都都市圈轨道交通新线开通"
NEW_ARTICLE = f"""---
title: {NEW}
date: 2025-10-08
source: 测试日报
---
成都都市圈又一条市域铁路开通运营，连接成都与德阳，通勤时间缩短到半小时以内。
"""


def import_folder(window, qtbot, tmp_path, name, files):
    folder = tmp_path / name
    folder.mkdir()
    for file_name, content in files.items():
        if isinstance(content, str):
            (folder / file_name).write_text(content, encoding="utf-8")
        else:
            shutil.copy(content, folder / file_name)
    import_with_wizard(window, qtbot, folder)


def look_at(window, qtbot, key):
    """Select a node and wait until the look at it is recorded."""
    qtbot.waitUntil(lambda: window.tree_model.index_of(key).isValid())  # after an import, counted
    with qtbot.waitSignal(window.analyst.windows.looked, timeout=10000,
                          check_params_cb=lambda looked: looked == key):
        select(window, key, qtbot)
    qtbot.waitUntil(window.list_settled)


def test_since_i_last_looked_shows_what_was_imported_after_the_look(qtbot, tmp_path, settings):
    db = tmp_path / "s.db"
    window = make_window(qtbot, db, settings)
    import_folder(window, qtbot, tmp_path, "first", {"export.txt": WORKFLOW})
    look_at(window, qtbot, ("region", "成都都市圈"))
    assert list_titles(window) == sorted([T1, T2])
    import_folder(window, qtbot, tmp_path, "second", {"new.md": NEW_ARTICLE})
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2, NEW]))
    window.search_bar.set_window(LAST_LOOK)
    qtbot.waitUntil(lambda: list_titles(window) == [NEW])
    note = window.search_bar.window_note
    assert note.isVisible() and note.text().startswith("after ")
    assert not window.search_bar.since_edit.isEnabled()  # publication dates are not in use
    window.search_bar.set_window(PUBLISHED)
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2, NEW]))
    window.close()

    # after a restart, the last look is the one before the import: the new article is still new
    again = make_window(qtbot, db, settings)
    look_at(again, qtbot, ("region", "成都都市圈"))
    again.search_bar.set_window(LAST_LOOK)
    qtbot.waitUntil(lambda: list_titles(again) == [NEW])
    # looking again: this look was after the import, so nothing is new
    look_at(again, qtbot, ("all",))
    look_at(again, qtbot, ("region", "成都都市圈"))
    qtbot.waitUntil(lambda: list_titles(again) == [])
    with stored(again) as store:
        [(seen, _when)] = [mark for key, mark in store.analyst.looks().items() if key == ("region", "成都都市圈")]
        assert seen == store.analyst.newest_id()
    again.tasks.shutdown()


def test_since_the_last_briefing_in_the_search_bar_and_the_briefing_dialog(qtbot, tmp_path, settings):
    from metroviewer.ui.briefing_dialog import BriefingDialog

    window = make_window(qtbot, tmp_path / "s.db", settings)
    import_folder(window, qtbot, tmp_path, "first", {"export.txt": WORKFLOW})
    window.search_bar.set_window(LAST_BRIEFING)
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))  # no briefing yet: every article
    assert window.search_bar.window_note.text() == "no briefing made yet: every article"
    with qtbot.waitSignal(window.briefing_saved, timeout=60000):
        save_briefing(window, str(tmp_path / "first.md"), kind="md")
    qtbot.waitUntil(lambda: list_titles(window) == [])
    import_folder(window, qtbot, tmp_path, "second", {"new.md": NEW_ARTICLE})
    qtbot.waitUntil(lambda: list_titles(window) == [NEW])

    dialog = BriefingDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.window_box.currentData() == LAST_BRIEFING
    assert not dialog.dates.isEnabled() and not dialog.save_recipe_button.isEnabled()
    out = tmp_path / "second.md"
    with qtbot.waitSignal(window.briefing_saved, timeout=60000):
        dialog.save("md", str(out))
    text = out.read_text(encoding="utf-8")
    assert NEW in text and T1 not in text and T2 not in text and "Imported since" in text
    dialog.window_box.setCurrentIndex(dialog.window_box.findData("fixed"))  # publication dates
    assert dialog.dates.isEnabled() and dialog.save_recipe_button.isEnabled()
    window.tasks.shutdown()


def test_unticked_date_fields_look_out_of_use_in_both_themes(qtbot, window):
    from metroviewer.ui.briefing_dialog import BriefingDialog
    from metroviewer.ui.theme import apply_theme

    app = QApplication.instance()
    dialog = BriefingDialog(window)
    qtbot.addWidget(dialog)
    try:
        for dark in (False, True):
            apply_theme(app, dark)
            for dates in (window.search_bar.range, dialog.dates):
                edit = dates.since_edit
                assert not dates.since_check.isChecked() and not edit.isEnabled()
                palette = edit.palette()
                enabled = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
                shown = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                assert abs(shown.lightness() - enabled.lightness()) > 60, (dark, shown.name(), enabled.name())
            window.search_bar.since_check.setChecked(True)
            assert window.search_bar.since_edit.isEnabled()
            window.search_bar.since_check.setChecked(False)
    finally:
        apply_theme(app, False)


def _notes_of_article(window):
    with stored(window) as store:
        return [(n.text, n.quote) for n in store.analyst.notes_of([window.reader.article.id]).get(
            window.reader.article.id, [])]


def test_notes_are_edited_and_deleted_in_the_reader_and_the_notes_view(qtbot, workflow_db, settings,
                                                                        monkeypatch):
    window = make_window(qtbot, workflow_db, settings)
    editing = window.analyst.note_editing
    select(window, ("region", "德阳"), qtbot)
    open_row(window, qtbot, 0)
    select_text(window, "资阳")
    with qtbot.waitSignal(window.analyst.note_added, timeout=10000):
        window.analyst.highlight_selection(note="first thought")
    with qtbot.waitSignal(window.analyst.note_added, timeout=10000):
        window.analyst.add_note("a plain note")
    article_id = window.reader.article.id

    # double-click the highlighted text: edit its note
    [painted] = window.reader.extraSelections()
    inside = QTextCursor(window.reader.document())
    inside.setPosition(painted.cursor.selectionStart() + 1)  # between 资 and 阳
    window.reader.ensureCursorVisible()
    point = window.reader.cursorRect(inside).center() + QPoint(2, 0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("second thought", True))
    with qtbot.waitSignal(editing.note_changed, timeout=10000):
        qtbot.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert "second thought" in window.reader.toPlainText() and "first thought" not in window.reader.toPlainText()

    # the Delete key on the plain note, listed after the article
    cursor = window.reader.document().find("a plain note")
    window.reader.setTextCursor(cursor)
    window.reader.setFocus()
    with qtbot.waitSignal(editing.note_changed, timeout=10000):
        qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert "a plain note" not in window.reader.toPlainText()
    assert _notes_of_article(window) == [("second thought", "资阳")]

    # Ctrl+Z (Edit → Undo delete) brings it back
    with qtbot.waitSignal(editing.note_changed, timeout=10000):
        window.actions_by_name["undo_delete"].trigger()
    assert "a plain note" in window.reader.toPlainText()

    # in the Notes view: the Delete key on the highlight; it is gone from the reader too
    panel = window.analyst.notes_panel
    panel.show()
    panel.raise_()
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    row = next(i for i in range(panel.list.count()) if "second thought" in panel.list.item(i).text())
    panel.list.setCurrentRow(row)
    panel.list.setFocus()
    with qtbot.waitSignal(editing.note_changed, timeout=10000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert window.reader.extraSelections() == [] and "“资阳”" not in window.reader.toPlainText()
    # a double-click in the Notes view edits
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("the plain note, edited", True))
    with qtbot.waitSignal(editing.note_changed, timeout=10000):
        panel.list.itemDoubleClicked.emit(panel.list.item(0))
    qtbot.waitUntil(lambda: "the plain note, edited" in panel.list.item(0).text())
    window.close()

    again = make_window(qtbot, workflow_db, settings)
    select(again, ("region", "德阳"), qtbot)
    open_row(again, qtbot, 0)
    assert again.reader.article.id == article_id
    text = again.reader.toPlainText()
    assert "the plain note, edited" in text and "second thought" not in text and again.reader.extraSelections() == []
    again.tasks.shutdown()
