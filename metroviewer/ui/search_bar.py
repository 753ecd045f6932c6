"""The search box and date range above the list: debounced, so results come as you type."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from ..core.limits import MAX_QUERY_CHARS

DEBOUNCE_MS = 250


class SearchBar(QWidget):
    search_changed = Signal(str, object, object)  # query, since (str|None), until (str|None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query_edit = QLineEdit(self)
        self.query_edit.setMaxLength(MAX_QUERY_CHARS)  # what a search reads of a query
        self.query_edit.setPlaceholderText(self.tr("Search titles and text (Chinese or English)…  Ctrl+F"))
        self.query_edit.setClearButtonEnabled(True)
        self.since_check = QCheckBox(self.tr("From"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.until_check = QCheckBox(self.tr("to"), self)
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query_edit, 1)
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            layout.addWidget(w)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.query_edit.textChanged.connect(lambda _text: self._timer.start())
        self.query_edit.returnPressed.connect(self.emit_now)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        for signal in (self.since_check.toggled, self.until_check.toggled, self.since_edit.dateChanged,
                       self.until_edit.dateChanged):
            signal.connect(self.emit_now)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.query_edit.text():
            self.query_edit.clear()
            self.emit_now()
            return
        super().keyPressEvent(event)

    def focus_query(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def query(self) -> str:
        return self.query_edit.text()

    def dates(self) -> tuple[str | None, str | None]:
        since = self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None
        until = self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else None
        return since, until

    def emit_now(self, *_args: object) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        since, until = self.dates()
        self.search_changed.emit(self.query(), since, until)
