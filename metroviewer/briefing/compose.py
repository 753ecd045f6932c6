"""What goes into a briefing: its scope, the executive summary's facts, the articles grouped by
region (or theme), the sources. Written in the briefing's language (labels.py). No Qt."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..core.models import Article, Figure
from ..figures.keyfigures import SourcedFigure
from ..figures.themes import THEMES
from ..regions.gazetteer import Gazetteer
from ..store import Store
from ..store.articles import ArticleFilter
from ..summary.data import PanelData, figures_of, panel_data_for_ids
from .digest import (
    KeyFigureRow,
    Milestone,
    TopStory,
    figure_regions,
    key_figure_rows,
    milestones,
    top_stories,
)
from .labels import Labels

MAX_ARTICLES = 500
BRIEFING_FIGURE_ARTICLES = 200  # figures are read from this many of the newest articles
NEW_LISTED = 5
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass
class BriefingSection:
    region_id: str | None
    heading: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class NewSince:
    """What arrived since the previous briefing of the same scope."""

    previous: str  # when that briefing was made (ISO)
    articles: list[Article]
    count: int


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
    language: str = "en"
    group_by: str = "region"
    scope_key: str = ""  # the same for every briefing of the same regions, search or selection
    scope_name: str = ""  # for a file name: 成都都市圈
    key_figures: list[KeyFigureRow] = field(default_factory=list)
    top_stories: list[TopStory] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    new_since: NewSince | None = None
    figures: dict[int, list[Figure]] = field(default_factory=dict)  # by article id
    notes: dict[int, list[Any]] = field(default_factory=dict)  # the user's notes (store/analyst.Note) by article id

    @property
    def labels(self) -> Labels:
        return Labels(self.language)

    @property
    def article_count(self) -> int:
        return len({a.id for s in self.sections for a in s.articles})

    @property
    def date_range(self) -> tuple[str, str]:
        dates = [a.published_at[:10] for s in self.sections for a in s.articles if a.published_at]
        return (min(dates), max(dates)) if dates else ("", "")

    def file_name(self, extension: str) -> str:
        """A name to save it under: 成都都市圈-简报-2026-11-27.pdf (in the briefing's language)."""
        stem = _UNSAFE_IN_NAME.sub("-", f"{self.scope_name}-{self.labels('briefing')}-{self.created[:10]}").strip("-")
        return f"{stem}.{extension.lstrip('.')}"


def compose_briefing(store: Store, gazetteer: Gazetteer, *, regions: list[str] | None = None, query: str = "",
                     since: str | None = None, until: str | None = None,
                     article_ids: list[int] | None = None, title: str = "", language: str = "en",
                     group_by: str = "region", imported_after: tuple[int, str] | None = None) -> Briefing:
    """A briefing on the given regions (each a section, or one section per theme), a search, or
    hand-picked articles, in `language` (en or zh_CN); `imported_after` (article id, when): only
    the articles imported after it ("since I last looked", "since the last briefing")."""
    t = Labels(language)
    regions = regions or []
    after_id = imported_after[0] if imported_after else None
    sections, truncated = _region_sections(store, gazetteer, t, regions, query, since, until, article_ids, after_id)
    articles = list({a.id: a for s in sections for a in s.articles}.values())
    if group_by == "theme":
        sections = _theme_sections(store, t, articles)
    elif group_by == "story":
        sections = _story_sections(t, articles)
    names = [gazetteer.regions[r].name for r in regions]
    scope_parts = []
    if names:
        scope_parts.append(t("Regions: {0}", t.join(names)))
    if query:
        scope_parts.append(t("Search: {0}", query))
    if article_ids is not None:
        scope_parts.append(t("{0} selected articles", len(article_ids)))
    if imported_after:
        scope_parts.append(t("Imported since {0}", t.date_time(imported_after[1])))
    # An article without a source is counted nowhere: "no source" is not a source.
    sources = Counter(name for a in articles for name in _sources_of(a) if name.strip())
    ids = [a.id for a in articles]
    panels = panel_data_for_ids(store, gazetteer, ids, regions[0] if len(regions) == 1 else None, figure_articles=0)
    panels.sources = [(name, n) for name, n in panels.sources if name.strip() and name != "—"]
    panels.themes = [(t(name), n) for name, n in panels.themes]
    found, _ = figures_of(store, gazetteer, store.panels.newest_first(ids)[:BRIEFING_FIGURE_ARTICLES], limit=None)
    by_id = {a.id: a for a in articles}
    sourced = [SourcedFigure(af.figure, af.article_id, af.article_title,
                             by_id[af.article_id].source or by_id[af.article_id].source_raw, af.published_at)
               for af in found if af.article_id in by_id]
    figures: dict[int, list[Figure]] = {}
    for sf in sourced:
        figures.setdefault(sf.article_id, []).append(sf.figure)
    scope_key = json.dumps({"regions": sorted(regions), "query": query.strip(),
                            "articles": sorted(article_ids) if article_ids is not None else None},
                           ensure_ascii=False, sort_keys=True)
    now = dt.datetime.now()
    return Briefing(
        title=title or (t("Briefing: {0}", t.join(names)) if names else t("Briefing")),
        scope="; ".join(scope_parts) or t("All articles"),
        since=since, until=until,
        created=now.strftime("%Y-%m-%d %H:%M"),
        sections=sections,
        sources=sources.most_common(),
        truncated=truncated,
        panels=panels,
        language=language,
        group_by=group_by,
        scope_key=scope_key,
        scope_name="、".join(names[:3]) or query.strip()[:30] or t("All articles"),
        key_figures=key_figure_rows(sourced, figure_regions(sourced, regions, gazetteer), gazetteer, t),
        top_stories=top_stories(articles),
        milestones=milestones(sourced, gazetteer),
        new_since=_new_since(store, scope_key, articles),
        figures=figures,
        notes=store.analyst.notes_of(ids),
    )


def _region_sections(store: Store, gazetteer: Gazetteer, t: Labels, regions: list[str], query: str,
                     since: str | None, until: str | None,
                     article_ids: list[int] | None, after_id: int | None = None) -> tuple[list[BriefingSection], bool]:
    sections: list[BriefingSection] = []
    truncated = False
    for region_id in list(regions) or [None]:
        f = ArticleFilter(region=region_id, since=since, until=until, after_id=after_id,
                          article_ids=tuple(article_ids) if article_ids is not None else None)
        if query:
            ids = store.search.ranked_ids(query, f, limit=MAX_ARTICLES + 1)
        else:
            ids = store.articles.ids(f, limit=MAX_ARTICLES + 1)
        ids = store.stories.one_per_story(ids)  # a story once, with all its sources (attach_versions)
        truncated = truncated or len(ids) > MAX_ARTICLES
        heading = gazetteer.regions[region_id].name if region_id else (t("Search results") if query else t("Articles"))
        articles = store.articles.get_many(ids[:MAX_ARTICLES])
        store.stories.attach_versions(articles)
        sections.append(BriefingSection(region_id, heading, articles))
    return sections, truncated


def _theme_sections(store: Store, t: Labels, articles: list[Article]) -> list[BriefingSection]:
    """One section per theme (figures/themes.py order), each article under its strongest theme."""
    by_theme: dict[str, list[Article]] = {}
    themes = store.panels.themes_of([a.id for a in articles])
    for a in articles:
        weights = themes.get(a.id, {})
        theme = max(weights, key=lambda k: (weights[k], -list(THEMES).index(k) if k in THEMES else 0)) \
            if weights else ""
        by_theme.setdefault(theme, []).append(a)
    order = [*THEMES, ""]
    return [BriefingSection(None, t(theme) if theme else t("Other articles"), by_theme[theme])
            for theme in sorted(by_theme, key=lambda k: order.index(k) if k in order else len(order))]


def _new_since(store: Store, scope_key: str, articles: list[Article]) -> NewSince | None:
    previous = store.recipes.previous_run(scope_key)
    if previous is None:
        return None
    new_ids = store.recipes.imported_after([a.id for a in articles], previous)
    by_id = {a.id: a for a in articles}
    return NewSince(previous, [by_id[i] for i in new_ids[:NEW_LISTED]], len(new_ids))


def _story_sections(t: Labels, articles: list[Article]) -> list[BriefingSection]:
    """One section per story, the most covered first (by how many sources carried it, then the
    newest): the story's headline as the heading, its lead version with its sources below."""
    ranked = sorted(articles, key=lambda a: (len(_sources_of(a)), a.published_at or ""), reverse=True)
    return [BriefingSection(None, t("{0} ({1} sources)", a.title, len(_sources_of(a))) if len(_sources_of(a)) > 1
                            else a.title, [a]) for a in ranked]


def _sources_of(a: Article) -> list[str]:
    """Every source that carried the article's story, each once."""
    names = [a.source or a.source_raw] + [v.source for v in a.other_versions]
    return list(dict.fromkeys(n for n in names if n))

