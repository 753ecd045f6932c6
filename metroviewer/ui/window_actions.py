"""The main window's menus, shortcuts and the small commands behind them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from .. import __version__
from ..desk.desk import Outcome
from .article_actions import delete_selected, edit_current, undo_delete
from .briefing_actions import print_briefing, save_briefing, save_briefing_pdf  # noqa: F401 (window API)
from .briefing_dialog import open_briefing_dialog
from .i18n import LANGUAGES, SETTING, chosen_language, install_translators
from .story_actions import merge_selected, split_selected
from .theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from .main_window import MainWindow

COUNT_STORIES = "view/count_stories"

# Marked for lupdate under the class that translates them at run time.
SHORTCUTS_HELP = [
    ("J / ↓", QT_TRANSLATE_NOOP("MainWindow", "Next article")), ("K / ↑", QT_TRANSLATE_NOOP("MainWindow", "Previous article")), ("N", QT_TRANSLATE_NOOP("MainWindow", "Next unread article")),
    ("M", QT_TRANSLATE_NOOP("MainWindow", "Toggle read / unread")), ("S", QT_TRANSLATE_NOOP("MainWindow", "Toggle star")), ("F2", QT_TRANSLATE_NOOP("MainWindow", "Edit title, source and date")),
    ("Delete", QT_TRANSLATE_NOOP("MainWindow", "Delete the selected articles")), ("Ctrl+Z", QT_TRANSLATE_NOOP("MainWindow", "Undo delete")), ("Ctrl+F", QT_TRANSLATE_NOOP("MainWindow", "Search")), ("Esc", QT_TRANSLATE_NOOP("MainWindow", "Clear the search")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("MainWindow", "Import documents")), ("Ctrl+O", QT_TRANSLATE_NOOP("MainWindow", "Open another store")), ("Ctrl+1 / 2 / 3", QT_TRANSLATE_NOOP("MainWindow", "Focus tree / list / reader")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("MainWindow", "Quit")),
]


def build_menus(w: MainWindow) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}

    def add(menu, name: str, text: str, slot, shortcut: str | QKeySequence | None = None, checkable: bool = False,
            checked: bool = False) -> QAction:
        action = QAction(text, w)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if checkable:
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        menu.addAction(action)
        w.addAction(action)
        actions[name] = action
        return action

    bar = w.menuBar()
    file_menu = bar.addMenu(w.tr("&File"))
    add(file_menu, "import", w.tr("&Import…"), lambda: w.start_import(), "Ctrl+I")
    add(file_menu, "print_briefing", w.tr("&Print briefing…"), lambda: print_briefing(w), QKeySequence.StandardKey.Print)
    add(file_menu, "save_briefing", w.tr("Save briefing as P&DF…"), lambda: save_briefing_pdf(w), "Ctrl+Shift+P")
    add(file_menu, "save_briefing_docx", w.tr("Save briefing as &Word…"), lambda: save_briefing(w, kind="docx"))
    add(file_menu, "save_briefing_md", w.tr("Save briefing as &Markdown…"), lambda: save_briefing(w, kind="md"))
    add(file_menu, "compose_briefing", w.tr("&Compose briefing and recipes…"), lambda: open_briefing_dialog(w),
        "Ctrl+Shift+B")
    file_menu.addSeparator()
    add(file_menu, "open_store", w.tr("&Open store…"), lambda: open_store(w), QKeySequence.StandardKey.Open)
    file_menu.addSeparator()
    add(file_menu, "quit", w.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)

    view = bar.addMenu(w.tr("&View"))
    add(view, "hide_empty", w.tr("&Hide regions without articles"), lambda on: _set_hide_empty(w, on),
        checkable=True, checked=w.tree_model.hide_empty)
    add(view, "unread_only", w.tr("Show &unread only"), lambda _on: w.reload_list(), checkable=True)
    add(view, "about_only", w.tr("Only articles mainly &about the region"), lambda _on: w.reload_list(),
        checkable=True)
    add(view, "count_stories", w.tr("Count &stories, not articles"), lambda on: _set_count_stories(w, on),
        checkable=True, checked=counts_stories(w.settings))
    add(view, "dark", w.tr("&Dark theme"), lambda on: _set_dark(w, on), checkable=True, checked=w.reader.dark)
    view.addSeparator()
    add(view, "focus_tree", w.tr("Focus the region tree"), w.tree.setFocus, "Ctrl+1")
    add(view, "focus_list", w.tr("Focus the article list"), w.table.setFocus, "Ctrl+2")
    add(view, "focus_reader", w.tr("Focus the reader"), w.reader.setFocus, "Ctrl+3")
    languages = view.addMenu(w.tr("&Language"))
    current = str(w.settings.value(SETTING, "") or "")
    group = QActionGroup(w)
    for code, name in (("", w.tr("System default")), *LANGUAGES.items()):
        action = languages.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        actions["language_" + (code or "system")] = action
    group.triggered.connect(lambda action: switch_language(w, action.data()))
    summary = w.summary_dock.toggleViewAction()
    summary.setText(w.tr("&Summary panels"))
    summary.setShortcut(QKeySequence("Ctrl+4"))
    view.addAction(summary)
    actions["summary"] = summary
    add(view, "compare", w.tr("&Compare regions…"), lambda: _open_compare(w), "Ctrl+K")
    view.addSeparator()
    add(view, "retag", w.tr("&Re-tag all articles"), lambda: retag(w))

    go = bar.addMenu(w.tr("&Article"))
    add(go, "search", w.tr("&Search"), w.search_bar.focus_query, QKeySequence.StandardKey.Find)
    add(go, "next", w.tr("&Next article"), lambda: w.move_selection(1), "J")
    add(go, "previous", w.tr("&Previous article"), lambda: w.move_selection(-1), "K")
    add(go, "next_unread", w.tr("Next &unread article"), lambda: w.move_selection(1, unread_only=True), "N")
    add(go, "toggle_read", w.tr("Toggle &read"), lambda: _toggle(w, "read"), "M")
    add(go, "toggle_star", w.tr("Toggle s&tar"), lambda: _toggle(w, "star"), "S")
    add(go, "next_hit", w.tr("Next &hit of the search"), lambda: w.reader.find_hit(), "F3")
    add(go, "previous_hit", w.tr("Previous hit of the search"), lambda: w.reader.find_hit(backward=True), "Shift+F3")
    go.addSeparator()
    add(go, "edit_article", w.tr("&Edit title, source and date…"), lambda: edit_current(w), "F2")
    add(go, "delete", w.tr("&Delete"), lambda: delete_selected(w), QKeySequence.StandardKey.Delete)
    add(go, "delete_document", w.tr("Delete the &whole document"), lambda: delete_selected(w, whole_documents=True),
        "Shift+Delete")
    add(go, "undo_delete", w.tr("&Undo delete"), lambda: undo_delete(w), QKeySequence.StandardKey.Undo)
    actions["undo_delete"].setEnabled(False)
    go.addSeparator()
    add(go, "split_story", w.tr("S&plit from its story"), lambda: split_selected(w))
    add(go, "merge_stories", w.tr("&Merge the selected stories"), lambda: merge_selected(w))

    help_menu = bar.addMenu(w.tr("&Help"))
    add(help_menu, "shortcuts", w.tr("&Keyboard shortcuts"), lambda: show_shortcuts(w), "F1")
    add(help_menu, "about", w.tr("&About MetroViewer"), lambda: show_about(w))
    return actions


def _open_compare(w: MainWindow) -> None:
    from .compare_dialog import open_compare

    w.compare_dialog = open_compare(w)


def _toggle(w: MainWindow, what: str) -> None:
    row = w.current_row()
    if row is None:
        return
    if what == "read":
        w.set_read(row.id, not row.is_read)
    else:
        w.set_starred(row.id, not row.is_starred)


def _set_hide_empty(w: MainWindow, on: bool) -> None:
    w.settings.setValue("view/hide_empty", on)
    key = w.region_key
    w.tree_model.set_hide_empty(on)
    w.tree.setCurrentIndex(w.tree_model.index_of(key))


def counts_stories(settings: QSettings) -> bool:
    """Whether the tree and the panels count stories (each piece of news once, however many
    sources carried it) rather than articles: stories unless the user chose otherwise."""
    return bool(settings.value(COUNT_STORIES, True, type=bool))


def _set_count_stories(w: MainWindow, on: bool) -> None:
    w.settings.setValue(COUNT_STORIES, on)
    w.refresh_counts()
    w.reload_panels()


def switch_language(w: MainWindow, code: str) -> None:
    """Show the interface in another language at once: the window is built again in it."""
    from .app_window import reopen_window

    w.settings.setValue(SETTING, code)
    app = QApplication.instance()
    install_translators(app, code or chosen_language(w.settings))
    if reopen_window(w, w.store_path, offer_samples=False) is None:
        return


def _set_dark(w: MainWindow, on: bool) -> None:
    w.settings.setValue("view/dark", on)
    apply_theme(QApplication.instance(), dark=on)
    w.reader.dark = on
    row = w.current_row()
    if row:
        w.open_article(row.id)


def open_store(w: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        w, w.tr("Open or create a store"), str(w.store_path.parent), w.tr("MetroViewer stores (*.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite)
    if path:
        from .app_window import reopen_window

        reopen_window(w, Path(path))


def offer_retag(w: MainWindow) -> None:
    """The region list changed since the articles were tagged (or a re-tag was cut short): a
    button in the status bar offers the re-tag."""
    button = QPushButton(w.tr("Regions updated: re-tag the articles"), w)
    button.setToolTip(w.tr("The region list changed since these articles were tagged. Re-tagging "
                           "reads them again; nothing else changes."))

    def start() -> None:
        button.hide()
        w.actions_by_name["retag"].trigger()

    button.clicked.connect(start)
    w.statusBar().addPermanentWidget(button)
    w.retag_button = button


def retag(w: MainWindow) -> None:
    w.statusBar().showMessage(w.tr("Re-tagging all articles…"))

    def done(outcome: Outcome[int]) -> None:
        w.statusBar().showMessage(w.tr("Re-tagged {0} articles.").format(outcome.value), 5000)
        w.apply_changes(outcome.changes)

    w.tasks.run(lambda desk, progress, cancelled: desk.retag(progress, cancelled), lane="long", on_success=done, on_failure=w.show_task_error,
                on_progress=lambda n: w.statusBar().showMessage(w.tr("Re-tagging… {0} articles").format(n)))


def show_shortcuts(w: MainWindow) -> None:
    rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{w.tr(v)}</td></tr>" for k, v in SHORTCUTS_HELP)
    QMessageBox.information(w, w.tr("Keyboard shortcuts"), f"<table>{rows}</table>")


def show_about(w: MainWindow) -> None:
    QMessageBox.about(
        w, w.tr("About MetroViewer"),
        w.tr("<h3>MetroViewer {0}</h3><p>A briefing desk for China's metropolitan-area (都市圈) and "
             "regional-integration policy news.</p><p>Store: {1}</p><p>Chinese text uses Noto Sans CJK SC "
             "(SIL Open Font License).</p>").format(__version__, w.store_path))
