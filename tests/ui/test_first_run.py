"""A newcomer's first start: the empty store offers the bundled samples, and they import."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from metroviewer.ui import app_window

from .conftest import list_titles, make_window, stored


def test_an_empty_store_offers_the_samples_once_the_window_is_shown_and_imports_them(
        qtbot, tmp_path, settings, monkeypatch):
    asked = []  # (the question's parent, whether that window was on screen, the question)

    def answer_yes(parent, title, text, *args, **kwargs):
        asked.append((parent, parent.isVisible(), text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window = app_window.open_window(tmp_path / "new.db", settings)  # as the app starts: then show()
    qtbot.addWidget(window)
    QApplication.processEvents()
    assert asked == []  # not before the window is shown
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.show()
        qtbot.waitUntil(lambda: bool(asked))
    (parent, visible, text), = asked
    assert parent is window and visible and "sample documents" in text
    with stored(window) as store:
        assert store.articles.count() == 5
    qtbot.waitUntil(window.list_settled)
    assert "长三角资本“西进”为何锁定成都都市圈?" in list_titles(window)
    window.tasks.shutdown()
    window.close()


def test_a_window_closed_before_its_first_show_asks_nothing(qtbot, tmp_path, settings, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    window = app_window.open_window(tmp_path / "new.db", settings)
    qtbot.addWidget(window)
    window.tasks.shutdown()
    window.close()
    QApplication.processEvents()


def test_a_store_with_articles_is_not_offered_the_samples(qtbot, workflow_db, settings, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    window = make_window(qtbot, workflow_db, settings)
    app_window.offer_bundled_samples(window)
    window.close()


def test_a_damaged_store_can_be_moved_aside(tmp_path):
    damaged = tmp_path / "store.db"
    damaged.write_bytes(b"garbage" * 1000)
    moved = app_window.move_aside(damaged)
    assert not damaged.exists() and moved.exists() and moved.read_bytes().startswith(b"garbage")


def test_a_store_from_an_older_version_is_upgraded_before_the_window_opens(qtbot, workflow_db, settings):
    import sqlite3

    from metroviewer.store import needs_long_upgrade

    # As an older version left it: the index without its character columns, m006 not applied.
    conn = sqlite3.connect(workflow_db)
    conn.execute("DROP TABLE article_fts")
    conn.execute("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, regions, content='')")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm006%'")
    conn.commit()
    conn.close()
    assert needs_long_upgrade(workflow_db)
    window = app_window.open_window(workflow_db, settings, offer_samples=False)
    qtbot.addWidget(window)
    assert not needs_long_upgrade(workflow_db)
    with stored(window) as store:
        assert [r.title for r in store.search.search("资")] == ["长三角资本“西进”为何锁定成都都市圈?"]
    window.tasks.shutdown()
    window.close()
