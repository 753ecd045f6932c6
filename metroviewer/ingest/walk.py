"""Finding the files to import under the chosen paths: recursive, safe with links and odd files."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.limits import MAX_FILE_BYTES
from .not_articles import NOT_ARTICLE_REASON, default_ignore_patterns, matching_pattern
from .readers import is_supported


@dataclass
class Candidate:
    """A file to import, a path already known to fail (with the reason), or a file passed
    over on purpose (`skipped`: why; it is listed in the report, not imported, not a failure)."""

    path: Path
    failure: str | None = None
    skipped: str | None = None
    # A known file found changed was read and hashed to tell: its bytes and hash, to reuse.
    data: bytes | None = None
    digest: str | None = None


def display_path(path: Path | str) -> str:
    """A path as text that can always be stored and shown, even if its name is not valid UTF-8."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in patterns)


OUTSIDE_LINK = "a link to {0}, outside the imported folders: not followed"


def find_files(paths: list[Path | str], *, include: list[str] | None = None,
               exclude: list[str] | None = None, ignore: list[str] | None = None,
               follow_outside_links: bool = False) -> Iterator[Candidate]:
    """Every file to import under `paths`, in a stable order; folders are walked recursively.

    Inside folders, files named in `ignore` (default: not_articles.py's list) are yielded as
    skipped, not an article; hidden files and unsupported types are passed over silently.
    A path given directly is always reported, as imported or failed: the user chose it.
    Link loops are followed once. Links that lead out of the given folders are listed as
    failures and not followed (`follow_outside_links` follows them): a folder of clippings
    holding a link to / must not import the system's files.
    """
    include = include or []
    exclude = exclude or []
    ignore = default_ignore_patterns() if ignore is None else ignore
    visited_dirs: set[tuple[int, int]] = set()
    roots = None if follow_outside_links else [_resolved(Path(p)) for p in paths if Path(p).is_dir()]
    for given in paths:
        p = Path(given)
        if p.is_symlink() and not p.exists():
            yield Candidate(p, "a broken symbolic link (its target does not exist)")
            continue
        if not p.exists():
            yield Candidate(p, "no such file or folder")
            continue
        if p.is_dir():
            yield from _walk(p, include, exclude, ignore, visited_dirs, roots)
        else:
            yield _check_file(p, explicit=True)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return path.absolute()


def _outside(path: Path, roots: list[Path] | None) -> Path | None:
    """The target of a link that leads out of every root, or None."""
    if roots is None:
        return None
    target = _resolved(path)
    return None if any(target == r or target.is_relative_to(r) for r in roots) else target


def _walk(root: Path, include: list[str], exclude: list[str], ignore: list[str],
          visited: set[tuple[int, int]], roots: list[Path] | None = None) -> Iterator[Candidate]:
    try:
        st = root.stat()
    except OSError as e:
        yield Candidate(root, f"the folder cannot be read ({e.strerror})")
        return
    key = (st.st_dev, st.st_ino)
    if key in visited:
        return  # a link loop, or a folder reached twice
    visited.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        yield Candidate(root, f"the folder cannot be read ({e.strerror})")
        return
    for entry in entries:
        path = Path(entry.path)
        if ignore and matching_pattern(entry.name, ignore) and not _is_dir(entry):
            yield Candidate(path, skipped=NOT_ARTICLE_REASON)
            continue
        if entry.name.startswith("."):
            continue
        if exclude and _matches(entry.name, exclude):
            continue
        try:
            if entry.is_symlink():
                if not path.exists():
                    yield Candidate(path, "a broken symbolic link (its target does not exist)")
                    continue
                target = _outside(path, roots)
                if target is not None:
                    yield Candidate(path, OUTSIDE_LINK.format(display_path(target)))
                    continue
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(path, include, exclude, ignore, visited, roots)
                continue
        except OSError as e:
            yield Candidate(path, f"cannot be read ({e.strerror})")
            continue
        if include and not _matches(entry.name, include):
            continue
        if not is_supported(path) and entry.is_file():
            continue
        yield _check_file(path, explicit=False)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _check_file(path: Path, explicit: bool) -> Candidate:
    try:
        st = path.stat()
    except OSError as e:
        return Candidate(path, f"cannot be read ({e.strerror})")
    if stat.S_ISFIFO(st.st_mode):
        return Candidate(path, "a named pipe, not a file")
    if stat.S_ISSOCK(st.st_mode):
        return Candidate(path, "a socket, not a file")
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return Candidate(path, "a device, not a file")
    if not stat.S_ISREG(st.st_mode):
        return Candidate(path, "not a regular file")
    if st.st_size == 0:
        return Candidate(path, "the file is empty")
    if st.st_size > MAX_FILE_BYTES:
        return Candidate(path, f"the file is too large ({st.st_size // (1024 * 1024)} MB; the limit is "
                               f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if explicit and not is_supported(path):
        return Candidate(path, f"not a supported document type ({path.suffix.lower() or 'no extension'})")
    return Candidate(path)
