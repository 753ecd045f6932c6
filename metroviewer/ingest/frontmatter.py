"""Front matter: YAML (`---`) or TOML (`+++`) at the top of a Markdown or text file.

python-frontmatter's handlers read the block; this module finds it and holds the limits.
Feed archivers often write a blank line (or a BOM) before it, so leading whitespace is
allowed. Imported files are untrusted: a YAML alias or anchor is refused (aliases are how a
few lines expand into billions of nodes, "billion laughs"), and so is a block over
MAX_FRONT_MATTER characters; either fails that file with a plain reason instead of hanging.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from ..core.dates import parse_date
from .errors import UnreadableFile

MAX_FRONT_MATTER = 64 * 1024
_LEADING = re.compile(r"\A[\ufeff\s]*")
# A block that reads as front matter starts with a key (`title: …`, `title = …`, `[table]`):
# a Markdown file may open with a `---` rule and have no front matter at all.
_KEY_LINE = re.compile(r"\s*(?:#[^\n]*\n\s*)*(?:[\w\"'.-]+\s*[:=]|\[)")


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: front matter has no use for them."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401 (PyYAML override)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise UnreadableFile("the front matter uses YAML anchors or aliases, which MetroViewer refuses "
                                 "(they can expand without limit)")
        return super().compose_node(parent, index)


# libyaml's loader builds the same objects as SafeLoader, ten times quicker; it is used when
# the block cannot hold an anchor or alias (no `&` or `*`) and cannot nest deeply (few brackets),
# the two things _NoAliasLoader and the recursion limit guard against.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_UNSAFE_FOR_FAST = re.compile(r"[&*]")
_MAX_BRACKETS_FOR_FAST = 64


class _SafeYAML(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        if (_FAST_LOADER is not None and not _UNSAFE_FOR_FAST.search(fm)
                and fm.count("[") + fm.count("{") <= _MAX_BRACKETS_FOR_FAST):
            return yaml.load(fm, Loader=_FAST_LOADER)  # noqa: S506 (libyaml's SafeLoader)
        return yaml.load(fm, Loader=_NoAliasLoader)  # noqa: S506 (a SafeLoader subclass)


class _TOML(BaseHandler):
    # python-frontmatter's own TOML handler needs the `toml` package; tomllib is in the standard library.
    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)


_HANDLERS: tuple[BaseHandler, ...] = (_SafeYAML(), _TOML())
# `--- !tag` opens a YAML document with a tag: still front matter (the tag itself is not read).
_OPENING = {"-": re.compile(r"-{3}(?:[ \t]+![^\n]*)?[ \t]*\r?\n"), "+": re.compile(r"\+{3}[ \t]*\r?\n")}
_CLOSING = {"-": re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE), "+": re.compile(r"^\+{3}[ \t]*$", re.MULTILINE)}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter as a dict, the rest of the text). A block that is not a mapping or does
    not parse is left in the text; a hostile one raises UnreadableFile."""
    start = _LEADING.match(text).end()  # type: ignore[union-attr]
    kind = text[start : start + 1]
    opening = _OPENING.get(kind)
    m = opening.match(text, start) if opening else None
    if not m:
        return {}, text
    if not _KEY_LINE.match(text, m.end(), m.end() + 2000):
        return {}, text
    close = _CLOSING[kind].search(text, m.end(), m.end() + MAX_FRONT_MATTER + 8)
    if not close:
        if _CLOSING[kind].search(text, m.end()):
            raise UnreadableFile(f"the front matter is larger than {MAX_FRONT_MATTER // 1024} KB")
        return {}, text
    block = text[m.end() : close.start()]
    handler = _HANDLERS[0] if kind == "-" else _HANDLERS[1]
    try:
        data = handler.load(block)
    except UnreadableFile:
        raise
    except RecursionError as e:
        raise UnreadableFile("the front matter is nested too deeply") from e
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        # Front matter that does not parse (unknown YAML tags such as !!python/object, broken
        # syntax) is dropped: the article is imported without it, never titled "---".
        return {}, text[close.end() :].lstrip("\r\n")
    if not isinstance(data, dict):
        return {}, text
    return data, text[close.end() :].lstrip("\r\n")


@dataclass
class FrontMatterFields:
    """What an article takes from its front matter ("" or None when not given)."""

    title: str = ""
    source: str = ""
    published: str | None = None
    topic: str = ""
    url: str = ""


def article_fields(meta: dict[str, Any]) -> FrontMatterFields:
    if not meta:
        return FrontMatterFields()
    lowered = {str(k).lower(): v for k, v in meta.items()}
    return FrontMatterFields(
        title=_first_text(lowered, "title", "标题"),
        # Feed archivers write the outlet as `author`; an explicit source or publisher says it better.
        source=_first_text(lowered, "source", "publisher", "site", "site_name", "来源", "author", "作者"),
        published=parse_date(_first_value(lowered, "date", "published", "published_at", "pubdate", "日期")),
        topic=_first_text(lowered, "topic", "categories", "category", "tags"),
        url=_first_text(lowered, "url", "link", "source_url", "original_url", "permalink"),
    )


def _first_value(meta: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _first_text(meta: dict[str, Any], *keys: str) -> str:
    value = _first_value(meta, *keys)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value[:20] if v not in (None, ""))
    return " ".join(str(value).split())[:500] if value is not None else ""
