"""Files that sit in document folders but are not articles: the default skip list, as data.

Matched against a file's name, case-insensitively, with shell wildcards. A folder's README,
LICENSE or CHANGELOG (any extension, any case) describes the folder, and the operating
system's index files (.DS_Store, Thumbs.db, desktop.ini) describe nothing; importing them made
articles that were tagged and printed in briefings. The import lists each one it passes over
as "skipped (not an article)". The wizard shows this list for editing; `--exclude` adds to it.
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache

NOT_ARTICLE_NAMES = (
    # a project's or folder's own papers
    "readme", "readme.*", "read_me", "read_me.*", "read me", "read me.*",
    "license", "license.*", "license-*", "licence", "licence.*", "licence-*",
    "licenses", "licenses.*", "licences", "licences.*", "copying", "copying.*",
    "changelog", "changelog.*", "changes", "changes.md", "changes.txt", "changes.rst",
    "contributing", "contributing.*", "code_of_conduct", "code_of_conduct.*", "authors", "authors.*",
    "security.md", "citation.cff",
    # what operating systems and editors leave beside files
    ".ds_store", "._*", "thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r", ".directory",
    "~$*", ".~lock.*#", "*~", "*.swp", "*.tmp", "*.part", "*.crdownload",
)

NOT_ARTICLE_REASON = "skipped (not an article)"


def default_ignore_patterns() -> list[str]:
    """The default skip list (a copy: the caller may edit it)."""
    return list(NOT_ARTICLE_NAMES)


def matching_pattern(name: str, patterns: list[str] | tuple[str, ...]) -> str | None:
    """The first pattern that `name` matches, case-insensitively, or None."""
    lowered = name.lower()
    # One compiled expression answers "none" (nearly every file) at once, not one match a pattern.
    if not _any_pattern(tuple(patterns)).match(lowered):
        return None
    for pattern in patterns:
        if pattern and fnmatch.fnmatchcase(lowered, pattern.lower()):
            return pattern
    return None


@lru_cache(maxsize=16)
def _any_pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [fnmatch.translate(p.lower()) for p in patterns if p]
    return re.compile("|".join(f"(?:{a})" for a in alternatives) if alternatives else "(?!)")
