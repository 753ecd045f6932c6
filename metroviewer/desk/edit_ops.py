"""The desk's user edits: delete (with undo), edit title, source and date. No Qt."""

from __future__ import annotations

from typing import Any

from ..core.dates import parse_date
from ..core.models import UserError
from ..store.edits import Deleted
from .changes import Changes, Outcome
from .errors import plain_lock_errors


class EditOperations:
    """Mixed into Desk: uses its `store()` and `gazetteer`."""

    store: Any
    gazetteer: Any

    # -- deleting and editing ---------------------------------------------------------------

    def delete(self, article_ids: list[int], *, whole_documents: bool = False) -> Outcome[Deleted]:
        """Remove articles (or every article of their documents); a re-import does not bring
        them back. The outcome's value undoes it (`undo_delete`)."""
        store = self.store()
        if whole_documents:
            article_ids = store.edits.document_article_ids(article_ids)
        stories = store.stories.story_ids(article_ids)
        with plain_lock_errors():
            deleted = store.edits.delete(article_ids)
            store.stories.mark_leads(stories)  # a story whose lead went shows its next version
        return Outcome(deleted, Changes(articles=frozenset(deleted.article_ids), counts=True, rows=True,
                                        panels=True, regions=deleted.regions))

    def undo_delete(self, deleted: Deleted) -> Changes:
        with plain_lock_errors():
            restored = self.store().edits.restore(list(deleted.content_hashes))
            self.store().stories.mark_leads(self.store().stories.story_ids(restored))
        return Changes(articles=frozenset(restored), counts=True, rows=True, panels=True, regions=deleted.regions)

    def edit(self, article_id: int, *, title: str | None = None, source: str | None = None,
             date: str | None = None) -> Changes:
        """Change an article's title, source or date; the change survives re-importing its file."""
        if title is not None and not title.strip():
            raise UserError("A title cannot be empty.")
        published_at = parse_date(date) if date is not None else None
        if date is not None and published_at is None:
            raise UserError(f"{date!r} is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.")
        store = self.store()
        with plain_lock_errors():
            if not store.edits.edit(article_id, title=title.strip() if title else None,
                                    source=source.strip() if source is not None else None,
                                    published_at=published_at):
                raise UserError(f"There is no article {article_id}.")
        return Changes(articles=frozenset([article_id]), rows=True, panels=True)
