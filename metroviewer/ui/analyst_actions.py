"""The analyst's layer in the window: saved searches, follows and "New" counts, labels on the
selected rows, highlights and notes on the reader's text, and the notes exported as Markdown.

Every read and write runs through the window's task runner; writes end in `apply_changes`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMenu

from ..desk import Changes, Desk
from ..store.articles import ArticleFilter

if TYPE_CHECKING:
    from .main_window import MainWindow

HEADINGS = ("saved_searches", "labels")


def saved_filter(w: MainWindow, name: str, base: dict[str, Any]) -> ArticleFilter:
    """The list's filter for a saved search's node: the search's, with the window's dates and
    "unread only" on top (the window's dates win when given)."""
    f, _query = w.tree_model.counts.saved_filters.get(name, (ArticleFilter(article_ids=()), ""))
    given = {k: v for k, v in base.items() if v}
    return dataclasses.replace(f, **given)


def saved_query(w: MainWindow) -> str:
    """The saved search's query when one is selected, with what is typed in the search bar."""
    typed = w.search_bar.query()
    key = w.region_key
    if key[0] != "saved":
        return typed
    query = w.tree_model.counts.saved_filters.get(key[1], (None, ""))[1]
    return " ".join(q for q in (query, typed) if q.strip())


class AnalystActions(QObject):
    """Menus and handlers of the analyst's layer; `summary_shown` after an import's "what is new"."""

    summary_shown = Signal(str)
    note_added = Signal(int)
    labelled = Signal(str)
    search_saved = Signal(str)

    def __init__(self, w: MainWindow):
        super().__init__(w)
        self.w = w
        self.new_label = QLabel(w)
        self.new_label.setObjectName("new_since_label")
        w.statusBar().addPermanentWidget(self.new_label)
        from .notes_panel import NotesPanel

        self.notes_panel = NotesPanel(w)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_panel)
        w.tabifyDockWidget(w.summary_dock, self.notes_panel)
        w.summary_dock.raise_()
        from .note_editing import NoteEditing

        self.note_editing = NoteEditing(w, self.notes_panel)
        self.actions = self._build_menu()
        w.actions_by_name.update(self.actions)
        from .import_windows import ImportWindows

        self.windows = ImportWindows(w)  # records each look; "since I last looked / the last briefing"
        w.import_finished.connect(self._on_window_import_finished)

    def _build_menu(self) -> dict[str, QAction]:
        w = self.w
        bar = w.menuBar()
        menu = QMenu(w.tr("A&nalyst"), w)
        bar.insertMenu(bar.actions()[-1], menu)  # before Help, which stays last
        actions: dict[str, QAction] = {}

        def add(name: str, text: str, slot: Any, shortcut: str | None = None) -> None:
            action = QAction(text, w)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)
            w.addAction(action)
            actions[name] = action

        add("save_search", w.tr("&Save this search…"), self._ask_save_search, "Ctrl+Shift+S")
        add("rename_search", w.tr("&Rename saved search…"), self._ask_rename_search)
        add("remove_search", w.tr("Remove saved search"), lambda: self.remove_current_search())
        add("follow", w.tr("&Follow this region or search"), lambda: self.follow_current(True))
        add("unfollow", w.tr("Stop following it"), lambda: self.follow_current(False))
        menu.addSeparator()
        add("label", w.tr("&Label the selected articles…"), self._ask_label, "L")
        add("unlabel", w.tr("Remove a label from the selected articles…"), self._ask_unlabel, "Shift+L")
        menu.addSeparator()
        add("highlight", w.tr("&Highlight the selected text"), lambda: self.highlight_selection(), "H")
        add("note", w.tr("Add a &note…"), self._ask_note, "Ctrl+Shift+N")
        add("edit_note", w.tr("&Edit the note…"), lambda: self.note_editing.ask_edit(self.note_editing.note_at_cursor()))
        add("delete_note", w.tr("&Delete the note"), lambda: self.note_editing.delete(self.note_editing.note_at_cursor()))
        notes_view = self.notes_panel.toggleViewAction()
        notes_view.setText(w.tr("Notes &view"))
        menu.addAction(notes_view)
        actions["notes_view"] = notes_view
        add("export_notes", w.tr("&Export the notes of this selection as Markdown…"), self._ask_export_notes)
        return actions

    # -- saved searches and follows --------------------------------------------------------------

    def save_current_search(self, name: str) -> None:
        """Save what the list shows (node, search text, dates) under a name."""
        w = self.w
        key, query = w.region_key, saved_query(w)
        since, until = w.search_bar.dates()
        criteria: dict[str, Any] = dict(query=query, since=since, until=until)
        if key[0] == "region":
            criteria["regions"] = [key[1]]
            criteria["about"] = w.actions_by_name["about_only"].isChecked()
        elif key[0] == "topic":
            criteria["topic"] = key[1]
        elif key[0] == "label":
            criteria["label"] = key[1]
        elif key[0] == "saved":
            f = w.tree_model.counts.saved_filters[key[1]][0]
            criteria.update(regions=list(f.regions), source=f.source, topic=f.topic, label=f.label,
                            since=since or f.since, until=until or f.until)

        def done(changes: Changes) -> None:
            w.apply_changes(changes)
            self.search_saved.emit(name)

        w.tasks.run(lambda desk, _p, _c: desk.save_search(name, **criteria), lane="write", on_success=done,
                    on_failure=w.show_task_error)

    def rename_current_search(self, new: str) -> None:
        key = self.w.region_key
        if key[0] == "saved":
            self._write(lambda desk: desk.rename_search(key[1], new))

    def remove_current_search(self) -> None:
        key = self.w.region_key
        if key[0] == "saved":
            self._write(lambda desk: desk.remove_search(key[1]))

    def follow_current(self, on: bool = True) -> None:
        key = self.w.region_key
        if key[0] == "region":
            self._write(lambda desk: desk.follow(region=key[1], on=on))
        elif key[0] == "saved":
            self._write(lambda desk: desk.follow(saved=key[1], on=on))

    def window_start(self) -> int | None:
        """The article id the search bar's import-time window starts after, if one is chosen."""
        return self.windows.start()

    def _on_window_import_finished(self, _report: Any) -> None:
        def show(items: list[Any]) -> None:
            lines = [item.line() for item in items if item.new]
            text = self.w.tr("New since you last looked: {0}").format("; ".join(lines)) if lines else ""
            self.new_label.setText(text)
            self.summary_shown.emit(text)

        self.w.tasks.run(lambda desk, _p, _c: desk.new_since_last_look(), on_success=show,
                         on_failure=self.w.show_task_error)

    # -- labels ------------------------------------------------------------------------------

    def label_selected(self, name: str, on: bool = True) -> None:
        ids = self.w.selected_ids()
        if not ids or not name.strip():
            return

        def done(changes: Changes) -> None:
            self.w.apply_changes(changes)
            self.labelled.emit(name)

        self.w.tasks.run(lambda desk, _p, _c: desk.label(ids, name, on), lane="write", on_success=done,
                         on_failure=self.w.show_task_error)

    # -- notes and highlights ------------------------------------------------------------------

    def selected_text(self) -> str:
        return self.w.reader.textCursor().selectedText().replace("\u2029", "\n").strip()

    def highlight_selection(self, color: str = "yellow", note: str = "") -> bool:
        """Highlight the reader's selected text (with a note, when given)."""
        quote = self.selected_text()
        article = self.w.reader.article
        if not quote or article is None:
            self.w.statusBar().showMessage(self.w.tr("Select some text of the article to highlight it."), 5000)
            return False
        self.add_note(note, quote=quote, color=color)
        return True

    def add_note(self, text: str, *, quote: str | None = None, color: str | None = None) -> None:
        article = self.w.reader.article
        if article is None:
            return
        article_id = article.id

        def done(outcome: Any) -> None:
            self.w.apply_changes(outcome.changes)
            self.w.open_article(article_id, then=lambda: self.note_added.emit(outcome.value))
            self.notes_panel.reload()

        self.w.tasks.run(lambda desk, _p, _c: desk.add_note(article_id, text, quote=quote, color=color),
                         lane="write", on_success=done, on_failure=self.w.show_task_error)

    def export_notes(self, path: str | Path, then: Any = None) -> None:
        """Write the notes of what the list shows (node and search) as Markdown."""
        w = self.w
        f, query, title = w.current_filter(), saved_query(w), w.selection_title()

        def write(desk: Desk, _p: object, _c: object) -> Path:
            out = Path(path)
            out.write_text(desk.notes_markdown(f, query, title=title), encoding="utf-8")
            return out

        def done(out: Path) -> None:
            w.statusBar().showMessage(w.tr("Wrote the notes to {0}").format(out), 5000)
            if then is not None:
                then(out)

        w.tasks.run(write, on_success=done, on_failure=w.show_task_error)

    # -- dialogs -----------------------------------------------------------------------------------

    def _write(self, call: Any) -> None:
        self.w.tasks.run(lambda desk, _p, _c: call(desk), lane="write", on_success=self.w.apply_changes,
                         on_failure=self.w.show_task_error)

    def _ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(self.w, self.w.tr("Save this search"), self.w.tr("Name:"),
                                        QLineEdit.EchoMode.Normal, self.w.selection_title())
        if ok and name.strip():
            self.save_current_search(name.strip())

    def _ask_rename_search(self) -> None:
        key = self.w.region_key
        if key[0] != "saved":
            return
        name, ok = QInputDialog.getText(self.w, self.w.tr("Rename saved search"), self.w.tr("New name:"),
                                        QLineEdit.EchoMode.Normal, key[1])
        if ok and name.strip():
            self.rename_current_search(name.strip())

    def _ask_label(self, on: bool = True) -> None:
        labels = [name for name, _n, _u in self.w.tree_model.counts.labels]
        title = self.w.tr("Label the selected articles") if on else self.w.tr("Remove a label")
        name, ok = QInputDialog.getItem(self.w, title, self.w.tr("Label:"), labels, 0, on)
        if ok and name.strip():
            self.label_selected(name.strip(), on)

    def _ask_unlabel(self) -> None:
        self._ask_label(on=False)

    def _ask_note(self) -> None:
        quote = self.selected_text()
        prompt = self.w.tr("Note on “{0}”:").format(quote[:60]) if quote else self.w.tr("Note:")
        text, ok = QInputDialog.getMultiLineText(self.w, self.w.tr("Add a note"), prompt)
        if ok and (text.strip() or quote):
            self.add_note(text, quote=quote or None, color="yellow" if quote else None)

    def _ask_export_notes(self) -> None:
        start = str(self.w.settings.value("notes/last_folder", str(Path.home())))
        name = self.w.selection_title().replace("/", "-") + " notes.md"
        path, _ = QFileDialog.getSaveFileName(self.w, self.w.tr("Export notes as Markdown"),
                                              str(Path(start) / name), self.w.tr("Markdown (*.md)"))
        if path:
            self.w.settings.setValue("notes/last_folder", str(Path(path).parent))
            self.export_notes(path)
