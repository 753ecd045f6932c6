"""A briefing as Markdown: headings, pipe tables, numbered lists, and the charts as PNG pictures in
a folder beside the file (`<name>_files/`)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from .document import BriefingDocument, Chart, Contents, Heading, Items, Keep, PageBreak, Para, Run, Table

_SPECIAL = re.compile(r"([\\`*_\[\]#|<>])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _runs(runs: list[Run]) -> str:
    return "".join(f"**{_escape(text).strip()}**" if bold and text.strip() else _escape(text) for text, bold in runs)


def _slug(text: str) -> str:
    """A heading's anchor as GitHub and most viewers make it."""
    return re.sub(r"[^\w\- ]", "", text.lower()).strip().replace(" ", "-")


def markdown_text(doc: BriefingDocument, picture_folder: str = "") -> str:
    lines: list[str] = []
    for block in doc.blocks:
        lines.extend(_block(block, doc, picture_folder))
    return "\n".join(lines).rstrip() + "\n"


def _block(block, doc: BriefingDocument, folder: str) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * (block.level + 1) + " " + _escape(block.full_text), ""]
    if isinstance(block, Para):
        text = _runs(block.runs)
        return [f"*{text}*" if block.style in ("meta", "note") and text else text, ""]
    if isinstance(block, Items):
        return [f"{n}. {_runs(item)}" for n, item in enumerate(block.items, 1)] + [""]
    if isinstance(block, Table):
        header = block.header or [""] * (len(block.rows[0]) if block.rows else 1)
        out = ["| " + " | ".join(_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in block.rows]
        return out + [""]
    if isinstance(block, Chart):
        if not folder:  # no picture was drawn (no display to draw it)
            return []
        return [f"![{_escape(block.title)}]({quote(folder + '/' + block.name + '.png')})", ""]
    if isinstance(block, Keep):
        return [line for inner in block.blocks for line in _block(inner, doc, folder)]
    if isinstance(block, Contents):
        parts = [b for b in doc.blocks if isinstance(b, Heading) and b.in_contents]
        return [f"**{_escape(block.title)}**", ""] + [
            f"- [{_escape(h.full_text)}](#{_slug(h.full_text)})" for h in parts] + [""]
    if isinstance(block, PageBreak):
        return ["---", ""]
    return []


def write_markdown(doc: BriefingDocument, target: Path, images: dict[str, bytes] | None = None) -> list[Path]:
    """Write the Markdown file and its pictures; returns every file written."""
    folder = f"{target.stem}_files"
    written = [target]
    charts = [c for c in doc.charts() if images and c.name in images]
    if charts:
        (target.parent / folder).mkdir(exist_ok=True)
        for chart in charts:
            path = target.parent / folder / f"{chart.name}.png"
            path.write_bytes(images[chart.name])  # type: ignore[index]
            written.append(path)
    target.write_text(markdown_text(doc, folder if charts else ""), encoding="utf-8")
    return written
