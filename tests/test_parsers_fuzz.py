"""Parsers never raise on arbitrary input, and what they return comes from the input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from metroviewer.core.dates import parse_date
from metroviewer.ingest.encoding import decode_text
from metroviewer.ingest.errors import UnreadableFile
from metroviewer.ingest.plain import parse_markdown, parse_plain
from metroviewer.ingest.readers import read_document
from metroviewer.ingest.summary import parse_summary
from metroviewer.ingest.workflow import parse_workflow

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
LINES = st.lists(st.one_of(TEXT, st.sampled_from(["Workflow", "icon", "Search documents",
                                                  "Xin Lang Cai Jing· 2025-12-22 18:17", "---", "# 标题",
                                                  "Core Viewpoint - x [1]", "Group 1: A - b", "title: x"])),
                 max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_workflow_parser_takes_titles_from_the_input(text):
    for article in parse_workflow(text):
        assert article.title in text
        assert article.source_raw in text


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_markdown_and_plain_never_raise(text):
    try:
        md = parse_markdown(text)
        plain = parse_plain(text)
    except UnreadableFile as e:  # a hostile front matter (YAML aliases, oversized): refused with a reason
        assert e.reason
        return
    assert all(part in text for part in plain.title.rstrip("…").split()[:1])
    assert isinstance(md.title, str)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_summary_and_dates_never_raise(text):
    parse_summary(text)
    parse_date(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".pdf", ".docx", ".xyz"]))
def test_any_bytes_read_or_fail_with_a_reason(data, ext):
    try:
        parsed = read_document(Path("fuzz" + ext), data)
    except UnreadableFile as e:
        assert e.reason
        return
    for article in parsed.articles:
        assert isinstance(article.title, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_never_raises_anything_but_unreadable(data):
    try:
        text, _ = decode_text(data)
    except UnreadableFile:
        return
    assert "\r" not in text
