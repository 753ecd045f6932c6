"""The window and its desk: no store access on the GUI thread, and short writes never wait
behind an import."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from metroviewer.desk import GuiThreadStoreAccess
from metroviewer.store.articles import ArticleFilter

from ..conftest import PAPERS
from .conftest import make_window, open_row, select, stored


def test_a_store_access_on_the_gui_thread_fails_loudly(window, qtbot):
    with pytest.raises(GuiThreadStoreAccess):
        window.desk.page(ArticleFilter())
    with pytest.raises(GuiThreadStoreAccess):
        window.desk.set_starred([1], True)
    # the same call through the task runner (a worker thread) is fine
    pages = []
    window.tasks.run(lambda desk, _p, _c: desk.page(ArticleFilter()), on_success=pages.append)
    qtbot.waitUntil(lambda: bool(pages))
    assert len(pages[0]) == 2


def test_a_star_set_during_an_import_reaches_the_store_before_the_import_ends(qtbot, workflow_db, settings):
    window = make_window(qtbot, workflow_db, settings)
    select(window, ("all",), qtbot)
    open_row(window, qtbot, 0)
    article_id = window.current_row().id
    gate = threading.Event()
    started = threading.Event()

    def held_at_first_file(_progress):
        started.set()
        gate.wait(30)  # the import stays under way until the test lets it go

    import_task = window.tasks.run(
        lambda desk, _p, cancelled: desk.import_paths([PAPERS], progress=held_at_first_file, cancelled=cancelled),
        lane="long")
    qtbot.waitUntil(started.is_set)
    qtbot.keyClick(window.table, Qt.Key.Key_S)

    def starred_in_store() -> bool:
        with stored(window) as store:
            return store.articles.get(article_id).is_starred

    qtbot.waitUntil(starred_in_store, timeout=5000)
    assert not import_task.done  # the import is still running
    gate.set()
    qtbot.waitUntil(lambda: import_task.delivered, timeout=30000)
    with stored(window) as store:
        assert store.articles.count() == 5 and store.articles.get(article_id).is_starred
    window.close()


def test_tasks_reuse_one_connection_per_worker_thread(window, qtbot):
    done = []
    for _ in range(60):
        window.tasks.run(lambda desk, _p, _c: desk.tree_counts(), on_success=done.append)
        window.tasks.run(lambda desk, _p, _c: desk.set_read([1], True), lane="write", on_success=done.append)
    qtbot.waitUntil(lambda: len(done) == 120, timeout=30000)
    # the one that opened the store, two readers, one short writer: never a connection per task
    assert window.desk.connections() <= 4
