"""The desk's briefing operations: compose, record, recipes. No Qt."""

from __future__ import annotations

from typing import Any

from ..briefing.compose import Briefing, compose_briefing
from ..briefing.labels import system_language
from ..briefing.recipe import FIXED, Recipe
from ..core.models import UserError
from .changes import Changes
from .errors import plain_lock_errors


def _now_iso() -> str:
    import datetime as dt

    return dt.datetime.now().replace(microsecond=0).isoformat()


class BriefingOperations:
    """Mixed into Desk: uses its `store()` and `gazetteer`."""

    store: Any
    gazetteer: Any

    # -- briefings --------------------------------------------------------------------------

    def compose_briefing(self, *, regions: list[str] | None = None, query: str = "", since: str | None = None,
                         until: str | None = None, article_ids: list[int] | None = None, language: str = "en",
                         group_by: str = "region", record: bool = False,
                         imported_after: tuple[int, str] | None = None) -> Briefing:
        """A briefing in `language` (en, zh_CN). `record`: remember it was made (a briefing that is
        saved or printed), so the next one of the same scope says what is new since.
        `imported_after` (article id, when): only the articles imported after it."""
        briefing = compose_briefing(self.store(), self.gazetteer, regions=regions, query=query, since=since,
                                    until=until, article_ids=article_ids, language=language, group_by=group_by,
                                    imported_after=imported_after)
        if record:
            self.record_briefing(briefing)
        return briefing

    def record_briefing(self, briefing: Briefing) -> Changes:
        if getattr(self, "read_only", None):
            return Changes()  # a read-only store still makes briefings; it just keeps no record of them
        with plain_lock_errors():
            self.store().recipes.record_run(briefing.scope_key, briefing.article_count)
        return Changes()

    def save_recipe(self, recipe: Recipe) -> Changes:
        if not recipe.name.strip():
            raise UserError("A recipe needs a name.")
        for region in recipe.regions:
            if region not in self.gazetteer.regions:
                raise UserError(f"No region is called {region!r}.")
        with plain_lock_errors():
            self.store().recipes.save(recipe.name.strip(), recipe.options())
        return Changes()

    def recipes(self) -> list[Recipe]:
        return [Recipe.from_options(r.name, r.options, r.last_run_at) for r in self.store().recipes.all()]

    def recipe(self, name: str) -> Recipe:
        found = self.store().recipes.get(name.strip())
        if found is None:
            known = ", ".join(r.name for r in self.recipes()) or "none yet"
            raise UserError(f"There is no briefing recipe called {name!r} (saved: {known}).")
        return Recipe.from_options(found.name, found.options, found.last_run_at)

    def delete_recipe(self, name: str) -> Changes:
        with plain_lock_errors():
            if not self.store().recipes.delete(name):
                raise UserError(f"There is no briefing recipe called {name!r}.")
        return Changes()

    def run_recipe(self, name: str, *, language: str | None = None, default_language: str | None = None,
                   record: bool = True) -> Briefing:
        """The recipe's briefing now; "since the previous run" starts where the last run was made.
        Its language: `language`, else the recipe's, else `default_language`, else the system's.
        `record` marks this run (and the briefing) as made."""
        recipe = self.recipe(name)
        started = _now_iso()
        briefing = self.compose_briefing(
            regions=recipe.regions, query=recipe.query, since=recipe.window_since(),
            until=recipe.until if recipe.window == FIXED else None,
            language=language or recipe.language or default_language or system_language(),
            group_by=recipe.group_by, record=record)
        if record and not getattr(self, "read_only", None):
            with plain_lock_errors():
                self.store().recipes.mark_run(recipe.name, started)
        return briefing

