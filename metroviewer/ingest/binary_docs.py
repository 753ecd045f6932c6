"""PDF (text layer) and DOCX documents."""

from __future__ import annotations

import io
import re

from ..core.dates import find_date_in_text, parse_date
from ..core.limits import MAX_DOCX_UNPACKED_BYTES
from ..core.models import ParsedArticle
from .errors import UnreadableFile
from .summary import parse_summary


def _pdf_date(value: object) -> str | None:
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?", str(value or ""))
    if not m:
        return None
    return parse_date(f"{m[1]}-{m[2]}-{m[3]} {m[4] or '00'}:{m[5] or '00'}")


def parse_pdf(data: bytes) -> ParsedArticle:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise UnreadableFile("the PDF is encrypted (password protected)")
            except (NotImplementedError, PdfReadError) as e:
                raise UnreadableFile("the PDF is encrypted (password protected)") from e
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except UnreadableFile:
        raise
    except Exception as e:  # pypdf raises many kinds on damaged files
        raise UnreadableFile(f"the PDF is damaged or truncated ({type(e).__name__})") from e
    text = "\n".join(p.strip() for p in pages).strip()
    if len(text.replace("\n", "").strip()) < 10:
        raise UnreadableFile("the PDF has no text layer (a scan?); run OCR on it first")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = str(info.get("/Title") or "").strip() or lines[0][:150]
    body = "\n".join(lines[1:] if lines and lines[0] == title else lines)
    return ParsedArticle(
        title=title,
        body=body,
        source_raw=str(info.get("/Author") or "").strip(),
        published_at=_pdf_date(info.get("/CreationDate")) or find_date_in_text(body[:300]),
        summary=parse_summary(body),
    )


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a Word document that unpacks to more than the limit, before anything unpacks."""
    import zipfile

    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise UnreadableFile(f"the Word document is damaged or not a .docx ({type(e).__name__})") from e
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise UnreadableFile(f"the Word document unpacks to {unpacked // (1024 * 1024):,} MB; the limit is "
                             f"{MAX_DOCX_UNPACKED_BYTES // (1024 * 1024)} MB")


def parse_docx(data: bytes) -> ParsedArticle:
    import docx

    _check_unpacked_size(data)

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zipfile, KeyError, lxml errors on damaged files
        raise UnreadableFile(f"the Word document is damaged or not a .docx ({type(e).__name__})") from e
    props = document.core_properties
    title = (props.title or "").strip()
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if not title and (style == "Title" or style.startswith("Heading")):
            title = text
            continue
        lines.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                lines.append(" | ".join(dict.fromkeys(cells)))
    if not title and lines:
        title = lines.pop(0)[:150]
    if not title:
        raise UnreadableFile("the Word document holds no text")
    body = "\n".join(lines)
    created = props.created
    return ParsedArticle(
        title=title,
        body=body,
        source_raw=(props.author or "").strip(),
        published_at=parse_date(created) if created else find_date_in_text(body[:300]),
        summary=parse_summary(body),
    )
