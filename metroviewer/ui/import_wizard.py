"""The import wizard: choose sources → preview (dry run) → import with progress → report.

Nothing is written to the store before the import page; preview and import run off the
GUI thread through the task runner, so the window stays responsive.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core.models import ImportReport, one_line
from ..desk.desk import Outcome
from ..ingest.not_articles import default_ignore_patterns
from ..ingest.parallel import interactive_worker_count
from ..ingest.run import Preview, Progress
from .tasks import TaskHandle, TaskRunner


class PageId(IntEnum):
    SOURCES = 0
    PREVIEW = 1
    IMPORT = 2
    REPORT = 3


def _patterns(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


class SourcesPage(QWizardPage):
    def __init__(self, settings: QSettings, paths: list[str]):
        super().__init__()
        self.settings = settings
        self.setTitle(self.tr("Choose what to import"))
        self.setSubTitle(self.tr("Folders are read with all their subfolders. Supported: workflow exports, "
                                 ".txt, Markdown, HTML, PDF, DOCX, JSON and JSON Lines."))
        self.paths = QListWidget(self)
        self.paths.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add_folder = QPushButton(self.tr("Add &folder…"), self)
        add_files = QPushButton(self.tr("Add f&iles…"), self)
        remove = QPushButton(self.tr("&Remove"), self)
        add_folder.clicked.connect(self._on_add_folder_clicked)
        add_files.clicked.connect(self._on_add_files_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        self.include = QLineEdit(self)
        self.include.setPlaceholderText(self.tr("e.g. *.txt, *.md (empty: every supported file)"))
        self.exclude = QLineEdit(self)
        self.exclude.setPlaceholderText(self.tr("e.g. drafts, *.bak"))
        # Files that are not articles (README, LICENSE, .DS_Store…): skipped and listed as such.
        self.not_articles = QLineEdit(", ".join(default_ignore_patterns()), self)
        self.not_articles.setToolTip(self.tr("Files with these names are skipped and listed in the report as "
                                             "“skipped (not an article)”. Clear the field to import them too."))
        self.restore_deleted = QCheckBox(self.tr("Bring back articles I deleted from these files"), self)
        buttons = QHBoxLayout()
        for b in (add_folder, add_files, remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Only files matching:"), self.include)
        form.addRow(self.tr("Skip names matching:"), self.exclude)
        form.addRow(self.tr("Not articles:"), self.not_articles)
        form.addRow("", self.restore_deleted)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paths)
        layout.addLayout(buttons)
        layout.addLayout(form)
        for p in paths:
            self.add_path(p)

    def add_path(self, path: str) -> None:
        if path and path not in self.selected_paths():
            self.paths.addItem(path)
            self.completeChanged.emit()

    def selected_paths(self) -> list[str]:
        return [self.paths.item(i).text() for i in range(self.paths.count())]

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.paths.count() > 0

    def _last_folder(self) -> str:
        return str(self.settings.value("import/last_folder", str(Path.home())))

    def _on_add_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self._last_folder())
        if folder:
            self.settings.setValue("import/last_folder", folder)
            self.add_path(folder)

    def _on_add_files_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose files"), self._last_folder(),
            self.tr("Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.json *.jsonl *.ndjson);;"
                    "All files (*)"))
        for f in files:
            self.settings.setValue("import/last_folder", str(Path(f).parent))
            self.add_path(f)

    def _on_remove_clicked(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))
        self.completeChanged.emit()


class PreviewPage(QWizardPage):
    COLUMNS = (QT_TRANSLATE_NOOP("PreviewPage", "Title"), QT_TRANSLATE_NOOP("PreviewPage", "Source"),
               QT_TRANSLATE_NOOP("PreviewPage", "Published"), QT_TRANSLATE_NOOP("PreviewPage", "Regions"),
               QT_TRANSLATE_NOOP("PreviewPage", "File"), QT_TRANSLATE_NOOP("PreviewPage", "Status"))

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.preview: Preview | None = None
        self.handle: TaskHandle | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What the import would create. Nothing has been written yet."))
        self.status = QLabel(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.failures = QPlainTextEdit(self)
        self.failures.setReadOnly(True)
        self.failures.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Files that would fail or are skipped:"), self))
        layout.addWidget(self.failures)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.preview = None
        self.table.setRowCount(0)
        self.failures.clear()
        self.status.setText(self.tr("Reading the files…"))
        paths, options = self.wiz.sources(), self.wiz.run_options()
        self.handle = self.wiz.tasks.run(
            lambda desk, progress, cancelled: desk.preview(paths, progress=progress, cancelled=cancelled, **options),
            on_success=self._on_preview_succeeded, on_failure=self.wiz.show_failure,
            on_progress=lambda p: self.status.setText(
                self.tr("Reading {0} of {1} files… {2}").format(p.files_done, p.files_total, Path(p.current).name)))
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        if self.handle:
            self.handle.cancel()

    def _on_preview_succeeded(self, preview: Preview) -> None:
        self.preview = preview
        new = sum(1 for r in preview.rows if not r.duplicate)
        self.table.setRowCount(len(preview.rows))
        for i, r in enumerate(preview.rows):
            when = (r.published_at or "")[:16].replace("T", " ") + (self.tr(" (file date)") if r.date_is_file_time else "")
            values = (r.title, r.source, when, "、".join(r.regions[:6]),
                      Path(r.path).name, self.tr("already in the store") if r.duplicate else self.tr("new"))
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        lines = [f"{one_line(f.path)}: {f.reason}" for f in preview.failed]
        lines += [self.tr("{0}: skipped (not an article)").format(one_line(f.path)) for f in preview.skipped]
        self.failures.setPlainText("\n".join(lines) or self.tr("None."))
        self.status.setText(self.tr("Files: {0} · new articles: {1} · already in the store: {2} · files that would "
                                    "fail: {3} · skipped: {4}").format(preview.files, new, len(preview.rows) - new,
                                                                        len(preview.failed), len(preview.skipped)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.preview is not None


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.report: ImportReport | None = None
        self.handle: TaskHandle | None = None
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("You can keep reading while the import runs. Cancel stops after the current "
                                 "batch; what was imported stays, and importing again finishes the job."))
        self.bar = QProgressBar(self)
        self.counts = QLabel(self)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        for w in (self.bar, self.counts, self.current):
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.report = None
        self.cancel_button.setEnabled(True)
        paths, options = self.wiz.sources(), self.wiz.run_options()
        restore = self.wiz.sources_page.restore_deleted.isChecked()
        # Written from a child process (ingest/external.py): the window keeps its interpreter lock.
        self.handle = self.wiz.tasks.run(
            lambda desk, progress, cancelled: desk.import_paths(
                paths, progress=progress, cancelled=cancelled, separate_process=True,
                restore_deleted=restore, **options),
            lane="long", on_success=self._on_import_succeeded, on_failure=self._on_import_failed,
            on_progress=self._on_import_progressed)

    def _on_import_failed(self, error: Exception, details: str) -> None:
        # Batches written before the error stay; the user can close the wizard and import again.
        self.cancel_button.setEnabled(False)
        self.current.setText(self.tr("The import stopped: {0}").format(error))
        self.wiz.show_failure(error, details)

    def cancel(self) -> None:
        if self.handle and not self.handle.done:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Cancelling after the current batch…"))

    def _on_import_progressed(self, p: Progress) -> None:
        self.bar.setMaximum(max(p.files_total, 1))
        self.bar.setValue(p.files_done)
        self.counts.setText(self.tr("{0} of {1} files, {2} articles read").format(p.files_done, p.files_total,
                                                                                    p.articles))
        self.current.setText(p.current)

    def _on_import_succeeded(self, outcome: Outcome[ImportReport]) -> None:
        report = self.report = outcome.value
        self.cancel_button.setEnabled(False)
        self.bar.setValue(self.bar.maximum())
        self.current.setText(self.tr("Cancelled.") if report.cancelled else self.tr("Done."))
        self.wiz.import_finished.emit(outcome)
        self.completeChanged.emit()
        self.wiz.next()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.report is not None


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Import report"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        copy = QPushButton(self.tr("&Copy"), self)
        save = QPushButton(self.tr("&Save…"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        save.clicked.connect(self._on_save_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        report = self.wiz.import_page.report
        self.text.setPlainText(report.as_text() if report else "")

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), "import-report.txt",
                                              self.tr("Text files (*.txt)"))
        if path:
            Path(path).write_text(self.text.toPlainText() + "\n", encoding="utf-8")


class ImportWizard(QWizard):
    import_finished = Signal(object)

    def __init__(self, tasks: TaskRunner, settings: QSettings, paths: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Import documents"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.sources_page = SourcesPage(settings, paths)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.report_page = ReportPage(self)
        for page_id, page in ((PageId.SOURCES, self.sources_page), (PageId.PREVIEW, self.preview_page),
                              (PageId.IMPORT, self.import_page), (PageId.REPORT, self.report_page)):
            self.setPage(page_id, page)
        self.import_page.setCommitPage(True)
        self.preview_page.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.resize(900, 600)

    def run_options(self) -> dict[str, Any]:
        """The chosen options of the preview and the import (desk.preview, desk.import_paths)."""
        return {"include": self.include(), "exclude": self.exclude(), "workers": interactive_worker_count(),
                "ignore": _patterns(self.sources_page.not_articles.text())}

    def sources(self) -> list[str]:
        return self.sources_page.selected_paths()

    def include(self) -> list[str]:
        return _patterns(self.sources_page.include.text())

    def exclude(self) -> list[str]:
        return _patterns(self.sources_page.exclude.text())

    def show_failure(self, error: Exception, details: str) -> None:
        from .error_dialog import show_error

        show_error(self, error, details)

    def reject(self) -> None:
        # Closing during an import cancels it at a batch boundary; the report still comes.
        running = self.import_page.handle is not None and not self.import_page.handle.done
        if self.currentId() == PageId.IMPORT and running:
            self.import_page.cancel()
            return
        super().reject()
