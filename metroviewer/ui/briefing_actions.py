"""The window's briefing commands: preview, save as PDF, Word or Markdown (proposing a name from
the scope and date in the last folder used), in the interface's language and the remembered page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from ..briefing.compose import Briefing
from ..briefing.document import BriefingDocument
from ..briefing.recipe import PageSetup
from .i18n import chosen_language

if TYPE_CHECKING:
    from .main_window import MainWindow

LAST_FOLDER = "briefing/last_folder"
PAGE_SIZE = "briefing/page_size"
MARGIN = "briefing/margin_mm"
GROUP_BY = "briefing/group_by"
KINDS = {"pdf": QT_TRANSLATE_NOOP("MainWindow", "PDF files (*.pdf)"),
         "docx": QT_TRANSLATE_NOOP("MainWindow", "Word documents (*.docx)"),
         "md": QT_TRANSLATE_NOOP("MainWindow", "Markdown files (*.md)")}


@dataclass
class Composed:
    briefing: Briefing
    document: BriefingDocument
    images: dict[str, QImage]
    page: PageSetup | None = None  # a recipe's own paper and margins


def page_setup(settings: QSettings) -> PageSetup:
    size = str(settings.value(PAGE_SIZE, "A4") or "A4")
    try:
        return PageSetup(size if size in ("A4", "Letter") else "A4", float(settings.value(MARGIN, 18.0) or 18.0))
    except (TypeError, ValueError):
        return PageSetup()


def briefing_request(w: MainWindow) -> dict[str, Any]:
    """What the briefing covers: the checked (selected) articles, else the region and search in view."""
    rows = sorted({i.row() for i in w.table.selectionModel().selectedRows()})
    f = w.list_model.article_filter
    request: dict[str, Any] = {"regions": [f.region] if f.region else list(f.regions), "query": w.list_model.query,
                               "since": f.since, "until": f.until, "article_ids": None,
                               "imported_after": w.analyst.windows.imported_after()}  # ui/import_windows.py
    if f.label is not None or f.source is not None:  # a label's or saved search's articles: those in view
        shown = (w.list_model.row_at(r) for r in range(w.list_model.rowCount()))
        request["article_ids"] = [row.id for row in shown if row is not None]
    if len(rows) > 1:
        request.update(regions=[], query="", since=None, until=None, imported_after=None,
                       article_ids=[w.list_model.row_at(r).id for r in rows])
    request["language"] = chosen_language(w.settings)
    request["group_by"] = str(w.settings.value(GROUP_BY, "region") or "region")
    return request


def compose(w: MainWindow, on_ready: Callable[[Composed], None], request: dict[str, Any] | None = None,
            recipe: str | None = None) -> None:
    """Compose off the GUI thread, draw the charts on it (widgets live there), then `on_ready`."""
    from ..briefing.document import briefing_document

    request = request if request is not None else briefing_request(w)
    w.statusBar().showMessage(w.tr("Composing the briefing…"))

    def work(desk, _p, _c):
        if recipe:  # the recipe's own language, else the one asked for
            b = desk.run_recipe(recipe, default_language=request.get("language"))
            return b, briefing_document(b), desk.recipe(recipe).page
        b = desk.compose_briefing(**request)
        return b, briefing_document(b), None

    def ready(result) -> None:
        from .briefing_charts import chart_images
        from .fonts import ensure_fonts

        ensure_fonts()  # on the GUI thread, before anything is drawn
        briefing, document, page = result
        w.statusBar().clearMessage()
        on_ready(Composed(briefing, document, chart_images(document), page))

    w.tasks.run(work, on_success=ready, on_failure=w.show_task_error)


def print_briefing(w: MainWindow, request: dict[str, Any] | None = None) -> None:
    from .briefing_printer import print_preview

    compose(w, lambda c: print_preview(c.document, c.images, w, page_setup(w.settings)), request)


def proposed_path(settings: QSettings, briefing: Briefing, kind: str) -> Path:
    """成都都市圈-简报-2026-11-27.pdf in the folder a briefing was last saved to (else home)."""
    folder = Path(str(settings.value(LAST_FOLDER, "") or Path.home()))
    if not folder.is_dir():
        folder = Path.home()
    return folder / briefing.file_name(kind)


def save_briefing(w: MainWindow, path: str | None = None, kind: str = "pdf",
                  request: dict[str, Any] | None = None, recipe: str | None = None) -> None:
    """Compose, ask where to save (unless `path`), write it off the GUI thread, and say so."""
    def ready(c: Composed) -> None:
        target = path
        if target is None:
            target, _ = QFileDialog.getSaveFileName(w, w.tr("Save briefing"),
                                                    str(proposed_path(w.settings, c.briefing, kind)),
                                                    w.tr(KINDS[kind]))
        if not target:
            return
        w.settings.setValue(LAST_FOLDER, str(Path(target).parent))
        write(w, c, Path(target), kind)

    compose(w, ready, request, recipe)


def write(w: MainWindow, c: Composed, target: Path, kind: str) -> None:
    from .briefing_printer import write_copies

    page = c.page or page_setup(w.settings)
    option = {"pdf": "pdf", "docx": "docx", "md": "markdown"}[kind]

    def work(desk, _p, _c):
        written = write_copies(c.document, c.images, page=page, **{option: target})
        desk.record_briefing(c.briefing)  # the next briefing of this scope says what is new since
        return written.pages

    def done(pages: int) -> None:
        w.briefing_saved.emit(str(target), pages)
        count = c.briefing.article_count
        message = (w.tr("Saved {0}: {1} articles on {2} pages.").format(target, count, pages) if kind == "pdf"
                   else w.tr("Saved {0}: {1} articles.").format(target, count))
        w.statusBar().showMessage(message, 8000)

    w.tasks.run(work, on_success=done, on_failure=w.show_task_error)


def save_briefing_pdf(w: MainWindow, path: str | None = None) -> None:
    save_briefing(w, path, "pdf")
