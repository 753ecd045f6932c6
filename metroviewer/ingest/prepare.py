"""From a file on disk to a PreparedFile: read, hash, parse, normalise, tag, index text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.limits import MAX_BODY_CHARS, MAX_TITLE_CHARS
from ..core.models import IndexedText, ParsedArticle, PreparedArticle, PreparedFile, RegionMention
from ..core.search_text import index_body_source, indexed_text, region_tokens
from ..core.sort_keys import title_sort_key
from ..core.sources import normalise_source
from ..core.stories import fingerprint
from ..core.text import content_hash, detect_language, fold_same_length
from ..figures.codec import encode_positions, encode_themes
from ..figures.themes import article_themes
from ..regions.gazetteer import Gazetteer
from ..regions.tagger import RegionTagger, mentions_of
from .errors import UnreadableFile
from .readers import read_document
from .walk import Candidate, display_path


def read_bytes(path: Path) -> bytes:
    # O_NONBLOCK: a FIFO that appeared after the walk must not hang the import.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        return f.read()


@dataclass
class Analysis:
    """What an article's text says, beyond its words: its regions and themes."""

    folded_title: str
    folded_body: str
    mentions: list[RegionMention]
    themes: dict[str, int]
    positions: dict[str, list[int]]

    def positions_json(self) -> str:
        """Where each region is named, as the store keeps it for figures (figures/codec.py)."""
        return encode_positions(self.positions)

    def index_entry(self) -> IndexedText:
        """The article's index entry, from the text already folded for tagging."""
        return indexed_text(self.folded_title, self.folded_body, folded=True)


def analyse(title: str, indexed_body: str, tagger: RegionTagger) -> Analysis:
    """Tag an article and read its themes from its title and indexed body (the body, and its
    summary when the body lacks it); the import and re-tagging share it. Its figures are
    read when shown (figures.extract.article_figures), not here."""
    # Fold once: tagging, themes and the index all read the folded text.
    folded_title, folded_body = fold_same_length(title), fold_same_length(indexed_body)
    positions = tagger.positions_folded(f"{folded_title}\n{folded_body}")
    return Analysis(folded_title, folded_body, mentions_of(positions), article_themes(folded_title, folded_body),
                    positions)


def _bounded_title(title: str) -> str:
    return title if len(title) <= MAX_TITLE_CHARS else title[: MAX_TITLE_CHARS - 1] + "…"


TRUNCATED_NOTE = "\n\n[… MetroViewer keeps the first {0:,} characters of this article; the file holds {1:,}.]"


def _bounded_body(body: str) -> str:
    if len(body) <= MAX_BODY_CHARS:
        return body
    return body[:MAX_BODY_CHARS] + TRUNCATED_NOTE.format(MAX_BODY_CHARS, len(body))


class ArticlePreparer:
    """Turns parsed articles into store-ready ones; holds the tagger (build once per run)."""

    def __init__(self, gazetteer: Gazetteer, tagger: RegionTagger | None = None):
        self.gazetteer = gazetteer
        self.tagger = tagger or RegionTagger(gazetteer)

    def prepare_file(self, candidate: Candidate) -> PreparedFile:
        path = candidate.path
        shown = display_path(path.absolute())
        if candidate.failure:
            return PreparedFile(path=shown, failure=candidate.failure)
        try:
            st = path.stat()
            data = candidate.data if candidate.data is not None else read_bytes(path)
        except OSError as e:
            return PreparedFile(path=shown, failure=f"cannot be read ({e.strerror or e})")
        modified = dt.datetime.fromtimestamp(st.st_mtime).replace(microsecond=0).isoformat()
        result = PreparedFile(path=shown, size=len(data), modified_at=modified,
                              content_hash=candidate.digest or hashlib.sha256(data).hexdigest())
        try:
            parsed = read_document(path, data)
        except UnreadableFile as e:
            result.failure = e.reason
            return result
        except Exception as e:  # a reader bug must not stop the run: report it with the file
            result.failure = f"could not be read ({type(e).__name__}: {e})"
            return result
        result.format, result.encoding = parsed.format, parsed.encoding
        result.articles = [self.prepare_article(a, i, modified) for i, a in enumerate(parsed.articles)]
        if not result.articles:
            result.failure = "no article found in the file"
        return result

    def prepare_article(self, a: ParsedArticle, position: int, file_time: str) -> PreparedArticle:
        title = _bounded_title(" ".join(a.title[:MAX_TITLE_CHARS * 4].split()))
        body = _bounded_body(a.body.strip())
        indexed_body = index_body_source(body, a.summary)  # the body, and the summary when apart
        analysis = analyse(title, indexed_body, self.tagger)
        mentions = analysis.mentions
        published = a.published_at or file_time
        scope = self.gazetteer.scope([m.region_id for m in mentions])
        about_scope = self.gazetteer.scope([m.region_id for m in mentions if m.about])
        return PreparedArticle(
            title=title,
            body=body,
            source=normalise_source(a.source_raw) if a.source_raw else "",
            source_raw=a.source_raw,
            published_at=published,
            published_is_fallback=a.published_at is None,
            topic=a.topic,
            language=detect_language(title + "\n" + body),
            summary=a.summary,
            url=a.url,
            content_hash=content_hash(title, a.published_at or "", body),
            position=position,
            tags=mentions,
            scope=scope,
            about_scope=about_scope,
            positions_json=analysis.positions_json(),
            story_print=fingerprint(analysis.folded_body),
            index=analysis.index_entry(),
            themes_json=encode_themes(analysis.themes),
            summary_json=json.dumps(a.summary.to_dict(), ensure_ascii=False) if a.summary else None,
            region_tokens=region_tokens(scope),
            title_key=title_sort_key(title),
            keywords=a.keywords,
            authors=a.authors,
            references=a.references,
        )
