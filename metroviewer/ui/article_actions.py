"""Deleting articles (with undo until the window closes) and editing an article's title, source
and date: the window's side of the desk's `delete`, `undo_delete` and `edit`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..core.models import Article
from ..desk.desk import Outcome
from ..store.edits import Deleted

if TYPE_CHECKING:
    from .main_window import MainWindow


def delete_selected(w: MainWindow, whole_documents: bool = False) -> None:
    """Delete the selected articles (or their whole documents), after asking."""
    ids = w.selected_ids()
    if not ids:
        return
    if whole_documents:
        question = w.tr("Delete every article of the files these {0} articles came from?").format(len(ids))
    else:
        question = w.tr("Delete {0} articles?").format(len(ids)) if len(ids) > 1 else w.tr(
            "Delete “{0}”?").format(w.current_row().title if w.current_row() else "")
    question += "\n\n" + w.tr("Re-importing their files will not bring them back. "
                              "Edit → Undo delete (Ctrl+Z) restores them until the window closes.")
    if QMessageBox.question(w, w.tr("Delete articles"), question) != QMessageBox.StandardButton.Yes:
        return

    def done(outcome: Outcome[Deleted]) -> None:
        deleted = outcome.value
        if not deleted.article_ids:
            return
        w.deletions.append(deleted)
        w.actions_by_name["undo_delete"].setEnabled(True)
        if w.reader.article is not None and w.reader.article.id in deleted.article_ids:
            w.reader.show_article(None)
        w.statusBar().showMessage(w.tr("Deleted {0} articles. Ctrl+Z brings them back.").format(
            len(deleted.article_ids)), 10000)
        w.apply_changes(outcome.changes)
        w.articles_deleted.emit(list(deleted.article_ids))

    w.tasks.run(lambda desk, _p, _c: desk.delete(ids, whole_documents=whole_documents), lane="write",
                on_success=done, on_failure=w.show_task_error)


def undo_delete(w: MainWindow) -> None:
    """Bring back the articles of the last deletion."""
    if not w.deletions:
        return
    deleted = w.deletions.pop()
    w.actions_by_name["undo_delete"].setEnabled(bool(w.deletions))
    if not isinstance(deleted, Deleted):  # a deleted note, which undoes itself (ui/note_editing.py)
        deleted.undo(w)
        return

    def done(changes: object) -> None:
        w.statusBar().showMessage(w.tr("Restored {0} articles.").format(len(deleted.article_ids)), 8000)
        w.apply_changes(changes)  # type: ignore[arg-type]
        w.articles_restored.emit(list(deleted.article_ids))

    w.tasks.run(lambda desk, _p, _c: desk.undo_delete(deleted), lane="write", on_success=done,
                on_failure=w.show_task_error)


def edit_current(w: MainWindow) -> None:
    """Edit the title, source and date of the article in the reader."""
    article = w.reader.article
    if article is None:
        return
    dialog = EditArticleDialog(article, w)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    changes = dialog.changed_fields()
    if not changes:
        return
    article_id = article.id

    def done(result: object) -> None:
        w.apply_changes(result)  # type: ignore[arg-type]
        w.open_article(article_id)
        w.article_edited.emit(article_id)

    w.tasks.run(lambda desk, _p, _c: desk.edit(article_id, **changes), lane="write", on_success=done,
                on_failure=w.show_task_error)


class EditArticleDialog(QDialog):
    """Title, source and publication time of one article."""

    def __init__(self, article: Article, parent: QWidget | None = None):
        super().__init__(parent)
        self.article = article
        self.setWindowTitle(self.tr("Edit article"))
        self.title = QLineEdit(article.title, self)
        self.source = QLineEdit(article.source or article.source_raw, self)
        self.date = QDateTimeEdit(self)
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        when = QDateTime.fromString((article.published_at or "")[:16], "yyyy-MM-ddTHH:mm")
        self.date.setDateTime(when if when.isValid() else QDateTime.currentDateTime())
        self._original_date = self.date.dateTime()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   Qt.Orientation.Horizontal, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Source:"), self.source)
        form.addRow(self.tr("&Published:"), self.date)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def changed_fields(self) -> dict[str, str]:
        """The fields the user changed, as `Desk.edit` takes them."""
        out = {}
        if self.title.text().strip() and self.title.text().strip() != self.article.title:
            out["title"] = self.title.text().strip()
        if self.source.text().strip() != (self.article.source or self.article.source_raw):
            out["source"] = self.source.text().strip()
        if self.date.dateTime() != self._original_date:
            out["date"] = self.date.dateTime().toString("yyyy-MM-dd HH:mm")
        return out
