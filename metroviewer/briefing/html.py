"""A briefing's blocks as HTML fragments for Qt's rich text (ui/briefing_pages.py lays each out
and places it on the pages). All text is escaped; charts are `chart:<name>` images."""

from __future__ import annotations

import html

from .. import RESOURCES
from .document import Block, Chart, Contents, Heading, Items, Keep, PageBreak, Para, Run, Table


def briefing_css() -> str:
    return (RESOURCES / "styles" / "briefing.css").read_text(encoding="utf-8")


def _runs(runs: list[Run]) -> str:
    return "".join(f"<b>{html.escape(text)}</b>" if bold else html.escape(text) for text, bold in runs)


def block_html(block: Block) -> str:
    """One block (a Keep: all of its blocks) as HTML."""
    if isinstance(block, Heading):
        count = f' <span class="count">({block.count})</span>' if block.count is not None else ""
        tag = ("h1", "h2", "h3", "h4")[block.level]
        return f'<{tag} class="l{block.level}">{html.escape(block.text)}{count}</{tag}>'
    if isinstance(block, Para):
        return f'<p class="{block.style}">{_runs(block.runs)}</p>'
    if isinstance(block, Items):
        return "<ol>" + "".join(f"<li>{_runs(item)}</li>" for item in block.items) + "</ol>"
    if isinstance(block, Table):
        head = ("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in block.header) + "</tr>") if block.header else ""
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f'<table class="{block.style}" cellspacing="0" width="100%">{head}{rows}</table>' \
            if block.style == "data" else f'<table class="{block.style}" cellspacing="0">{head}{rows}</table>'
    if isinstance(block, Chart):
        return (f'<p class="chart"><img src="chart:{block.name}" width="{block.width}" '
                f'height="{block.height}"></p>')
    if isinstance(block, Keep):
        return "\n".join(block_html(b) for b in block.blocks)
    if isinstance(block, Contents | PageBreak):
        return ""
    raise TypeError(f"not a briefing block: {block!r}")


def contents_html(title: str, entries: list[tuple[str, int]]) -> str:
    """The table of contents: each part's heading and its page."""
    rows = "".join(f'<tr><td>{html.escape(text)}</td><td class="page">{page}</td></tr>' for text, page in entries)
    return f'<h2 class="l1">{html.escape(title)}</h2><table class="contents" cellspacing="0" width="100%">{rows}</table>'
