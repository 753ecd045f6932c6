"""The command line's analyst's-layer subcommands: saved, follow, new, note, notes, label
(commands.py has the others; cli.py finds a subcommand in either)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from typing import Any

from .commands import Result, _filter_and_query, open_desk
from .core.models import UserError


def _saved_line(s: dict[str, Any]) -> str:
    scope = [f"search {s['query']!r}"] if s["query"] else []
    scope += ["、".join(s["region_names"])] if s["region_names"] else []
    scope += [f"{s['since'] or '…'} – {s['until'] or '…'}"] if s["since"] or s["until"] else []
    scope += [f"{k} {s[k]}" for k in ("source", "topic", "label") if s[k]]
    follow = ", followed" if s["followed"] else ""
    return f"{s['name']}: {'; '.join(scope) or 'everything'} — {s['articles']} articles ({s['unread']} unread{follow})"


def cmd_saved(args: Namespace) -> Result:
    with open_desk(args) as desk:
        if args.action == "add":
            desk.save_search(args.name, query=args.query, regions=args.region, since=args.since, until=args.until,
                             source=args.source, topic=args.topic, label=args.label, about=args.about)
            if args.follow:
                desk.follow(saved=args.name)
            item = next(s for s in desk.saved_searches() if s["name"] == args.name.strip())
            return Result(item, "Saved " + _saved_line(item))
        if args.action == "remove":
            desk.remove_search(args.name)
            return Result({"removed": args.name}, f"Removed the saved search {args.name!r}.")
        if args.action == "rename":
            desk.rename_search(args.name, args.new_name)
            return Result({"renamed": args.name, "to": args.new_name},
                          f"Renamed the saved search {args.name!r} to {args.new_name!r}.")
        data = desk.saved_searches()
    return Result(data, "\n".join(_saved_line(s) for s in data) or "No saved searches yet.")


def cmd_follow(args: Namespace) -> Result:
    with open_desk(args) as desk:
        desk.follow(region=args.region, saved=args.saved, on=not args.stop)
        name = desk.region_name(desk.resolve_region(args.region)) if args.region else args.saved
    verb = "Stopped following" if args.stop else "Following"
    return Result({"followed": not args.stop, "region" if args.region else "saved": name},
                  f"{verb} {name}." + ("" if args.stop else " `new` says what arrives from now on."))


def cmd_new(args: Namespace) -> Result:
    with open_desk(args) as desk:
        items = desk.new_since_last_look()
        if args.seen:
            for item in items:
                desk.mark_looked(item.kind, item.key)
    data = [item.to_json() for item in items]
    if not items:
        return Result(data, "You follow nothing yet: `follow REGION` or `follow --saved NAME`.")
    return Result(data, "\n".join(f"{item.line()} (since {item.since.replace('T', ' ')})" for item in items))


def cmd_note(args: Namespace) -> Result:
    if args.edit or args.delete:
        return _change_note(args)
    with open_desk(args) as desk:
        note_id = desk.add_note(args.id, args.text, quote=args.quote, color=args.color).value
        note = next(n for n in desk.notes(args.id) if n.id == note_id)
    what = "highlight" if note.quote else "note"
    return Result(note.to_json(), f"Added {what} {note_id} to article {args.id}.")


def _change_note(args: Namespace) -> Result:
    if args.quote or args.color:
        raise UserError("--quote and --color go with a new note; --edit changes a note's text.")
    with open_desk(args) as desk:
        if args.delete:
            desk.delete_note(args.id)
            return Result({"deleted": args.id}, f"Deleted note {args.id}.")
        desk.edit_note(args.id, args.text)
        note = desk.note(args.id)
    return Result(note.to_json(), f"Changed note {args.id}.")


def cmd_notes(args: Namespace) -> Result:
    with open_desk(args) as desk:
        if args.search:
            notes = desk.search_notes(args.search)
            data = [{**n.to_json(), "article_title": n.article_title} for n in notes]
            lines = [f"{n.id:>5}  [{n.article_id or '—'}] {n.article_title}: "
                     + (f"“{n.quote}” " if n.quote else "") + n.text for n in notes]
            return Result(data, "\n".join(lines) or f"No note matches {args.search!r}.")
        f, query = _filter_and_query(desk, Namespace(region=args.region, saved=args.saved, since=None, until=None))
        query = " ".join(q for q in (query, args.query or "") if q)
        scope = args.region or args.saved or (f"search {args.query!r}" if args.query else "all articles")
        markdown = desk.notes_markdown(f, query, title=f"Notes: {scope}")
    if args.markdown and args.markdown != "-":
        out = Path(args.markdown).expanduser()
        try:
            out.write_text(markdown, encoding="utf-8")
        except OSError as e:
            raise UserError(f"Cannot write {out}: {e.strerror or e}") from e
        return Result({"markdown": str(out)}, f"Wrote {out}.")
    return Result({"markdown": markdown}, markdown)


def cmd_label(args: Namespace) -> Result:
    *ids, name = args.args
    try:
        article_ids = [int(i) for i in ids]
    except ValueError as e:
        raise UserError("Give article ids, then the label: label 12 15 NAME.") from e
    if not article_ids:
        raise UserError("Give article ids, then the label: label 12 15 NAME.")
    with open_desk(args) as desk:
        desk.label(article_ids, name, on=not args.remove)
    verb = "Removed" if args.remove else "Labelled"
    return Result({"label": name, "articles": article_ids, "removed": args.remove},
                  f"{verb} {len(article_ids)} articles {'from' if args.remove else 'with'} {name!r}.")
