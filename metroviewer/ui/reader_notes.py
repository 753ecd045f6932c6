"""The user's notes and highlights in the reader: highlighted text painted in its colour (extra
selections, so the article's own HTML is untouched) and the notes listed after the article."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

COLORS = {"yellow": "#fff1a8", "green": "#c9f2c7", "blue": "#cfe6ff", "pink": "#ffd3e2"}
DARK_COLORS = {"yellow": "#6b5d12", "green": "#24512a", "blue": "#1f3f66", "pink": "#6a2a40"}
NOTE_ANCHOR = "note-"


def notes_of(notes: list[Any], article_id: int | None) -> list[Any]:
    return [n for n in notes if article_id is not None and n.article_id == article_id]


def with_notes(page: str, notes: list[Any], *, dark: bool = False, heading: str = "Notes") -> str:
    """The reader's page with a section listing the article's notes (quote, note, date)."""
    if not notes:
        return page
    colors = DARK_COLORS if dark else COLORS
    items = []
    for n in notes:
        # Each line of a note is a named anchor, so the note under the mouse or cursor is found
        # (`note_at`) and its quote is never taken for the highlighted text (`find_in_text`).
        anchor = f'<a name="{NOTE_ANCHOR}{n.id}">'
        quote = ""
        if n.quote:
            color = colors.get(n.color or "yellow", colors["yellow"])
            lost = "" if n.anchored else " <i>(no longer in the article)</i>"
            quote = (f'<p class="note-quote" style="background-color:{color}">{anchor}“{html.escape(n.quote)}”'
                     f'{lost}</a></p>')
        text = f'<p class="note-text">{anchor}{html.escape(n.text)}</a></p>' if n.text else ""
        when = html.escape((n.created_at or "").replace("T", " ")[:16])
        items.append(f'<div class="note">{quote}{text}<p class="note-meta">{anchor}<small>{when}</small></a></p>'
                     '</div>')
    section = f'<hr/><h3 class="notes">{html.escape(heading)} ({len(notes)})</h3>' + "".join(items)
    return page.replace("</body>", section + "</body>") if "</body>" in page else page + section


def note_at(reader: QTextEdit, notes: list[Any], position: int) -> Any | None:
    """The note whose highlight or listing (after the article) holds a position of the page."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(min(position + 1, reader.document().characterCount() - 1))
    for name in cursor.charFormat().anchorNames():
        if name.startswith(NOTE_ANCHOR):
            return next((n for n in notes if str(n.id) == name[len(NOTE_ANCHOR):]), None)
    for n, found in highlights(reader.document(), notes):
        if found.selectionStart() <= position < found.selectionEnd():
            return n
    return None


def highlights(document: QTextDocument, notes: list[Any]) -> list[tuple[Any, QTextCursor]]:
    """Where each highlight's text is in the article (the first place its first line is written)."""
    found = []
    for n in notes:
        if not n.quote or not n.anchored:
            continue
        first_line = n.quote.strip().splitlines()[0] if n.quote.strip() else ""
        cursor = find_in_text(document, first_line)
        if cursor is not None:
            found.append((n, cursor))
    return found


def find_in_text(document: QTextDocument, text: str) -> QTextCursor | None:
    """The first place `text` is written in the article's text (not in a link: the region chips)."""
    position = 0
    while text:
        cursor = document.find(text, position, QTextDocument.FindFlag(0))
        if cursor.isNull():
            return None
        if not cursor.charFormat().isAnchor():
            return cursor
        position = cursor.position()
    return None


def paint_highlights(reader: QTextEdit, notes: list[Any], *, dark: bool = False) -> int:
    """Paint each highlight's text in the article in its colour; returns how many were found."""
    colors = DARK_COLORS if dark else COLORS
    selections = []
    for n, cursor in highlights(reader.document(), notes):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor  # type: ignore[misc]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colors.get(n.color or "yellow", colors["yellow"])))
        selection.format = fmt  # type: ignore[misc]
        selections.append(selection)
    reader.setExtraSelections(selections)
    return len(selections)
