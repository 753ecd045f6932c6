"""Deleting, undoing, re-importing and editing from the window, as the analyst does it."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from metroviewer.ui import article_actions
from metroviewer.ui.import_wizard import PageId

from ..conftest import T1, T2, WORKFLOW
from .conftest import list_titles, make_window, open_row, select, stored


def stored_titles(window) -> list[str]:
    with stored(window) as store:
        return sorted(a.title for a in store.articles.get_many(store.articles.ids()))


def import_with_wizard(window, qtbot, folder, restore_deleted=False):
    wizard = window.start_import([str(folder)])
    qtbot.addWidget(wizard)
    wizard.sources_page.restore_deleted.setChecked(restore_deleted)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=20000)
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT)
    wizard.close()
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow)


def test_delete_undo_reimport_and_restore_in_the_window(qtbot, tmp_path, settings, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "export.txt")
    (folder / "README.md").write_text("# About this folder\n\nNotes on 成都 clippings.", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    window = make_window(qtbot, tmp_path / "s.db", settings)
    import_with_wizard(window, qtbot, folder)
    assert stored_titles(window) == sorted([T1, T2])  # the README is not an article
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))

    select(window, ("all",), qtbot)
    row = next(i for i in range(2) if window.list_model.row_at(i).title == T1)
    open_row(window, qtbot, row)
    window.table.setFocus()
    with qtbot.waitSignal(window.articles_deleted, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Re-importing their files will not bring them back" in asked[-1]
    assert stored_titles(window) == [T2]
    qtbot.waitUntil(lambda: list_titles(window) == [T2])
    assert window.reader.article is None

    with qtbot.waitSignal(window.articles_restored, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_titles(window) == sorted([T1, T2])
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))

    # deleted again; a re-import of the changed file does not bring it back, a restoring one does
    select(window, ("all",), qtbot)
    row = next(i for i in range(2) if window.list_model.row_at(i).title == T1)
    open_row(window, qtbot, row)
    with qtbot.waitSignal(window.articles_deleted, timeout=10000):
        window.actions_by_name["delete"].trigger()
    (folder / "export.txt").write_text(WORKFLOW.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    import_with_wizard(window, qtbot, folder)
    assert stored_titles(window) == [T2]
    import_with_wizard(window, qtbot, folder, restore_deleted=True)
    assert stored_titles(window) == sorted([T1, T2])
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))
    window.close()


def test_an_edited_title_shows_everywhere_and_survives_reimport(qtbot, tmp_path, settings, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "export.txt")
    window = make_window(qtbot, tmp_path / "s.db", settings)
    import_with_wizard(window, qtbot, folder)
    select(window, ("region", "德阳"), qtbot)
    qtbot.waitUntil(lambda: list_titles(window) == [T1])
    open_row(window, qtbot, 0)

    def fill_and_save(dialog):
        dialog.title.setText("资本西进成都都市圈")
        dialog.source.setText("新浪财经网")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(article_actions.EditArticleDialog, "exec", fill_and_save)
    with qtbot.waitSignal(window.article_edited, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: list_titles(window) == ["资本西进成都都市圈"])
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.title == "资本西进成都都市圈")
    assert "新浪财经网" in window.reader.toPlainText()
    import_with_wizard(window, qtbot, folder)
    assert stored_titles(window) == sorted(["资本西进成都都市圈", T2])
    window.search_bar.query_edit.insert("西进")
    qtbot.waitUntil(lambda: list_titles(window) == ["资本西进成都都市圈"])
    window.close()
