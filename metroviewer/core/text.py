"""Text folding shared by tagging, search and figure extraction."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
HAN_CHAR = re.compile(f"[{HAN}]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Apostrophe-like marks fold to ASCII so Xi’an and Xi'an are one name.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[int, str]:
    """One-character traditional→simplified table, from zhconv's zh-hans dictionary."""
    from zhconv import zhconv

    mapping = zhconv.getdict("zh-hans")
    return {ord(k): v for k, v in mapping.items() if len(k) == 1 and len(v) == 1}


def fold(text: str) -> str:
    """NFKC, traditional→simplified per character, ASCII apostrophes, lower case.

    Every step maps one character to one character (NFKC aside), so offsets in the
    folded text match the original whenever NFKC did not change the length.
    """
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_traditional_to_simplified()).translate(_APOSTROPHES).lower()


def fold_same_length(text: str) -> str:
    """Like fold, but guaranteed to keep offsets: characters NFKC would expand stay as they are."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out).translate(_traditional_to_simplified()).translate(_APOSTROPHES).lower()


def detect_language(text: str) -> str:
    """'zh' when Han characters carry the text, else 'en'."""
    sample = text[:4000]
    han = len(HAN_CHAR.findall(sample))
    latin_words = len(re.findall(r"[A-Za-z]+", sample))
    return "zh" if han >= latin_words else "en"


def content_hash(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences in Chinese or English text."""
    spans = []
    start = 0
    for m in re.finditer(r"[。！？!?；;\n]+|\.(?=\s|$)", text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
