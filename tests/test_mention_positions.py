"""Region mentions are kept from the import: figures read them instead of tagging again."""

from __future__ import annotations

from metroviewer.core.search_text import index_body_source
from metroviewer.desk import Desk
from metroviewer.figures.extract import article_figures
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger
from metroviewer.summary import data as summary_data

from .conftest import T1


def figures_as_tagged(store, ids):
    tagger = RegionTagger(default_gazetteer())
    out = []
    for aid, title, body, summary, *_rest in store.panels.texts(ids):
        out += [(aid, f.text, f.region_id, f.year) for f in article_figures(title, index_body_source(body, summary),
                                                                           tagger)]
    return out


def test_figures_use_the_imports_positions_and_match_tagging_again(sample_store, monkeypatch):
    ids = sample_store.articles.ids()
    assert all(row[6] for row in sample_store.panels.texts(ids))  # every article's positions were kept
    expected = figures_as_tagged(sample_store, ids)

    def no_tagging(*_args, **_kwargs):
        raise AssertionError("tagged again")

    monkeypatch.setattr(RegionTagger, "positions_folded", no_tagging)
    found, _ = summary_data.figures_of(sample_store, default_gazetteer(), ids, limit=None)
    got = [(af.article_id, af.figure.text, af.figure.region_id, af.figure.year) for af in found]
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert any(f.figure.region_id == "南京都市圈" and f.figure.year == 2024 for f in found)


def test_an_edited_title_drops_the_positions_and_figures_stay_right(sample_store_path):
    with Desk(sample_store_path) as desk:
        desk.open()
        target = next(r.id for r in desk.page(desk.article_filter()) if r.title == T1)
        before = [(f["text"], f["region"]) for f in desk.articles_json([target])[0]["figures"]]
        desk.edit(target, title="成渝资本西进")
        assert desk.store().panels.texts([target])[0][6] is None
        after = [(f["text"], f["region"]) for f in desk.articles_json([target])[0]["figures"]]
        assert after == before and ("1GWh", "成都") in after
