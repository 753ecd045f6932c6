"""Every import format, from fixtures the tests make themselves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from metroviewer.ingest.run import ImportRun

from .conftest import by_title

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>成都都市圈轨道交通加速成网 - 四川新闻网</title>
<meta property="article:published_time" content="2025-06-18T09:30:00+08:00">
<meta name="author" content="四川日报">
<style>.x { color: red }</style>
<script>window.tracker = function () { document.write("TRACKING CODE"); };</script>
</head><body>
<nav class="main-nav"><a href="/">首页</a><a href="/news">新闻中心</a><a href="/login">登录注册</a></nav>
<div class="breadcrumb">首页 &gt; 财经 &gt; 正文</div>
<article>
<h1>成都都市圈轨道交通加速成网</h1>
<p>记者从成都市交通运输局获悉，成都都市圈市域铁路建设进入快车道，成德S11线已开通运营，成眉S5线、成资S3线同步推进。</p>
<p>截至目前，成都与德阳、眉山、资阳之间日均开行城际列车超过120对，实现半小时通勤，同城化效应日益凸显。</p>
<p>下一步，四市将共同编制都市圈多层次轨道交通规划，推动公交化运营和票制互认，预计2027年形成完整网络。</p>
</article>
<div class="qrcode-box"><img src="https://example.com/qr.png"><p>扫码关注官方微信，获取更多资讯</p></div>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<div id="comments"><h3>网友评论</h3><p>这条线路太方便了！COMMENT TEXT</p></div>
<footer>版权所有 © 四川新闻网 COPYRIGHT FOOTER</footer>
<script>trackPageView();</script>
</body></html>
"""

SAVED_WEB_ARTICLE = """---
title: "南京都市圈一体化发展迈出新步伐"
author: "新华日报"
date: "Mon, 08 Aug 2022 10:41:25 GMT"
url: "https://example.com/nanjing"
---

<p>南京都市圈八市共同签署新一轮合作协议，聚焦交通、产业和公共服务三大领域。</p>
<div class="img-wrapper"><img src="https://example.com/pic.jpg" alt="签约现场"><span>签约现场 IMAGE CAPTION</span></div>
<!-- editor comment: REMOVE ME -->
<p>根据协议，宁镇扬三市将加快建设同城化交通网络，推动滁州、马鞍山更好融入南京都市圈。</p>
<p>协议还提出，到2025年都市圈内基本实现公共服务便利共享，异地就医直接结算全面覆盖。</p>
<p>（责任编辑：张三）</p>
<style>.img-wrapper { width: 100%; } STYLE RULES</style>
"""


def import_one(store, path: Path):
    report = ImportRun(store).run([path])
    assert report.failed == [], report.failed
    articles = by_title(store)
    assert len(articles) == 1
    return next(iter(articles.values()))


