"""The desk's story operations: listing stories, one story's versions, the user's splits and
merges, and grouping again. No Qt; the Desk delegates here (desk.py, "# -- stories")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..core.models import UserError
from ..store import Store
from ..store.articles import ArticleFilter
from ..store.stories import StorySummary, StoryVersion


def list_stories(store: Store, f: ArticleFilter, limit: int = 50) -> list[StorySummary]:
    """The newest stories of a filter (one row each, as the list shows them), with their versions:
    a page of the list's lead rows, so it costs what a page of articles costs."""
    rows = store.articles.page(replace(f, one_per_story=True), limit=limit)
    store.stories.attach(rows)
    ids = [r.story_id for r in rows if r.story_id is not None]
    return store.stories.summaries(ids)


def story_of(store: Store, article_id: int) -> StorySummary | None:
    story = store.stories.story_of(article_id)
    if story is None:
        return None
    found = store.stories.summaries([story])
    return found[0] if found else None


def compare_versions(store: Store, article_id: int, versions: list[StoryVersion]) -> list[StoryVersion]:
    """The other versions, each with the paragraphs it adds to or drops from this one (editor's
    lines, a trimmed ending: the differences worth seeing besides the headline)."""
    others = [v for v in versions if v.article_id != article_id]
    bodies = store.stories.bodies([article_id] + [v.article_id for v in others])
    mine = _paragraphs(bodies.get(article_id, ""))
    for v in others:
        theirs = _paragraphs(bodies.get(v.article_id, ""))
        v.added, v.dropped = _new_in(theirs, mine), _new_in(mine, theirs)
    return others


def _paragraphs(body: str) -> set[str]:
    return {"".join(p.split()) for p in body.split("\n") if p.strip()}


def _new_in(these: set[str], those: set[str]) -> int:
    """Paragraphs of `these` that `those` lack: neither the same nor one inside the other (a lead
    without its dateline is the same paragraph)."""
    return sum(1 for p in these if not any(p in q or q in p for q in those))


def split(store: Store, article_id: int) -> int:
    story = store.stories.story_of(article_id)
    if story is None:
        raise UserError(f"There is no article {article_id}.")
    if len(store.stories.versions(story)) < 2:
        raise UserError(f"Article {article_id} is already a story of its own.")
    return store.stories.split(article_id)


def story_json(summary: StorySummary) -> dict[str, Any]:
    lead = summary.lead
    return {"story": summary.story_id, "title": lead.title, "published_at": lead.published_at,
            "lead": lead.article_id, "size": summary.size, "sources": summary.sources,
            "versions": [{"id": v.article_id, "title": v.title, "source": v.source, "published_at": v.published_at}
                         for v in summary.versions]}
