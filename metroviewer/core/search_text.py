"""How text is written into the full-text index, and how typed queries become FTS5 queries.

FTS5's unicode61 tokenizer keeps a whole run of Han characters as one token, and the
trigram tokenizer cannot find two-character words such as 成都. So the index holds a
derived form: each Han run is written as its overlapping character pairs followed by
its last character alone (成都都市圈 → 成都 都都 都市 市圈 圈). A query of two or more
Han characters is then a phrase of pairs, and a one-character query a prefix (资*),
which finds every occurrence: inside a run as the start of a pair, at its end alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from .models import Summary
from .text import HAN, fold

_SEGMENT = re.compile(f"([{HAN}]+)|([0-9a-z\u00c0-\u024f]+)")


def _han_tokens(run: str, *, for_index: bool) -> list[str]:
    if len(run) == 1:
        return [run]
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    if for_index:
        pairs.append(run[-1])
    return pairs


_HAN_RUN = re.compile(f"[{HAN}]+")


def _pairs(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(map(str.__add__, run, run[1:])) + f" {run[-1]} "


def index_text(text: str, *, folded: bool = False) -> str:
    """The derived text the FTS index holds for `text` (already folded when `folded`)."""
    return _HAN_RUN.sub(_pairs, text if folded else fold(text))


@lru_cache(maxsize=8192)
def region_token(region_id: str) -> str:
    """The token that stands for a region in the index's `regions` column (stable across
    gazetteer versions, so an entry can always be deleted with the tokens it was indexed with)."""
    return "r" + hashlib.blake2b(region_id.encode("utf-8"), digest_size=6).hexdigest()


def region_tokens(region_ids: Iterable[str]) -> str:
    return " ".join(sorted(region_token(r) for r in region_ids))


def query_terms(query: str) -> list[str]:
    """The pieces of a typed query that are searched for, folded (for highlighting)."""
    terms = []
    for han, word in _SEGMENT.findall(fold(query)):
        terms.append(han or word)
    return terms


def fts_query(query: str, *, prefix_last: bool = False) -> str | None:
    """An FTS5 MATCH expression for anything a user typed; None when nothing is searchable.

    Every token is emitted inside double quotes, so operators and stray symbols in the
    input are only ever text. A trailing `*` on a word asks for a prefix search;
    `prefix_last` makes the last word a prefix (search as you type).
    """
    folded = fold(query)
    clauses: list[str] = []
    for raw_term in folded.split():
        wants_prefix = raw_term.endswith("*")
        segments = _SEGMENT.findall(raw_term)
        words: list[str] = []
        for han, word in segments:
            if han:
                if words:
                    clauses.append(_phrase(words))
                    words = []
                tokens = _han_tokens(han, for_index=False)
                if len(han) == 1:
                    clauses.append(f'"{han}"*')
                else:
                    clauses.append(_phrase(tokens))
            else:
                words.append(word)
        if words:
            clauses.append(_phrase(words, prefix=wants_prefix))
    if not clauses:
        return None
    if prefix_last and not clauses[-1].endswith("*") and re.search(r"[0-9a-z]\"$", clauses[-1]):
        clauses[-1] = clauses[-1] + "*"
    return " AND ".join(clauses)


def _phrase(tokens: list[str], prefix: bool = False) -> str:
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of `terms` in `text`, case- and width-insensitively."""
    if not terms:
        return []
    from .text import fold_same_length

    haystack = fold_same_length(text)
    spans = []
    for term in {t for t in terms if t}:
        for m in re.finditer(re.escape(term), haystack):
            spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, terms: list[str], width: int = 90) -> list[tuple[str, bool]]:
    """A short window of `text` around the first hit, as (piece, is_hit) pairs."""
    text = " ".join(text[:2000].split())  # a hit further in is not worth the time
    spans = highlight_spans(text, terms)
    if not spans:
        cut = text[:width]
        return [(cut + ("…" if len(text) > width else ""), False)]
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            pieces.append((text[pos:s], False))
        pieces.append((text[s:e], True))
        pos = e
    if pos < end:
        pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


def snippet_markup(pieces: list[tuple[str, bool]], open_mark: str = "[", close_mark: str = "]") -> str:
    return "".join(f"{open_mark}{p}{close_mark}" if hit else p for p, hit in pieces)


def index_body_source(body: str, summary: Summary | None) -> str:
    """The text indexed as an article's body: the body, plus its summary when the body lacks it."""
    if summary is None or (summary.core_viewpoint and summary.core_viewpoint in body):
        return body
    return f"{body}\n{summary.plain_text()}"
