"""The search box and date window above the list: debounced, so results come as you type.

The date window is either the publication dates (From / to, each optional) or one of the two
import-time windows: the articles imported since the user last looked at the selection, or since
the last briefing was made (desk/analyst.py defines both)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..core.limits import MAX_QUERY_CHARS

DEBOUNCE_MS = 250
PUBLISHED, LAST_LOOK, LAST_BRIEFING = "published", "last-look", "last-briefing"


class DateRange(QWidget):
    """From / to publication dates, each used only when ticked; an unticked date is disabled,
    so it looks (and is) out of use."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, since: str | None = None, until: str | None = None):
        super().__init__(parent)
        self.since_check = QCheckBox(self.tr("From"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.until_check = QCheckBox(self.tr("to"), self)
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for check, edit, value in ((self.since_check, self.since_edit, since),
                                   (self.until_check, self.until_edit, until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            # the date and its arrow, without the spare room of the default hint: the bar must fit a
            # 1024 px window beside the tree and the summary
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 32)
            edit.setMaximumWidth(edit.minimumWidth() + 12)
            if value:
                edit.setDate(QDate.fromString(value[:10], "yyyy-MM-dd"))
            check.setChecked(bool(value))
            edit.setEnabled(bool(value))
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(self.changed)
            layout.addWidget(check)
            layout.addWidget(edit)

    def dates(self) -> tuple[str | None, str | None]:
        if not self.isEnabled():
            return None, None
        since = self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None
        until = self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else None
        return since, until


# One translation context for the windows' names, shared by the search bar and the briefing dialog.
WINDOW_TEXTS = {
    LAST_LOOK: (QT_TRANSLATE_NOOP("DateWindow", "Imported since I last looked"),
                QT_TRANSLATE_NOOP("DateWindow", "The articles imported after you last opened this region, saved "
                                                "search or label (at the first look, after the moment you opened it)")),
    LAST_BRIEFING: (QT_TRANSLATE_NOOP("DateWindow", "Imported since the last briefing"),
                    QT_TRANSLATE_NOOP("DateWindow", "The articles imported after the latest briefing was saved "
                                                    "or printed")),
}


def add_windows(combo: QComboBox, published: str) -> None:
    """The date windows a combo offers: publication dates, then the two import-time windows."""
    combo.addItem(published, PUBLISHED)
    for window, (name, tip) in WINDOW_TEXTS.items():
        combo.addItem(QCoreApplication.translate("DateWindow", name), window)
        combo.setItemData(combo.count() - 1, QCoreApplication.translate("DateWindow", tip),
                          Qt.ItemDataRole.ToolTipRole)


class SearchBar(QWidget):
    search_changed = Signal(str, object, object)  # query, since (str|None), until (str|None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query_edit = QLineEdit(self)
        self.query_edit.setMaxLength(MAX_QUERY_CHARS)  # what a search reads of a query
        self.query_edit.setPlaceholderText(self.tr("Search titles and text (Chinese or English)…  Ctrl+F"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setMinimumWidth(100)
        self.window_box = QComboBox(self)
        add_windows(self.window_box, self.tr("Published"))
        self.window_box.setAccessibleName(self.tr("Date window"))
        # sized to a short choice, not to the longest one, so that the search box keeps its room
        # at 1024 px; the open list shows every choice whole
        self.window_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.window_box.setMinimumContentsLength(5)
        self.window_box.view().setMinimumWidth(self.window_box.view().sizeHintForColumn(0) + 24)
        self.range = DateRange(self)
        # the publication-date fields of the original bar, kept by name for the window's callers
        self.since_check, self.since_edit = self.range.since_check, self.range.since_edit
        self.until_check, self.until_edit = self.range.until_check, self.range.until_edit
        self.window_note = QLabel(self)  # when an import-time window starts
        self.window_note.setObjectName("window_note")
        self.window_note.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query_edit, 1)
        for w in (self.window_box, self.range, self.window_note):
            layout.addWidget(w)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.query_edit.textChanged.connect(lambda _text: self._timer.start())
        self.query_edit.returnPressed.connect(self.emit_now)
        self.range.changed.connect(self.emit_now)
        self.window_box.currentIndexChanged.connect(self._on_window_box_changed)

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
        """The publication dates chosen (none while an import-time window is)."""
        return self.range.dates()

    def window(self) -> str:
        """PUBLISHED, LAST_LOOK or LAST_BRIEFING."""
        return str(self.window_box.currentData())

    def set_window(self, window: str) -> None:
        self.window_box.setCurrentIndex(max(0, self.window_box.findData(window)))

    def set_window_note(self, text: str) -> None:
        """Say when the import-time window starts ("after 2026-11-27 09:30")."""
        self.window_note.setText(text)
        self.window_note.setVisible(bool(text) and self.window() != PUBLISHED)

    def _on_window_box_changed(self, _index: int) -> None:
        published = self.window() == PUBLISHED
        self.range.setEnabled(published)  # the dates are publication dates: not in use otherwise
        self.window_note.setVisible(not published and bool(self.window_note.text()))
        self.emit_now()

    def emit_now(self, *_args: object) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        since, until = self.dates()
        self.search_changed.emit(self.query(), since, until)
