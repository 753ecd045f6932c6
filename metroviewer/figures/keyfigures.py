"""A region's key figures: for each measure (GDP, population, area, and what the articles give
most), the latest value with its year, article and sentence, and earlier values as a short
history. Values that differ for the same year are kept side by side, never averaged.

Qt-free and store-free: the caller reads the figures (figures.extract.article_figures) of the
region's articles and passes them with their article's id, title, source and time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.models import Figure
from .format import figure_value

# Measures shown first when a region has them; the rest follow by how many figures give them.
_FIRST = (("amount", "GDP"), ("population", "population"), ("area", "area"), ("per_capita", "per-capita GDP"),
          ("growth", "GDP"))
KEY_KINDS = frozenset(("amount", "per_capita", "population", "area", "capacity", "share", "growth", "multiple",
                       "commute"))


@dataclass(frozen=True)
class SourcedFigure:
    """A figure with the article it was read from."""

    figure: Figure
    article_id: int
    article_title: str = ""
    source: str = ""
    published_at: str | None = None  # ISO 8601


@dataclass
class FigureValue:
    """One value of a measure for one year, with every article that gives it (newest first)."""

    value: float | None
    high: float | None
    unit: str
    qualifier: str
    year: int | None
    display: str  # as figures.format.figure_value shows it: "> 5.4 trillion yuan"
    sources: list[SourcedFigure] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return self.sources[0].figure.sentence if self.sources else ""


@dataclass
class KeyFigure:
    """A measure of a region: its latest value(s) and earlier ones."""

    kind: str  # a Figure kind: amount, population, share, growth …
    measure: str  # Figure.measure: GDP, population, per-capita GDP …
    unit: str
    year: int | None  # of the latest value(s); None when no figure of the measure gives a year
    latest: list[FigureValue]  # one value, or several when sources differ on that year
    history: list[FigureValue]  # earlier years, newest first (values without a year last)
    count: int = 0  # figures read for this measure

    @property
    def conflicting(self) -> bool:
        return len(self.latest) > 1


def key_figures(figures: Iterable[SourcedFigure], region_id: str, *, history: int = 5,
                kinds: frozenset[str] = KEY_KINDS) -> list[KeyFigure]:
    """The key figures of `region_id` from `figures` (those its clause gives to that region),
    GDP, population and area first, then the measures given most."""
    groups: dict[tuple[str, str, str], list[SourcedFigure]] = {}
    for sf in figures:
        f = sf.figure
        if f.region_id != region_id or f.kind not in kinds or f.value is None or not f.measure:
            continue
        groups.setdefault((f.kind, f.measure, f.unit), []).append(sf)
    out = [_key_figure(kind, measure, unit, items, history) for (kind, measure, unit), items in groups.items()]
    first = {key: i for i, key in enumerate(_FIRST)}
    out.sort(key=lambda k: (first.get((k.kind, k.measure), len(first)), -k.count, k.measure, k.kind))
    return out


def _key_figure(kind: str, measure: str, unit: str, items: list[SourcedFigure], history: int) -> KeyFigure:
    by_year: dict[int | None, list[FigureValue]] = {}
    for sf in sorted(items, key=lambda sf: sf.published_at or "", reverse=True):
        f = sf.figure
        values = by_year.setdefault(f.year, [])
        same = next((v for v in values if (v.value, v.high, v.qualifier) == (f.value, f.high, f.qualifier)), None)
        if same is None:
            same = FigureValue(f.value, f.high, f.unit, f.qualifier, f.year, figure_value(f))
            values.append(same)
        if all(s.article_id != sf.article_id for s in same.sources):
            same.sources.append(sf)
    years = sorted((y for y in by_year if y is not None), reverse=True)
    ordered = [by_year[y] for y in years] + ([by_year[None]] if None in by_year else [])
    for values in ordered:  # the value most articles give first, then the newest
        values.sort(key=lambda v: -len(v.sources))
    latest, earlier = ordered[0], [v for values in ordered[1:] for v in values]
    return KeyFigure(kind=kind, measure=measure, unit=unit, year=years[0] if years else None, latest=latest,
                     history=earlier[:history], count=len(items))
