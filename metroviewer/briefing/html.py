"""A briefing as printable HTML: cover, sections per region, summaries, appendix of sources."""

from __future__ import annotations

import html

from .. import RESOURCES
from .article_html import summary_html
from .compose import Briefing

EXCERPT_CHARS = 360


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
    for section in b.sections:
        parts.append(f'<h2 class="section">{html.escape(section.heading)} '
                     f'<span class="count">({len(section.articles)})</span></h2>')
        for a in section.articles:
            parts.append(_article(a))
    parts.append('<h2 class="section">Appendix: sources</h2><table class="sources">')
    parts.extend(f"<tr><td>{html.escape(name)}</td><td>{n}</td></tr>" for name, n in b.sources)
    parts.append("</table>")
    return "\n".join(parts)


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
