"""`--screenshot`: select what was asked for, open the article, save a PNG of the window, exit."""

from __future__ import annotations

import sys
import time
from argparse import Namespace

from PySide6.QtCore import QEventLoop, QModelIndex
from PySide6.QtWidgets import QApplication

from .article_list_model import TITLE
from .main_window import MainWindow
from .summary_panel import charts_ready


def _settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()


def _wait_for_tasks(window: MainWindow, timeout_s: float = 20.0, panels: bool = True) -> None:
    """Let the task runner finish what the selection started (the list, the article, the summary
    panels) and deliver it."""
    deadline = time.monotonic() + timeout_s
    app = QApplication.instance()
    while time.monotonic() < deadline and (window.tasks.busy() or not window.list_settled() or (
            panels and (window.summary.data is None or not charts_ready()
                        or window.summary.drawn_for is not window.summary.data))):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    _settle()


def take_screenshot(window: MainWindow, args: Namespace) -> int:
    width, _, height = args.size.partition("x")
    window.resize(int(width), int(height))
    window.show()
    _settle()
    if args.region:
        region = window.gazetteer.resolve(args.region)
        if region is None or not window.select_region(region):
            print(f"metroviewer: no region {args.region!r} with articles", file=sys.stderr)
            return 2
    if args.search:
        window.search_bar.query_edit.setText(args.search)
        window.search_bar.emit_now()
    _settle()
    _wait_for_tasks(window, panels=False)
    if args.article is not None:
        row = window.list_model.row_of(args.article)
        if row >= 0:
            window.table.setCurrentIndex(window.list_model.index(row, TITLE))
        else:
            window.open_article(args.article)
    elif window.list_model.rowCount():
        window.table.setCurrentIndex(window.list_model.index(0, TITLE))
    else:
        window.table.setCurrentIndex(QModelIndex())
    _settle()
    _wait_for_tasks(window)
    ok = window.grab().save(args.screenshot)
    window.tasks.shutdown()
    window.settings.sync()
    window.close()
    if not ok:
        print(f"metroviewer: could not write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
