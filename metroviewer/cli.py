"""The command line: import, search, articles, regions, stats, retag, brief (composition root)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from .core.models import UserError

SUBCOMMANDS = ("import", "search", "articles", "regions", "stats", "retag", "brief", "delete", "edit", "compare")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the store to use (default: the one in your data folder)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON on standard output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="metroviewer", description="MetroViewer: a briefing desk for "
                                     "China's metropolitan-area policy news. With no command, starts the window.")
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
    p.add_argument("--limit", type=positive_count, default=0, help="at most N articles (default: all)")
    _common(p)
    p = sub.add_parser("regions", help="the region tree with article counts")
    p.add_argument("--all", action="store_true", help="include regions without articles")
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
    p = sub.add_parser("compare", help="regions side by side: key figures, articles per month, themes")
    p.add_argument("regions", nargs="+", metavar="REGION")
    _common(p)
    p = sub.add_parser("brief", help="write a briefing as PDF, Word or Markdown; save and run recipes")
    p.add_argument("--region", action="append", metavar="NAME", default=[])
    p.add_argument("--query", metavar="Q")
    p.add_argument("--since", metavar="DATE", type=date_argument)
    p.add_argument("--until", metavar="DATE", type=date_argument)
    p.add_argument("--pdf", metavar="OUT", help="write the briefing as PDF")
    p.add_argument("--docx", metavar="OUT", help="write an editable Word copy")
    p.add_argument("--markdown", metavar="OUT", help="write a Markdown copy (charts as PNG files beside it)")
    p.add_argument("--language", choices=("zh_CN", "en"), help="the briefing's language (default: the system's)")
    p.add_argument("--by", choices=("region", "theme"), default=None, dest="group_by",
                   help="one section per region (default) or per theme")
    p.add_argument("--page-size", choices=("A4", "Letter"), default=None)
    p.add_argument("--margin", type=float, metavar="MM", default=None, help="page margins in millimetres")
    p.add_argument("--since-previous-run", action="store_true",
                   help="with --save-recipe: each run covers what was published since the previous run")
    p.add_argument("--recipe", metavar="NAME", help="run a saved recipe (its scope, sections and options)")
    p.add_argument("--save-recipe", metavar="NAME", help="save this briefing's scope and options as a recipe")
    p.add_argument("--recipes", action="store_true", help="list the saved recipes")
    _common(p)
    return parser


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


def positive_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count; give 0 or more")
    return value


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--region", metavar="NAME", help="a region in Chinese or English, with everything under it")
    p.add_argument("--since", metavar="DATE", type=date_argument, help="published on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", type=date_argument, help="published on or before (YYYY-MM-DD)")
    p.add_argument("--topic", metavar="TOPIC")
    p.add_argument("--about", action="store_true",
                   help="with --region: only articles mainly about it (in the title, the lead, or most mentioned)")


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        from . import commands

        result = getattr(commands, "cmd_" + args.command)(args)
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
            json.dump(result.data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(result.text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `metroviewer articles | head`: the reader has gone; stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result.exit_code
