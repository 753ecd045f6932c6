"""`articles --json` and briefings read articles in batches: the statements run do not grow with
the number of articles, and what they give is what per-article reads gave."""

from __future__ import annotations

import io
import json

import pytest

import metroviewer.store.db as store_db
from bench.corpus import generate
from metroviewer.briefing.compose import compose_briefing
from metroviewer.cli import main as cli_main
from metroviewer.cli import write_json
from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store
from metroviewer.summary import data as summary_data


@pytest.fixture(scope="module")
def generated_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batched")
    generate(folder / "docs", 150, seed=31)
    path = folder / "batched.db"
    with Store(path) as store:
        ImportRun(store).run([folder / "docs"])
    return path


@pytest.fixture
def statements(monkeypatch):
    """Counts the SQL statements of every store connection opened meanwhile."""
    count = [0]
    connect = store_db._connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(lambda _sql: count.__setitem__(0, count[0] + 1))
        return conn

    monkeypatch.setattr(store_db, "_connect", traced)
    return count


def test_articles_json_reads_in_batches_and_gives_every_field(generated_db, statements, capsys):
    assert cli_main(["articles", "--json", "--db", str(generated_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 150
    assert statements[0] < 150, "a statement or more per article"
    with Store(generated_db) as store:
        for item in data[::25]:
            article = store.articles.get(item["id"])
            assert (item["title"], item["regions"]) == (article.title, article.regions) and article.regions
            row = store.db.execute("SELECT themes FROM articles WHERE id = ?", [item["id"]]).fetchone()
            assert item["themes"] == json.loads(row[0])
    assert sum(len(item["figures"]) for item in data) > 0


def test_the_text_list_reads_no_figures_and_says_the_same_articles(generated_db, capsys, monkeypatch):
    cli_main(["articles", "--json", "--db", str(generated_db)])
    titles = [item["title"] for item in json.loads(capsys.readouterr().out)]

    def no_figures(*_args):
        raise AssertionError("the text list read figures")

    monkeypatch.setattr(summary_data, "article_figures", no_figures)
    assert cli_main(["articles", "--db", str(generated_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 150 and all(title in line for title, line in zip(titles, lines, strict=True))


def test_briefing_by_theme_reads_themes_in_batches(generated_db, statements):
    with Store(generated_db) as store:
        before = statements[0]
        briefing = compose_briefing(store, default_gazetteer(), group_by="theme")
        assert briefing.article_count > 100
        assert statements[0] - before < briefing.article_count, "a statement or more per article"
        assert {a.id for s in briefing.sections for a in s.articles} == set(store.stories.one_per_story(
            store.articles.ids(limit=501)))


def test_json_is_written_as_json_dump_writes_it():
    for data in ([{"a": [1, {"b": "x\ny", "c": "都市圈"}], "d": {}}, {"e": []}], [], {"k": [1, 2]}, [1, "s"]):
        out = io.StringIO()
        write_json(data, out)
        assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
