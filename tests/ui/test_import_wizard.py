"""The import wizard driven as a user would: sources, preview before writing, import, report."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QWizard

from metroviewer.ui.import_wizard import PageId

from ..conftest import WORKFLOW
from .conftest import list_titles, make_window, stored


def test_the_wizard_previews_then_imports_and_reports(qtbot, tmp_path, settings):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(WORKFLOW, folder / "export.txt")
    (folder / "sub" / "note.md").write_text("# 西安都市圈扩容\n\n西安、咸阳一体化。", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    window = make_window(qtbot, tmp_path / "empty.db", settings)
    wizard = window.start_import([str(folder)])
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.SOURCES and wizard.sources() == [str(folder)]
    wizard.next()
    assert wizard.currentId() == PageId.PREVIEW
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=20000)
    table = wizard.preview_page.table
    titles = sorted(table.item(i, 0).text() for i in range(table.rowCount()))
    assert len(titles) == 3 and "西安都市圈扩容" in titles
    assert "broken.pdf" in wizard.preview_page.failures.toPlainText()
    with stored(window) as store:
        assert store.articles.count() == 0  # the preview wrote nothing
    assert wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Import"
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.REPORT)
    report = wizard.report_page.text.toPlainText()
    assert "Articles added: 3" in report and "broken.pdf: the file is named .pdf but is not a PDF" in report
    with stored(window) as store:
        assert store.articles.count() == 3
    qtbot.waitUntil(lambda: len(list_titles(window)) == 3)
    qtbot.waitUntil(lambda: window.tree_model.index_of(("region", "西安都市圈")).isValid())
    assert window.tree_model.index_of(("region", "西安都市圈")).internalPointer().total == 1
    wizard.close()
    window.close()


def test_dropping_a_folder_on_the_window_opens_the_wizard_with_it(qtbot, tmp_path, settings):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(qtbot, tmp_path / "drop.db", settings)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(WORKFLOW.parent))])
    opened = []
    window.start_import = lambda paths=None: opened.append(paths)
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert opened == [[str(WORKFLOW.parent)]]
    window.close()


def test_a_failing_import_is_reported_and_the_wizard_can_be_closed(qtbot, tmp_path, settings, monkeypatch):
    from metroviewer.ui import error_dialog

    shown = []
    monkeypatch.setattr(error_dialog, "show_error", lambda parent, error, details="": shown.append(str(error)))
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "export.txt")
    window = make_window(qtbot, tmp_path / "fail.db", settings)
    wizard = window.start_import([str(folder)])
    qtbot.addWidget(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=20000)

    def disk_full(*args, **kwargs):
        raise OSError("database or disk is full")

    monkeypatch.setattr(window.desk, "import_paths", disk_full)
    wizard.next()
    qtbot.waitUntil(lambda: "The import stopped" in wizard.import_page.current.text())
    assert shown == ["database or disk is full"]
    wizard.reject()
    assert not wizard.isVisible()
    window.close()
