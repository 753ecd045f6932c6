"""The window at 1024×700, 1400×900 and 2560×1440: names readable in the tree, the summary dock
within its share, the list and the reader sharing the height; a squeezed tree is not restored."""

from __future__ import annotations

import pytest

from .conftest import make_window, select


def settle(qtbot, window, width, height):
    window.resize(width, height)
    qtbot.wait(150)  # the layout is fitted once resizing settles


@pytest.mark.parametrize("width, height", [(1024, 700), (1400, 900), (2560, 1440)])
def test_the_layout_fits_the_window(qtbot, workflow_db, settings, width, height):
    window = make_window(qtbot, workflow_db, settings)
    select(window, ("region", "成都都市圈"), qtbot)
    settle(qtbot, window, width, height)
    name = window.tree.fontMetrics().horizontalAdvance("成都都市圈 (part)") + 3 * window.tree.indentation()
    # the fit runs once resizing settles (a debounce timer): on a loaded machine that is later
    qtbot.waitUntil(lambda: not window._fit_timer.isActive() and window.tree.columnWidth(0) >= name,
                    timeout=5000)
    assert window.summary_dock.width() <= max(260, 0.27 * window.width()) + 8
    assert window.width() == width  # the window's parts fit: nothing forces it wider than asked
    assert window.search_bar.query_edit.width() >= 100  # the search box is not squeezed by its neighbours
    list_height, reader_height = window.right_splitter.sizes()
    assert list_height >= 0.3 * (list_height + reader_height)
    window.close()


def test_a_squeezed_tree_is_not_restored_squeezed(qtbot, workflow_db, settings):
    window = make_window(qtbot, workflow_db, settings)
    settle(qtbot, window, 1024, 700)
    window.main_splitter.setSizes([40, 900])
    window.close()
    again = make_window(qtbot, workflow_db, settings)
    settle(qtbot, again, 1024, 700)
    assert again.main_splitter.sizes()[0] >= 270
    again.close()
