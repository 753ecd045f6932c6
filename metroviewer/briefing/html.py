"""A briefing as printable HTML: cover, sections per region, summaries, appendix of sources."""

from __future__ import annotations

import html

from .. import RESOURCES
from ..figures.format import figure_value
from ..summary.data import PanelData
from .article_html import summary_html
from .compose import Briefing

EXCERPT_CHARS = 360
KEY_FIGURES = 40
# The summary charts, by the name the printer gives each image (ui/briefing_charts.py draws them).
CHARTS = (("months", "Articles per month"), ("sources", "Top sources"), ("regions", "Regions mentioned"),
          ("themes", "Theme mix"))
CHART_WIDTH = 520  # px in the document (the width of the text on A4); the image is drawn at twice that


def chart_height(name: str, panels: PanelData) -> int:
    """The height a chart is drawn at: bars get a fixed height each."""
    return 200 if name == "months" else max(60, 20 * len(panels.bars(name)) + 36)


def briefing_css() -> str:
    return (RESOURCES / "styles" / "briefing.css").read_text(encoding="utf-8")


def briefing_html(b: Briefing) -> str:
    first, last = b.date_range
    window = f"{b.since or first} – {b.until or last}" if (b.since or first) else "—"
    parts = [
        f"<style>{briefing_css()}</style>",
        '<div class="cover">',
        f"<h1>{html.escape(b.title)}</h1>",
        f'<p class="scope">{html.escape(b.scope)}</p>',
        '<table class="facts">',
        f"<tr><td>Date range</td><td>{html.escape(window)}</td></tr>",
        f"<tr><td>Articles</td><td>{b.article_count}</td></tr>",
        f"<tr><td>Sources</td><td>{len(b.sources)}</td></tr>",
        f"<tr><td>Compiled</td><td>{html.escape(b.created)}</td></tr>",
        "</table>",
    ]
    if b.truncated:
        parts.append('<p class="note">Only the first articles of each section are included; narrow the '
                     "dates or the search for a complete briefing.</p>")
    parts.append("</div>")
    if b.panels and b.panels.total:
        parts.extend(_summary(b.panels))
    for section in b.sections:
        parts.append(f'<h2 class="section">{html.escape(section.heading)} '
                     f'<span class="count">({len(section.articles)})</span></h2>')
        for a in section.articles:
            parts.append(_article(a))
    parts.append('<h2 class="section">Appendix: sources</h2><table class="sources">')
    parts.extend(f"<tr><td>{html.escape(name)}</td><td>{n}</td></tr>" for name, n in b.sources)
    parts.append("</table>")
    return "\n".join(parts)


def _summary(panels: PanelData) -> list[str]:
    """The summary panels as the window shows them: charts, then the key figures."""
    out = ['<h2 class="section">Summary</h2>']
    for name, title in CHARTS:
        if not (panels.months if name == "months" else panels.bars(name)):
            continue
        out.append(f'<h4 class="chart">{title}</h4>')
        out.append(f'<p class="chart"><img src="chart:{name}" width="{CHART_WIDTH}" '
                   f'height="{chart_height(name, panels)}"></p>')
    if panels.figures:
        out.append(f'<h4 class="chart">Key figures <span class="count">(from the newest {panels.figures_from} '
                   "articles)</span></h4>")
        out.append('<table class="figures"><tr><th>Figure</th><th>Measures</th><th>Year</th><th>Region</th>'
                   "<th>Article</th></tr>")
        for af in panels.figures[:KEY_FIGURES]:
            f = af.figure
            cells = (figure_value(f), f.label, str(f.year or ""), af.region_name, af.article_title)
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    return out


def _article(a) -> str:
    when = (a.published_at or "")[:16].replace("T", " ")
    meta = " · ".join(html.escape(x) for x in (a.source or a.source_raw, when, "、".join(a.regions[:6])) if x)
    out = [f'<h3 class="article">{html.escape(a.title)}</h3>', f'<p class="meta">{meta}</p>']
    if a.summary and (a.summary.groups or a.summary.core_viewpoint):
        out.append(summary_html(a.summary, [], [], heading_tag="h4"))
    else:
        text = " ".join(a.body.split())
        out.append(f'<p class="excerpt">{html.escape(text[:EXCERPT_CHARS])}{"…" if len(text) > EXCERPT_CHARS else ""}</p>')
    return "\n".join(out)
