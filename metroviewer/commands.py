"""What each command-line subcommand does, returning data for JSON and text for people."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import Any

from .cli import Result, article_line, resolve_store_path, snippet_text
from .core.models import UserError
from .regions.gazetteer import default_gazetteer
from .store import Store
from .store.articles import ArticleFilter


def _open(args: Namespace, *, create: bool = False) -> Store:
    path = resolve_store_path(args.db)
    if not create and not path.exists():
        raise UserError(f"There is no store at {path}. Import something first: metroviewer import FOLDER --db {path}")
    store = Store(path)
    store.regions.sync(default_gazetteer())
    return store


def _filter(args: Namespace) -> ArticleFilter:
    region = None
    if getattr(args, "region", None):
        region = default_gazetteer().resolve(args.region)
        if region is None:
            raise UserError(f"No region is called {args.region!r}. Try a Chinese or English name, e.g. 成都都市圈 or Deyang.")
    return ArticleFilter(region=region, topic=getattr(args, "topic", None), since=args.since, until=args.until)


def cmd_import(args: Namespace) -> Result:
    from .ingest.run import ImportRun

    store = _open(args, create=True)
    run = ImportRun(store, include=args.include, exclude=args.exclude)
    bar = _progress_bar()
    try:
        if args.dry_run:
            preview = run.preview(args.paths, progress=bar.update if bar else None)
            data = {"files": preview.files, "articles": [r.__dict__ for r in preview.rows],
                    "failed": [{"path": f.path, "reason": f.reason} for f in preview.failed]}
            lines = [f"{r.published_at or '':19}  {r.title}  [{r.source}]  {', '.join(r.regions[:5])}"
                     + ("  (duplicate)" if r.duplicate else "") for r in preview.rows]
            lines += [f"would fail: {f.path}: {f.reason}" for f in preview.failed]
            return Result(data, "\n".join(lines) or "Nothing to import.")
        report = run.run(args.paths, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    return Result(report.to_json(), report.as_text())


def _progress_bar() -> Any:
    """A progress bar on standard error when it is a terminal (never on standard output)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    class Bar:
        def __init__(self) -> None:
            self.bar = tqdm(total=0, unit="file", file=sys.stderr, dynamic_ncols=True)

        def update(self, p: Any) -> None:
            self.bar.total = p.files_total
            self.bar.n = p.files_done
            self.bar.set_postfix_str(f"{p.articles} articles", refresh=False)
            self.bar.refresh()

        def close(self) -> None:
            self.bar.close()

    return Bar()


def _article_json(store: Store, ids: list[int], snippets: dict[int, Any] | None = None) -> list[dict[str, Any]]:
    from .figures.format import figure_value
    from .summary.data import figures_of

    gazetteer = default_gazetteer()
    figures: dict[int, list[dict[str, Any]]] = {}
    for af in figures_of(store, gazetteer, ids, limit=None)[0]:
        f = af.figure
        figures.setdefault(af.article_id, []).append({
            "kind": f.kind, "label": f.label, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
            "year": f.year, "when": f.when or None, "display": figure_value(f), "text": f.text,
            "sentence": f.sentence, "region": f.region_id, "region_name": af.region_name or None})
    out = []
    for article in store.articles.get_many(ids):
        item = article.to_json()
        item["figures"] = figures.get(article.id, [])
        item["themes"] = store.panels.themes_of(article.id)
        if snippets is not None:
            item["snippet"] = snippet_text(snippets.get(article.id))
        out.append(item)
    return out


def cmd_articles(args: Namespace) -> Result:
    store = _open(args)
    ids = store.articles.ids(_filter(args), limit=args.limit or None)
    data = _article_json(store, ids)
    return Result(data, "\n".join(article_line(a) for a in data) or "No articles.")


def cmd_search(args: Namespace) -> Result:
    store = _open(args)
    rows = store.search.search(args.query, _filter(args), limit=args.limit)
    data = _article_json(store, [r.id for r in rows], {r.id: r.snippet for r in rows})
    return Result(data, "\n".join(article_line(a) for a in data) or f"Nothing matches {args.query!r}.")


def cmd_stats(args: Namespace) -> Result:
    store = _open(args)
    docs, failed = store.articles.documents_count()
    total, unread = store.articles.totals()
    per_region = [{"id": rid, "name": name, "articles": n} for rid, name, n in store.regions.article_count_by_region()]
    topics = [{"topic": t, "articles": n, "unread": u} for t, n, u in store.articles.topics()]
    data = {"documents": docs, "failed_documents": failed, "articles": total, "unread": unread,
            "topics": topics, "regions": per_region}
    lines = [f"Documents: {docs} ({failed} failed)", f"Articles: {total} ({unread} unread)"]
    lines += [f"Topic {t['topic']}: {t['articles']}" for t in topics]
    lines += ["Articles per region:"] + [f"  {r['name']}: {r['articles']}" for r in per_region]
    return Result(data, "\n".join(lines))


def cmd_regions(args: Namespace) -> Result:
    store = _open(args)
    g = default_gazetteer()
    counts = store.regions.counts()

    def node(rid: str, depth: int, path: frozenset[str]) -> dict[str, Any] | None:
        total, unread = counts.get(rid, (0, 0))
        if not total and not args.all:
            return None
        region = g.regions[rid]
        children = [c for c in (node(k, depth + 1, path | {rid}) for k in g.children.get(rid, []) if k not in path) if c]
        return {"id": rid, "name": region.name, "name_en": region.name_en, "kind": region.kind,
                "national": region.national, "articles": total, "unread": unread, "children": children}

    tree = [n for n in (node(r, 0, frozenset()) for r in g.roots) if n]

    def lines(items: list[dict[str, Any]], depth: int) -> list[str]:
        out = []
        for item in items:
            out.append(f"{'  ' * depth}{item['name']} ({item['name_en']}): {item['articles']}")
            out.extend(lines(item["children"], depth + 1))
        return out

    return Result(tree, "\n".join(lines(tree, 0)) or "No region has articles yet.")


def cmd_retag(args: Namespace) -> Result:
    from .regions.retag import retag_all

    store = _open(args)
    total = store.articles.count()
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)
    try:
        done = retag_all(store.regions, default_gazetteer(), progress=(lambda n: bar.update(n - bar.n)) if bar else None)
    finally:
        if bar:
            bar.close()
    return Result({"retagged": done}, f"Re-tagged {done} articles.")


def cmd_brief(args: Namespace) -> Result:
    from pathlib import Path

    from .app import write_briefing_pdf

    store = _open(args)
    store.close()
    regions = []
    for name in args.region:
        rid = default_gazetteer().resolve(name)
        if rid is None:
            raise UserError(f"No region is called {name!r}. Try a Chinese or English name, e.g. 成都都市圈 or Deyang.")
        regions.append(rid)
    out = Path(args.pdf).expanduser()
    try:
        articles, pages = write_briefing_pdf(resolve_store_path(args.db), out, regions=regions,
                                             query=args.query or "", since=args.since, until=args.until)
    except OSError as e:
        raise UserError(f"Cannot write {out}: {e.strerror or e}") from e
    if not out.exists():
        raise UserError(f"Cannot write {out}: the folder does not exist or is not writable.")
    data = {"pdf": str(out), "articles": articles, "pages": pages}
    return Result(data, f"Wrote {out}: {articles} articles on {pages} pages.")
