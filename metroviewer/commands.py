"""What each command-line subcommand does: one desk call, then data for JSON and text for people."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path
from typing import Any

from .core.limits import MAX_QUERY_CHARS
from .core.models import UserError, one_line
from .core.search_text import snippet_markup
from .desk import Desk
from .desk.analyst import IMPORT_WINDOWS


class Result:
    def __init__(self, data: Any, text: str, exit_code: int = 0):
        self.data, self.text, self.exit_code = data, text, exit_code


def resolve_store_path(db: str | None) -> Path:
    from .store import default_store_path

    return Path(db).expanduser() if db else default_store_path()


def open_desk(args: Namespace, *, create: bool = False) -> Desk:
    desk = Desk(resolve_store_path(args.db))
    desk.open(create=create)
    return desk


def _filter(desk: Desk, args: Namespace) -> Any:
    return _filter_and_query(desk, args)[0]


def _filter_and_query(desk: Desk, args: Namespace) -> tuple[Any, str]:
    """The filter the options give, within the saved search of --saved (and that search's query)."""
    import dataclasses

    window = args.since if args.since in IMPORT_WINDOWS else None
    f = desk.article_filter(region=getattr(args, "region", None), topic=getattr(args, "topic", None),
                            since=None if window else args.since, until=args.until,
                            about_only=getattr(args, "about", False))
    if getattr(args, "label", None):
        f = dataclasses.replace(f, label=args.label)
    if window:  # on import time: the articles imported after the mark (every one when there is none)
        f = dataclasses.replace(f, after_id=desk.window_start(window, *selection_of(desk, args))[0])
    if not getattr(args, "saved", None):
        return f, ""
    saved, query = desk.saved_filter(args.saved)
    given = {k: v for k, v in dataclasses.asdict(f).items() if v not in (None, False, ())}
    return dataclasses.replace(saved, **given), query


def selection_of(desk: Desk, args: Namespace) -> tuple[str, str]:
    """What the options select, as the store keeps its looks: a saved search, a region, a label, all."""
    regions = getattr(args, "region", None) or []
    regions = [regions] if isinstance(regions, str) else regions
    if getattr(args, "saved", None):
        return "saved", args.saved.strip()
    if len(regions) == 1:
        return "region", desk.resolve_region(regions[0])
    if regions:
        return "regions", ",".join(sorted(desk.resolve_region(r) for r in regions))
    if getattr(args, "label", None):
        return "label", args.label
    return "all", ""


def record_look(desk: Desk, args: Namespace, window: str | None = None) -> None:
    """`--since last-look` shows what is new since the last look: now this is the last look."""
    if (window or args.since) == "last-look":
        desk.look(*selection_of(desk, args))


def article_line(a: dict[str, Any]) -> str:
    when = (a.get("published_at") or "")[:16].replace("T", " ")
    regions = ", ".join(a.get("regions", [])[:5])
    line = f"{a['id']:>6}  {when:16}  {a['title']}  [{a.get('source') or '—'}]"
    if regions:
        line += f"  ({regions})"
    if a.get("snippet"):
        line += "\n        " + a["snippet"]
    return line


def snippet_text(pieces: list[tuple[str, bool]] | None) -> str:
    return snippet_markup(pieces or [], "【", "】")


def cmd_import(args: Namespace) -> Result:
    bar = _progress_bar("file")
    with open_desk(args, create=True) as desk:
        options = dict(include=args.include, exclude=args.exclude, progress=bar.update_files if bar else None)
        try:
            if args.dry_run:
                preview = desk.preview(args.paths, **options)
            else:
                report = desk.import_paths(args.paths, restore_deleted=args.restore_deleted,
                                           follow_outside_links=args.follow_outside_links, **options).value
        finally:
            if bar:
                bar.close()
    if args.dry_run:
        data = {"files": preview.files, "articles": [r.__dict__ for r in preview.rows],
                "failed": [{"path": f.path, "reason": f.reason} for f in preview.failed],
                "skipped": [{"path": f.path, "reason": f.reason} for f in preview.skipped]}
        lines = [f"{r.published_at or '':19}  {r.title}  [{r.source}]  {', '.join(r.regions[:5])}"
                 + ("  (duplicate)" if r.duplicate else "") for r in preview.rows]
        lines += [f"would fail: {one_line(f.path)}: {f.reason}" for f in preview.failed]
        lines += [f"skipped: {one_line(f.path)}: {f.reason}" for f in preview.skipped]
        new = sum(1 for r in preview.rows if not r.duplicate)
        lines.append(f"Would import {new} new articles from {preview.files} files ({len(preview.rows) - new} already "
                     f"in the store, {len(preview.failed)} files would fail, {len(preview.skipped)} skipped). "
                     "Nothing was written.")
        data["totals"] = {"new": new, "duplicates": len(preview.rows) - new, "failed": len(preview.failed),
                          "skipped": len(preview.skipped)}
        return Result(data, "\n".join(lines))
    return Result(report.to_json(), report.as_text())


def _progress_bar(unit: str) -> Any:
    """A progress bar on standard error when it is a terminal (never on standard output)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    class Bar:
        def __init__(self) -> None:
            self.bar = tqdm(total=0, unit=unit, file=sys.stderr, dynamic_ncols=True)

        def update_files(self, p: Any) -> None:
            self.bar.total = p.files_total
            self.bar.n = p.files_done
            self.bar.set_postfix_str(f"{p.articles} articles", refresh=False)
            self.bar.refresh()

        def update_count(self, done: int) -> None:
            self.bar.n = done
            self.bar.refresh()

        def close(self) -> None:
            self.bar.close()

    return Bar()


def cmd_articles(args: Namespace) -> Result:
    with open_desk(args) as desk:
        f, query = _filter_and_query(desk, args)
        if query:
            ids = [r.id for r in desk.search(query, f, limit=args.limit or 1_000_000)]
        else:
            ids = desk.article_ids(f, limit=args.limit or None)
        data = desk.articles_json(ids, figures=args.json)  # the text lines show no figures
        record_look(desk, args)
    return Result(data, "\n".join(article_line(a) for a in data) or "No articles.")


def cmd_search(args: Namespace) -> Result:
    if len(args.query) > MAX_QUERY_CHARS:
        print(f"metroviewer: the query is long; its first {MAX_QUERY_CHARS} characters are searched",
              file=sys.stderr)
    with open_desk(args) as desk:
        f, saved_query = _filter_and_query(desk, args)
        rows = desk.search(f"{saved_query} {args.query}".strip(), f, limit=args.limit)
        data = desk.articles_json([r.id for r in rows], {r.id: snippet_text(r.snippet) for r in rows},
                                  figures=args.json)
        record_look(desk, args)
    return Result(data, "\n".join(article_line(a) for a in data) or f"Nothing matches {args.query!r}.")


def cmd_stats(args: Namespace) -> Result:
    with open_desk(args) as desk:
        data = desk.stats()
    lines = [f"Documents: {data['documents']} ({data['failed_documents']} failed)",
             f"Articles: {data['articles']} ({data['unread']} unread)"]
    lines += [f"Topic {t['topic']}: {t['articles']}" for t in data["topics"]]
    lines += ["Articles per region:"] + [f"  {r['name']}: {r['articles']}" for r in data["regions"]]
    if data["retag_needed"]:
        lines.append("The region list changed since the articles were tagged: run `metroviewer retag`.")
    return Result(data, "\n".join(lines))


def cmd_regions(args: Namespace) -> Result:
    with open_desk(args) as desk:
        tree = desk.region_tree(include_empty=args.all)

    counted = "stories" if args.stories else "articles"

    def lines(items: list[dict[str, Any]], depth: int) -> list[str]:
        out = []
        for item in items:
            english = f" ({item['name_en']})" if item["name_en"] else ""
            out.append(f"{'  ' * depth}{item['name']}{english}: {item[counted]}")
            out.extend(lines(item["children"], depth + 1))
        return out

    return Result(tree, "\n".join(lines(tree, 0)) or "No region has articles yet.")


def cmd_retag(args: Namespace) -> Result:
    bar = _progress_bar("article")
    try:
        with open_desk(args) as desk:
            done = desk.retag(progress=bar.update_count if bar else None).value
    finally:
        if bar:
            bar.close()
    return Result({"retagged": done}, f"Re-tagged {done} articles.")


def cmd_delete(args: Namespace) -> Result:
    with open_desk(args) as desk:
        deleted = desk.delete(args.ids, whole_documents=args.document).value
    missing = sorted(set(args.ids) - set(deleted.article_ids))
    data = {"deleted": list(deleted.article_ids), "not_found": missing}
    text = f"Deleted {len(deleted.article_ids)} articles: {', '.join(map(str, deleted.article_ids)) or '—'}."
    if missing:
        text += f" No article {', '.join(map(str, missing))}."
    text += " Re-importing their files does not bring them back (import --restore-deleted does)."
    return Result(data, text, exit_code=0 if deleted.article_ids else 2)


def cmd_edit(args: Namespace) -> Result:
    if args.title is None and args.source is None and args.date is None:
        raise UserError("Say what to change: --title, --source or --date.")
    with open_desk(args) as desk:
        desk.edit(args.id, title=args.title, source=args.source, date=args.date)
        data = desk.articles_json([args.id])[0]
    return Result(data, article_line(data))


def cmd_compare(args: Namespace) -> Result:
    from .figures.format import KIND_NAMES

    with open_desk(args) as desk:
        comparison = desk.compare([desk.resolve_region(name) for name in args.regions])
    ids = comparison.region_ids
    data = comparison.to_json()
    rows = data["key_figures"]
    header = ["measure"] + [comparison.names[rid] for rid in ids]
    lines = ["  |  ".join(header)]
    for row in rows:
        cells = [f"{row['measure']} ({KIND_NAMES.get(row['kind'], row['kind'])})"]
        for rid in ids:
            cell = row["regions"][rid]
            cells.append(" / ".join(v["display"] for v in cell["values"]) + (f" ({cell['year']})" if cell["year"]
                         else "") if cell else "—")
        lines.append("  |  ".join(cells))
    lines.append("Articles: " + ", ".join(f"{comparison.names[rid]} {comparison.articles[rid]}" for rid in ids))
    return Result(data, "\n".join(lines))


def cmd_brief(args: Namespace) -> Result:
    from .briefing.labels import system_language
    from .briefing.recipe import FIXED, SINCE_PREVIOUS_RUN, Recipe

    outputs = {kind: Path(getattr(args, kind)).expanduser() for kind in ("pdf", "docx", "markdown")
               if getattr(args, kind)}
    window = args.since if args.since in IMPORT_WINDOWS else None
    if window and (args.recipe or args.save_recipe or args.since_previous_run):
        raise UserError(f"--since {window} is for one briefing; a recipe keeps publication dates "
                        "(--since DATE) or --since-previous-run.")
    args.since = None if window else args.since
    with open_desk(args) as desk:
        if args.recipes:
            recipes = desk.recipes()
            data = [{"name": r.name, **r.options(), "last_run_at": r.last_run_at} for r in recipes]
            return Result(data, "\n".join(_recipe_line(desk, r) for r in recipes) or "No briefing recipes yet.")
        if not outputs and not args.save_recipe:
            raise UserError("Say where to write the briefing: --pdf OUT, --docx OUT or --markdown OUT.")
        if args.saved:
            recipe = _saved_recipe(desk, args)
        elif args.recipe:
            recipe = desk.recipe(args.recipe)
        else:
            recipe = Recipe(name=args.save_recipe or "", regions=[desk.resolve_region(n) for n in args.region],
                            query=args.query or "", since=args.since, until=args.until,
                            window=SINCE_PREVIOUS_RUN if args.since_previous_run else FIXED)
        # options given on the command line win over the recipe's
        recipe.language = args.language or recipe.language
        recipe.group_by = args.group_by or recipe.group_by
        recipe.page_size = args.page_size or recipe.page_size
        recipe.margin_mm = args.margin if args.margin is not None else recipe.margin_mm
        if args.save_recipe:
            recipe.name = args.save_recipe
            desk.save_recipe(recipe)
            if not outputs:
                return Result({"saved": recipe.name}, f"Saved the briefing recipe {recipe.name!r}.")
            briefing = desk.run_recipe(recipe.name, language=recipe.language or system_language())
        elif args.recipe:
            briefing = desk.run_recipe(recipe.name, language=recipe.language or system_language())
        else:
            ids = _saved_ids(desk, args)
            start, when = desk.window_start(window, *selection_of(desk, args)) if window else (None, None)
            briefing = desk.compose_briefing(regions=recipe.regions, query=recipe.query, since=recipe.since,
                                             until=recipe.until, language=recipe.language or system_language(),
                                             group_by=recipe.group_by, record=True, article_ids=ids,
                                             imported_after=(start, when) if start is not None else None)
            record_look(desk, args, window)
    return _write_briefing(briefing, outputs, recipe)


def _recipe_line(desk: Desk, r: Any) -> str:
    scope = "、".join(desk.region_name(rid) for rid in r.regions) or (f"search {r.query!r}" if r.query else "all")
    window = "since the previous run" if r.window != "fixed" else f"{r.since or '…'} – {r.until or '…'}"
    last = f", last run {r.last_run_at.replace('T', ' ')}" if r.last_run_at else ""
    return f"{r.name}: {scope}; {window}; by {r.group_by}{last}"


def _write_briefing(briefing: Any, outputs: dict[str, Path], recipe: Any) -> Result:
    from .ui.briefing_printer import write_briefing

    for path in outputs.values():
        if not path.parent.is_dir():
            raise UserError(f"Cannot write {path}: the folder does not exist or is not writable.")
    try:
        written = write_briefing(briefing, page=recipe.page, **outputs)
    except OSError as e:
        raise UserError(f"Cannot write {e.filename or ', '.join(map(str, outputs.values()))}: "
                        f"{e.strerror or e}") from e
    missing = [str(p) for p in outputs.values() if not p.exists()]
    if missing:
        raise UserError(f"Cannot write {', '.join(missing)}: the folder does not exist or is not writable.")
    data = {kind: str(path) for kind, path in outputs.items()}
    data.update(articles=briefing.article_count, pages=written.pages, language=briefing.language,
                sections=[s.heading for s in briefing.sections])
    where = ", ".join(str(p) for p in outputs.values())
    pages = f" on {written.pages} pages" if "pdf" in outputs else ""
    return Result(data, f"Wrote {where}: {briefing.article_count} articles{pages}.")


def _saved_recipe(desk: Desk, args: Namespace) -> Any:
    """A briefing of a saved search: its regions, query and dates (options given here win)."""
    from .briefing.recipe import FIXED, SINCE_PREVIOUS_RUN, Recipe

    saved, query = desk.saved_filter(args.saved)
    regions = [desk.resolve_region(n) for n in args.region] or list(saved.regions)
    return Recipe(name=args.save_recipe or "", regions=regions, query=args.query or query,
                  since=args.since or saved.since, until=args.until or saved.until,
                  window=SINCE_PREVIOUS_RUN if args.since_previous_run else FIXED)


def _saved_ids(desk: Desk, args: Namespace) -> list[int] | None:
    """The articles of a saved search that also filters by source, topic or label (which a
    briefing's scope cannot say): then the briefing is of exactly those articles."""
    if not getattr(args, "saved", None):
        return None
    saved, query = desk.saved_filter(args.saved)
    if saved.source is None and saved.topic is None and saved.label is None:
        return None
    if query:
        return [r.id for r in desk.search(query, saved, limit=1_000_000)]
    return desk.article_ids(saved)


def story_lines(story: dict[str, Any]) -> str:
    when = (story.get("published_at") or "")[:10]
    head = f"{story['lead']:>6}  {when:10}  {story['title']}  ({story['size']} source{'s' if story['size'] != 1 else ''})"
    others = [f"        {v['id']:>6}  {v['source'] or '—'}: {v['title']}" for v in story["versions"]]
    return "\n".join([head, *others]) if story["size"] > 1 else head


def cmd_stories(args: Namespace) -> Result:
    from .desk.stories import story_json

    with open_desk(args) as desk:
        if args.split is not None:
            desk.split_story(args.split)
            story = desk.story(args.split)
            data = story_json(story) if story else {}
            return Result(data, f"Article {args.split} is now a story of its own.")
        if args.merge:
            desk.merge_stories(args.merge)
            story = desk.story(args.merge[0])
            data = story_json(story) if story else {}
            return Result(data, f"One story now: {data.get('size', 0)} sources.")
        if args.regroup:
            done = desk.regroup_stories(jaccard=args.threshold).value
            return Result({"articles": done}, f"Grouped {done} articles into stories again.")
        if args.threshold is not None:
            raise UserError("--threshold goes with --regroup.")
        f = _filter(desk, args)
        data = [story_json(s) for s in desk.stories(f, limit=args.limit or 1_000_000)]
    return Result(data, "\n".join(story_lines(s) for s in data) or "No stories.")


def cmd_recover(args: Namespace) -> Result:
    from .desk.recovery import recover_store

    if not args.db:
        raise UserError("Say which damaged store to recover: recover --db PATH [--to NEW.db].")
    report = recover_store(resolve_store_path(args.db), args.to)
    return Result(report.to_json(), report.as_text() + f"\nOpen the copy with: metroviewer --db {report.target}")
