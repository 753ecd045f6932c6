"""`--screenshot`: select what was asked for, open the article, save a PNG of the window, exit."""

from __future__ import annotations

import sys
from argparse import Namespace

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from .article_list_model import TITLE
from .main_window import MainWindow


def _settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()


def take_screenshot(window: MainWindow, args: Namespace) -> int:
    window.resize(1400, 860)
    window.show()
    _settle()
    if args.region:
        region = window.gazetteer.resolve(args.region)
        if region is None or not window.select_region(region):
            print(f"metroviewer: no region {args.region!r} with articles", file=sys.stderr)
            return 2
    if args.search:
        window.search_bar.query_edit.setText(args.search)
        window.search_bar._emit_now()
    _settle()
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
    window.tasks.shutdown()
    window.refresh_counts(wait=True)
    _settle()
    ok = window.grab().save(args.screenshot)
    window.settings.sync()
    window.close()
    if not ok:
        print(f"metroviewer: could not write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
