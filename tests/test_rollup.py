"""Roll-up counts and region filters: counted once per node, checked against an independent count."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict

import pytest

from bench.corpus import generate
from metroviewer.desk.retag import retag_all
from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store
from metroviewer.store.articles import ArticleFilter

from .conftest import ROOT, T1, T2


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    corpus = generate(folder / "docs", 3000, seed=11)
    store = Store(folder / "gen.db")
    report = ImportRun(store).run([folder / "docs"])
    yield corpus, store, report
    store.close()


def independent_counts(store: Store) -> dict[str, int]:
    """Walk the stored edges upward from each article's tags; count each article once per node."""
    parents = defaultdict(set)
    for parent, child in store.db.execute("SELECT parent, child FROM region_edges"):
        parents[child].add(parent)
    tags = defaultdict(set)
    for article_id, region_id in store.db.execute("SELECT article_id, region_id FROM article_regions"):
        tags[article_id].add(region_id)
    counts: dict[str, int] = defaultdict(int)
    for regions in tags.values():
        reached, stack = set(), list(regions)
        while stack:
            r = stack.pop()
            if r not in reached:
                reached.add(r)
                stack.extend(parents[r])
        for r in reached:
            counts[r] += 1
    return dict(counts)


def test_generated_corpus_imports_whole_and_tags_what_it_names(generated):
    corpus, store, report = generated
    assert report.added == len(corpus.articles) == 3000 and report.failed == []
    titles = {a.title: a.regions for a in corpus.articles}
    missing = 0
    for article in store.articles.get_many(store.articles.ids(limit=400)):
        want = {default_gazetteer().regions[r].name for r in titles[article.title]}
        missing += len(want - set(article.regions))
    assert missing == 0


def test_tree_counts_equal_an_independent_count(generated):
    _, store, _ = generated
    stored = {rid: total for rid, (total, _unread) in store.regions.counts().items() if total}
    assert stored == independent_counts(store)
    # A parent never counts an article twice, though it reaches it through two children.
    assert stored["成渝"] == store.articles.count(ArticleFilter(region="成渝"))


def test_unread_counts_follow_read_state(generated):
    _, store, _ = generated
    article_id = store.articles.page(ArticleFilter(region="成都"), limit=1)[0].id
    before = store.regions.counts()
    store.articles.set_read(article_id, True)
    after = store.regions.counts()
    scope = {r for (r,) in store.db.execute("SELECT region_id FROM article_scope WHERE article_id=?", [article_id])}
    assert "成都" in scope
    for region in scope:
        assert after[region][1] == before[region][1] - 1
    store.articles.set_read(article_id, False)
    assert store.regions.counts() == before


def test_retag_rebuilds_the_same_tags_and_counts(generated):
    _, store, _ = generated
    before = store.regions.counts()
    tags_before = store.db.execute("SELECT count(*) FROM article_regions").fetchone()[0]
    assert retag_all(store.regions, default_gazetteer()) == 3000
    assert store.regions.counts() == before
    assert store.db.execute("SELECT count(*) FROM article_regions").fetchone()[0] == tags_before


def run_cli(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, env=env,
                       timeout=120)
    return r


@pytest.mark.parametrize(("name", "expected"), [
    ("Deyang", [T1]), ("德阳", [T1]), ("成都都市圈", sorted([T1, T2])), ("Chengdu metropolitan area", sorted([T1, T2])),
    ("南京都市圈", [T2]),
])
def test_cli_region_filters(workflow_store_path, name, expected):
    r = run_cli("articles", "--region", name, "--db", str(workflow_store_path), "--json")
    assert r.returncode == 0, r.stderr
    assert sorted(a["title"] for a in json.loads(r.stdout)) == expected


def test_cli_regions_and_stats_show_counts(sample_store_path):
    tree = json.loads(run_cli("regions", "--db", str(sample_store_path), "--json").stdout)
    chengyu = next(n for n in tree if n["name"] == "成渝")
    metro = next(n for n in chengyu["children"] if n["name"] == "成都都市圈")
    assert metro["articles"] == 2 and {c["name"] for c in metro["children"]} >= {"成都", "德阳", "眉山", "资阳"}
    stats = json.loads(run_cli("stats", "--db", str(sample_store_path), "--json").stdout)
    assert stats["articles"] == 5 and stats["documents"] == 4
    per_region = {r["name"]: r["articles"] for r in stats["regions"]}
    assert per_region["成都都市圈"] == 2 and per_region["德阳"] == 1
