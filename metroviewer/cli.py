"""The command line: import, search, articles, regions, stats, retag, brief (composition root)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from typing import Any, TextIO

from .core.models import UserError

SUBCOMMANDS = ("import", "search", "articles", "regions", "stats", "retag", "brief", "delete", "edit", "compare",
               "saved", "follow", "new", "note", "notes", "label", "stories", "recover")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the store to use (default: the one in your data folder)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON on standard output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="metroviewer", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="MetroViewer: a briefing desk for China's metropolitan-area policy news.",
        epilog="With no command, the window starts:\n"
               "  main.py [--db PATH] [--language en|zh_CN] [--dark] [--region NAME] [--search TEXT]\n"
               "          [--article ID] [--screenshot OUT.png] [--no-samples]\n"
               "(--screenshot saves a picture of the window and exits; it needs no display).\n"
               "Every command takes --db PATH (default: the store in your data folder) and --json.\n"
               "A region may be named in Chinese or English: 成都都市圈, 'Chengdu metropolitan area', 德阳, Deyang.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="import files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--include", action="append", metavar="GLOB", help="only files whose name matches")
    p.add_argument("--exclude", action="append", metavar="GLOB", help="skip files and folders whose name matches")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.add_argument("--restore-deleted", action="store_true",
                   help="bring back the articles you deleted from these files")
    p.add_argument("--follow-outside-links", action="store_true",
                   help="follow links that lead out of the imported folders (not done by default)")
    _common(p)
    p = sub.add_parser("search", help="full-text search")
    p.add_argument("query")
    _filters(p)
    p.add_argument("--limit", type=positive_count, default=20)
    _common(p)
    p = sub.add_parser("articles", help="list articles, newest first")
    _filters(p)
    p.add_argument("--label", metavar="NAME", help="only articles with this label of yours")
    p.add_argument("--limit", type=positive_count, default=0, help="at most N articles (default: all)")
    _common(p)
    p = sub.add_parser("regions", help="the region tree with article counts")
    p.add_argument("--all", action="store_true", help="include regions without articles")
    p.add_argument("--stories", action="store_true",
                   help="count stories (reprints of one piece of news once) instead of articles")
    _common(p)
    p = sub.add_parser("stats", help="counts of documents, articles and articles per region")
    _common(p)
    p = sub.add_parser("retag", help="re-tag every article after the gazetteer changed")
    _common(p)
    p = sub.add_parser("delete", help="delete articles (a re-import does not bring them back)")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--document", action="store_true", help="delete every article of the files these came from")
    _common(p)
    p = sub.add_parser("edit", help="change an article's title, source or date")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--title")
    p.add_argument("--source")
    p.add_argument("--date", metavar="DATE", help="YYYY-MM-DD or YYYY-MM-DD HH:MM")
    _common(p)
    p = sub.add_parser("stories", help="stories (one piece of news from several sources) with their sources")
    _filters(p)
    p.add_argument("--limit", type=positive_count, default=50, help="at most N stories (default: 50)")
    p.add_argument("--split", type=int, metavar="ID", help="take article ID out of its story")
    p.add_argument("--merge", type=int, nargs="+", metavar="ID", help="make the stories of these articles one")
    p.add_argument("--regroup", action="store_true", help="group every article again (keeps your splits and merges)")
    p.add_argument("--threshold", type=float, metavar="J",
                   help="with --regroup: how alike two texts must be to be one story (0–1, default 0.5)")
    _common(p)
    p = sub.add_parser("compare", help="regions side by side: key figures, articles per month, themes")
    p.add_argument("regions", nargs="+", metavar="REGION")
    _common(p)
    p = sub.add_parser("brief", help="write a briefing as PDF, Word or Markdown; save and run recipes")
    p.add_argument("--region", action="append", metavar="NAME", default=[])
    p.add_argument("--query", metavar="Q")
    p.add_argument("--since", metavar="DATE|last-look|last-briefing", type=since_argument, help=SINCE_HELP)
    p.add_argument("--until", metavar="DATE", type=date_argument, help="published on or before (YYYY-MM-DD)")
    p.add_argument("--pdf", metavar="OUT", help="write the briefing as PDF")
    p.add_argument("--docx", metavar="OUT", help="write an editable Word copy")
    p.add_argument("--markdown", metavar="OUT", help="write a Markdown copy (charts as PNG files beside it)")
    p.add_argument("--language", choices=("zh_CN", "en"), help="the briefing's language (default: the system's)")
    p.add_argument("--by", choices=("region", "theme", "story"), default=None, dest="group_by",
                   help="one section per region (default), per theme, or per story (the most covered first)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default=None)
    p.add_argument("--margin", type=float, metavar="MM", default=None, help="page margins in millimetres")
    p.add_argument("--since-previous-run", action="store_true",
                   help="with --save-recipe: each run covers what was published since the previous run")
    p.add_argument("--recipe", metavar="NAME", help="run a saved recipe (its scope, sections and options)")
    p.add_argument("--save-recipe", metavar="NAME", help="save this briefing's scope and options as a recipe")
    p.add_argument("--recipes", action="store_true", help="list the saved recipes")
    p.add_argument("--saved", metavar="NAME", help="the articles of a saved search")
    _common(p)
    p = sub.add_parser(
        "recover", help="copy what can still be read of a damaged store into a new store",
        description="Copy every article and note that can still be read of the damaged store --db into a new "
                    "store (default: NAME.recovered-YYYYMMDD-HHMMSS.db beside it), and say what was lost. "
                    "The damaged store is only read, never changed. Open the copy with --db afterwards.")
    p.add_argument("--to", metavar="PATH", help="the new store to write (must not exist yet)")
    _common(p)
    _analyst_commands(sub)
    return parser


def _analyst_commands(sub: Any) -> None:
    """The analyst's own layer: saved searches, follows, what is new, notes, labels."""
    p = sub.add_parser("saved", help="saved searches: add, list, remove, rename")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("add", help="save a search under a name (replacing one of that name)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--query", metavar="Q", default="")
    a.add_argument("--region", action="append", metavar="NAME", default=[], help="a region (several: any of them)")
    a.add_argument("--since", metavar="DATE", type=date_argument)
    a.add_argument("--until", metavar="DATE", type=date_argument)
    a.add_argument("--source", metavar="SOURCE")
    a.add_argument("--topic", metavar="TOPIC")
    a.add_argument("--label", metavar="NAME")
    a.add_argument("--about", action="store_true", help="only articles mainly about the regions")
    a.add_argument("--follow", action="store_true", help="follow it too (see `new`)")
    _common(a)
    a = actions.add_parser("list", help="the saved searches with their counts")
    _common(a)
    a = actions.add_parser("remove", help="remove a saved search")
    a.add_argument("name", metavar="NAME")
    _common(a)
    a = actions.add_parser("rename", help="rename a saved search")
    a.add_argument("name", metavar="NAME")
    a.add_argument("new_name", metavar="NEW")
    _common(a)
    p = sub.add_parser("follow", help="follow a region or a saved search: `new` says what arrived since")
    p.add_argument("region", nargs="?", metavar="REGION")
    p.add_argument("--saved", metavar="NAME")
    p.add_argument("--stop", action="store_true", help="stop following it")
    _common(p)
    p = sub.add_parser("new", help="what is new in each followed region and saved search since you last looked")
    p.add_argument("--seen", action="store_true", help="then mark it all as seen")
    _common(p)
    p = sub.add_parser("note", help="add a note to an article (with --quote, a highlight of that text); "
                                    "change or delete a note (ids: `articles --json`, `notes --search`)")
    p.add_argument("id", type=int, metavar="ID", help="the article; with --edit or --delete, the note")
    p.add_argument("text", metavar="TEXT", nargs="?", default="")
    p.add_argument("--quote", metavar="TEXT")
    p.add_argument("--color", choices=("yellow", "green", "blue", "pink"))
    change = p.add_mutually_exclusive_group()
    change.add_argument("--edit", action="store_true", help="note --edit NOTE_ID TEXT: change the note's text")
    change.add_argument("--delete", action="store_true", help="note --delete NOTE_ID: delete the note (or highlight)")
    _common(p)
    p = sub.add_parser("notes", help="your notes: search them, or export a region's or a search's as Markdown")
    p.add_argument("--search", metavar="Q", help="notes whose text or quote matches")
    p.add_argument("--region", metavar="NAME")
    p.add_argument("--saved", metavar="NAME")
    p.add_argument("--query", metavar="Q", help="the notes of the articles matching Q")
    p.add_argument("--markdown", metavar="OUT", help="write them as Markdown (- for standard output)")
    _common(p)
    p = sub.add_parser("label", help="put a label on articles (with --remove, take it off)")
    p.add_argument("args", nargs="+", metavar="ID... NAME")
    p.add_argument("--remove", action="store_true")
    _common(p)


