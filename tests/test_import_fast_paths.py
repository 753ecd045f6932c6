"""The quicker paths of the import give what the plain ones gave (issue 18): front matter read
by libyaml, the skip list matched at once, files sent to the workers in chunks, a batch's
document rows written together."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest
import yaml

from bench.corpus import generate
from metroviewer.ingest import frontmatter
from metroviewer.ingest.errors import UnreadableFile
from metroviewer.ingest.not_articles import NOT_ARTICLE_NAMES, matching_pattern
from metroviewer.ingest.parallel import prepare_in_workers
from metroviewer.ingest.prepare import ArticlePreparer
from metroviewer.ingest.run import ImportRun
from metroviewer.ingest.walk import find_files
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store

BLOCKS = [
    "---\ntitle: \"成都与德阳签署协议（3）\"\ndate: 2024-05-28 10:30\nsource: 新华社\n---\n\n正文。",
    "---\ntitle: Plain title\ndate: 2024-05-28\ntags: [成都, 德阳]\nurl: https://example.com/a?b=1\n---\nbody",
    "---\ntitle: 'single quoted: colon'\nnested:\n  name: 四川日报\n  n: 3\nflag: yes\n---\nbody",
    "---\n# a comment\ntitle: >\n  folded\n  text\ndate: 2024-05-28T01:30:00Z\n---\nbody",
]


@pytest.mark.parametrize("text", BLOCKS)
def test_front_matter_reads_the_same_with_libyaml_as_with_the_pure_loader(text, monkeypatch):
    fast = frontmatter.split_front_matter(text)
    monkeypatch.setattr(frontmatter, "_FAST_LOADER", None)
    assert fast == frontmatter.split_front_matter(text)


def test_an_alias_is_refused_whichever_loader_could_read_it():
    assert yaml.__with_libyaml__  # the quick path is taken on this machine
    with pytest.raises(UnreadableFile, match="anchors or aliases"):
        frontmatter.split_front_matter("---\ntitle: &t 成都\nsource: *t\n---\nbody")


def test_the_skip_list_matches_as_pattern_by_pattern_did():
    names = ["README.md", "readme", "x.md", "._foo", "a~", "Icon\r", "LICENSE-MIT", "foo.TMP", "changes.md",
             "changes.rst2", "note1.md", "Thumbs.db", "desktop.INI", "~$doc.docx", ".~lock.a.odt#", "成都.md"]
    for name in names:
        expected = next((p for p in NOT_ARTICLE_NAMES if fnmatch.fnmatchcase(name.lower(), p.lower())), None)
        assert matching_pattern(name, NOT_ARTICLE_NAMES) == expected, name
    assert matching_pattern("README.md", []) is None


def test_files_come_back_from_the_workers_in_order_whatever_the_chunk_size(tmp_path):
    generate(tmp_path / "docs", 21, seed=3, shape="single")
    candidates = list(find_files([tmp_path / "docs"]))
    here = [ArticlePreparer(default_gazetteer()).prepare_file(c) for c in candidates]
    for chunk_files, in_flight in ((1, 4), (5, 12)):  # chunks of one; chunks that end short
        prepared = list(prepare_in_workers(candidates, default_gazetteer(), workers=2, in_flight=in_flight,
                                           chunk_files=chunk_files))
        assert [p.path for p in prepared] == [p.path for p in here]
        assert [[a.title for a in p.articles] for p in prepared] == [[a.title for a in p.articles] for p in here]


def test_a_batch_of_new_and_known_files_keeps_one_document_row_each(tmp_path):
    generate(tmp_path / "docs", 30, seed=4, shape="single")
    store = Store(tmp_path / "s.db")
    first = ImportRun(store, workers=0).run([tmp_path / "docs"])
    changed = sorted((tmp_path / "docs").rglob("*.md"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n成都新增一段。\n", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("---\ntitle: 新的一篇\n---\n\n成都与德阳加快同城化。", encoding="utf-8")
    second = ImportRun(store, workers=0).run([tmp_path / "docs", tmp_path / "docs" / "new.md"])
    assert (first.added, second.added, second.updated) == (30, 1, 1)
    rows = store.db.execute("SELECT path, count(*) FROM documents GROUP BY path").fetchall()
    assert len(rows) == 31 and all(n == 1 for _path, n in rows)
    orphans = store.db.execute("SELECT count(*) FROM articles WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans.fetchone()[0] == 0
    assert Path(str(tmp_path / "docs" / "new.md")).name in {Path(p).name for p, _n in rows}
    store.close()
