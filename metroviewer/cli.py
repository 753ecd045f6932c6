"""The command line: import, search, articles, regions, stats, retag, brief (composition root)."""

from __future__ import annotations

import argparse
import json
import sys

from .core.models import UserError

SUBCOMMANDS = ("import", "search", "articles", "regions", "stats", "retag", "brief")


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
    _common(p)
    p = sub.add_parser("search", help="full-text search")
    p.add_argument("query")
    _filters(p)
    p.add_argument("--limit", type=int, default=20)
    _common(p)
    p = sub.add_parser("articles", help="list articles, newest first")
    _filters(p)
    p.add_argument("--limit", type=int, default=0, help="at most N articles (default: all)")
    _common(p)
    p = sub.add_parser("regions", help="the region tree with article counts")
    p.add_argument("--all", action="store_true", help="include regions without articles")
    _common(p)
    p = sub.add_parser("stats", help="counts of documents, articles and articles per region")
    _common(p)
    p = sub.add_parser("retag", help="re-tag every article after the gazetteer changed")
    _common(p)
    p = sub.add_parser("brief", help="write a briefing PDF")
    p.add_argument("--region", action="append", metavar="NAME", default=[])
    p.add_argument("--query", metavar="Q")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--pdf", metavar="OUT", required=True)
    _common(p)
    return parser


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--region", metavar="NAME", help="a region in Chinese or English, with everything under it")
    p.add_argument("--since", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--topic", metavar="TOPIC")


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
    if args.json:
        json.dump(result.data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(result.text)
    return result.exit_code