def date_argument(text: str) -> str:
    """A date as YYYY-MM-DD (or YYYY-MM, YYYY); anything else is refused by argparse."""
    import datetime as dt

    for fmt, length in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if len(text) == length:
            return text
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD")


IMPORT_WINDOWS = ("last-look", "last-briefing")  # desk/analyst.py: on import time, not publication
SINCE_HELP = ("published on or after DATE (YYYY-MM-DD); or, on import time: `last-look`, the articles imported "
              "since you last looked at this selection (its --region, --saved search, or all articles; in the "
              "window, or by a previous `--since last-look`, which records this look), `last-briefing`, those "
              "imported since the last briefing was made (saved, printed or written by `brief`)")


def since_argument(text: str) -> str:
    """A date, or one of the import-time windows (last-look, last-briefing)."""
    return text if text in IMPORT_WINDOWS else date_argument(text)


def positive_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count; give 0 or more")
    return value


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--saved", metavar="NAME", help="within a saved search")
    p.add_argument("--region", metavar="NAME", help="a region in Chinese or English, with everything under it")
    p.add_argument("--since", metavar="DATE|last-look|last-briefing", type=since_argument, help=SINCE_HELP)
    p.add_argument("--until", metavar="DATE", type=date_argument, help="published on or before (YYYY-MM-DD)")
    p.add_argument("--topic", metavar="TOPIC", help="the saved-search topic of a workflow export")
    p.add_argument("--about", action="store_true",
                   help="with --region: only articles mainly about it (in the title, the lead, or most mentioned)")


def write_json(data: Any, out: TextIO) -> None:
    """`data` as indented JSON and a newline; a list is written an item at a time, which is the
    same text as json.dump's but not one write per token nor the whole text at once."""
    if not isinstance(data, list) or not data:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out.write("[\n")
    for i, item in enumerate(data):
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(f"  {text}{',' if i < len(data) - 1 else ''}\n")
    out.write("]\n")


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        from . import analyst_commands, commands

        name = "cmd_" + args.command
        command = getattr(commands, name, None) or getattr(analyst_commands, name)
        result = command(args)
    except UserError as e:
        print(f"metroviewer: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("metroviewer: interrupted", file=sys.stderr)
        return 130
    except sqlite3.DatabaseError as e:  # said plainly, never a traceback
        print(f"metroviewer: the store could not be read or written ({e}). Nothing was lost; "
              "if it is damaged, move it aside and import again into a new store.", file=sys.stderr)
        return 1
    try:
        if args.json:
            write_json(result.data, sys.stdout)
        else:
            print(result.text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `metroviewer articles | head`: the reader has gone; stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result.exit_code
