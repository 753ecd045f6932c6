"""Choosing the reader for a file from its content and extension."""

from __future__ import annotations

from pathlib import Path

from ..core.models import ParsedArticle, ParsedFile
from .binary_docs import parse_docx, parse_pdf
from .encoding import decode_text
from .errors import UnreadableFile
from .frontmatter import article_fields, split_front_matter
from .html import extract_html, looks_like_html
from .plain import parse_markdown, parse_plain
from .records import parse_json, parse_json_lines
from .workflow import is_workflow_export, parse_workflow

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"}
BINARY_EXTENSIONS = {".pdf", ".docx"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | BINARY_EXTENSIONS


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def read_document(path: Path, data: bytes) -> ParsedFile:
    """The articles in a file's bytes; UnreadableFile with a plain reason when there are none."""
    ext = path.suffix.lower()
    if data.startswith(b"%PDF"):
        return ParsedFile([parse_pdf(data)], "pdf")
    if ext == ".pdf":
        raise UnreadableFile("the file is named .pdf but is not a PDF")
    if data.startswith(b"PK\x03\x04"):
        if ext == ".docx" or b"word/" in data[:4096]:
            return ParsedFile([parse_docx(data)], "docx")
        raise UnreadableFile("the file is a ZIP archive, not a document MetroViewer reads")
    if ext == ".docx":
        raise UnreadableFile("the file is named .docx but is not a Word document")
    if ext not in TEXT_EXTENSIONS:
        raise UnreadableFile(f"not a supported document type ({ext or 'no extension'})")
    text, encoding = decode_text(data)
    return ParsedFile(_read_text(ext, text, path.name), _text_format(ext, text), encoding)


def _text_format(ext: str, text: str) -> str:
    if ext in (".json",):
        return "json"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext in (".html", ".htm", ".xhtml"):
        return "html"
    if ext in (".md", ".markdown"):
        return "markdown"
    return "workflow" if is_workflow_export(text) else "text"


def _read_text(ext: str, text: str, file_name: str = "") -> list[ParsedArticle]:
    fmt = _text_format(ext, text)
    if fmt == "json":
        return parse_json(text)
    if fmt == "jsonl":
        return parse_json_lines(text)
    if fmt == "html":
        return [extract_html(text)]
    if fmt == "workflow":
        articles = parse_workflow(text)
        if not articles:
            raise UnreadableFile("the workflow export holds no article (no '<source>· date' line)")
        return articles
    if fmt == "markdown":
        front = split_front_matter(text)
        meta, body = front
        if looks_like_html(body):
            # A saved web page: front matter for title/source/date/address, HTML for the text.
            fields = article_fields(meta)
            article = extract_html(body, title=fields.title, source=fields.source, published=fields.published)
            article.topic, article.url = fields.topic, fields.url or article.url
            return [article]
        return [parse_markdown(text, file_name, front)]
    if looks_like_html(text) and text.lstrip().startswith("<"):
        return [extract_html(text)]
    return [parse_plain(text, file_name)]
