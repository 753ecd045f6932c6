"""What the window says about the list: its true size (counted off the GUI thread), the
"nothing matches" state, the columns a search needs, and the status bar's line."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView

from .article_list_model import MATCH, REGIONS, TITLE

if TYPE_CHECKING:
    from .main_window import MainWindow


def on_rows_reloaded(w: MainWindow) -> None:
    arrange_columns(w)
    w.list_total = None
    update_status(w)
    count_in_background(w)
    if w.list_model.rowCount() == 0:
        show_empty_state(w)
    else:
        w.reader.setPlaceholderText(w.tr("Select an article to read it here."))


def arrange_columns(w: MainWindow) -> None:
    """A search shows the Match column: it takes the room of Regions, and the title keeps a
    third of the width instead of shrinking to a few characters."""
    searching = bool(w.list_model.query)
    header = w.table.horizontalHeader()
    w.table.setColumnHidden(MATCH, not searching)
    w.table.setColumnHidden(REGIONS, searching or w.table.viewport().width() < 680)
    if searching:
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MATCH, QHeaderView.ResizeMode.Stretch)
        w.table.setColumnWidth(TITLE, max(220, w.table.viewport().width() // 3))
    else:
        header.setSectionResizeMode(MATCH, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)


def shows_stories(w: MainWindow) -> bool:
    """Whether the list has one row per story: browsing does (desk.page lists each story once, as
    its lead version), a search lists every version that matches."""
    return w.list_model.article_filter.one_per_story or not w.list_model.query.strip()


def count_in_background(w: MainWindow) -> None:
    """The list's true size (a list shows its first 200 rows, then reads on as it scrolls), in
    the rows it shows: stories when browsing, articles for a search."""
    f, query = w.list_model.article_filter, w.list_model.query
    if shows_stories(w):
        f = replace(f, one_per_story=True)
    w.count_generation += 1
    generation = w.count_generation

    def counted(total: int) -> None:
        if generation == w.count_generation:
            w.list_total = total
            update_status(w)

    w.tasks.run(lambda desk, _p, _c: desk.count(f, query), on_success=counted, on_failure=w.show_task_error)


def show_empty_state(w: MainWindow) -> None:
    """Nothing to show: the reader and the panels say so instead of keeping the last article."""
    query = w.list_model.query
    w.reader.show_article(None)
    text = (w.tr("No article matches “{0}” here.").format(query) if query
            else w.tr("No articles here yet."))
    w.reader.setPlaceholderText(text)
    w.summary.show_message(text)


def update_status(w: MainWindow) -> None:
    total, unread = w.tree_model.counts.all_articles
    in_view = f"{w.list_total:,}" if w.list_total is not None else "…"
    line = (w.tr("{0} stories in view · {1} articles, {2} unread in the store · {3}") if shows_stories(w)
            else w.tr("{0} articles in view · {1} articles, {2} unread in the store · {3}"))
    text = line.format(in_view, f"{total:,}", f"{unread:,}", w.store_path)
    query = w.list_model.query
    if query:
        text = w.tr("Search “{0}”: ").format(query) + text
        others = [form for forms in w.desk.query_alternatives(query).values() for form in forms]
        if others:
            text += " · " + w.tr("also searched: {0}").format("、".join(others[:6]))
    w.status_label.setText(text)
