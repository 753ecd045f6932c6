"""GUI fixtures: the window on a copy of the sample store, with settings in a temporary file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from metroviewer.desk import Desk
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workflow_db(workflow_store_path):
    return workflow_store_path


def make_window(qtbot, path, settings):
    window = MainWindow(path, default_gazetteer(), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    qtbot.waitUntil(window.list_settled)  # the first page is read off the GUI thread
    return window


def stored(window):
    """The window's store as the test reads it: a connection of the test's own (the window's
    desk refuses store access on the GUI thread, which is also the test's)."""
    from metroviewer.store import Store

    return Store(window.store_path)


def select(window, key, qtbot=None):
    """Select a tree node and, with `qtbot`, wait until the list shows its rows."""
    index = window.tree_model.index_of(key)
    assert index.isValid(), key
    window.tree.setCurrentIndex(index)
    if qtbot is not None:
        qtbot.waitUntil(window.list_settled)


def open_row(window, qtbot, row):
    """Make a row of the list current and wait until the reader shows its article."""
    from metroviewer.ui.article_list_model import TITLE

    with qtbot.waitSignal(window.article_opened, timeout=10000):
        window.table.setCurrentIndex(window.list_model.index(row, TITLE))


@pytest.fixture
def window(qtbot, workflow_db, settings):
    w = make_window(qtbot, workflow_db, settings)
    yield w
    w.tasks.shutdown()


def list_titles(window):
    model = window.list_model
    return sorted(model.row_at(i).title for i in range(model.rowCount()))


STORIES = Path(__file__).resolve().parent.parent / "data" / "real" / "stories"


def story_store(tmp_path, files: list[str]) -> Path:
    """A store of these files of the stories evaluation set, imported as a user would."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name in files:
        shutil.copy(STORIES / name, folder / name)
    path = tmp_path / "stories.db"
    with Desk(path) as desk:
        desk.open()
        desk.import_paths([folder], workers=0)
    return path
