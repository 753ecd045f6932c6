"""Briefing recipes and the record of briefings made (for "since the previous run/briefing").

A recipe is stored as its name and its options (a dict, briefing/recipe.py gives it a shape),
so the store does not depend on the briefing package."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from sqlite_utils import Database

from .db import write_transaction


class StoredRecipe(NamedTuple):
    name: str
    options: dict[str, Any]
    last_run_at: str | None


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


class RecipeRepository:
    def __init__(self, db: Database):
        self.db = db

    def save(self, name: str, options: dict[str, Any]) -> None:
        """Save (or replace) a recipe under its name; a replaced one keeps its last run."""
        with write_transaction(self.db.conn):
            self.db.execute(
                "INSERT INTO briefing_recipes (name, options, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET options = excluded.options",
                [name, json.dumps(options, ensure_ascii=False), _now()])

    def get(self, name: str) -> StoredRecipe | None:
        row = self.db.execute("SELECT name, options, last_run_at FROM briefing_recipes WHERE name = ?",
                              [name]).fetchone()
        return StoredRecipe(row[0], json.loads(row[1]), row[2]) if row else None

    def all(self) -> list[StoredRecipe]:
        rows = self.db.execute("SELECT name, options, last_run_at FROM briefing_recipes ORDER BY name").fetchall()
        return [StoredRecipe(name, json.loads(options), last) for name, options, last in rows]

    def delete(self, name: str) -> bool:
        with write_transaction(self.db.conn):
            return self.db.execute("DELETE FROM briefing_recipes WHERE name = ?", [name]).rowcount > 0

    def mark_run(self, name: str, when: str | None = None) -> str:
        when = when or _now()
        with write_transaction(self.db.conn):
            self.db.execute("UPDATE briefing_recipes SET last_run_at = ? WHERE name = ?", [when, name])
        return when

    # -- briefings made --------------------------------------------------------------------

    def record_run(self, scope: str, articles: int, when: str | None = None) -> str:
        when = when or _now()
        with write_transaction(self.db.conn):
            # with the newest article then: "since the last briefing" (store/analyst.py) starts there
            self.db.execute("INSERT INTO briefing_runs (scope, compiled_at, articles, newest_id) "
                            "VALUES (?, ?, ?, (SELECT coalesce(max(id), 0) FROM articles))", [scope, when, articles])
        return when

    def previous_run(self, scope: str) -> str | None:
        """When the latest briefing of this scope was made, if one was."""
        row = self.db.execute("SELECT max(compiled_at) FROM briefing_runs WHERE scope = ?", [scope]).fetchone()
        return row[0] if row else None

    def imported_after(self, ids: list[int], when: str) -> list[int]:
        """Those of `ids` imported after `when`, newest first."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND imported_at > ? "
            "ORDER BY published_at DESC, id DESC", [json.dumps(ids), when])]
