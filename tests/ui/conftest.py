"""GUI fixtures: the window on a copy of the sample store, with settings in a temporary file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

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
    return window


@pytest.fixture
def window(qtbot, workflow_db, settings):
    w = make_window(qtbot, workflow_db, settings)
    yield w
    w.tasks.shutdown()


def list_titles(window):
    model = window.list_model
    return sorted(model.row_at(i).title for i in range(model.rowCount()))
