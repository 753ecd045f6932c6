"""The window's layout at every size: the region names readable in the tree, the summary dock
no wider than it needs, the list and the reader sharing the height; and remembered between
sessions, clamped to the screen (a squeezed tree is not restored squeezed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from .main_window import MainWindow

KEYS = ("window/geometry", "window/state", "window/main_splitter", "window/right_splitter", "window/list_header")
DOCK_MIN = 220  # px: the charts' labels and bars still read
TREE_MIN = 270  # px: "成都都市圈 (part)" at its depth, and the two count columns
DOCK_SHARE = 0.27  # of the window's width, at most, for the summary dock
LIST_SHARE = 0.42  # of the right pane's height for the list (the reader gets the rest)


def restore(w: MainWindow) -> None:
    s = w.settings
    for key, apply in zip(KEYS, (w.restoreGeometry, w.restoreState, w.main_splitter.restoreState,
                                 w.right_splitter.restoreState, w.table.horizontalHeader().restoreState),
                          strict=True):
        value = s.value(key)
        if value is not None:
            apply(value)
    clamp_to_screen(w)


def save(w: MainWindow) -> None:
    for key, state in zip(KEYS, (w.saveGeometry(), w.saveState(), w.main_splitter.saveState(),
                                 w.right_splitter.saveState(), w.table.horizontalHeader().saveState()),
                          strict=True):
        w.settings.setValue(key, state)


def clamp_to_screen(w: MainWindow) -> None:
    screen = w.screen().availableGeometry() if w.screen() is not None else None
    if screen is not None and (w.width() > screen.width() or w.height() > screen.height()):
        w.resize(min(w.width(), screen.width()), min(w.height(), screen.height()))


def set_up(w: MainWindow) -> None:
    """Minimums and stretch factors: the tree keeps its names, the right pane takes what is left."""
    w.tree.setMinimumWidth(TREE_MIN)
    w.main_splitter.setStretchFactor(0, 0)
    w.main_splitter.setStretchFactor(1, 1)
    w.main_splitter.setCollapsible(0, False)
    w.right_splitter.setStretchFactor(0, 2)
    w.right_splitter.setStretchFactor(1, 3)
    w.summary_dock.setMinimumWidth(DOCK_MIN)


def fit(w: MainWindow) -> None:
    """After a resize (or a restore): keep the tree wide enough for its names, the dock within
    its share, and the list a fair part of the height."""
    width = w.width()
    tree, right = w.main_splitter.sizes() if len(w.main_splitter.sizes()) == 2 else (0, 0)
    wanted_tree = max(TREE_MIN, min(340, int(width * 0.2)))
    widest_tree = max(TREE_MIN, int(width * 0.3))  # a tree restored from a wider window gives way
    if (tree < wanted_tree or tree > widest_tree) and tree + right > wanted_tree + 400:
        w.main_splitter.setSizes([wanted_tree, tree + right - wanted_tree])
    if not w.summary_dock.isFloating() and w.summary_dock.isVisible():
        most = max(DOCK_MIN, int(width * DOCK_SHARE))
        if w.summary_dock.width() > most:
            w.resizeDocks([w.summary_dock], [most], Qt.Orientation.Horizontal)
    # Column priorities: the title first; Regions gives way when the list is narrow.
    from .article_list_model import REGIONS

    narrow = w.table.viewport().width() < 680
    w.table.setColumnHidden(REGIONS, narrow or bool(w.list_model.query))
    sizes = w.right_splitter.sizes()
    if len(sizes) == 2 and sum(sizes) > 0 and sizes[0] < 0.3 * sum(sizes):
        total = sum(sizes)
        w.right_splitter.setSizes([int(total * LIST_SHARE), total - int(total * LIST_SHARE)])