def test_html_gives_the_main_text_only(store, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    article = import_one(store, page)
    assert article.title.startswith("成都都市圈轨道交通加速成网")
    assert article.source == "四川日报"
    assert article.published_at == "2025-06-18T09:30:00"
    assert "成德S11线已开通运营" in article.body and "预计2027年形成完整网络" in article.body
    for junk in ("TRACKING", "扫码关注", "分享到", "COMMENT TEXT", "COPYRIGHT FOOTER", "登录注册", "color: red"):
        assert junk not in article.body, junk
    assert {"成都都市圈", "德阳"} <= set(article.regions)


def test_saved_web_article_markdown_with_html_body(store, tmp_path):
    page = tmp_path / "saved.md"
    page.write_text(SAVED_WEB_ARTICLE, encoding="utf-8")
    article = import_one(store, page)
    assert article.title == "南京都市圈一体化发展迈出新步伐"
    assert article.source == "新华日报"
    assert article.published_at.startswith("2022-08-08")
    assert "宁镇扬三市将加快建设同城化交通网络" in article.body
    for junk in ("<p>", "<img", "REMOVE ME", "STYLE RULES", "width: 100%", "责任编辑", "https://"):
        assert junk not in article.body, junk
    assert {"南京都市圈", "南京", "镇江", "扬州", "滁州", "马鞍山"} <= set(article.regions)


def test_docx_title_source_date_and_paragraphs(store, tmp_path):
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.author = "21世纪经济报道"
    document.core_properties.created = dt.datetime(2024, 3, 5, 8, 0)
    document.add_heading("合肥都市圈获批建设方案", level=1)
    document.add_paragraph("合肥都市圈包括合肥、淮南、六安、滁州、芜湖、马鞍山、蚌埠和桐城。")
    document.add_heading("产业协同", level=2)
    document.add_paragraph("新能源汽车产业链成为都市圈协同的重点。")
    path = tmp_path / "plan.docx"
    document.save(path)
    article = import_one(store, path)
    assert article.title == "合肥都市圈获批建设方案"
    assert article.source == "21世纪经济报道"
    assert article.published_at.startswith("2024-03-05")
    assert "新能源汽车产业链" in article.body and "产业协同" in article.body
    assert "合肥都市圈" in article.regions


def write_pdf(path: Path, title: str, paragraphs: list[str]) -> None:
    """A PDF with a text layer, written with Qt's PDF writer and the bundled CJK font."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    from metroviewer.ui.fonts import CJK_FAMILY, register_fonts

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(title)
    writer.setCreator("MetroViewer tests")
    doc = QTextDocument()
    doc.setDefaultFont(QFont(CJK_FAMILY, 11))
    doc.setHtml(f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs))
    doc.print_(writer)


def test_pdf_text_layer(store, tmp_path):
    path = tmp_path / "report.pdf"
    write_pdf(path, "西安都市圈发展报告", ["西安都市圈包括西安、咸阳、铜川和渭南的部分区县。",
                                     "2024年都市圈地区生产总值达1.5万亿元。"])
    article = import_one(store, path)
    assert article.title == "西安都市圈发展报告"
    assert "咸阳" in article.body and "1.5万亿元" in article.body
    assert "西安都市圈" in article.regions


def test_json_and_json_lines(store, tmp_path):
    (tmp_path / "feed.json").write_text(json.dumps({"items": [
        {"title": "郑州都市圈扩容", "content": "郑州都市圈由1+4扩展为1+8。", "source": "Xin Hua She",
         "published_at": "2023-10-12 10:00", "url": "https://example.com/1"},
        {"headline": "Shenzhen metro area plan", "body": "Shenzhen, Dongguan and Huizhou will share transit.",
         "date": "2023-11-02"},
    ]}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"title": "济南都市圈获批", "text": "济南都市圈覆盖淄博、泰安等地。", "pubDate": "2024-01-05"},
                   ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    report = ImportRun(store).run([tmp_path])
    assert report.added == 3 and report.failed == []
    articles = by_title(store)
    zz = articles["郑州都市圈扩容"]
    assert (zz.source, zz.source_raw, zz.published_at) == ("新华社", "Xin Hua She", "2023-10-12T10:00:00")
    assert {"深圳", "东莞", "惠州"} <= set(articles["Shenzhen metro area plan"].regions)
    assert articles["济南都市圈获批"].published_at == "2024-01-05T00:00:00"


def test_a_folder_of_bad_files_imports_the_rest_and_reports_each(store, tmp_path):
    from pypdf import PdfWriter

    folder = tmp_path / "inbox"
    folder.mkdir()
    good = folder / "good.md"
    good.write_text("# 长株潭都市圈\n\n长沙、株洲、湘潭三市联动。", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(os.urandom(2048))
    plain_pdf = tmp_path / "plain.pdf"
    write_pdf(plain_pdf, "secret", ["password protected text"])
    writer = PdfWriter(clone_from=str(plain_pdf))
    writer.encrypt("secret-password")
    with open(folder / "locked.pdf", "wb") as f:
        writer.write(f)
    scan = PdfWriter()
    scan.add_blank_page(595, 842)
    with open(folder / "scan.pdf", "wb") as f:
        scan.write(f)
    os.symlink(folder / "gone.md", folder / "link.md")
    os.mkfifo(folder / "pipe.md")
    report = ImportRun(store).run([folder])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert reasons == {
        "empty.txt": "the file is empty",
        "fake.pdf": "the file is named .pdf but is not a PDF",
        "locked.pdf": "the PDF is encrypted (password protected)",
        "scan.pdf": "the PDF has no text layer (a scan?); run OCR on it first",
        "link.md": "a broken symbolic link (its target does not exist)",
        "pipe.md": "a named pipe, not a file",
    }
    assert report.added == 1 and list(by_title(store)) == ["长株潭都市圈"]


@pytest.mark.parametrize("name", ["notes.xyz", "image.png"])
def test_unsupported_files_given_directly_are_refused_with_a_reason(store, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"hello")
    report = ImportRun(store).run([path])
    assert report.failed[0].reason.startswith("not a supported document type")


def test_a_file_name_that_is_not_utf8_imports(store, tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/\xff\xfe-report.md"
    with open(raw, "wb") as f:
        f.write("# 宁波都市圈\n\n宁波、舟山、台州协同。".encode())
    report = ImportRun(store).run([tmp_path])
    assert report.added == 1 and report.failed == []
    assert "\\xff\\xfe-report.md" in by_title(store)["宁波都市圈"].document
