"""What a write changed, so the window reads again only that."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """The parts of the window a write made stale.

    `articles` names the articles whose own state changed (read, starred, edited); `counts` the
    tree's numbers; `rows` which articles the list holds (added, removed, retitled); `panels`
    the summary panels; `regions` the regions whose counts changed, when known."""

    articles: frozenset[int] = frozenset()
    counts: bool = False
    rows: bool = False
    panels: bool = False
    regions: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.articles | other.articles, self.counts or other.counts, self.rows or other.rows,
                       self.panels or other.panels, self.regions | other.regions)

    @property
    def any(self) -> bool:
        return bool(self.articles or self.counts or self.rows or self.panels or self.regions)

    @classmethod
    def everything(cls) -> Changes:
        """An import or a re-tag: any article, count or panel may differ."""
        return cls(counts=True, rows=True, panels=True)


@dataclass
class Outcome(Generic[T]):
    """A long write's result and what it changed."""

    value: T
    changes: Changes
