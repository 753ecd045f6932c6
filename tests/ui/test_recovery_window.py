"""The window on stores it must not write: a newer store opens read-only with a banner, and a
damaged one offers a recovery copy, which it makes and opens."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from metroviewer.ui import app_window
from metroviewer.ui.article_list_model import STAR

from ..test_recovery import damage_leaf, readable_titles
from ..test_store_safety import files_beside, mark_as_newer
from .conftest import list_titles, open_row


def test_a_newer_store_opens_read_only_with_a_banner_and_nothing_is_written(qtbot, sample_store_path, settings):
    mark_as_newer(sample_store_path)
    before = hashlib.sha256(sample_store_path.read_bytes()).digest()
    mtime = sample_store_path.stat().st_mtime_ns
    window = app_window.open_window(sample_store_path, settings, offer_samples=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.list_settled)
    assert window.read_only_banner is not None and window.read_only_banner.isVisible()
    assert "newer MetroViewer" in window.read_only_banner.text()
    assert "read-only" in window.windowTitle()
    for name in ("import", "retag", "toggle_star", "delete", "edit_article", "note"):
        assert not window.actions_by_name[name].isEnabled(), name
    open_row(window, qtbot, 0)  # reading an article would mark it read
    assert window.reader.toPlainText().strip()
    window.table.clicked.emit(window.list_model.index(0, STAR))
    assert "read-only" in window.statusBar().currentMessage()
    assert len(list_titles(window)) == 5
    window.tasks.shutdown()
    window.close()
    assert hashlib.sha256(sample_store_path.read_bytes()).digest() == before
    assert sample_store_path.stat().st_mtime_ns == mtime
    assert files_beside(sample_store_path) == ["samples.db"]


def click_button_when_shown(text: str, clicked: list[str]) -> QTimer:
    """Click the button reading `text` in the dialog the window asks with, once it shows."""
    timer = QTimer()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for button in box.findChildren(QPushButton):
                if button.text() == text:
                    timer.stop()
                    clicked.append(box.text())
                    button.click()
                    return

    timer.timeout.connect(look)
    timer.start(50)
    return timer


def test_a_damaged_store_offers_a_recovery_copy_and_opens_it(qtbot, sample_store_path, settings, monkeypatch):
    damage_leaf(sample_store_path, "articles")
    readable = readable_titles(sample_store_path)
    before = hashlib.sha256(sample_store_path.read_bytes()).digest()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: told.append(text))
    asked: list[str] = []
    timer = click_button_when_shown("Recover what can be read", asked)
    window = app_window.open_window(sample_store_path, settings, offer_samples=False)
    timer.stop()
    qtbot.addWidget(window)
    assert asked and "is damaged" in asked[0]
    assert told and f"Recovered {len(readable)} of 5 articles" in told[0]
    assert window.store_path.name.startswith("samples.recovered-")
    window.show()
    qtbot.waitUntil(window.list_settled)
    assert set(list_titles(window)) == readable
    assert window.read_only_banner is None  # the copy is a good store
    window.tasks.shutdown()
    window.close()
    assert hashlib.sha256(sample_store_path.read_bytes()).digest() == before
