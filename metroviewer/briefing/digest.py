"""The executive summary's facts, from a briefing's articles and their figures: key figures per
region (latest value per measure, from figures.keyfigures), top stories and a milestones timeline.
No Qt, no store."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.models import Article, Figure
from ..figures.format import figure_value
from ..figures.keyfigures import SourcedFigure, key_figures
from ..regions.gazetteer import Gazetteer
from .excerpt import HEADING_LEAD
from .labels import Labels

KEY_MEASURES_PER_REGION = 3
KEY_REGIONS = 4
SHOWN_CONFLICTS = 2  # values that differ for the same year: the two given most, then …
TOP_STORIES = 5
MILESTONES = 8
_CLAUSE = re.compile(r"[，,；;：:。！？!?]")


@dataclass
class KeyFigureRow:
    region: str
    measure: str
    value: str
    year: str
    source: str


@dataclass
class TopStory:
    article: Article
    sources: int  # how many sources carried it (the versions of its story)


@dataclass
class Milestone:
    when: str  # "2026" or "2023-05"
    region: str
    event: str  # the clause that says it
    source: str


def key_figure_rows(figures: list[SourcedFigure], region_ids: Iterable[str], gazetteer: Gazetteer,
                    t: Labels) -> list[KeyFigureRow]:
    """Latest value per measure of each region (with the places inside it that figures name),
    a few measures a region, the regions with most figures first."""
    rows: list[KeyFigureRow] = []
    wanted = list(region_ids)
    for rid in wanted:
        region = gazetteer.regions.get(rid)
        if region is None:
            continue
        for kf in key_figures(figures, rid)[:KEY_MEASURES_PER_REGION]:
            value = kf.latest[0]
            first = value.sources[0]
            display = " / ".join(figure_value(v.sources[0].figure, t.language) for v in kf.latest[:SHOWN_CONFLICTS])
            if len(kf.latest) > SHOWN_CONFLICTS:
                display += " …"
            rows.append(KeyFigureRow(region.name, t(kf.measure), display, str(kf.year or ""),
                                     first.source or first.article_title))
    return rows


def figure_regions(figures: list[SourcedFigure], scope: list[str], gazetteer: Gazetteer) -> list[str]:
    """The regions whose key figures the summary compares: the scope's own, then the places
    within it that the figures name most (for a search, the regions named most)."""
    inside = set(scope).union(*(gazetteer.descendants(r) for r in scope)) if scope else None
    counts: dict[str, int] = {}
    for sf in figures:
        rid = sf.figure.region_id
        if rid and sf.figure.kind != "milestone" and (inside is None or rid in inside):
            counts[rid] = counts.get(rid, 0) + 1
    ranked = [r for r, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if r not in scope]
    return (list(scope) + ranked)[:KEY_REGIONS]


def top_stories(articles: list[Article], limit: int = TOP_STORIES) -> list[TopStory]:
    """The most-covered stories of the period: each article stands for its story (grouped at
    import, store/stories.py; its `other_versions` are the other sources' copies), ranked by the
    number of sources that carried it, then the citations its summary carries, its regions, its date."""
    scored = []
    seen: set[str] = set()
    for a in articles:
        sources = {a.source or a.source_raw} | {v.source for v in a.other_versions}
        citations = len(re.findall(r"\[\d+\]", _summary_text(a)))
        scored.append((len(sources - {""}) or 1, citations, len(a.regions), a.published_at or "", a))
    scored.sort(key=lambda s: s[:4], reverse=True)
    out = []
    for n, _c, _r, _p, a in scored:
        if a.title in seen:
            continue  # the same headline twice (a story split by the user): listed once
        seen.add(a.title)
        out.append(TopStory(a, n))
        if len(out) == limit:
            break
    return out


def milestones(figures: list[SourcedFigure], gazetteer: Gazetteer, limit: int = MILESTONES) -> list[Milestone]:
    """Plans issued, approvals, projects started or completed, by date, each said once."""
    found: dict[tuple[str, str, str], Milestone] = {}
    for sf in figures:
        f = sf.figure
        when = f.when or (str(f.year) if f.year else "")
        if f.kind != "milestone" or not when:
            continue
        region = gazetteer.regions[f.region_id].name if f.region_id in gazetteer.regions else ""
        key = (when, region, f.label)
        if key not in found:
            found[key] = Milestone(when, region, _clause(f), sf.source or sf.article_title)
    ordered = sorted(found.values(), key=lambda m: m.when)
    return ordered[-limit:]


def _clause(f: Figure) -> str:
    """The clause of the figure's sentence that holds it: "2023年5月一期1GWh固态电池集成线投产"."""
    sentence, text = f.sentence or f.text, f.text
    at = sentence.find(text)
    if at < 0:
        return text
    starts = [0] + [m.end() for m in _CLAUSE.finditer(sentence, 0, at)]
    end_match = _CLAUSE.search(sentence, at + len(text))
    end = end_match.start() if end_match else len(sentence)
    start = starts[-1]
    if end - start < 12 and len(starts) > 1:
        start = starts[-2]  # "2022年落户" alone says too little: with the clause before it
    clause = HEADING_LEAD.sub("", sentence[start:end].strip())
    return clause if len(clause) <= 60 else clause[:59] + "…"


def _summary_text(a: Article) -> str:
    if not a.summary:
        return ""
    return a.summary.core_viewpoint + " ".join(p for g in a.summary.groups for p in g.points)
