"""Recovering what can still be read of a damaged store into a new copy (store/recovery.py does
the reading). The damaged store is never written; the copy is a good store, opened read-write."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.models import UserError
from ..regions.gazetteer import Gazetteer
from ..store import Store
from ..store.recovery import copy_readable, open_damaged, recovery_target, remake_derived


@dataclass
class RecoveryReport:
    """What a recovery copied and what it could not read."""

    source: Path
    target: Path
    articles: int
    articles_counted: int | None  # how many the damaged store had, when it could still say
    losses: list[str] = field(default_factory=list)
    skipped_tables: list[str] = field(default_factory=list)
    retag_needed: bool = False

    @property
    def articles_lost(self) -> int | None:
        if self.articles_counted is None or self.articles_counted < self.articles:
            return None
        return self.articles_counted - self.articles

    def as_text(self) -> str:
        lost = self.articles_lost
        of = f" of {self.articles_counted}" if lost is not None else ""
        lines = [f"Recovered {self.articles}{of} articles from {self.source} into {self.target}."]
        if lost:
            lines.append(f"{lost} article{'s' if lost != 1 else ''} could not be read.")
        elif lost is None:
            lines.append("The damaged store could not say how many articles it had.")
        if self.losses:
            lines.append("Lost: " + "; ".join(self.losses) + ".")
        if self.skipped_tables:
            lines.append("Not copied (made by a newer MetroViewer): " + ", ".join(self.skipped_tables) + ".")
        if self.retag_needed:
            lines.append("Some region tags were lost: re-tag the copy (metroviewer retag) to tag every article again.")
        lines.append("The damaged store was not changed.")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"source": str(self.source), "target": str(self.target), "articles": self.articles,
                "articles_counted": self.articles_counted, "articles_lost": self.articles_lost,
                "losses": self.losses, "skipped_tables": self.skipped_tables, "retag_needed": self.retag_needed}


def recover_store(source: str | os.PathLike[str], target: str | os.PathLike[str] | None = None, *,
                  gazetteer: Gazetteer | None = None, progress: Callable[[str], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> RecoveryReport:
    """Copy what can be read of the store at `source` into a new store at `target` (default:
    NAME.recovered-YYYYMMDD-HHMMSS.db beside it); `progress` gets each table's name."""
    from .desk import Desk

    source = Path(source).expanduser()
    if not source.is_file():
        raise UserError(f"There is no store at {source}.")
    target = Path(target).expanduser() if target else recovery_target(source)
    if target.exists():
        raise UserError(f"{target} already exists; choose another name for the copy.")
    if target.resolve().parent == source.resolve().parent and target.name == source.name:
        raise UserError("The copy must be a new file, not the damaged store itself.")
    damaged = open_damaged(source)
    try:
        with Store(target) as copy:  # a new, empty store of this version
            salvage = copy_readable(damaged, copy.conn, progress, cancelled)
            remake_derived(copy.conn, salvage)
            if not copy.integrity_ok():
                raise UserError("The recovered copy did not pass SQLite's integrity check; it was removed.")
            articles = copy.articles.count()
        with Desk(target, gazetteer) as desk:
            desk.open()  # the region list, and the check every opening makes
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        raise
    finally:
        damaged.close()
    return RecoveryReport(source, target, articles, salvage.articles_counted, salvage.losses,
                          salvage.skipped_tables, salvage.tags_lost)
