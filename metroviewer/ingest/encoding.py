"""Turning the bytes of a text file into text: BOMs, UTF-8, UTF-16, GB18030; line endings."""

from __future__ import annotations

import codecs

from .errors import UnreadableFile

_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


def _looks_like_cjk_utf16(data: bytes) -> str | None:
    """Chinese in UTF-16 without a BOM has almost no zero bytes (CJK code points fill both),
    so it looks binary to the zero count: decode a sample and see whether it reads as text."""
    sample = data[:4000]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    try:
        sample.decode("utf-8")
        return None  # valid UTF-8 is UTF-8
    except UnicodeDecodeError:
        pass
    for name in ("utf-16-le", "utf-16-be"):
        text = sample.decode(name, errors="replace")
        readable = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                       or "\uff00" <= ch <= "\uffef" or ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
        if readable >= 0.95 * len(text) and any("\u4e00" <= ch <= "\u9fff" for ch in text):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in a file with no UTF-16/32 shape: not text."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS) or _looks_like_utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def decode_text(data: bytes) -> tuple[str, str]:
    """(text with LF line endings, encoding name); UnreadableFile when it is not text."""
    if not data.strip():
        raise UnreadableFile("the file is empty")
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    encoding = encoding or _looks_like_utf16_without_bom(data)
    if encoding is None and looks_binary(data):
        # Only what looks binary is tried as Chinese UTF-16 without a BOM: text never pays for it.
        encoding = _looks_like_cjk_utf16(data)
    if encoding is None and looks_binary(data):
        raise UnreadableFile("the file is binary, not text")
    candidates = [encoding] if encoding else ["utf-8", "gb18030"]
    for name in candidates:
        try:
            text = data.decode(name)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
        name = "utf-8 (with undecodable bytes replaced)"
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise UnreadableFile("the file holds no text")
    return text, name
