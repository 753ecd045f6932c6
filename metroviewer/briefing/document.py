"""A briefing as a sequence of blocks (headings, paragraphs, lists, tables, charts), the one shape
the PDF (ui/briefing_pages.py), Word (docx.py) and Markdown (markdown.py) copies are written
from, so the three hold the same headings, tables and pictures. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core.models import Article, Figure
from ..figures.format import figure_value
from .compose import Briefing
from .excerpt import excerpt
from .labels import Labels

Run = tuple[str, bool]  # text, bold
SOURCES_PER_TABLE = 30  # the sources appendix in tables of this many rows, so none is split
FIGURES_PER_ARTICLE = 4
CHART_WIDTH = 520  # px at 96 dpi: the text width of A4 with its default margins
# The summary charts: name (ui/briefing_charts.py draws each) and title.
CHARTS = (("months", "Articles per month"), ("sources", "Top sources"), ("regions", "Regions mentioned"),
          ("themes", "Theme mix"))
CHART_BARS = 10


@dataclass
class Heading:
    level: int  # 0 the title, 1 a part (in the contents), 2 a sub-part, 3 an article
    text: str
    count: int | None = None  # shown after the text, e.g. a section's articles

    @property
    def in_contents(self) -> bool:
        return self.level == 1

    @property
    def full_text(self) -> str:
        return f"{self.text} ({self.count})" if self.count is not None else self.text


@dataclass
class Para:
    runs: list[Run]
    style: str = "body"  # body | scope | meta | small | note

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)


@dataclass
class Items:
    """A numbered list."""

    items: list[list[Run]]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    style: str = "data"  # data | facts (no header row)


@dataclass
class Chart:
    name: str
    title: str
    width: int
    height: int
    kind: str  # months | bars
    items: list[tuple[str, int]]  # (month or label, count)
    tick: Callable[[str], str] | None = None  # a month's label on the axis


@dataclass
class Keep:
    """Blocks printed together on one page (an article: title, meta, text)."""

    blocks: list[Block]


@dataclass
class PageBreak:
    pass


@dataclass
class Contents:
    """Where the table of contents goes (filled in once the pages are known)."""

    title: str


Block = Heading | Para | Items | Table | Chart | Keep | PageBreak | Contents


@dataclass
class BriefingDocument:
    title: str
    scope: str
    compiled: str  # the date, as the footer shows it
    language: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def labels(self) -> Labels:
        return Labels(self.language)

    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, Chart)]


def chart_height(kind: str, bars: int) -> int:
    """Bars get a fixed height each; the months chart a fixed height."""
    return 200 if kind == "months" else max(60, 20 * bars + 36)


def briefing_document(b: Briefing) -> BriefingDocument:
    t = b.labels
    doc = BriefingDocument(b.title, b.scope, t.date(b.created[:10]), b.language)
    add = doc.blocks.append
    add(Heading(0, b.title))
    add(Para([(b.scope, False)], "scope"))
    first, last = b.date_range
    start, end = b.since or first, b.until or last
    period = f"{t.date(start)} – {t.date(end)}" if start else "—"
    add(Table([], [[t("Date range"), period], [t("Articles"), str(b.article_count)],
                   [t("Sources"), str(len(b.sources))], [t("Compiled"), t.date_time(b.created)]], "facts"))
    if b.truncated:
        add(Para([(t("Only the first articles of each section are included; narrow the dates or the search for a "
                     "complete briefing."), False)], "note"))
    doc.blocks.extend(_executive_summary(b, t))
    doc.blocks.append(PageBreak())
    doc.blocks.append(Contents(t("Contents")))
    doc.blocks.extend(_charts(b, t))
    for section in b.sections:
        add(Heading(1, section.heading, len(section.articles)))
        for a in section.articles:
            add(_article(a, b.figures.get(a.id, []), t, b.notes.get(a.id, [])))
    if b.sources:
        add(Heading(1, t("Appendix: sources")))
        rows = [[name, str(n)] for name, n in b.sources]
        for i in range(0, len(rows), SOURCES_PER_TABLE):
            add(Table([t("Source"), t("Articles")], rows[i:i + SOURCES_PER_TABLE]))
    return doc


def _executive_summary(b: Briefing, t: Labels) -> list[Block]:
    out: list[Block] = [Heading(1, t("Executive summary"))]
    if b.new_since is not None:
        new = b.new_since
        out.append(Heading(2, t("What is new since the previous briefing ({0})", t.date(new.previous))))
        if new.count:
            titles = "；".join(a.title for a in new.articles) if t.zh else "; ".join(a.title for a in new.articles)
            out.append(Para([(t("{0} new articles; newest: {1}", new.count, titles), False)]))
        else:
            out.append(Para([(t("No new articles."), False)]))
    if b.key_figures:
        out.append(Heading(2, t("Key figures")))
        out.append(Table([t("Region"), t("Measure"), t("Latest"), t("Year"), t("Source")],
                         [[r.region, r.measure, r.value, r.year, r.source] for r in b.key_figures]))
    if b.top_stories:
        out.append(Heading(2, t("Top stories")))
        items = []
        for story in b.top_stories:
            a = story.article
            meta = " · ".join(x for x in (a.source or a.source_raw, t.date(a.published_at)) if x)
            if story.sources > 1:
                meta += " · " + t("{0} sources", story.sources)
            items.append([(a.title, True), (f" — {meta}", False)])
        out.append(Items(items))
    if b.milestones:
        out.append(Heading(2, t("Milestones")))
        out.append(Table([t("Date"), t("Region"), t("Event"), t("Source")],
                         [[t.date(m.when), m.region, m.event, m.source] for m in b.milestones]))
    return out


def _charts(b: Briefing, t: Labels) -> list[Block]:
    panels = b.panels
    if panels is None or not panels.total:
        return []
    out: list[Block] = [Heading(1, t("Overview in charts"))]
    for name, title in CHARTS:
        if name == "months":
            items = list(panels.months)
            chart = Chart(name, t(title), CHART_WIDTH, chart_height("months", 0), "months", items, t.month)
        else:
            items = panels.bars(name)[:CHART_BARS]
            chart = Chart(name, t(title), CHART_WIDTH, chart_height("bars", len(items)), "bars", items)
        if items:
            out.extend([Heading(2, chart.title), chart])
    return out


def _article(a: Article, figures: list[Figure], t: Labels, notes: list[Any] | None = None) -> Keep:
    meta = " · ".join(x for x in (a.source or a.source_raw, t.date_time(a.published_at), t.join(a.regions[:6])) if x)
    blocks: list[Block] = [Heading(3, a.title), Para([(meta, False)], "meta")]
    if a.other_versions:  # the story's other sources, once each
        others = list(dict.fromkeys(v.source for v in a.other_versions if v.source and v.source != a.source))
        if others:
            blocks.append(Para([(t("Also carried by: {0}", t.join(others)), False)], "small"))
    text = excerpt(a)
    if text:
        blocks.append(Para(marked(text, [f.text for f in figures if f.text])))
    shown = _figures_line(figures, t)
    if shown:
        blocks.append(Para([(t("Figures: {0}", shown), False)], "small"))
    if a.summary and a.summary.groups:
        blocks.append(Para([(t("Covers: {0}", t.join([g.heading for g in a.summary.groups])), False)], "small"))
    blocks.extend(_notes(notes or [], t))
    return Keep(blocks)


def _notes(notes: list[Any], t: Labels) -> list[Block]:
    """The user's highlights and notes on an article, beside it."""
    out: list[Block] = []
    for n in notes:
        runs: list[Run] = []
        if n.quote:
            runs.append((t("Highlight: “{0}”", n.quote), True))
        if n.text:
            runs.append(((" — " if runs else "") + t("Note: {0}", n.text), False))
        out.append(Para(runs, "note"))
    return out


def _figures_line(figures: list[Figure], t: Labels) -> str:
    """The article's measured figures (not its milestones, which the timeline has), each once."""
    seen: list[str] = []
    for f in figures:
        if f.kind == "milestone" or f.value is None:
            continue
        value = figure_value(f, t.language)
        measure = t(f.measure) if f.measure else f.label
        year = (f"（{f.year}年）" if t.zh else f" ({f.year})") if f.year else ""
        shown = f"{measure} {value}{year}".strip()
        if shown not in seen:
            seen.append(shown)
        if len(seen) == FIGURES_PER_ARTICLE:
            break
    return t.join(seen) if t.zh else "; ".join(seen)


def marked(text: str, needles: list[str]) -> list[Run]:
    """`text` as runs, the figures found in it in bold."""
    spans: list[tuple[int, int]] = []
    for needle in sorted(set(needles), key=len, reverse=True):
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(needle, end)
    runs: list[Run] = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            runs.append((text[pos:s], False))
        runs.append((text[s:e], True))
        pos = e
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs
