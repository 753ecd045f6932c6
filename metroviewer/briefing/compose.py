"""What goes into a briefing: its scope, the articles grouped by region, the sources. No Qt."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..core.models import Article
from ..regions.gazetteer import Gazetteer
from ..store import Store
from ..store.articles import ArticleFilter
from ..summary.data import PanelData, panel_data_for_ids

MAX_ARTICLES = 500
BRIEFING_FIGURE_ARTICLES = 200  # the figures table reads this many of the newest articles


@dataclass
class BriefingSection:
    region_id: str | None
    heading: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class Briefing:
    title: str
    scope: str
    since: str | None
    until: str | None
    created: str
    sections: list[BriefingSection]
    sources: list[tuple[str, int]]
    truncated: bool = False
    panels: PanelData | None = None  # the summary panels over the briefing's articles

    @property
    def article_count(self) -> int:
        return len({a.id for s in self.sections for a in s.articles})

    @property
    def date_range(self) -> tuple[str, str]:
        dates = [a.published_at[:10] for s in self.sections for a in s.articles if a.published_at]
        return (min(dates), max(dates)) if dates else ("", "")


def compose_briefing(store: Store, gazetteer: Gazetteer, *, regions: list[str] | None = None, query: str = "",
                     since: str | None = None, until: str | None = None,
                     article_ids: list[int] | None = None, title: str = "") -> Briefing:
    """A briefing on the given regions (each a section), a search, or hand-picked articles."""
    regions = regions or []
    sections: list[BriefingSection] = []
    truncated = False
    targets: list[str | None] = list(regions) or [None]
    for region_id in targets:
        f = ArticleFilter(region=region_id, since=since, until=until,
                          article_ids=tuple(article_ids) if article_ids is not None else None)
        if query:
            ids = store.search.ranked_ids(query, f, limit=MAX_ARTICLES + 1)
        else:
            ids = store.articles.ids(f, limit=MAX_ARTICLES + 1)
        truncated = truncated or len(ids) > MAX_ARTICLES
        articles = store.articles.get_many(ids[:MAX_ARTICLES])
        heading = gazetteer.regions[region_id].name if region_id else ("Search results" if query else "Articles")
        sections.append(BriefingSection(region_id, heading, articles))
    names = [gazetteer.regions[r].name for r in regions]
    scope_parts = []
    if names:
        scope_parts.append("Regions: " + "、".join(names))
    if query:
        scope_parts.append(f"Search: {query}")
    if article_ids is not None:
        scope_parts.append(f"{len(article_ids)} selected articles")
    sources = Counter((a.source or a.source_raw or "—") for s in sections for a in s.articles)
    ids = list(dict.fromkeys(a.id for s in sections for a in s.articles))
    panels = panel_data_for_ids(store, gazetteer, ids, regions[0] if len(regions) == 1 else None,
                                figure_articles=BRIEFING_FIGURE_ARTICLES)
    return Briefing(
        title=title or ("Briefing: " + "、".join(names) if names else "Briefing"),
        scope="; ".join(scope_parts) or "All articles",
        since=since, until=until,
        created=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        sections=sections,
        sources=sources.most_common(),
        truncated=truncated,
        panels=panels,
    )
