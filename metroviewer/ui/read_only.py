"""A store open read-only (made by a newer MetroViewer, a read-only file or folder): a banner
says so, and the actions that would change the store are disabled, their tooltips saying why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from .main_window import MainWindow

# The actions of the menus (ui/window_actions.py, ui/analyst_actions.py) that write to the store.
WRITE_ACTIONS = ("import", "retag", "toggle_read", "toggle_star", "edit_article", "delete", "delete_document",
                 "undo_delete", "split_story", "merge_stories", "save_search", "rename_search", "remove_search",
                 "follow", "unfollow", "label", "unlabel", "highlight", "note", "edit_note", "delete_note")


def show_read_only(w: MainWindow) -> None:
    """Mark the window as showing a read-only store (does nothing on a writable one)."""
    reason = w.desk.read_only
    if not reason:
        return
    banner = QLabel(w.tr("Read-only: {0}").format(reason), w)
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 6px; }")
    w.statusBar().insertPermanentWidget(0, banner, 1)
    w.read_only_banner = banner
    w.setWindowTitle(w.tr("MetroViewer (read-only)"))
    for name in WRITE_ACTIONS:
        action = w.actions_by_name.get(name)
        if action is not None:
            action.setEnabled(False)
            action.setToolTip(reason)
    w.setAcceptDrops(False)  # dropping files starts an import


def refuse_write(w: MainWindow, say: bool = False) -> bool:
    """Whether a change must not be asked of the store (it is read-only). The banner says why;
    with `say` (a click on a star) the status bar says it was not saved, and an article opened
    (which would mark it read) says nothing."""
    if not w.desk.read_only:
        return False
    if say:
        w.statusBar().showMessage(w.tr("This store is open read-only: the change was not saved."), 8000)
    return True
