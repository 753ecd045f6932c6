"""Hostile files within stated limits: big files, zip bombs, huge titles and texts, links out of
the folder, Chinese UTF-16 without a BOM; each refused or cut with a plain reason, the rest of
the folder imported."""

from __future__ import annotations

import io
import os
import zipfile

from metroviewer.core import limits
from metroviewer.ingest import binary_docs, prepare, walk
from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store


def reasons(report) -> dict[str, str]:
    return {os.path.basename(f.path): f.reason for f in report.failed}


def test_files_over_the_size_limit_are_refused_and_the_rest_imported(tmp_path, monkeypatch):
    monkeypatch.setattr(walk, "MAX_FILE_BYTES", 4096)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "big.txt").write_text("成都都市圈" * 3000, encoding="utf-8")
    (folder / "small.md").write_text("# 德阳快讯\n\n德阳与成都同城化。", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([folder])
        assert report.added == 1
        assert reasons(report)["big.txt"].startswith("the file is too large")


def test_a_word_document_that_unpacks_to_too_much_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(binary_docs, "MAX_DOCX_UNPACKED_BYTES", 100_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + " " * 5_000_000 + "</w:document>")
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 50_000
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([bomb])
    assert reasons(report)["bomb.docx"] == "the Word document unpacks to 4 MB; the limit is 0 MB"


def test_a_huge_title_and_text_are_cut_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "MAX_BODY_CHARS", 5000)
    doc = tmp_path / "long.md"
    doc.write_text("# " + "长" * 2000 + "\n\n" + "成都都市圈建设。" * 2000, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ImportRun(store, workers=0).run([doc])
        [article] = store.articles.get_many(store.articles.ids())
    assert len(article.title) == limits.MAX_TITLE_CHARS and article.title.endswith("…")
    assert len(article.body) < 5200 and "MetroViewer keeps the first 5,000 characters" in article.body


def test_links_out_of_the_imported_folder_are_not_followed(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("不该导入的文件内容，成都。", encoding="utf-8")
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "ok.txt").write_text("成都都市圈快讯\n\n成都与德阳同城化。", encoding="utf-8")
    (folder / "to-secret.txt").symlink_to(outside / "secret.txt")
    (folder / "to-etc").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "ok.txt")
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([folder])
        titles = [a.title for a in store.articles.get_many(store.articles.ids())]
    assert titles == ["成都都市圈快讯"]
    failed = reasons(report)
    assert failed["to-secret.txt"].endswith("outside the imported folders: not followed")
    assert failed["to-etc"].endswith("outside the imported folders: not followed")
    with Store(tmp_path / "t.db") as store:
        report = ImportRun(store, workers=0, follow_outside_links=True).run([folder])
        assert report.added == 2 and not report.failed


def test_chinese_utf16_without_a_bom_is_read(tmp_path):
    text = "成都都市圈同城化快讯\n\n成都、德阳、眉山、资阳四市签署协议，推进交通互联。"
    for name, encoding in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        (tmp_path / name).write_bytes(text.encode(encoding))
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([tmp_path / "le.txt", tmp_path / "be.txt"])
        titles = [a.title for a in store.articles.get_many(store.articles.ids())]
    assert not report.failed and titles.count("成都都市圈同城化快讯") >= 1 and report.duplicates + report.added == 2


def test_front_matter_with_yaml_tags_is_dropped_not_taken_for_the_title(tmp_path):
    (tmp_path / "tag.md").write_text('---\ntitle: !!python/object/apply:os.system ["echo hi"]\n---\n\n'
                                     "成都都市圈通勤圈扩大。\n", encoding="utf-8")
    (tmp_path / "doc-tag.md").write_text("--- !custom\ntitle: 德阳快讯\n---\n德阳与成都同城化。\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([tmp_path])
        titles = sorted(a.title for a in store.articles.get_many(store.articles.ids()))
    assert not report.failed and titles == ["德阳快讯", "成都都市圈通勤圈扩大。"]


def test_a_newline_in_a_file_name_cannot_split_a_report_line(tmp_path):
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, workers=0).run([tmp_path])
    failed_lines = [line for line in report.as_text().split("\n") if line.startswith("  ")]
    assert failed_lines == [f"  {tmp_path}/bad\\nname.txt: the file is empty"]
