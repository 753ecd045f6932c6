"""Re-tagging the whole store after the gazetteer changed, without re-importing."""

from __future__ import annotations

from collections.abc import Callable

from ..core.search_text import index_body_source
from ..figures.codec import encode_themes
from ..ingest.prepare import analyse
from ..regions.gazetteer import Gazetteer
from ..regions.tagger import RegionTagger
from ..store.regions import RegionRepository


def retag_all(repo: RegionRepository, gazetteer: Gazetteer, progress: Callable[[int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Re-tag every article in place; returns how many were re-tagged."""
    repo.sync(gazetteer)
    repo.start_retag()
    tagger = RegionTagger(gazetteer)
    done = 0
    for rows in repo.articles_for_tagging():
        if cancelled and cancelled():
            break
        tagged = []
        texts = {}
        analysed = []
        about_scopes = {}
        positions = {}
        for aid, title, body, when, summary_json in rows:
            indexed_body = index_body_source(body, summary_json)
            # Figures name regions too: they are read again with the tags.
            analysis = analyse(title, indexed_body, tagger)
            mentions = analysis.mentions
            tagged.append((aid, when, mentions, gazetteer.scope([m.region_id for m in mentions])))
            about_scopes[aid] = gazetteer.scope([m.region_id for m in mentions if m.about])
            texts[aid] = analysis.index_entry()
            positions[aid] = analysis.positions_json()
            analysed.append((aid, encode_themes(analysis.themes)))
        repo.replace_tags(tagged, texts, analysed, about_scopes, positions)
        done += len(rows)
        if progress:
            progress(done)
    if cancelled and cancelled():
        repo.recount()  # the counts follow the tags written so far; the store stays marked unfinished
    else:
        repo.finish_retag()
    return done
