"""The Notes view: the notes and highlights of what the list shows (a region, a saved search, a
label), or those matching a search of the notes; a click opens the article (ui/note_editing.py
edits and deletes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


class NotesPanel(QDockWidget):
    notes_shown = Signal(int)

    def __init__(self, w: MainWindow):
        super().__init__(w.tr("Notes"), w)
        self.w = w
        self.setObjectName("notes_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(w.tr("Search your notes…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(body)
        self.list.setWordWrap(True)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._generation = 0
        self.search.textChanged.connect(lambda _text: self.reload())
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        w.list_model.rows_reloaded.connect(self.reload)
        self.visibilityChanged.connect(lambda visible: visible and self.reload())

    def reload(self) -> None:
        """Read the notes for the list's selection (or the notes search) off the GUI thread."""
        if not self.isVisible():
            return
        self._generation += 1
        generation = self._generation
        typed = self.search.text().strip()
        f, query = self.w.current_filter(), self.w.current_query()

        def read(desk: Any, _p: object, _c: object) -> list[Any]:
            return desk.search_notes(typed) if typed else desk.notes_for(f, query)

        def show(notes: list[Any]) -> None:
            if generation == self._generation:
                self._show(notes)

        self.w.tasks.run(read, on_success=show, on_failure=self.w.show_task_error)

    def _show(self, notes: list[Any]) -> None:
        self.list.clear()
        for n in notes:
            quote = f"“{n.quote}” " if n.quote else ""
            item = QListWidgetItem(f"{n.article_title}\n{quote}{n.text}".strip())
            item.setData(Qt.ItemDataRole.UserRole, n.article_id)
            item.setData(NOTE_ROLE, n)
            item.setToolTip(self.w.tr("Double-click to edit the note; Delete deletes it."))
            self.list.addItem(item)
        self.notes_shown.emit(len(notes))

    @staticmethod
    def note_of(item: QListWidgetItem) -> Any:
        """The note (store/analyst.Note) an item shows."""
        return item.data(NOTE_ROLE)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        article_id = item.data(Qt.ItemDataRole.UserRole)
        if article_id:
            self.w.open_article(int(article_id))
