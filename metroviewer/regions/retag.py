"""Re-tagging the whole store after the gazetteer changed, without re-importing."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..core.models import Summary
from ..core.search_text import index_body_source, indexed_text
from ..store.regions import RegionRepository
from .gazetteer import Gazetteer
from .tagger import RegionTagger


def retag_all(repo: RegionRepository, gazetteer: Gazetteer, progress: Callable[[int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Re-tag every article in place; returns how many were re-tagged."""
    repo.sync(gazetteer)
    tagger = RegionTagger(gazetteer)
    done = 0
    for rows in repo.articles_for_tagging():
        if cancelled and cancelled():
            break
        tagged = []
        texts = {}
        for aid, title, body, when, summary_json in rows:
            mentions = tagger.tag(title, body)
            tagged.append((aid, when, mentions, gazetteer.scope([m.region_id for m in mentions])))
            summary = Summary.from_dict(json.loads(summary_json)) if summary_json else None
            texts[aid] = indexed_text(title, index_body_source(body, summary))
        repo.replace_tags(tagged, texts)
        done += len(rows)
        if progress:
            progress(done)
    repo.recount()
    return done
