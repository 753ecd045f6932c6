"""The reader: one article laid out as HTML; region chips select regions; nothing remote loads."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from .. import RESOURCES
from ..briefing.article_html import article_html
from ..core.models import Article


class ArticleReader(QTextBrowser):
    region_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.article: Article | None = None
        self.dark = False
        self.setPlaceholderText(self.tr("Select an article to read it here."))

    def show_article(self, article: Article | None, regions: list[tuple[str, str, int]] | None = None,
                     search_terms: list[str] | None = None, region_forms: list[str] | None = None) -> None:
        self.article = article
        if article is None:
            self.clear()
            return
        css_file = "reader-dark.css" if self.dark else "reader.css"
        css = (RESOURCES / "styles" / css_file).read_text(encoding="utf-8")
        self.setHtml(article_html(article, search_terms=search_terms, regions=regions,
                                  region_forms=region_forms, css=css))
        self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        # Imported content is untrusted: never load anything, local or remote, into the page.
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "region":
            self.region_clicked.emit(unquote(url.path() or url.toString()[len("region:"):]))
        elif url.isLocalFile():
            QDesktopServices.openUrl(url)
