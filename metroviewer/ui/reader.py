"""The reader: one article laid out as HTML; region chips select regions; nothing remote loads."""

from __future__ import annotations

import dataclasses
import html
from urllib.parse import unquote

from PySide6.QtCore import QRegularExpression, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from .. import RESOURCES
from ..briefing.article_html import article_html
from ..core.limits import READER_CHARS
from ..core.models import Article
from .i18n import interface_language
from .reader_notes import notes_of, paint_highlights, with_notes


class ArticleReader(QTextBrowser):
    region_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.article: Article | None = None
        self.dark = False
        self.show_references = False
        self.show_all = False  # a very long article is laid out in part until asked
        self.hit_terms: list[str] = []  # the search's terms in this article (F3 finds the next)
        self._shown: tuple[list | None, list | None, list | None] = (None, None, None)
        self.notes: list = []  # the user's notes and highlights of the article (the window sets them)
        self.setPlaceholderText(self.tr("Select an article to read it here."))

    def show_article(self, article: Article | None, regions: list[tuple[str, str, int]] | None = None,
                     search_terms: list[str] | None = None, region_forms: list[str] | None = None) -> None:
        if article is None or self.article is None or article.id != self.article.id:
            self.show_references = False  # a paper's references open folded
            self.show_all = False
        self.article = article
        if article is None:
            self.clear()
            return
        self._shown = (regions, search_terms, region_forms)
        self.hit_terms = [t for t in (search_terms or []) if t]
        self._render()
        self.verticalScrollBar().setValue(0)

    def find_hit(self, backward: bool = False) -> bool:
        """Select the next (or previous) place a search term appears, wrapping at the ends, and
        scroll to it (F3 / Shift+F3). False when the article holds none."""
        if not self.hit_terms:
            return False
        pattern = QRegularExpression("|".join(QRegularExpression.escape(t) for t in self.hit_terms),
                                     QRegularExpression.PatternOption.CaseInsensitiveOption)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(pattern, flags):
            return True
        cursor = self.textCursor()  # wrap around: from the other end
        cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        return self.find(pattern, flags)

    def _render(self) -> None:
        if self.article is None:
            return
        regions, search_terms, region_forms = self._shown
        css_file = "reader-dark.css" if self.dark else "reader.css"
        css = (RESOURCES / "styles" / css_file).read_text(encoding="utf-8")
        article = self.article
        cut = not self.show_all and len(article.body) > READER_CHARS
        if cut:
            # Laying out millions of characters takes seconds and gigabytes: the first part first.
            article = dataclasses.replace(article, body=article.body[:READER_CHARS])
        page = article_html(article, search_terms=search_terms, regions=regions, region_forms=region_forms,
                            css=css, show_references=self.show_references, language=interface_language())
        if cut:
            more = self.tr("The article goes on for {0:,} more characters.").format(len(self.article.body) - READER_CHARS)
            show_all = self.tr("Show all")
            link = (f"<p class='more'><i>{html.escape(more)}</i> "
                    f"<a href='article:all'>{html.escape(show_all)}</a></p>")
            page = page.replace("</body>", link + "</body>") if "</body>" in page else page + link
        shown_notes = notes_of(self.notes, self.article.id)
        self.setHtml(with_notes(page, shown_notes, dark=self.dark, heading=self.tr("Notes")))
        paint_highlights(self, shown_notes, dark=self.dark)

    def is_cut(self) -> bool:
        """Whether the article shown is laid out in part (see READER_CHARS)."""
        return self.article is not None and not self.show_all and len(self.article.body) > READER_CHARS

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        # Imported content is untrusted: never load anything, local or remote, into the page.
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "region":
            self.region_clicked.emit(unquote(url.path() or url.toString()[len("region:"):]))
        elif url.scheme() == "article" and url.path() == "all":
            position = self.verticalScrollBar().value()
            self.show_all = True
            self._render()
            self.verticalScrollBar().setValue(position)
        elif url.scheme() == "references":
            position = self.verticalScrollBar().value()
            self.show_references = url.path() == "show"
            self._render()
            self.verticalScrollBar().setValue(position)
        elif url.isLocalFile() or url.scheme() in ("http", "https"):
            # The original address opens in the user's browser on a click; the reader loads nothing.
            QDesktopServices.openUrl(url)
