"""One article as HTML for the reader: title, meta, region chips, structured summary, body.

All text is escaped; the links are `region:<id>` chips, the `file:` link to the original
document, the article's original address (shown; the reader hands it to the system browser
only when clicked, and loads nothing itself) and the `references:` toggle of a paper's
reference list, so nothing remote is ever loaded.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from ..core.models import Article, Summary
from ..core.search_text import highlight_spans
from ..core.text import fold
from .labels import Labels

_CITATION = re.compile(r"((?:\[\d+\])+)")
_WEB_ADDRESS = re.compile(r"^https?://\S+$", re.IGNORECASE)


def _marked(text: str, search_terms: list[str], region_names: list[str]) -> str:
    """Escaped text with search hits and region mentions wrapped in spans."""
    spans = [(s, e, "hit") for s, e in highlight_spans(text, search_terms)]
    taken = [(s, e) for s, e, _ in spans]
    for s, e in highlight_spans(text, [fold(n) for n in region_names]):
        if not any(s < te and ts < e for ts, te in taken):
            spans.append((s, e, "region"))
    spans.sort()
    out, pos = [], 0
    for s, e, kind in spans:
        if s < pos:
            continue
        out.append(_escape_with_citations(text[pos:s]))
        out.append(f'<span class="{kind}">{html.escape(text[s:e])}</span>')
        pos = e
    out.append(_escape_with_citations(text[pos:]))
    return "".join(out)


def _escape_with_citations(text: str) -> str:
    parts = _CITATION.split(text)
    return "".join(f'<span class="cite">{html.escape(p)}</span>' if i % 2 else html.escape(p)
                   for i, p in enumerate(parts))


def summary_html(summary: Summary, terms: list[str], regions: list[str], *, heading_tag: str = "h3",
                 t: Labels | None = None) -> str:
    t = t or Labels("en")
    parts = []
    if summary.core_viewpoint:
        parts.append(f'<{heading_tag} class="core">{html.escape(t(summary.label or "Core viewpoint"))}</{heading_tag}>')
        parts.append(f'<p class="core">{_marked(summary.core_viewpoint, terms, regions)}</p>')
    if summary.keywords:
        parts.append(f'<p class="keywords"><b>{html.escape(t("Keywords:"))}</b> '
                     f'{_marked("; ".join(summary.keywords), terms, regions)}</p>')
    for n, group in enumerate(summary.groups, 1):
        parts.append(f'<{heading_tag} class="group">{n}. {_marked(group.heading, terms, regions)}</{heading_tag}>')
        if group.points:
            items = "".join(f"<li>{_marked(p, terms, regions)}</li>" for p in group.points)
            parts.append(f"<ul>{items}</ul>")
    return "\n".join(parts)


def article_html(article: Article, *, search_terms: list[str] | None = None,
                 regions: list[tuple[str, str, int]] | None = None, region_forms: list[str] | None = None,
                 css: str = "", show_references: bool = False, language: str = "en") -> str:
    """The reader's page. `regions` are (id, name, mentions) of the article's tags; `region_forms`
    every way they may be written (aliases, English names), to mark in the text. A paper's
    reference list follows the body, folded to one line unless `show_references`."""
    t = Labels(language)
    terms = [term for term in (search_terms or []) if term]
    regions = regions or []
    names = [name for _, name, _ in regions] + list(region_forms or [])
    when = (article.published_at or "").replace("T", " ")[:16]
    if article.published_is_fallback:
        when += " (file date)"
    meta = " · ".join(html.escape(x) for x in (article.source or article.source_raw, when, article.topic) if x)
    if article.source_raw and article.source and article.source_raw != article.source:
        meta += f' <span class="raw">({html.escape(article.source_raw)})</span>'
    chips = " ".join(
        f'<a class="chip" href="region:{quote(rid)}" title="{mentions} mention(s)">{html.escape(name)}</a>'
        for rid, name, mentions in regions
    )
    parts = [f"<style>{css}</style>" if css else "",
             f'<h1 class="title">{_marked(article.title, terms, [])}</h1>',
             f'<p class="meta">{meta}</p>']
    if chips:
        parts.append(f'<p class="chips">{chips}</p>')
    if article.other_versions:
        parts.append(story_sources_html(article, t))
    if article.authors:
        parts.append(f'<p class="authors">{html.escape(article.authors)}</p>')
    if article.summary and (article.summary.groups or article.summary.core_viewpoint):
        parts.append(summary_html(article.summary, terms, names, t=t))
        rest = _body_beyond_summary(article.body, article.summary)
        if rest:
            parts.append(_paragraphs(rest, terms, names))
    else:
        parts.append(_paragraphs(article.body, terms, names))
    if article.references:
        parts.append(_references(article.references, show_references, t))
    if article.url and _WEB_ADDRESS.match(article.url):
        parts.append(f'<p class="url">{html.escape(t("Original address:"))} <a href="{html.escape(article.url, quote=True)}">'
                     f"{html.escape(article.url)}</a></p>")
    if article.document:
        url = Path(article.document).as_uri() if Path(article.document).is_absolute() else article.document
        parts.append(f'<p class="file">{html.escape(t("Original file:"))} <a href="{html.escape(url, quote=True)}">'
                     f"{html.escape(article.document)}</a></p>")
    return "\n".join(p for p in parts if p)


def _paragraphs(text: str, terms: list[str], names: list[str]) -> str:
    return "\n".join(f"<p>{_marked(p.strip(), terms, names)}</p>" for p in text.split("\n") if p.strip())


def _references(text: str, shown: bool, t: Labels) -> str:
    """A paper's references: secondary, after the body, folded unless asked for."""
    count = sum(1 for line in text.split("\n") if line.strip())
    heading = html.escape(t("References and back matter"))
    if not shown:
        return (f'<p class="references"><a href="references:show">▸ {heading} '
                f"{html.escape(t('({0} lines)', count))}</a></p>")
    lines = "".join(f"<p class=\"reference\">{html.escape(line.strip())}</p>" for line in text.split("\n") if line.strip())
    return f'<p class="references"><a href="references:hide">▾ {heading}</a></p>{lines}'


def _body_beyond_summary(body: str, summary: Summary) -> str:
    """Body text that is not the summary itself (a summary export's body *is* the summary; a
    paper's body starts with its abstract, shown above as the summary)."""
    if summary.core_viewpoint and body.startswith(summary.core_viewpoint) and not summary.groups:
        return body[len(summary.core_viewpoint):].strip()
    if summary.core_viewpoint and summary.core_viewpoint in body:
        return ""
    return body


def story_sources_html(article: Article, t: Labels) -> str:
    """The other sources that carried the article's story, each with its date, and its headline
    when it differs (the difference worth seeing at a glance)."""
    items = []
    for v in article.other_versions:
        when = (v.published_at or "")[:10]
        line = " · ".join(html.escape(x) for x in (v.source or "—", when) if x)
        if v.title != article.title:
            line += f' — <span class="headline">{html.escape(v.title)}</span>'
        changes = [t("{0} paragraph(s) added", v.added) if getattr(v, "added", 0) else "",
                   t("{0} paragraph(s) fewer", v.dropped) if getattr(v, "dropped", 0) else ""]
        if any(changes):
            line += f' <span class="diff">({html.escape(t.join([c for c in changes if c]))})</span>'
        items.append(f"<li>{line}</li>")
    heading = html.escape(t("Also carried by {0} other source(s):", len(article.other_versions)))
    return f'<div class="story"><p class="story-heading">{heading}</p><ul>{"".join(items)}</ul></div>'

