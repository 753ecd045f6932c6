"""How text is written into the full-text index, and how typed queries become FTS5 queries.

FTS5's unicode61 tokenizer keeps a whole run of Han characters as one token, and the
trigram tokenizer cannot find two-character words such as 成都. So the index holds a
derived form: each Han run is written as its overlapping character pairs (成都都市圈 →
成都 都都 都市 市圈), and a query of two or more Han characters is a phrase of pairs. The
distinct Han characters of the title and of the body are indexed once each in columns of
their own (`title_chars`, `body_chars`): a one-character query looks there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from .limits import MAX_QUERY_CHARS, MAX_QUERY_TERMS
from .models import IndexedText, Summary
from .text import HAN, fold, han_table

_SEGMENT = re.compile(f"([{HAN}]+)|([0-9a-z\u00c0-\u024f]+)")


def _han_tokens(run: str) -> list[str]:
    """The pairs of a Han run of two or more characters, as a query phrase."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


_HAN_RUN = re.compile(f"[{HAN}]+")
_HAN_CHAR = re.compile(f"[{HAN}]")
_SHORT_TEXT = 64


def _pairs(match: re.Match[str]) -> str:
    run = match.group()
    return " " + " ".join(map(str.__add__, run, run[1:])) + " "


_SPACE = ord(" ")


def _pairs_and_characters(text: str, characters: bool = True) -> tuple[str, str]:
    """The pair text (the same tokens as `_HAN_RUN.sub(_pairs, text)`) and the text's distinct
    Han characters, sorted, built with array operations.

    Writing pairs is the largest cost of preparing an article; per character this does in a
    few vector steps what the regular expression does with a call for every run. Each
    character has four slots, kept or not: a space opening a run (its first Han character),
    the character itself (not Han, or Han followed by Han), the next character (Han followed
    by Han: the pair), and a space (Han). So "ab" in a run becomes "ab ", a run's last
    character a space, and text outside runs stays as it is.
    """
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han = han_table()[codes]
    if not han.any():
        return text, ""
    n = codes.size
    pair = np.zeros(n, dtype=bool)
    np.logical_and(han[:-1], han[1:], out=pair[:-1])
    slots = np.empty((n, 4), dtype=np.uint32)
    slots[:, 0] = _SPACE
    slots[:, 1] = codes
    slots[:-1, 2] = codes[1:]
    slots[:, 3] = _SPACE
    kept = np.empty((n, 4), dtype=bool)
    kept[0, 0] = han[0]
    np.greater(han[1:], han[:-1], out=kept[1:, 0])
    np.logical_or(~han, pair, out=kept[:, 1])
    kept[:, 2] = pair
    kept[:, 3] = han
    pairs = slots[kept].tobytes().decode("utf-32-le", "surrogatepass")
    if not characters:
        return pairs, ""
    chars = np.sort(codes[han])
    first = np.empty(chars.size, dtype=bool)
    first[0] = True
    np.not_equal(chars[1:], chars[:-1], out=first[1:])
    distinct = chars[first]
    spaced = np.full(2 * distinct.size - 1, _SPACE, dtype=np.uint32)
    spaced[::2] = distinct
    return pairs, spaced.tobytes().decode("utf-32-le", "surrogatepass")


def han_pairs(text: str) -> str:
    """Only the pair text of `text` (Han runs as overlapping pairs; the rest as it is)."""
    return _pairs_and_characters(text, characters=False)[0] if len(text) >= _SHORT_TEXT else _HAN_RUN.sub(_pairs, text)


def _pairs_and_characters_short(text: str) -> tuple[str, str]:
    return _HAN_RUN.sub(_pairs, text), " ".join(sorted(set(_HAN_CHAR.findall(text))))


def _index_pieces(text: str) -> tuple[str, str]:
    # Below this length the regular expressions are quicker than setting up the arrays.
    if len(text) < _SHORT_TEXT:
        return _pairs_and_characters_short(text)
    return _pairs_and_characters(text)


def indexed_text(title: str, body_source: str, *, folded: bool = False) -> IndexedText:
    """The index entry of an article from its title and indexed body (see index_body_source)."""
    title_pairs, title_chars = _index_pieces(title if folded else fold(title))
    body_pairs, body_chars = _index_pieces(body_source if folded else fold(body_source))
    return IndexedText(title_pairs, body_pairs, title_chars, body_chars)


@lru_cache(maxsize=8192)
def region_token(region_id: str) -> str:
    """The token that stands for a region in the index's `regions` column (stable across
    gazetteer versions, so an entry can always be deleted with the tokens it was indexed with)."""
    return "r" + hashlib.blake2b(region_id.encode("utf-8"), digest_size=6).hexdigest()


