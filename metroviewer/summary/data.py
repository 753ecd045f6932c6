"""What the summary panels show for a selection: articles over time, top sources, the regions
most mentioned with it, the theme mix, and the figures of its newest articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..core.models import Figure
from ..core.search_text import index_body_source
from ..figures.codec import decode_positions
from ..figures.extract import article_figures
from ..figures.keyfigures import KeyFigure, SourcedFigure, key_figures
from ..figures.themes import THEMES
from ..regions.gazetteer import Gazetteer
from ..regions.tagger import RegionTagger
from ..store import Store
from ..store.articles import ArticleFilter
from ..store.panels import SAMPLE

# Figures are read from the text when shown (see ingest.prepare.analyse): from this many of the
# newest articles, about a dozen figures each at most.
FIGURE_ARTICLES = 40
MAX_FIGURES = 150


@dataclass
class ArticleFigure:
    """A figure with the article it was read from."""

    figure: Figure
    article_id: int
    article_title: str
    published_at: str | None
    region_name: str = ""  # of the region named in the figure's sentence
    source: str = ""

    def sourced(self) -> SourcedFigure:
        return SourcedFigure(self.figure, self.article_id, self.article_title, self.source, self.published_at)


@dataclass
class PanelData:
    total: int  # articles in the selection (for a search: those counted, up to SAMPLE)
    sampled: int  # articles the sources, regions and themes were counted over
    months: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    regions: list[tuple[str, str, int]] = field(default_factory=list)  # id, name, articles
    themes: list[tuple[str, int]] = field(default_factory=list)
    figures: list[ArticleFigure] = field(default_factory=list)
    figures_from: int = 0  # newest articles the figures were read from
    key_figures: list[KeyFigure] = field(default_factory=list)  # of the selected region, from `figures`
    months_complete: bool = True  # False for a search: counted over the sample
    stories: bool = False  # total, sources, regions and themes count stories (their lead versions)

    @property
    def is_sample(self) -> bool:
        return self.sampled < self.total

    def bars(self, key: str) -> list[tuple[str, int]]:
        """(label, count) of a ranked chart: "sources", "regions" or "themes"."""
        if key == "regions":
            return [(name, n) for _rid, name, n in self.regions]
        return {"sources": self.sources, "themes": self.themes}[key]


@lru_cache(maxsize=4)
def _tagger(gazetteer: Gazetteer) -> RegionTagger:
    return RegionTagger(gazetteer)


def panel_data(store: Store, gazetteer: Gazetteer, f: ArticleFilter = ArticleFilter(), query: str = "",
               total: int | None = None) -> PanelData:
    """The panels for the articles `f` selects, or for those of them matching `query`.
    `total` (the selection's size, when the caller knows it) saves a count."""
    if query.strip():
        ids = store.panels.newest_first(store.search.ranked_ids(query, f, limit=SAMPLE))
        # The heading says how many match, not how many were sampled.
        matches = len(ids) if len(ids) < SAMPLE else store.search.count(query, f)
        data = PanelData(total=matches, sampled=len(ids), months=store.panels.months_of(ids),
                         months_complete=False)
    else:
        ids = store.panels.newest_ids(f)
        count = total if total is not None else (len(ids) if len(ids) < SAMPLE else store.panels.count(f))
        data = PanelData(total=count, sampled=len(ids), months=store.panels.months(f), stories=f.one_per_story)
    return _counted(data, store, gazetteer, ids, f.region, FIGURE_ARTICLES)


def panel_data_for_ids(store: Store, gazetteer: Gazetteer, ids: list[int], region: str | None = None,
                       figure_articles: int = FIGURE_ARTICLES) -> PanelData:
    """The panels for a given set of articles (a briefing's), counted over all of them."""
    ids = store.panels.newest_first(ids)
    data = PanelData(total=len(ids), sampled=len(ids), months=store.panels.months_of(ids))
    return _counted(data, store, gazetteer, ids, region, figure_articles)


def _counted(data: PanelData, store: Store, gazetteer: Gazetteer, ids: list[int], region: str | None,
             figure_articles: int) -> PanelData:
    """Fill in the sources, regions, themes and figures of `ids` (newest first)."""
    if not ids:
        return data
    data.sources = store.panels.sources(ids)
    exclude = gazetteer.scope([region]) if region and region in gazetteer.regions else set()
    data.regions = [(rid, _name(gazetteer, rid), n) for rid, n in store.panels.co_mentions(ids, exclude)]
    order = {theme: i for i, theme in enumerate(THEMES)}
    data.themes = sorted(store.panels.themes(ids), key=lambda t: order.get(t[0], len(order)))
    data.figures, data.figures_from = figures_of(store, gazetteer, ids[:figure_articles], region, limit=None)
    if region:
        data.key_figures = key_figures([af.sourced() for af in data.figures], region)
    data.figures = data.figures[:MAX_FIGURES]
    return data


def figures_of(store: Store, gazetteer: Gazetteer, ids: list[int], region: str | None = None,
               limit: int | None = MAX_FIGURES) -> tuple[list[ArticleFigure], int]:
    """The figures of the articles `ids` (newest first); with a region, those naming it (or a
    place within it) come first. Returns them and how many articles they were read from."""
    tagger = _tagger(gazetteer)
    found: list[ArticleFigure] = []
    texts = store.panels.texts(ids)
    for article_id, title, body, summary_json, published_at, source, positions in texts:
        # The import's mention positions when kept: no second tagging of the text.
        figures = article_figures(title, index_body_source(body, summary_json), tagger, decode_positions(positions))
        found.extend(ArticleFigure(fig, article_id, title, published_at,
                                   _name(gazetteer, fig.region_id) if fig.region_id else "", source)
                     for fig in figures)
    if region:
        def in_region(af: ArticleFigure) -> bool:
            rid = af.figure.region_id
            return bool(rid) and (rid == region or region in gazetteer.ancestors(rid))  # type: ignore[arg-type]

        found.sort(key=lambda af: not in_region(af))  # stable: newest first within each part
    return found[:limit], len(texts)


# A region's key figures (and a comparison) are read from this many of its newest articles.
KEY_FIGURE_ARTICLES = 200


def region_key_figures(store: Store, gazetteer: Gazetteer, region_id: str,
                       articles: int = KEY_FIGURE_ARTICLES) -> list[KeyFigure]:
    """The latest value of each measure the articles give for `region_id` itself, with history."""
    ids = store.panels.newest_ids(ArticleFilter(region=region_id), limit=articles)
    found, _read = figures_of(store, gazetteer, ids, limit=None)
    return key_figures([af.sourced() for af in found], region_id)


@dataclass
class RegionComparison:
    """Two or more regions side by side: key figures, articles per month, theme mix."""

    region_ids: list[str]
    names: dict[str, str]
    key_figures: dict[str, list[KeyFigure]]
    months: dict[str, list[tuple[str, int]]]
    themes: dict[str, list[tuple[str, int]]]
    articles: dict[str, int]

    def measures(self) -> list[tuple[str, str, str]]:
        """(kind, measure, unit) rows of the comparison table, in the first region's order."""
        rows: list[tuple[str, str, str]] = []
        for rid in self.region_ids:
            for kf in self.key_figures[rid]:
                key = (kf.kind, kf.measure, kf.unit)
                if key not in rows:
                    rows.append(key)
        return rows

    def cell(self, region_id: str, row: tuple[str, str, str]) -> KeyFigure | None:
        return next((kf for kf in self.key_figures[region_id] if (kf.kind, kf.measure, kf.unit) == row), None)

    def to_json(self) -> dict[str, Any]:
        """The comparison as the command line's JSON gives it: regions, then measure × region."""
        def value(kf: KeyFigure | None) -> dict[str, Any] | None:
            if kf is None:
                return None
            return {"year": kf.year, "conflicting": kf.conflicting, "values": [
                {"value": v.value, "high": v.high, "unit": v.unit, "display": v.display, "qualifier": v.qualifier,
                 "sources": [s.source for s in v.sources if s.source], "articles": [s.article_id for s in v.sources]}
                for v in kf.latest]}

        ids = self.region_ids
        return {"regions": [{"id": rid, "name": self.names[rid], "articles": self.articles[rid],
                             "months": self.months[rid], "themes": dict(self.themes[rid])} for rid in ids],
                "key_figures": [{"kind": kind, "measure": measure, "unit": unit,
                                 "regions": {rid: value(self.cell(rid, (kind, measure, unit))) for rid in ids}}
                                for kind, measure, unit in self.measures()]}


def compare_regions(store: Store, gazetteer: Gazetteer, region_ids: list[str]) -> RegionComparison:
    order = {theme: i for i, theme in enumerate(THEMES)}
    months, themes, counts, figures = {}, {}, {}, {}
    for rid in region_ids:
        f = ArticleFilter(region=rid)
        months[rid] = store.panels.months(f)
        ids = store.panels.newest_ids(f)
        counts[rid] = len(ids) if len(ids) < SAMPLE else store.panels.count(f)
        themes[rid] = sorted(store.panels.themes(ids), key=lambda t: order.get(t[0], len(order))) if ids else []
        figures[rid] = region_key_figures(store, gazetteer, rid)
    return RegionComparison(list(region_ids), {rid: _name(gazetteer, rid) for rid in region_ids}, figures, months,
                            themes, counts)


def _name(gazetteer: Gazetteer, region_id: str) -> str:
    region = gazetteer.regions.get(region_id)
    return region.name if region else region_id
