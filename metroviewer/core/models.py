"""The domain objects shared by ingest, store, regions and ui."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .stories import Fingerprint


@dataclass
class SummaryGroup:
    heading: str
    points: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """A structured summary: a core viewpoint and numbered groups of points. A paper's is its
    abstract (`label` "Abstract", shown instead of "Core viewpoint") and its keywords."""

    core_viewpoint: str = ""
    groups: list[SummaryGroup] = field(default_factory=list)
    label: str = ""
    keywords: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "core_viewpoint": self.core_viewpoint,
            "groups": [{"heading": g.heading, "points": list(g.points)} for g in self.groups],
        }
        if self.label:
            data["label"] = self.label
        if self.keywords:
            data["keywords"] = list(self.keywords)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Summary | None:
        if not data:
            return None
        return cls(
            core_viewpoint=data.get("core_viewpoint", ""),
            groups=[SummaryGroup(g.get("heading", ""), list(g.get("points", []))) for g in data.get("groups", [])],
            label=data.get("label", ""),
            keywords=list(data.get("keywords", [])),
        )

    def plain_text(self) -> str:
        parts = [self.core_viewpoint]
        for g in self.groups:
            parts.append(g.heading)
            parts.extend(g.points)
        parts.extend(self.keywords)
        return "\n".join(p for p in parts if p)


@dataclass
class ParsedArticle:
    """An article as a reader found it in a file, before it is stored."""

    title: str
    body: str
    source_raw: str = ""
    published_at: str | None = None  # ISO 8601, local time of the source
    topic: str = ""
    summary: Summary | None = None
    url: str = ""  # the original address (front matter, page metadata): shown, never fetched
    keywords: list[str] = field(default_factory=list)
    authors: str = ""  # a paper's authors and affiliations: kept apart from the body, not tagged
    references: str = ""  # a paper's reference list and back matter: shown apart, not body


@dataclass
class ParsedFile:
    """What a reader made of one file: its articles, or why it could not."""

    articles: list[ParsedArticle]
    format: str
    encoding: str = ""


@dataclass
class RegionMention:
    region_id: str
    mentions: int
    first_pos: int
    about: bool = False  # the article is mainly about the region (title, often, first in the lead)

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent from the workers by the dozen an article: a plain call unpickles faster than
        # the default reconstruction, in the process that also runs the window.
        return RegionMention, (self.region_id, self.mentions, self.first_pos, self.about)


@dataclass
class Figure:
    """A figure in an article's text (see figures/extract.py): what it measures, its value in
    a base unit (yuan, people, km², GWh, GW, %, percentage points, ×, minutes), and where it is.

    `value` is exact: read with decimal arithmetic, an int when whole, else the float whose
    repr is the decimal (2637.99亿 → 263799000000), so JSON shows the number as written."""

    # amount | per_capita | population | area | capacity | share | growth | multiple | commute
    # | milestone
    kind: str
    label: str  # what it measures, as written near it (GDP, 投资, 人口 …); a milestone's verb
    value: float | None  # int or float, exact (see above); the low end of a range
    unit: str
    qualifier: str  # ">" (突破, over), "≈" (约, about), "<" (不足, under) or ""
    year: int | None
    when: str  # a milestone's date: "2026" or "2023-05"
    text: str  # as written, with its qualifier
    start: int  # offsets in the article's title + "\n" + indexed body
    end: int
    sentence: str
    region_id: str | None = None  # None when its clause does not say whose it is
    high: float | None = None  # the high end of a range (1.2万–1.5万亿), exact like value
    measure: str = ""  # what it measures, normalised (GDP, population, per-capita GDP …)


@dataclass
class Article:
    """An article as the store holds it."""

    id: int
    title: str
    source: str
    source_raw: str
    published_at: str | None
    published_is_fallback: bool
    topic: str
    language: str
    body: str
    summary: Summary | None
    document: str
    is_read: bool = False
    is_starred: bool = False
    regions: list[str] = field(default_factory=list)
    url: str = ""
    keywords: list[str] = field(default_factory=list)
    authors: str = ""
    references: str = ""
    # The other versions of its story (store.stories.StoryVersion: title, source, date), when
    # other sources carried it too; filled by the desk for the reader and briefings.
    other_versions: list[Any] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "source_raw": self.source_raw,
            "published_at": self.published_at,
            "published_is_fallback": self.published_is_fallback,
            "topic": self.topic,
            "language": self.language,
            "regions": list(self.regions),
            "summary": self.summary.to_dict() if self.summary else None,
            "url": self.url or None,
            "keywords": list(self.keywords),
            "authors": self.authors or None,
            "document": self.document,
            "read": self.is_read,
            "starred": self.is_starred,
        }


@dataclass
class FailedFile:
    path: str
    reason: str


@dataclass
class ImportReport:
    files: int = 0
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    removed: int = 0
    failed: list[FailedFile] = field(default_factory=list)
    cancelled: bool = False
    # Files passed over on purpose (README, LICENSE, .DS_Store …): listed, neither imported nor failed.
    skipped: list[FailedFile] = field(default_factory=list)
    # The user's notes whose highlighted text a changed file no longer holds: article title, quote, note.
    notes_not_reanchored: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "added": self.added,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "removed": self.removed,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "skipped": [{"path": f.path, "reason": f.reason} for f in self.skipped],
            "cancelled": self.cancelled,
            "notes_not_reanchored": self.notes_not_reanchored,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportReport:
        return cls(files=data["files"], added=data["added"], updated=data["updated"],
                   duplicates=data["duplicates"], removed=data["removed"],
                   failed=[FailedFile(f["path"], f["reason"]) for f in data["failed"]],
                   cancelled=data["cancelled"],
                   skipped=[FailedFile(f["path"], f["reason"]) for f in data.get("skipped", [])])

    def as_text(self) -> str:
        lines = [
            f"Files: {self.files}",
            f"Articles added: {self.added}",
            f"Articles updated: {self.updated}",
            f"Duplicates skipped: {self.duplicates}",
        ]
        if self.removed:
            lines.append(f"Articles removed from changed files: {self.removed}")
        if self.cancelled:
            lines.append("The import was cancelled; run it again to finish.")
        lines.append(f"Failed files: {len(self.failed)}")
        lines.extend(f"  {one_line(f.path)}: {f.reason}" for f in self.failed)
        if self.skipped:
            lines.append(f"Skipped: {len(self.skipped)}")
            lines.extend(f"  {one_line(f.path)}: {f.reason}" for f in self.skipped)
        if self.notes_not_reanchored:
            lines.append(f"Notes whose highlighted text is no longer in their article: {len(self.notes_not_reanchored)}")
            lines.extend(f"  {n['article_title']}: “{n['quote'] or ''}”" for n in self.notes_not_reanchored)
        return "\n".join(lines)


_CONTROL = {i: f"\\x{i:02x}" for i in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def one_line(path: str) -> str:
    """A path on one line of a report: a newline or other control character in a file name is
    written as an escape, so it cannot split the line or fake another."""
    return path.translate(_CONTROL)


class UserError(Exception):
    """An error the user can act on; its message is shown as it is."""


class IndexedText(NamedTuple):
    """What the full-text index holds for an article, besides its region tokens.

    `title` and `body` are the pair texts (phrases of two or more characters, English words);
    `title_chars` and `body_chars` each article's distinct Han characters, once each, which is
    all a one-character query needs: far fewer entries than a one-character prefix index over
    every token, which had been a third of the cost of writing the index.
    """

    title: str
    body: str
    title_chars: str
    body_chars: str


@dataclass
class PreparedArticle:
    """An article ready to store: parsed, normalised, hashed, tagged and index-ready."""

    title: str
    body: str
    source: str
    source_raw: str
    published_at: str | None
    published_is_fallback: bool
    topic: str
    language: str
    summary: Summary | None
    url: str
    content_hash: str
    position: int
    tags: list[RegionMention]
    scope: set[str]
    index: IndexedText
    # Derived from the fields above, but encoded on the workers: in the importing process
    # (the window's, or its child's) every microsecond a row counts.
    themes_json: str = "{}"  # figures/codec.py
    summary_json: str | None = None
    region_tokens: str = ""  # the index's regions column (core/search_text.region_tokens)
    keywords: list[str] = field(default_factory=list)
    authors: str = ""
    references: str = ""
    about_scope: set[str] = field(default_factory=set)  # the regions it is mainly about, with ancestors
    positions_json: str = ""  # region id → offsets of its mentions in "title\nindexed body" (JSON)
    story_print: Fingerprint | None = None  # near-duplicate fingerprint (core/stories.py), for grouping
    title_key: str = ""  # where the title sorts in the list (core/sort_keys.py: pinyin order)


@dataclass
class PreparedFile:
    """One file's outcome in an import: its articles, or the reason it failed."""

    path: str
    size: int = 0
    modified_at: str = ""
    content_hash: str = ""
    format: str = ""
    encoding: str = ""
    articles: list[PreparedArticle] = field(default_factory=list)
    failure: str | None = None
