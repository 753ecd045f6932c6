"""The desk's story operations: list, split, merge, regroup. No Qt."""

from __future__ import annotations

from typing import Any

from ..core.models import UserError
from ..store.articles import ArticleFilter
from ..store.stories import StorySummary
from . import stories as story_ops
from .changes import Changes, Outcome
from .errors import plain_lock_errors


class StoryOperations:
    """Mixed into Desk: uses its `store()` and `gazetteer`."""

    store: Any
    gazetteer: Any

    # -- stories ----------------------------------------------------------------------------

    def stories(self, f: ArticleFilter = ArticleFilter(), *, limit: int = 50) -> list[StorySummary]:
        """The newest stories of a filter, each with its versions (desk/stories.py)."""
        return story_ops.list_stories(self.store(), f, limit)

    def story(self, article_id: int) -> StorySummary | None:
        return story_ops.story_of(self.store(), article_id)

    def split_story(self, article_id: int) -> Changes:
        """Take an article out of its story; the choice survives re-import and re-grouping."""
        with plain_lock_errors():
            story_ops.split(self.store(), article_id)
        return Changes(articles=frozenset([article_id]), rows=True, counts=True)

    def merge_stories(self, article_ids: list[int]) -> Changes:
        """Make the stories of these articles one; the choice survives re-import and re-grouping."""
        with plain_lock_errors():
            self.store().stories.merge(article_ids)
        return Changes(articles=frozenset(article_ids), rows=True, counts=True)

    def regroup_stories(self, *, jaccard: float | None = None) -> Outcome[int]:
        """Group every article again (after the threshold changed), the user's choices kept."""
        if jaccard is not None and not 0 < jaccard <= 1:
            raise UserError("The grouping threshold is a share between 0 and 1, e.g. 0.5.")
        with plain_lock_errors():
            done = self.store().stories.regroup(jaccard)
        return Outcome(done, Changes.everything())
