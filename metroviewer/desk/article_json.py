"""Articles as the command line's JSON gives them: fields, figures, themes, story, notes and
labels, read in batches of BATCH articles (a few queries a batch, not a few an article)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..figures.format import figure_value
from ..store import Store
from ..store.articles import BATCH, batches
from ..summary.data import ArticleFigure, figures_of

if TYPE_CHECKING:
    from .desk import Desk


def figure_json(af: ArticleFigure) -> dict[str, Any]:
    f = af.figure
    return {"kind": f.kind, "measure": f.measure or None, "label": f.label, "value": f.value, "high": f.high,
            "unit": f.unit, "qualifier": f.qualifier, "year": f.year, "when": f.when or None,
            "display": figure_value(f), "text": f.text, "sentence": f.sentence, "region": f.region_id,
            "region_name": af.region_name or None}


def articles_json(desk: Desk, ids: list[int], snippets: dict[int, str] | None = None, *,
                  figures: bool = True) -> Iterator[dict[str, Any]]:
    """The articles `ids` in that order, a batch at a time. `figures=False` leaves out the
    figures, which are read from the text (about 1 ms an article) and only the JSON shows."""
    store: Store = desk.store()
    story_sizes = store.stories.sizes(ids)  # at once: a story's versions are counted once
    for chunk in batches(ids, BATCH):
        found: dict[int, list[dict[str, Any]]] = {}
        if figures:
            for af in figures_of(store, desk.gazetteer, chunk, limit=None)[0]:
                found.setdefault(af.article_id, []).append(figure_json(af))
        themes = store.panels.themes_of(chunk)
        items = []
        for article in store.articles.get_many(chunk):
            item = article.to_json()
            item["figures"] = found.get(article.id, [])
            item["themes"] = themes.get(article.id, {})
            item["story"], item["story_size"] = story_sizes.get(article.id, (None, 1))
            if snippets is not None:
                item["snippet"] = snippets.get(article.id, "")
            items.append(item)
        desk.analyst.decorate_json(items)
        yield from items