def region_tokens(region_ids: Iterable[str]) -> str:
    return " ".join(sorted(region_token(r) for r in region_ids))


def bounded_query(query: str) -> str:
    """The part of a query that is searched: its first MAX_QUERY_CHARS characters."""
    return query[:MAX_QUERY_CHARS]


def query_terms(query: str) -> list[str]:
    """The pieces of a typed query that are searched for, folded (for highlighting)."""
    terms = []
    for han, word in _SEGMENT.findall(fold(bounded_query(query))):
        terms.append(han or word)
    return terms[:MAX_QUERY_TERMS]


_TEXT_COLUMNS = {False: "{title body}", True: "{title}"}
_CHAR_COLUMNS = {False: "{title_chars body_chars}", True: "{title_chars}"}


def fts_query(query: str, *, prefix_last: bool = False, titles_only: bool = False,
              alternatives: dict[str, list[str]] | None = None) -> str | None:
    """An FTS5 MATCH expression for anything a user typed; None when nothing is searchable.

    Every token is emitted inside double quotes, so operators and stray symbols in the
    input are only ever text. A trailing `*` on a word asks for a prefix search;
    `prefix_last` makes the last word a prefix when it has two characters or more (search
    as you type: every word starting with one letter is too broad to be worth reading).
    Each clause names the columns it searches: one Han character the character columns,
    anything else the pair text; `titles_only` keeps to the title's. `alternatives` (a folded
    term → other ways of writing it, such as a place's English name) makes a term match any
    of its forms.
    """
    text_columns, char_columns = _TEXT_COLUMNS[titles_only], _CHAR_COLUMNS[titles_only]
    clauses: list[str] = []
    last_words: list[str] = []
    for raw_term in fold(bounded_query(query)).split():
        if len(clauses) >= MAX_QUERY_TERMS:
            break
        others = (alternatives or {}).get(raw_term.rstrip("*"))
        if others:
            forms = [fts_query(form, titles_only=titles_only) for form in [raw_term.rstrip("*"), *others]]
            forms = [f for f in forms if f]
            clauses.append("(" + " OR ".join(f"({f})" for f in forms) + ")")
            last_words = []
            continue
        wants_prefix = raw_term.endswith("*")
        words: list[str] = []
        for han, word in _SEGMENT.findall(raw_term):
            if not han:
                words.append(word)
                continue
            if words:
                clauses.append(f"{text_columns} : {_phrase(words)}")
                words = []
            if len(han) == 1:
                clauses.append(f'{char_columns} : "{han}"')
            else:
                clauses.append(f"{text_columns} : {_phrase(_han_tokens(han))}")
        last_words = words
        if words:
            clauses.append(f"{text_columns} : {_phrase(words, prefix=wants_prefix)}")
    if not clauses:
        return None
    clauses = clauses[:MAX_QUERY_TERMS]
    if prefix_last and last_words and clauses[-1].endswith('"') and len(last_words[-1]) >= 2:
        clauses[-1] += "*"
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
    """A short window of `text` around the first hit, as (piece, is_hit) pairs. The hit is
    looked for in the whole text (a long paper's hit may be far in), then only a window
    around it is laid out."""
    from .text import fold_same_length

    first = _first_hit(fold_same_length(text), terms)
    lead = max(0, first - 1000) if first is not None else 0
    text = " ".join(text[lead:lead + 2000].split())
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


def _first_hit(folded: str, terms: list[str]) -> int | None:
    found = [pos for pos in (folded.find(t) for t in terms if t) if pos >= 0]
    return min(found) if found else None


def snippet_markup(pieces: list[tuple[str, bool]], open_mark: str = "[", close_mark: str = "]") -> str:
    return "".join(f"{open_mark}{p}{close_mark}" if hit else p for p, hit in pieces)


def index_body_source(body: str, summary: Summary | str | None) -> str:
    """The text indexed as an article's body: the body, plus its summary when the body lacks it.

    The one derivation of what the index, the tags, the themes and the figures read of an
    article: at import from the parsed summary, afterwards from the stored summary JSON."""
    if isinstance(summary, str):
        import json

        summary = Summary.from_dict(json.loads(summary)) if summary else None
    if summary is None or (summary.core_viewpoint and summary.core_viewpoint in body):
        return body
    return f"{body}\n{summary.plain_text()}"


def stored_index_entry(title: str, body: str, summary_json: str | None) -> IndexedText:
    """The index entry of a stored article, exactly as the import wrote it."""
    return indexed_text(title, index_body_source(body, summary_json))


def note_index_entry(text: str, quote: str | None) -> IndexedText:
    """A note's entry in the notes' own index (store/analyst.py): the quote as title, the note as body."""
    return indexed_text(quote or "", text)
