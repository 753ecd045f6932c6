"""Changing and deleting notes and highlights in the window: in the reader (on a highlight or a
note listed after the article) and in the Notes view, by context menu, double-click (edit) and the
Delete key. A deleted note comes back with Edit → Undo delete (Ctrl+Z), like deleted articles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QInputDialog, QMenu

from . import read_only
from .reader_notes import note_at, notes_of

if TYPE_CHECKING:
    from .main_window import MainWindow


@dataclass
class DeletedNote:
    """A deleted note on the window's undo stack (`w.deletions`, shared with deleted articles)."""

    note: Any  # store/analyst.Note as it was

    def undo(self, w: MainWindow) -> None:
        w.tasks.run(lambda desk, _p, _c: desk.restore_note(self.note), lane="write",
                    on_success=w.analyst.note_editing.restored(self.note), on_failure=w.show_task_error)


class NoteEditing(QObject):
    """The reader's and the Notes view's note menus; `note_changed(id)` after an edit, a deletion
    or an undo has been written and the reader shows it."""

    note_changed = Signal(int)

    def __init__(self, w: MainWindow, panel: Any):
        super().__init__(w)
        self.w = w
        self.panel = panel
        # Kept here: the filter compares against them without calling into widgets that may be gone.
        self._reader, self._viewport, self._list = w.reader, w.reader.viewport(), panel.list
        self._viewport.installEventFilter(self)  # double-clicks and context menus land on the viewport
        self._reader.installEventFilter(self)  # keys on the reader itself
        panel.list.installEventFilter(self)
        panel.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.list.customContextMenuRequested.connect(self._on_panel_list_context_menu)
        panel.list.itemDoubleClicked.connect(lambda item: self.ask_edit(panel.note_of(item)))

    # -- which note -------------------------------------------------------------------------

    def reader_notes(self) -> list[Any]:
        article = self.w.reader.article
        return notes_of(self.w.reader.notes, article.id if article else None)

    def note_under(self, point: QPoint) -> Any | None:
        """The note (highlight or listed note) under a point of the reader's viewport."""
        position = self.w.reader.cursorForPosition(point).position()
        return note_at(self.w.reader, self.reader_notes(), position)

    def note_at_cursor(self) -> Any | None:
        """The note at the reader's text cursor, else the one selected in the Notes view."""
        if self.w.reader.hasFocus() or not self.panel.list.hasFocus():
            found = note_at(self.w.reader, self.reader_notes(), self.w.reader.textCursor().selectionStart())
            if found is not None or not self.panel.isVisible():
                return found
        item = self.panel.list.currentItem()
        return self.panel.note_of(item) if item else None

    # -- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if watched is self._viewport and kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            note = self.note_under(event.position().toPoint())
            if note is not None:
                self.ask_edit(note)
                return True
        elif watched is self._viewport and kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            note = self.note_under(event.pos())
            if note is not None:
                self._menu(note, event.globalPos(), open_article=False)
                return True
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Delete and (watched is self._reader or watched is self._list):
            note = self.note_at_cursor()
            if note is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # on a note, Delete is this widget's key, not "delete the article"
                else:
                    self.delete(note)
                return True
        return super().eventFilter(watched, event)

    def _on_panel_list_context_menu(self, point: QPoint) -> None:
        item = self.panel.list.itemAt(point)
        if item is not None:
            self._menu(self.panel.note_of(item), self.panel.list.viewport().mapToGlobal(point), open_article=True)

    def _menu(self, note: Any, where: QPoint, open_article: bool) -> QMenu:
        menu = QMenu(self.w)
        if open_article and note.article_id:
            menu.addAction(self.tr("Open the article"), lambda: self.w.open_article(int(note.article_id)))
        edit = menu.addAction(self.tr("Edit note…"), lambda: self.ask_edit(note))
        what = self.tr("Delete highlight") if note.quote else self.tr("Delete note")
        delete = menu.addAction(what, lambda: self.delete(note))
        delete.setShortcut(Qt.Key.Key_Delete)
        for action in (edit, delete):
            action.setEnabled(not self.w.desk.read_only)
        menu.popup(where)
        return menu

    # -- changes ----------------------------------------------------------------------------

    def ask_edit(self, note: Any | None) -> None:
        if note is None or read_only.refuse_write(self.w, say=True):
            return
        prompt = self.tr("Note on “{0}”:").format(note.quote[:60]) if note.quote else self.tr("Note:")
        text, ok = QInputDialog.getMultiLineText(self.w, self.tr("Edit note"), prompt, note.text)
        if ok and text.strip() != note.text:
            self.edit(note, text)

    def edit(self, note: Any, text: str) -> None:
        self._write(note, lambda desk: desk.edit_note(note.id, text))

    def delete(self, note: Any | None) -> None:
        """Delete a note or highlight at once; Ctrl+Z brings it back while the window is open."""
        if note is None or read_only.refuse_write(self.w, say=True):
            return

        def deleted(outcome: Any) -> Any:
            self.w.deletions.append(DeletedNote(outcome.value))
            self.w.actions_by_name["undo_delete"].setEnabled(True)
            what = self.tr("Deleted the highlight.") if note.quote else self.tr("Deleted the note.")
            self.w.statusBar().showMessage(what + " " + self.tr("Ctrl+Z brings it back."), 10000)
            return outcome.changes

        self._write(note, lambda desk: desk.delete_note(note.id), then=deleted)

    def restored(self, note: Any) -> Any:
        """After an undo brought a note back: show it again."""
        def done(changes: Any) -> None:
            self.w.statusBar().showMessage(self.tr("Restored the note."), 8000)
            self._refresh(note, changes)

        return done

    def _write(self, note: Any, call: Any, then: Any = None) -> None:
        def done(result: Any) -> None:
            self._refresh(note, then(result) if then else result)

        self.w.tasks.run(lambda desk, _p, _c: call(desk), lane="write", on_success=done,
                         on_failure=self.w.show_task_error)

    def _refresh(self, note: Any, changes: Any) -> None:
        """The reader (its highlights and notes) and the Notes view read the notes again."""
        self.w.apply_changes(changes)
        article = self.w.reader.article
        self.panel.reload()
        if article is None or article.id != note.article_id:
            self.note_changed.emit(note.id)
            return
        bar = self.w.reader.verticalScrollBar()
        position = bar.value()  # reading on where the note was, not from the top

        def shown() -> None:
            bar.setValue(position)
            self.note_changed.emit(note.id)

        self.w.open_article(article.id, then=shown)
